import { parseArgs } from 'node:util';
import { knowledgeDir } from './paths.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { addressPolicy } from './ingest/address-policy.ts';
import { fetchLimitsFromEnv } from './ingest/fetch.ts';
import { readFeedConfig } from './ingest/feeds/config.ts';
import { FeedPoller, type FeedPollResult, type FeedStatus } from './ingest/feeds/poller.ts';
import type { AddIO } from './cli-add.ts';

export const FEEDS_USAGE = `Usage: keystone feeds [--poll] [--json] [--knowledge DIR]

Lists the news feeds (FEEDS) with their last poll and what they brought: items seen, added,
refused (and why), off topic, failing. --poll polls every feed once now, back-off or not.`;

function renderStatus(s: FeedStatus): string {
  const out = [`${s.url}${s.title ? `  (${s.title})` : ''}`];
  if (!s.lastPoll) out.push('  never polled');
  else {
    out.push(`  last poll ${s.lastPoll}: ${s.lastError ? `failed — ${s.lastError}` : 'ok'}`);
    if (s.failures) out.push(`  ${s.failures} failed poll(s) in a row; next scheduled try after ${s.retryAfter}`);
  }
  out.push(`  items seen ${s.seen}: added ${s.added}, refused ${s.refused}, off topic ${s.offTopic}, failing ${s.failing}`);
  for (const r of s.refusals) out.push(`  - ${r.status === 'failing' ? 'failing (will retry)' : 'refused'}: ${r.title ?? r.link} — ${r.reason}`);
  return out.join('\n');
}

function renderPoll(r: FeedPollResult): string {
  const head = { polled: 'polled', 'not-modified': 'not modified since the last poll', failed: `failed — ${r.error}`, 'backing-off': 'skipped (backing off)' }[r.outcome];
  const out = [`${r.feed}: ${head}`];
  for (const a of r.added) out.push(`  + added ${a.id}: ${a.title}`);
  for (const x of r.refused) out.push(`  - refused ${x.title ?? x.link}: ${x.reason}`);
  for (const x of r.failing) out.push(`  ! failing ${x.title ?? x.link}: ${x.reason} (will retry)`);
  if (r.offTopic) out.push(`  ${r.offTopic} item(s) off topic`);
  return out.join('\n');
}

/** keystone feeds [--poll]: what the feeds brought, and a poll on demand. */
export async function feedsCommand(argv: string[], io: AddIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { poll: { type: 'boolean' }, json: { type: 'boolean' }, knowledge: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${FEEDS_USAGE}`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) return (io.out(FEEDS_USAGE), 0);
  const dir = knowledgeDir(v.knowledge);
  let config;
  let policy;
  try {
    config = readFeedConfig(process.env, dir);
    policy = addressPolicy();
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  if (!config) {
    io.err('No feeds are configured: set FEEDS to one or more RSS or Atom URLs (see .env.example).');
    return 2;
  }
  const loaded = v.poll ? await loadKnowledge(dir) : null;
  const poller = new FeedPoller({ feeds: config.feeds, filter: config.filter, dir, existing: () => loaded?.articles ?? [], policy, limits: fetchLimitsFromEnv(), stateFile: config.stateFile });
  const polled = v.poll ? await poller.poll(true) : null;
  const status = poller.status();
  if (v.json) io.out(JSON.stringify({ command: 'feeds', filter: config.filter.text || null, schedule: config.schedule.text, ...(polled ? { polled } : {}), feeds: status }, null, 2));
  else {
    if (polled) io.out(`${polled.map(renderPoll).join('\n')}\n`);
    io.out(`Feeds (filter: ${config.filter.text || 'none'}; polled ${config.schedule.text} by the bot)\n\n${status.map(renderStatus).join('\n\n')}`);
  }
  return polled?.some((p) => p.outcome === 'failed') ? 1 : 0;
}

import { createHash } from 'node:crypto';
import path from 'node:path';
import { PROJECT_ROOT } from '../../paths.ts';
import { parseSchedule, type Schedule } from '../../schedule.ts';
import { compileFilter, type FeedFilter } from './filter.ts';

export interface FeedConfig {
  feeds: string[];
  filter: FeedFilter;
  schedule: Schedule;
  stateFile: string;
}

export const DEFAULT_FEED_SCHEDULE = 'every 15 minutes';

/** "every 15 minutes", "15m", "2h" as cron; anything else as a briefing schedule (daily time or cron). */
export function parseFeedSchedule(text: string): Schedule {
  const t = text.trim().toLowerCase();
  const m = /^(?:every\s+)?(\d+)\s*(m|min|mins|minutes?|h|hours?)$/.exec(t);
  if (!m) return parseSchedule(text);
  const n = Number(m[1]);
  const hours = m[2].startsWith('h');
  if (hours ? n < 1 || n > 24 || 24 % n !== 0 : n < 1 || n > 60 || 60 % n !== 0) {
    throw new Error(`"${text}": an interval must divide ${hours ? 'a day (1, 2, 3, 4, 6, 8, 12 or 24 hours)' : 'an hour (1, 2, 5, 10, 15, 20, 30 or 60 minutes)'}; or give a cron expression`);
  }
  const cron = hours ? (n === 24 ? '0 0 * * *' : `0 */${n} * * *`) : n === 60 ? '0 * * * *' : `*/${n} * * * *`;
  return { ...parseSchedule(cron), text: `every ${n} ${hours ? 'hour' : 'minute'}${n > 1 ? 's' : ''}` };
}

/** Where the poller keeps what it has seen: FEED_STATE_FILE, else one file per knowledge directory in .cache/. */
export function feedStateFile(dir: string, env: NodeJS.ProcessEnv = process.env): string {
  const set = (env.FEED_STATE_FILE ?? '').trim();
  if (set) return path.resolve(set);
  const key = createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 16);
  return path.join(PROJECT_ROOT, '.cache', `feeds-${key}.json`);
}

/** FEEDS (http(s) URLs, separated by spaces or commas), FEED_FILTER, FEED_SCHEDULE; null when FEEDS is unset. Throws a message naming the setting. */
export function readFeedConfig(env: NodeJS.ProcessEnv, dir: string): FeedConfig | null {
  const raw = (env.FEEDS ?? '').trim();
  if (!raw) return null;
  const feeds = [...new Set(raw.split(/[\s,]+/).filter(Boolean))];
  for (const f of feeds) {
    if (!/^https?:\/\/\S+$/i.test(f)) throw new Error(`FEEDS: "${f.slice(0, 80)}" is not an http(s) address; list feed URLs separated by spaces or commas`);
  }
  let filter: FeedFilter;
  let schedule: Schedule;
  try {
    filter = compileFilter(env.FEED_FILTER);
  } catch (e) {
    throw new Error((e as Error).message);
  }
  try {
    schedule = parseFeedSchedule((env.FEED_SCHEDULE ?? '').trim() || DEFAULT_FEED_SCHEDULE);
  } catch (e) {
    throw new Error(`FEED_SCHEDULE ${(e as Error).message}`);
  }
  return { feeds, filter, schedule, stateFile: feedStateFile(dir, env) };
}

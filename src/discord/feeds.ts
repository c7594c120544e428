import type { KnowledgeService } from '../knowledge/service.ts';
import { readFeedConfig } from '../ingest/feeds/config.ts';
import { FeedPoller } from '../ingest/feeds/poller.ts';
import { addressPolicy } from '../ingest/address-policy.ts';
import { fetchLimitsFromEnv } from '../ingest/fetch.ts';
import { Scheduler, type Clock } from '../schedule.ts';
import { logger } from '../log.ts';
import { ConfigError } from './config.ts';

export interface RunningFeeds {
  poller: FeedPoller;
  stop(): void;
}

/**
 * The bot's feed poller: FEEDS polled on FEED_SCHEDULE (and once when the knowledge base is in),
 * each new article written to the knowledge directory, then a reload so it is live at once.
 * Null when FEEDS is not set.
 */
export function startFeeds(env: NodeJS.ProcessEnv, dir: string, knowledge: KnowledgeService, clock: Clock, firstLoad: Promise<unknown>): RunningFeeds | null {
  let config;
  let policy;
  try {
    config = readFeedConfig(env, dir);
    policy = addressPolicy(env.KEYSTONE_ALLOW_PRIVATE_FETCH);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  if (!config) return null;
  const poller = new FeedPoller({
    feeds: config.feeds,
    filter: config.filter,
    dir,
    existing: () => knowledge.current?.articles ?? [],
    policy,
    limits: fetchLimitsFromEnv(env),
    stateFile: config.stateFile,
    now: () => clock.now(),
    log: (level, msg, fields) => logger[level](msg, fields),
  });
  let stopped = false;
  const run = async () => {
    if (stopped) return;
    try {
      const results = await poller.poll();
      if (results.some((r) => r.added.length)) await knowledge.reload();
    } catch (error) {
      logger.error('feed poll failed', { error });
    }
  };
  const scheduler = new Scheduler(config.schedule, run, clock);
  scheduler.start();
  void firstLoad.then(run, () => undefined);
  logger.info('feeds', { feeds: config.feeds.length, schedule: config.schedule.text, filter: config.filter.text || null, next: scheduler.next?.toISOString() });
  return {
    poller,
    stop: () => {
      stopped = true;
      scheduler.stop();
    },
  };
}

/** The briefing's line on what the feeds brought since the last one; null when they brought nothing. */
export function feedsLine(s: { added: number; refused: number }): string | null {
  if (!s.added && !s.refused) return null;
  return `From the news feeds since the last briefing: ${s.added} article${s.added === 1 ? '' : 's'} added${s.refused ? `, ${s.refused} refused (\`npx keystone feeds\` says why)` : ''}.`;
}

import type { KnowledgeService } from '../knowledge/service.ts';
import { readFeedConfig, type FeedConfig } from '../ingest/feeds/config.ts';
import { FeedPoller } from '../ingest/feeds/poller.ts';
import { Scheduler, type Clock } from '../schedule.ts';
import { logger } from '../log.ts';
import { ConfigError } from './config.ts';
import type { IngestSettings } from './manage.ts';

export interface RunningFeeds {
  poller: FeedPoller;
  stop(): void;
}

/**
 * The bot's feed poller (null without FEEDS): FEEDS polled on FEED_SCHEDULE (and once when the knowledge base is in),
 * each new article written to the knowledge directory, then a reload so it is live at once.
 */
export function startFeeds(config: FeedConfig | null, ingest: IngestSettings, knowledge: KnowledgeService, clock: Clock, firstLoad: Promise<unknown>): RunningFeeds | null {
  if (!config) return null;
  const poller = new FeedPoller({
    feeds: config.feeds,
    filter: config.filter,
    dir: knowledge.dir,
    existing: () => knowledge.current?.articles ?? [],
    policy: ingest.policy,
    limits: ingest.limits,
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

/** FEEDS, FEED_FILTER, FEED_SCHEDULE read and checked before anything starts; null when FEEDS is unset. */
export function feedConfigFrom(env: NodeJS.ProcessEnv, dir: string): FeedConfig | null {
  try {
    return readFeedConfig(env, dir);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
}

/** The briefing's line on what the feeds brought since the last one; null when they brought nothing. */
export function feedsLine(s: { added: number; refused: number }): string | null {
  if (!s.added && !s.refused) return null;
  return `From the news feeds since the last briefing: ${s.added} article${s.added === 1 ? '' : 's'} added${s.refused ? `, ${s.refused} refused (\`npx keystone feeds\` says why)` : ''}.`;
}

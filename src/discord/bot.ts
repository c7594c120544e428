import { Client, Events, GatewayIntentBits, type REST } from 'discord.js';
import { once } from 'node:events';
import type { KnowledgeService } from '../knowledge/service.ts';
import { addSecret, logger, setLogLevel } from '../log.ts';
import { systemClock, type Clock, type Scheduler } from '../schedule.ts';
import { connectionError, readBotConfig, type BotConfig } from './config.ts';
import { briefer, defaultBriefingStateFile, scheduleBriefings } from './briefing.ts';
import { serveGateway } from './gateway.ts';
import { terminateStuckCloses } from './close-watchdog.ts';
import { interactionRest } from './interaction-rest.ts';
import { serveKnowledge } from './serving.ts';
import type { BotContext } from './types.ts';
import { LEAD_SHARD } from './shard-protocol.ts';
import { exitOnSignals } from '../shutdown.ts';
import { feedConfigFrom, feedsLine, startFeeds } from './feeds.ts';
import { ingestFrom } from './manage.ts';
import type { FeedPoller } from '../ingest/feeds/poller.ts';

export interface BotOptions {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** Where the ids of already briefed articles are kept across restarts. */
  stateFile?: string;
  /** Install SIGINT/SIGTERM handlers that stop the bot and exit 0 (npm start does). */
  handleSignals?: boolean;
  knowledge?: KnowledgeService;
  /** Resolve only once the knowledge base is loaded (default); false returns as soon as the gateway is ready. */
  waitForKnowledge?: boolean;
  /** How long the bot's REST client (briefings, registration) waits for an answer before retrying (discord.js default 15 s). */
  restTimeoutMs?: number;
  /**
   * Run as one shard of several (the shard manager starts each so): the gateway session identifies
   * as that shard; only the lead shard writes the knowledge cache and posts briefings, and it posts
   * them when the manager says (no schedule of its own in any shard).
   */
  shard?: { id: number; count: number };
  /** Reloads the other shards and says how they did; /reload calls it after reloading this one. */
  reloadOthers?: () => Promise<string>;
}

export interface BotHandle {
  client: Client;
  /** The REST client interactions are answered through (no client-side global limit). */
  interactionRest: REST;
  config: BotConfig;
  knowledge: KnowledgeService;
  scheduler: Scheduler | null;
  /** The news-feed poller, when FEEDS is set. */
  feeds: FeedPoller | null;
  /** `at`: the scheduled time it is for (see Briefer.post). */
  postBriefing(at?: Date): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the Discord bot: knowledge (watched), gateway client, interaction handling, briefings. */
export async function startBot(opts: BotOptions = {}): Promise<BotHandle> {
  const env = opts.env ?? process.env;
  const config = readBotConfig(env);
  setLogLevel(config.logLevel);
  addSecret(config.token);
  const shard = opts.shard ?? { id: 0, count: 1 };
  const lead = shard.id === LEAD_SHARD;
  if (!opts.shard && env.SHARDS) logger.warn('SHARDS is discord.js’s own setting and is ignored here; set KEYSTONE_SHARDS=auto (or a number) to run sharded');
  // Settings that stop start-up are all read before anything starts.
  const ingest = ingestFrom(env);
  const feedConfig = feedConfigFrom(env, config.knowledgeDir);

  const { knowledge, firstLoad } = serveKnowledge(config.knowledgeDir, opts.knowledge, { readOnlyCache: !lead });
  // Feeds add through the same path as `keystone add`; polled by the lead shard only, or every shard would add each item.
  const feeds = startFeeds(lead ? feedConfig : null, ingest, knowledge, opts.clock ?? systemClock, firstLoad);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...(opts.restTimeoutMs ? { timeout: opts.restTimeoutMs } : {}) },
    // Always explicit, so discord.js never takes SHARDS / SHARD_COUNT from the environment on its own.
    shards: [shard.id],
    shardCount: shard.count,
    allowedMentions: { parse: [] },
  });
  const rest = interactionRest(config.apiUrl);

  const briefing = config.briefingChannelId && lead
    ? briefer({
      rest: client.rest, channelId: config.briefingChannelId, knowledge, stateFile: opts.stateFile ?? defaultBriefingStateFile(config.knowledgeDir, env),
      note: feeds ? () => feedsLine(feeds.poller.takeSummary()) : undefined,
    })
    : null;
  const postBriefing = async (at?: Date): Promise<string> => (briefing ? briefing.post(at) : 'no briefing channel is configured');

  const ctx: BotContext = { knowledge, postBriefing: briefing ? () => postBriefing() : null, reloadOthers: opts.reloadOthers, ingest };
  serveGateway(client, ctx, rest);
  const stopWatchdog = terminateStuckCloses(client);
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.ShardDisconnect, (e, shard) => logger.warn('gateway disconnected', { shard, code: e.code }));

  const scheduler = opts.shard ? null : scheduleBriefings(config.briefingSchedule, briefing, opts.clock);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    scheduler?.stop();
    stopWatchdog();
    feeds?.stop();
    knowledge.close();
    await knowledge.saveNow();
    await client.destroy();
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    logger.info('stopped');
  };

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.token);
  } catch (error) {
    stopWatchdog();
    knowledge.close();
    feeds?.stop();
    throw connectionError(error);
  }
  await ready;
  scheduler?.start();
  const briefingNote = scheduler ? `${config.briefingSchedule!.text}, next ${scheduler.next?.toISOString()}` : opts.shard && config.briefingSchedule ? (lead ? 'posted by this shard when the shard manager says' : `posted by shard ${LEAD_SHARD}`) : 'off';
  logger.info('ready', { user: client.user?.tag, guilds: client.guilds.cache.size, shard: shard.id, shards: shard.count, briefing: briefingNote });
  // Seed the briefing state once knowledge is in, so "new" means new since the bot first ran.
  const seeded = briefing?.firstRun ? firstLoad.then(() => postBriefing()) : firstLoad;
  if (opts.waitForKnowledge !== false) await seeded.catch(() => undefined);

  if (opts.handleSignals) exitOnSignals(stop);
  return { client, interactionRest: rest, config, knowledge, scheduler, feeds: feeds?.poller ?? null, postBriefing, stop };
}

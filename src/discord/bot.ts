import { Client, Events, GatewayIntentBits, type REST } from 'discord.js';
import { once } from 'node:events';
import type { KnowledgeService } from '../knowledge/service.ts';
import { addSecret, logger, setLogLevel } from '../log.ts';
import { systemClock, type Clock, type Scheduler } from '../schedule.ts';
import { ConfigError, readBotConfig, type BotConfig } from './config.ts';
import { briefer, defaultBriefingStateFile, scheduleBriefings } from './briefing.ts';
import { serveGateway } from './gateway.ts';
import { terminateStuckCloses } from './close-watchdog.ts';
import { interactionRest } from './interaction-rest.ts';
import { serveKnowledge } from './serving.ts';
import type { BotContext } from './types.ts';
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
  postBriefing(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the Discord bot: knowledge (watched), gateway client, interaction handling, briefings. */
export async function startBot(opts: BotOptions = {}): Promise<BotHandle> {
  const config = readBotConfig(opts.env ?? process.env);
  setLogLevel(config.logLevel);
  addSecret(config.token);
  // Settings that stop start-up are all read before anything starts.
  const env = opts.env ?? process.env;
  const ingest = ingestFrom(env);
  const feedConfig = feedConfigFrom(env, config.knowledgeDir);

  const { knowledge, firstLoad } = serveKnowledge(config.knowledgeDir, opts.knowledge);
  // Feeds add through the same path as `keystone add`.
  const feeds = startFeeds(feedConfig, ingest, knowledge, opts.clock ?? systemClock, firstLoad);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...(opts.restTimeoutMs ? { timeout: opts.restTimeoutMs } : {}) },
    allowedMentions: { parse: [] },
  });
  const rest = interactionRest(config.apiUrl);

  const briefing = config.briefingChannelId
    ? briefer({
      rest: client.rest, channelId: config.briefingChannelId, knowledge, stateFile: opts.stateFile ?? defaultBriefingStateFile(config.knowledgeDir),
      note: feeds ? () => feedsLine(feeds.poller.takeSummary()) : undefined,
    })
    : null;
  const postBriefing = async (): Promise<string> => (briefing ? briefing.post() : 'no briefing channel is configured');

  const ctx: BotContext = { knowledge, postBriefing: briefing ? postBriefing : null, ingest };
  serveGateway(client, ctx, rest);
  const stopWatchdog = terminateStuckCloses(client);
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.ShardDisconnect, (e, shard) => logger.warn('gateway disconnected', { shard, code: e.code }));

  const scheduler = scheduleBriefings(config.briefingSchedule, briefing, opts.clock);

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
    const status = (error as { status?: number; code?: string }).status;
    throw new ConfigError(status === 401 || (error as { code?: string }).code === 'TokenInvalid' ? 'Discord refused DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal and update .env' : `could not connect to Discord: ${(error as Error).message}`);
  }
  await ready;
  scheduler?.start();
  logger.info('ready', { user: client.user?.tag, guilds: client.guilds.cache.size, briefing: scheduler ? `${config.briefingSchedule!.text}, next ${scheduler.next?.toISOString()}` : 'off' });
  // Seed the briefing state once knowledge is in, so "new" means new since the bot first ran.
  const seeded = briefing?.firstRun ? firstLoad.then(() => postBriefing()) : firstLoad;
  if (opts.waitForKnowledge !== false) await seeded.catch(() => undefined);

  if (opts.handleSignals) exitOnSignals(stop);
  return { client, interactionRest: rest, config, knowledge, scheduler, feeds: feeds?.poller ?? null, postBriefing, stop };
}

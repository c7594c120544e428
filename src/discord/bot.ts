import { Client, Events, GatewayIntentBits, Routes } from 'discord.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { KnowledgeService, describeReload, type ProblemChanges, type ReloadReport } from '../knowledge/service.ts';
import { knowledgeService } from '../knowledge/open.ts';
import { brief } from '../answers/brief.ts';
import { ANSWER_DERIVED } from '../answers/index.ts';
import { TOPICS } from './suggest.ts';
import { briefPayload } from '../render/discord.ts';
import { addSecret, logger, setLogLevel } from '../log.ts';
import { Scheduler, systemClock, type Clock } from '../schedule.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { ConfigError, readBotConfig, type BotConfig } from './config.ts';
import { handleInteraction } from './handler.ts';
import type { BotContext } from './types.ts';

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
}

export interface BotHandle {
  client: Client;
  config: BotConfig;
  knowledge: KnowledgeService;
  scheduler: Scheduler | null;
  postBriefing(): Promise<string>;
  stop(): Promise<void>;
}

/** Articles already briefed, so a scheduled briefing posts only what is new. */
class BriefingState {
  private ids: Set<string> | null = null;
  constructor(private readonly file: string) {}

  load(): Set<string> | null {
    if (this.ids) return this.ids;
    try {
      this.ids = new Set(JSON.parse(readFileSync(this.file, 'utf8')).briefed as string[]);
    } catch {
      this.ids = null;
    }
    return this.ids;
  }

  save(ids: Set<string>): void {
    this.ids = ids;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify({ briefed: [...ids].sort() }, null, 1));
    } catch (error) {
      logger.warn('could not save the briefing state; new articles may be briefed twice after a restart', { file: this.file, error });
    }
  }
}

/** Starts the Discord bot: knowledge (watched), gateway client, interaction handling, briefings. */
export async function startBot(opts: BotOptions = {}): Promise<BotHandle> {
  const config = readBotConfig(opts.env ?? process.env);
  setLogLevel(config.logLevel);
  addSecret(config.token);

  // A file changed in the last quarter second may be half written: it is read on the next reload.
  const knowledge = opts.knowledge ?? knowledgeService(config.knowledgeDir, { derived: [...ANSWER_DERIVED, TOPICS], settleMs: 250 });
  knowledge.on('reload', (r: ReloadReport) => {
    logger.info('knowledge loaded', { summary: describeReload(r, { problems: false }), articles: r.articles, paragraphs: r.paragraphs, ms: r.ms, problems: r.problems.length });
  });
  knowledge.on('problems', ({ fresh, fixed }: ProblemChanges) => {
    for (const p of fresh) (p.severity === 'error' ? logger.warn : logger.info)('knowledge problem', { file: p.file, line: p.line, severity: p.severity, reason: p.message });
    for (const p of fixed) logger.info('knowledge problem gone', { file: p.file, line: p.line, reason: p.message });
  });
  knowledge.on('error', (error) => logger.error('knowledge reload failed; the last good knowledge base keeps serving', { error }));
  // Loading runs beside the gateway login; interactions that arrive first are deferred until it is done.
  const firstLoad: Promise<unknown> = knowledge.current ? Promise.resolve() : opts.knowledge ? knowledge.ready : knowledge.reload();
  firstLoad.catch((error) => logger.error('loading the knowledge base failed', { error }));
  knowledge.watch();

  const state = new BriefingState(opts.stateFile ?? path.join(PROJECT_ROOT, '.cache', `briefing-state-${Buffer.from(config.knowledgeDir).toString('base64url').slice(-40)}.json`));
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: config.apiUrl ? { api: config.apiUrl } : {},
    allowedMentions: { parse: [] },
  });

  const postBriefing = async (): Promise<string> => {
    if (!config.briefingChannelId) return 'no briefing channel is configured';
    const kb = knowledge.current ?? (await knowledge.ready);
    let briefed = state.load();
    if (!briefed) {
      // First run: what is already there counts as known; briefings cover what arrives from now on.
      state.save(new Set(kb.articles.map((a) => a.id)));
      logger.info('briefing: first run, current articles marked as known', { articles: kb.articles.length });
      return 'nothing new';
    }
    const fresh = kb.articles.filter((a) => !briefed!.has(a.id)).map((a) => a.id);
    if (fresh.length === 0) {
      logger.info('briefing: nothing new, nothing posted');
      return 'nothing new';
    }
    const payload = briefPayload(brief(kb, '', { ids: fresh }));
    await client.rest.post(Routes.channelMessages(config.briefingChannelId), { body: payload });
    state.save(new Set([...briefed, ...fresh]));
    logger.info('briefing posted', { channel: config.briefingChannelId, articles: fresh });
    return `posted a briefing of ${fresh.length} new article(s)`;
  };

  const ctx: BotContext = { knowledge, postBriefing: config.briefingChannelId ? postBriefing : null };
  client.on(Events.InteractionCreate, (i) => void handleInteraction(ctx, i));
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.ShardDisconnect, (e, shard) => logger.warn('gateway disconnected', { shard, code: e.code }));

  let scheduler: Scheduler | null = null;
  if (config.briefingSchedule && config.briefingChannelId) {
    scheduler = new Scheduler(config.briefingSchedule, async () => {
      try {
        await postBriefing();
      } catch (error) {
        logger.error('scheduled briefing failed', { error });
      }
    }, opts.clock ?? systemClock);
  }

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    scheduler?.stop();
    knowledge.close();
    await knowledge.saveNow();
    await client.destroy();
    logger.info('stopped');
  };

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.token);
  } catch (error) {
    knowledge.close();
    const status = (error as { status?: number; code?: string }).status;
    throw new ConfigError(status === 401 || (error as { code?: string }).code === 'TokenInvalid' ? 'Discord refused DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal and update .env' : `could not connect to Discord: ${(error as Error).message}`);
  }
  await ready;
  scheduler?.start();
  logger.info('ready', { user: client.user?.tag, guilds: client.guilds.cache.size, briefing: scheduler ? `${config.briefingSchedule!.text}, next ${scheduler.next?.toISOString()}` : 'off' });
  // Seed the briefing state once knowledge is in, so "new" means new since the bot first ran.
  const seeded = config.briefingChannelId && !state.load() ? firstLoad.then(() => postBriefing()) : firstLoad;
  if (opts.waitForKnowledge !== false) await seeded.catch(() => undefined);

  if (opts.handleSignals) {
    const onSignal = (signal: string) => {
      logger.info('shutting down', { signal });
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => onSignal('SIGINT'));
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  }
  return { client, config, knowledge, scheduler, postBriefing, stop };
}

import { Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { addSecret, forwardLogLine, logger, setLogContext, setLogLevel } from '../log.ts';
import type { Clock, Scheduler } from '../schedule.ts';
import { scheduleBriefings } from './briefing.ts';
import { ConfigError, connectionError, readBotConfig, readShardSetting } from './config.ts';
import { makeRest } from './register.ts';
import { LEAD_SHARD, isKeystoneMessage, type FromShard, type ShardReload, type ToShard } from './shard-protocol.ts';
import { exitOnSignals } from '../shutdown.ts';

/**
 * Gateway mode, sharded: discord.js's ShardingManager runs one process per shard (src/discord/
 * shard-main.ts), each a whole gateway bot with its own knowledge base, so shards use every core
 * and one crashing leaves the others serving (the manager starts it again). This process holds no
 * knowledge: it relays what must reach every shard (/reload) and keeps the briefing schedule,
 * asking shard 0 alone to post, so a briefing goes out once however many shards run.
 */

/** Discord lets `max_concurrency` shards identify per 5 seconds; the rest wait their turn. */
const IDENTIFY_WINDOW_MS = 5_500;
const SPAWN_TIMEOUT_MS = 60_000;
const ASK_TIMEOUT_MS = 60_000;

export interface ShardsOptions {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  handleSignals?: boolean;
}

export interface ShardsHandle {
  manager: ShardingManager;
  count: number;
  /** What GET /gateway/bot recommended. */
  recommended: number;
  scheduler: Scheduler | null;
  stop(): Promise<void>;
}

const SHARD_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'shard-main.ts');

/** A shard's output: its JSON log lines pass through this process's sink; anything else (a crash) is wrapped in one. */
function forwardOutput(shard: Shard, child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (line.startsWith('{')) forwardLogLine(line);
      else if (line.trim()) logger.warn('shard output', { from: shard.id, line });
    });
  }
}

export async function startShards(opts: ShardsOptions = {}): Promise<ShardsHandle> {
  const env = opts.env ? { ...process.env, ...opts.env } : process.env;
  const config = readBotConfig(env);
  const setting = readShardSetting(env);
  if (setting === null) throw new ConfigError('KEYSTONE_SHARDS is not set: say "auto" or how many shards to run');
  setLogLevel(config.logLevel);
  addSecret(config.token);
  setLogContext({ shard: 'manager' });

  const rest = makeRest(config.token, config.apiUrl);
  let gateway: RESTGetAPIGatewayBotResult;
  try {
    gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    throw connectionError(error);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  const count = setting === 'auto' ? gateway.shards : setting;
  const perWindow = Math.max(1, gateway.session_start_limit.max_concurrency);
  if (gateway.session_start_limit.remaining < count) {
    throw new ConfigError(`Discord allows ${gateway.session_start_limit.remaining} more gateway sessions until ${new Date(Date.now() + gateway.session_start_limit.reset_after).toISOString()}; ${count} shards need ${count}`);
  }

  const manager = new ShardingManager(SHARD_MAIN, {
    totalShards: count,
    token: config.token,
    mode: 'process',
    respawn: true,
    // The shard runs TypeScript as npm start does; tsx is resolved from here, whatever the working directory.
    execArgv: ['--import', import.meta.resolve('tsx')],
    silent: true,
  });

  // Requests the manager makes of shards, by id, until the answer comes.
  const waiting = new Map<number, (m: FromShard) => void>();
  let nextRequest = 1;
  const ask = (shard: Shard, make: (request: number) => ToShard, what: string): Promise<FromShard> => {
    const request = nextRequest++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(request);
        reject(new Error(`shard ${shard.id} did not answer (${what}) within ${ASK_TIMEOUT_MS / 1000} s`));
      }, ASK_TIMEOUT_MS);
      waiting.set(request, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      shard.send(make(request)).catch((error: Error) => {
        clearTimeout(timer);
        waiting.delete(request);
        reject(error);
      });
    });
  };

  const reloadAllBut = async (from: Shard): Promise<ShardReload[]> =>
    Promise.all(
      [...manager.shards.values()].filter((s) => s.id !== from.id).map((s) =>
        ask(s, (request) => ({ keystone: 'reload', request }), 'reload').then(
          (m) => (m.keystone === 'reloaded' ? m.reload : { shard: s.id, ok: false, summary: 'unexpected answer' }),
          (e: Error) => ({ shard: s.id, ok: false, summary: e.message }),
        ),
      ),
    );

  const onMessage = (shard: Shard, m: unknown) => {
    if (!isKeystoneMessage<FromShard>(m)) return;
    if (m.keystone === 'reload-all') {
      logger.info('reload asked by a shard; reloading the others', { from: shard.id });
      void reloadAllBut(shard).then((shards) => shard.send({ keystone: 'reload-done', request: m.request, shards } satisfies ToShard).catch(() => undefined));
      return;
    }
    waiting.get(m.request)?.(m);
    waiting.delete(m.request);
  };

  let stopping = false;
  const shards: Shard[] = [];
  for (let id = 0; id < count; id++) {
    const shard = manager.createShard(id);
    // The environment this manager was given, not only its own process's (tests pass one).
    shard.env = { ...env, SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: String(id), SHARD_COUNT: String(count), DISCORD_TOKEN: config.token };
    shard.on('spawn', (child) => forwardOutput(shard, child as ChildProcess));
    shard.on('message', (m: unknown) => onMessage(shard, m));
    shard.on('death', (child) => {
      if (!stopping) logger.warn('a shard exited; starting it again', { from: shard.id, code: (child as ChildProcess).exitCode });
    });
    shard.on('error', (error: Error) => logger.error('shard error', { from: shard.id, error }));
    shards.push(shard);
  }

  const lead = shards[LEAD_SHARD];
  const scheduler = scheduleBriefings(config.briefingChannelId ? config.briefingSchedule : null, {
    post: async (at = new Date()) => {
      const m = await ask(lead, (request) => ({ keystone: 'brief', request, at: at.toISOString() }), 'briefing');
      return m.keystone === 'briefed' ? m.result : 'unexpected answer';
    },
  }, opts.clock);

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    scheduler?.stop();
    manager.respawn = false;
    await Promise.all(shards.map(async (s) => {
      const child = s.process;
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      s.kill();
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) child.kill('SIGKILL');
    }));
    logger.info('stopped');
  };

  try {
    for (let i = 0; i < count; i += perWindow) {
      if (i > 0) await sleep(IDENTIFY_WINDOW_MS);
      await Promise.all(shards.slice(i, i + perWindow).map((s) => s.spawn(SPAWN_TIMEOUT_MS)));
    }
  } catch (error) {
    await stop();
    throw new ConfigError(`a shard did not start: ${(error as Error).message}`);
  }
  scheduler?.start();
  logger.info('shards ready', { shards: count, recommended: gateway.shards, briefing: scheduler ? `${config.briefingSchedule!.text}, posted by shard ${LEAD_SHARD}, next ${scheduler.next?.toISOString()}` : 'off' });
  if (opts.handleSignals) exitOnSignals(stop);
  return { manager, count, recommended: gateway.shards, scheduler, stop };
}

import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, envReader } from '../discord/config.ts';
import { logger, setLogContext } from '../log.ts';
import { readServeConfig } from './config.ts';
import { startServer, type ServerHandle } from './server.ts';
import { exitOnSignals } from '../shutdown.ts';

/**
 * `keystone serve --workers N`: N copies of the endpoint on one machine, sharing one port (node:cluster
 * hands each new connection to a worker in turn), so one machine's cores all answer. A worker is
 * a replica like any other: its own knowledge base, the same directory and cache; worker 1 alone
 * writes the cache, and the briefing claim makes a briefing go out once.
 */

/** --workers (or KEYSTONE_WORKERS): a number, or `auto` for one per core; 1 when unset. */
export function readWorkers(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  const v = flag ?? envReader(env)('KEYSTONE_WORKERS');
  if (!v) return 1;
  if (v.toLowerCase() === 'auto') return os.availableParallelism();
  if (!/^\d{1,3}$/.test(v) || Number(v) < 1) throw new ConfigError(`--workers (KEYSTONE_WORKERS) must be "auto" or a number from 1; got "${v.slice(0, 20)}"`);
  return Number(v);
}

/** In a worker: its number (1-based), else null. */
const workerNumber = (): number | null => (cluster.isWorker ? Number(process.env.KEYSTONE_WORKER) : null);

/** Runs the endpoint in this process, or as `count` workers under this one; resolves once it serves. */
export async function serveHttp(opts: { port?: string; workers: number; env?: NodeJS.ProcessEnv }): Promise<ServerHandle | null> {
  const env = opts.env ?? process.env;
  const worker = workerNumber();
  if (worker !== null || opts.workers <= 1) {
    if (worker !== null) {
      setLogContext({ worker });
      // The primary gone means nobody hands out connections: stop rather than linger.
      process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    }
    return startServer({ env, port: opts.port, handleSignals: true, readOnlyCache: worker !== null && worker !== 1 });
  }
  // Settings are checked once, here, so a bad one is one line rather than one per worker.
  readServeConfig(env, { port: opts.port });
  setLogContext({ worker: 'primary' });
  let stopping = false;
  const fork = (n: number): Worker => {
    const w = cluster.fork({ ...env, KEYSTONE_WORKER: String(n) });
    w.on('exit', (code, signal) => {
      if (stopping) return;
      logger.warn('a worker exited; starting it again', { from: n, code, signal });
      void sleep(1_000).then(() => !stopping && fork(n));
    });
    return w;
  };
  const workers = Array.from({ length: opts.workers }, (_, i) => fork(i + 1));
  await Promise.all(workers.map((w) => once(w, 'listening')));
  logger.info('workers listening', { workers: opts.workers });
  const stop = async () => {
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map(async (w) => {
      if (!w || w.isDead()) return;
      const exited = once(w, 'exit');
      w.process.kill('SIGTERM');
      if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]))) w.process.kill('SIGKILL');
    }));
  };
  exitOnSignals(stop);
  return null;
}

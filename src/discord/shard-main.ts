/**
 * One shard process, started by the shard manager (shards.ts) through discord.js's ShardingManager,
 * which sets SHARDS (this shard's id) and SHARD_COUNT. It is the gateway bot with that identity,
 * plus the manager's relay: reloads that must reach every shard, and briefings shard 0 posts.
 */
import { loadEnv } from '../config.ts';
import { describeReload } from '../knowledge/service.ts';
import { logger, setLogContext } from '../log.ts';
import { startBot, type BotHandle } from './bot.ts';
import { ConfigError } from './config.ts';
import { isKeystoneMessage, type FromShard, type ShardReload, type ToShard } from './shard-protocol.ts';

const RELOAD_WAIT_MS = 30_000;

loadEnv();
const id = Number(process.env.SHARDS);
const count = Number(process.env.SHARD_COUNT);
setLogContext({ shard: id });
const send = (m: FromShard) => process.send?.(m);

const waiting = new Map<number, (shards: ShardReload[]) => void>();
let nextRequest = 1;

/** Asks the manager to reload every other shard; says how each did. */
function reloadOthers(): Promise<string> {
  const request = nextRequest++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(request);
      resolve(`Other shards: no word from the shard manager within ${RELOAD_WAIT_MS / 1000} s.`);
    }, RELOAD_WAIT_MS);
    waiting.set(request, (shards) => {
      clearTimeout(timer);
      resolve(shards.length ? shards.map((s) => `Shard ${s.shard}: ${s.ok ? '' : 'failed: '}${s.summary}`).join('\n') : 'There are no other shards.');
    });
    send({ keystone: 'reload-all', request });
  });
}

const started: Promise<BotHandle> = startBot({ handleSignals: true, shard: { id, count }, reloadOthers });

process.on('message', (m: unknown) => {
  if (!isKeystoneMessage<ToShard>(m)) return;
  if (m.keystone === 'reload-done') {
    waiting.get(m.request)?.(m.shards);
    waiting.delete(m.request);
    return;
  }
  void started.then(async (bot) => {
    if (m.keystone === 'reload') {
      const reload = await bot.knowledge.reload().then(
        (r) => ({ shard: id, ok: true, summary: describeReload(r) }),
        (e: Error) => ({ shard: id, ok: false, summary: e.message }),
      );
      send({ keystone: 'reloaded', request: m.request, reload });
    } else if (m.keystone === 'brief') {
      const result = await bot.postBriefing(new Date(m.at)).catch((e: Error) => `failed: ${e.message}`);
      send({ keystone: 'briefed', request: m.request, result });
    }
  });
});

// The manager gone (crashed or killed) means nobody relays or respawns: stop cleanly rather than linger.
process.on('disconnect', () => {
  logger.warn('the shard manager is gone; stopping');
  void started.then((bot) => bot.stop()).finally(() => process.exit(0));
});

started.catch((e) => {
  process.stderr.write(`keystone shard ${id}: ${e instanceof ConfigError ? e.message : (e as Error).stack ?? e}\n`);
  process.exit(1);
});

import type { Client } from 'discord.js';
import { logger } from '../log.ts';

/** A gateway connection waiting longer than this for the server's answer to its close is taken as dead. */
const STUCK_CLOSE_MS = 1500;
const CHECK_EVERY_MS = 250;
const CLOSING = 2;

interface ShardLike {
  id: number;
  connection?: { readyState: number; terminate(): void } | null;
}

/** The shards of discord.js's gateway manager (@discordjs/ws): not public API, so read defensively. */
function shardsOf(client: Client): ShardLike[] {
  const manager = (client.ws as unknown as { _ws?: { strategy?: { shards?: Map<number, ShardLike> } } })._ws;
  const shards = manager?.strategy?.shards;
  return shards instanceof Map ? [...shards.values()] : [];
}

/**
 * Ends gateway connections stuck closing. When heartbeats go unacknowledged (a zombie connection),
 * discord.js closes the socket and waits for the server to answer the close before it resumes; a
 * zombie never answers, and the `ws` socket gives up only after 30 s. Terminating it after 1.5 s
 * lets discord.js resume at once. Returns the function that stops watching.
 */
export function terminateStuckCloses(client: Client): () => void {
  const closingSince = new WeakMap<object, number>();
  const timer = setInterval(() => {
    const now = performance.now();
    for (const shard of shardsOf(client)) {
      const c = shard.connection;
      if (!c || c.readyState !== CLOSING) continue;
      const since = closingSince.get(c) ?? now;
      closingSince.set(c, since);
      if (now - since < STUCK_CLOSE_MS) continue;
      logger.warn('gateway connection stuck closing (zombie): terminated so it can resume', { shard: shard.id, ms: Math.round(now - since) });
      c.terminate();
    }
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A child process for the cache tests: loads a knowledge directory, writes its cache, and is
 * stopped by `signal` after `writes` writes to the cache file, exactly where a real stop could land.
 * Usage: tsx die-writing-cache.ts <knowledge dir> <cache file> <SIGKILL|SIGTERM> <writes>
 */
import { open } from 'node:fs/promises';
import { KnowledgeService } from '../../src/knowledge/service.ts';

const [dir, cacheFile, signal, writes] = process.argv.slice(2);
const probe = await open(process.argv[1], 'r');
const proto = Object.getPrototypeOf(probe) as { write: (...a: unknown[]) => Promise<unknown> };
await probe.close();
const write = proto.write;
let n = 0;
proto.write = async function (this: unknown, ...args: unknown[]) {
  const r = await write.apply(this, args);
  if (++n === Number(writes)) process.kill(process.pid, signal as NodeJS.Signals);
  return r;
};
const svc = new KnowledgeService(dir, { cacheFile });
await svc.reload();
await svc.saveNow();
// Reaching here means the signal never came: the test fails on the exit code.
process.exit(3);

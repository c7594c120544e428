import { readdir, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readHeader } from './snapshot.ts';

export interface TidyOptions {
  /** Caches kept at most; the least recently used beyond this are removed. */
  keep?: number;
  /** A temporary file older than this is stale even if its writer's pid is alive again (pids are reused). */
  staleTmpMs?: number;
  /** The cache this process is about to use: never removed. */
  current?: string | null;
  /** Also drop caches of folders that are gone and the least recently used (reads each cache's header): done after a write, not at every start. */
  caches?: boolean;
  now?: number;
}

export interface TidyReport {
  removed: string[];
}

const TMP = /\.(\d+)\.[a-z0-9]+\.tmp$/;
const CACHE = /^knowledge-[0-9a-f]+\.v8$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Housekeeping of the cache directory: temporary files of writers that were stopped mid-write
 * (SIGKILL, a crash) are removed; with `caches`, so are caches of knowledge directories that no
 * longer exist, and of the rest only the `keep` most recently used stay. Never throws: the cache is optional.
 */
export async function tidyCacheDir(dir: string, opts: TidyOptions = {}): Promise<TidyReport> {
  const removed: string[] = [];
  const now = opts.now ?? Date.now();
  const keep = opts.keep ?? 16;
  const staleTmpMs = opts.staleTmpMs ?? 3_600_000;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { removed };
  }
  const drop = async (name: string) => {
    await rm(path.join(dir, name), { force: true }).then(() => removed.push(name), () => undefined);
  };
  const caches: { name: string; mtimeMs: number }[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const tmp = TMP.exec(name);
    if (tmp && name.startsWith('knowledge-')) {
      const pid = Number(tmp[1]);
      const st = await stat(full).catch(() => null);
      if (!st) continue;
      if (pid !== process.pid && (!alive(pid) || now - st.mtimeMs > staleTmpMs)) await drop(name);
      continue;
    }
    if (!opts.caches || !CACHE.test(name) || full === opts.current) continue;
    const header = await readHeader(full);
    if (header?.dir && !existsSync(header.dir)) {
      await drop(name);
      continue;
    }
    const st = await stat(full).catch(() => null);
    if (st) caches.push({ name, mtimeMs: st.mtimeMs });
  }
  const room = Math.max(0, keep - (opts.current ? 1 : 0));
  caches.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const c of caches.slice(room)) await drop(c.name);
  return { removed };
}

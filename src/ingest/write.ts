import { link, mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Checked } from './types.ts';
import { relativeFileOf } from './ingest.ts';

export class IdTakenError extends Error {}

let queue: Promise<unknown> = Promise.resolve();
/** One write at a time in this process: the feed poller and /add never race for an id. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Writes a checked article into the knowledge directory atomically: the text goes to a hidden
 * temporary file (the loader and the watcher skip dot files), is flushed to disk, then appears
 * under its name in one step, so a running bot never reads half a file. A new article never
 * overwrites another (link fails if the name is taken); a replacement renames over the old file.
 * Returns the path written.
 */
export function writeArticle(dir: string, checked: Checked): Promise<string> {
  return serial(async () => {
    await mkdir(dir, { recursive: true });
    const target = path.join(dir, checked.fileName);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(checked.text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      if (checked.replaces) {
        await rename(tmp, target);
        const old = path.join(dir, relativeFileOf(checked.replaces));
        if (path.resolve(old) !== path.resolve(target)) await rm(old, { force: true });
      } else {
        try {
          await link(tmp, target);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new IdTakenError(`${checked.fileName} was created meanwhile; add the article again to get a free id`);
          throw e;
        }
      }
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    return target;
  });
}

/**
 * Takes an article out of the knowledge directory: its file moves to `.removed/` inside it (which
 * the loader skips), so a mistaken removal can be undone by moving it back.
 */
export function removeArticleFile(dir: string, relFile: string): Promise<string> {
  return serial(async () => {
    const from = path.join(dir, relFile);
    const bin = path.join(dir, '.removed');
    await mkdir(bin, { recursive: true });
    const to = path.join(bin, `${new Date().toISOString().replace(/[:.]/g, '-')}-${path.basename(relFile)}`);
    await rename(from, to);
    return to;
  });
}

import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeService } from '../src/knowledge/service.ts';
import { tidyCacheDir } from '../src/knowledge/cache-dir.ts';
import { loadSnapshot, readHeader } from '../src/knowledge/snapshot.ts';
import { runCommand } from '../src/answers/index.ts';
import { generateCorpus } from '../bench/lib/synthetic.ts';
import { ROOT, tempKnowledge } from './helpers.ts';

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));

/** A child that writes the cache of `dir` and is stopped by `signal` in the middle of the write. */
function dieWritingCache(dir: string, cacheFile: string, signal: NodeJS.Signals, writes: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, 'tests/support/die-writing-cache.ts', dir, cacheFile, signal, String(writes)], { cwd: ROOT, stdio: 'ignore' });
    child.on('exit', (code, sig) => resolve({ code, signal: sig }));
  });
}

const cacheFiles = (d: string) => readdirSync(d).filter((n) => n.endsWith('.v8'));
const tmpFiles = (d: string) => readdirSync(d).filter((n) => n.endsWith('.tmp'));

describe('the cache when the process is stopped while writing it', () => {
  it('leaves no half-written cache that is ever read, and the next start removes the stale temporary file', async () => {
    const dir = tmp('keystone-kill-kb-');
    generateCorpus(dir, 1000, 11);
    for (const [signal, writes] of [['SIGKILL', 3], ['SIGTERM', 20]] as const) {
      const cacheDir = tmp('keystone-kill-cache-');
      const cacheFile = path.join(cacheDir, 'knowledge-0123456789abcdef.v8');
      const died = await dieWritingCache(dir, cacheFile, signal, writes);
      // tsx runs the script in a child and passes its death on as 128 + the signal's number.
      expect(died.signal ?? died.code).toBe(died.signal ? signal : 128 + os.constants.signals[signal]);
      // The writer died holding only its temporary file: nothing under the cache's name, so nothing half-written is read.
      expect(cacheFiles(cacheDir)).toEqual([]);
      expect(tmpFiles(cacheDir)).toHaveLength(1);

      const svc = new KnowledgeService(dir, { cacheFile });
      const r = await svc.reload();
      expect(r.mode).toBe('rebuilt');
      expect(tmpFiles(cacheDir)).toEqual([]); // the dead writer's file is gone
      expect(runCommand(svc.current!, 'sources', '').total).toBe(50);
      await svc.saveNow();
      const again = new KnowledgeService(dir, { cacheFile });
      expect((await again.reload()).mode).toBe('cache');
    }
  }, 120_000);

  it('a temporary file of a writer that is still alive is left alone; one of a dead writer or a very old one is removed', async () => {
    const cacheDir = tmp('keystone-tidy-');
    const ours = `knowledge-aaaaaaaaaaaaaaaa.v8.${process.pid}.abc123.tmp`;
    const dead = 'knowledge-aaaaaaaaaaaaaaaa.v8.999999999.abc123.tmp';
    const old = `knowledge-bbbbbbbbbbbbbbbb.v8.${process.ppid}.def456.tmp`;
    for (const n of [ours, dead, old]) writeFileSync(path.join(cacheDir, n), 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(path.join(cacheDir, old), twoHoursAgo, twoHoursAgo);
    const r = await tidyCacheDir(cacheDir);
    expect(r.removed.sort()).toEqual([dead, old].sort());
    expect(readdirSync(cacheDir)).toEqual([ours]);
  });
});

describe('caches of many knowledge directories', () => {
  it('drops the caches of directories that no longer exist, and keeps only the most recently used', async () => {
    const cacheDir = tmp('keystone-many-');
    const dirs = Array.from({ length: 4 }, (_, i) => tempKnowledge({ [`a${i}.md`]: `---\ntitle: Article ${i}\n---\n\nEnvoy Anna Berg met officials, part ${i}.\n` }));
    for (const [i, d] of dirs.entries()) {
      const svc = new KnowledgeService(d, { cacheFile: path.join(cacheDir, `knowledge-${String(i).repeat(16)}.v8`) });
      await svc.reload();
      await svc.saveNow();
    }
    expect((await readHeader(path.join(cacheDir, 'knowledge-0000000000000000.v8')))?.dir).toBe(path.resolve(dirs[0]));
    rmSync(dirs[1], { recursive: true });
    rmSync(dirs[2], { recursive: true });
    // Opening the first directory again reads its cache; writing one tidies: the caches of the two removed directories go.
    const svc = new KnowledgeService(dirs[0], { cacheFile: path.join(cacheDir, 'knowledge-0000000000000000.v8') });
    expect((await svc.reload()).mode).toBe('cache');
    expect(cacheFiles(cacheDir)).toHaveLength(4); // starting reads no other cache
    await svc.saveNow();
    expect(cacheFiles(cacheDir).sort()).toEqual(['knowledge-0000000000000000.v8', 'knowledge-3333333333333333.v8']);

    // Past the bound, the least recently used go first; the one in use always stays.
    for (let i = 0; i < 20; i++) {
      const f = path.join(cacheDir, `knowledge-${i.toString(16).padStart(16, 'f')}.v8`);
      writeFileSync(f, 'x');
      const t = new Date(Date.now() - (i + 10) * 60_000);
      utimesSync(f, t, t);
    }
    const current = path.join(cacheDir, 'knowledge-0000000000000000.v8');
    const old = new Date(Date.now() - 86_400_000);
    utimesSync(current, old, old);
    await tidyCacheDir(cacheDir, { keep: 5, current, caches: true });
    // The one in use, the one used a moment ago, then the three most recent of the twenty.
    expect(cacheFiles(cacheDir).sort()).toEqual(['knowledge-0000000000000000.v8', 'knowledge-3333333333333333.v8', 'knowledge-fffffffffffffff0.v8', 'knowledge-fffffffffffffff1.v8', 'knowledge-fffffffffffffff2.v8']);
    expect(existsSync(path.join(cacheDir, 'knowledge-fffffffffffffff9.v8'))).toBe(false);
    // What is not a whole cache is never read.
    expect(await loadSnapshot(path.join(cacheDir, 'knowledge-fffffffffffffff1.v8'), dirs[0])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync, openSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeService, type ProblemChanges, type ReloadReport } from '../src/knowledge/service.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { formatProblem } from '../src/knowledge/types.ts';
import { runCommand } from '../src/answers/index.ts';
import { KNOWLEDGE } from './helpers.ts';

const article = (title: string, paragraphs: string[]) => `---\ntitle: ${title}\npublished: 2026-01-10\n---\n\n${paragraphs.join('\n\n')}\n`;
const GENEVA = article('Envoys meet in Geneva', ['Special envoy Anna Berg met officials in Geneva on Friday.', '“We made progress,” Berg said.']);

function knowledgeCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-bad-'));
  cpSync(KNOWLEDGE, dir, { recursive: true });
  return dir;
}

/** A service whose problem reports are collected, as the bot logs them: one line each. */
function watched(dir: string, opts: ConstructorParameters<typeof KnowledgeService>[1] = {}) {
  const svc = new KnowledgeService(dir, opts);
  const fresh: string[] = [];
  const fixed: string[] = [];
  svc.on('problems', (c: ProblemChanges) => {
    fresh.push(...c.fresh.map(formatProblem));
    fixed.push(...c.fixed.map(formatProblem));
  });
  return { svc, fresh, fixed };
}

const MIAMI = 'Miami talks on ending the war in Ukraine';

async function waitUntil(probe: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const titles = (svc: KnowledgeService) => svc.current!.articles.map((a) => a.title).sort();

describe('a knowledge directory with bad files', () => {
  it('serves the good files and the last good version of a broken one, reporting each problem once', async () => {
    const dir = knowledgeCopy();
    writeFileSync(path.join(dir, 'geneva.md'), GENEVA);
    const { svc, fresh, fixed } = watched(dir);
    await svc.reload();
    expect(titles(svc)).toEqual(['Envoys meet in Geneva', MIAMI]);

    writeFileSync(path.join(dir, 'geneva.md'), '---\ntitle: [unclosed\n---\nText.\n'); // breaks a good file
    writeFileSync(path.join(dir, 'empty.md'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    writeFileSync(path.join(dir, 'dupe.txt'), 'Another file called dupe.\n');
    writeFileSync(path.join(dir, 'dupe.md'), article('Dupe', ['Text of the first dupe.']));
    // 50 MB: skipped by its size, never read into memory.
    const big = path.join(dir, 'huge.md');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    writeSync(fd, '---\ntitle: Huge\n---\n', 0);
    closeSync(fd);

    const heapBefore = process.memoryUsage().heapUsed;
    const reports: ReloadReport[] = [];
    for (let i = 0; i < 3; i++) reports.push(await svc.reload());
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);

    // The last good Geneva keeps serving; the new bad files are left out; answers still work.
    expect(titles(svc)).toEqual(['Dupe', 'Envoys meet in Geneva', MIAMI]);
    expect(runCommand(svc.current!, 'who', 'Anna Berg').results[0].citation.article).toBe('geneva');
    expect(runCommand(svc.current!, 'who', 'Witkoff').results.length).toBeGreaterThan(0);

    const base = path.basename(dir);
    const expected = [
      [`${base}/geneva.md`, /front matter is not valid YAML.*\(serving its last good version until it is fixed\)$/],
      [`${base}/empty.md`, /is empty/],
      [`${base}/binary.txt`, /not a text file/],
      [`${base}/dupe.txt`, /same article id "dupe" as .*dupe\.md/],
      [`${base}/huge.md`, /is 52 MB; knowledge files over 5 MB are skipped/],
    ] as const;
    for (const [file, reason] of expected) {
      const lines = fresh.filter((l) => l.startsWith(`${file}`));
      expect(lines, `${file}: ${fresh.join('\n')}`).toHaveLength(1);
      expect(lines[0]).toMatch(reason);
    }
    expect(fresh).toHaveLength(expected.length);
    // The problem list of every reload holds each once: the suffix is not appended again and again.
    for (const r of reports) expect(r.problems.filter((p) => p.file.endsWith('geneva.md'))[0].message.match(/serving its last good/g)).toHaveLength(1);

    // Fixed files are told once as gone, and their new version serves.
    writeFileSync(path.join(dir, 'geneva.md'), article('Envoys meet again in Geneva', ['Anna Berg returned to Geneva.']));
    rmSync(big);
    await svc.reload();
    expect(fixed.map((l) => l.split(/(?: line \d+)?:/)[0]).sort()).toEqual([`${base}/geneva.md`, `${base}/huge.md`]);
    expect(titles(svc)).toContain('Envoys meet again in Geneva');
  });

  it('a file removed while the directory is read is left out, not reported as broken', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-vanish-'));
    for (let i = 0; i < 600; i++) writeFileSync(path.join(dir, `a${String(i).padStart(3, '0')}.md`), article(`Article ${i}`, [`Paragraph of article ${i}.`]));
    for (let round = 0; round < 3; round++) {
      const loading = loadKnowledge(dir);
      // Removed after the listing started: some are listed, then gone when stat or read reaches them.
      await new Promise((r) => setImmediate(r));
      for (let i = 0; i < 600; i += 2) rmSync(path.join(dir, `a${String(i).padStart(3, '0')}.md`), { force: true });
      const k = await loading;
      expect(k.problems).toEqual([]);
      expect(k.articles.length).toBeGreaterThanOrEqual(300);
      for (let i = 0; i < 600; i += 2) writeFileSync(path.join(dir, `a${String(i).padStart(3, '0')}.md`), article(`Article ${i}`, [`Paragraph of article ${i}.`]));
    }
    const after = await loadKnowledge(dir);
    expect(after.articles).toHaveLength(600);
  });

  it('never serves a file while it is being written, even when the watcher fires mid-write', async () => {
    const dir = knowledgeCopy();
    const paragraphs = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1}: envoy Anna Berg spoke in Geneva about part ${i + 1} of the plan.`);
    writeFileSync(path.join(dir, 'rewritten.md'), article('Old version', ['The old text, complete.']));
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, 'rewritten.md'), minuteAgo, minuteAgo); // written long ago, so it serves at once
    // A short debounce fires the watcher between chunks; only the settle time protects the reader.
    const { svc, fresh } = watched(dir, { debounceMs: 10, settleMs: 600 });
    await svc.reload();
    svc.watch();
    const seen = new Set<string>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const kb = svc.current!;
        for (const id of ['growing', 'rewritten']) {
          const a = kb.byArticle.get(id);
          seen.add(a ? `${id}:${a.title}:${a.paragraphs.length}` : `${id}:absent`);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const write = async (name: string, title: string) => {
      const fd = openSync(path.join(dir, name), 'w');
      const text = article(title, paragraphs);
      const cut = [0, 40, 90, 160, 260, 380, text.length];
      for (let i = 1; i < cut.length; i++) {
        writeSync(fd, text.slice(cut[i - 1], cut[i]));
        await new Promise((r) => setTimeout(r, 60)); // longer than the debounce: a reload runs between chunks
      }
      closeSync(fd);
    };
    await Promise.all([write('growing.md', 'New version'), write('rewritten.md', 'New version')]);
    const whole = (id: string) => svc.current!.byArticle.get(id)?.paragraphs.length === 6;
    await waitUntil(() => whole('growing') && whole('rewritten'), 15_000);
    await new Promise((r) => setTimeout(r, 50));
    sampling = false;
    await sampler;
    svc.close();
    // Only whole versions were ever served: absent or the old one, then the complete new one.
    expect([...seen].sort()).toEqual(['growing:New version:6', 'growing:absent', 'rewritten:New version:6', 'rewritten:Old version:1']);
    expect(fresh).toEqual([]);
  });
});

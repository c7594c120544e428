import { describe, expect, it } from 'vitest';
import { readFileSync, symlinkSync, utimesSync, writeFileSync, cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeService } from '../src/knowledge/service.ts';
import { KnowledgeBase } from '../src/knowledge/base.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { runCommand } from '../src/answers/index.ts';
import { KNOWLEDGE, tempKnowledge } from './helpers.ts';
import { generateCorpus } from '../bench/lib/synthetic.ts';
import { answeringDuring } from '../bench/lib/timing.ts';
import { FactsCache } from '../src/knowledge/facts-cache.ts';
import type { Derived } from '../src/knowledge/derived.ts';

function copy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-svc-'));
  cpSync(KNOWLEDGE, dir, { recursive: true });
  return dir;
}
const cacheIn = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'keystone-snap-')), 'kb.v8');
const answersOf = (kb: KnowledgeBase) => ['who Witkoff', 'quote Dmitriev', 'events airstrikes', 'ask How long did the talks last?'].map((l) => {
  const [c, ...q] = l.split(' ');
  return JSON.stringify(runCommand(kb, c as never, q.join(' ')).results);
});

describe('the knowledge cache', () => {
  it('restores the same answers from the cache, and rebuilds when a file changed', async () => {
    const dir = copy();
    const cacheFile = cacheIn();
    const first = new KnowledgeService(dir, { cacheFile });
    expect((await first.reload()).mode).toBe('rebuilt');
    await first.saveNow();
    const fresh = answersOf(first.current!);

    const second = new KnowledgeService(dir, { cacheFile });
    expect((await second.reload()).mode).toBe('cache');
    expect(answersOf(second.current!)).toEqual(fresh);

    // A damaged cache (cut short, or not a cache at all) is rebuilt, never served.
    const whole = readFileSync(cacheFile);
    for (const damaged of [whole.subarray(0, Math.floor(whole.length * 0.6)), Buffer.from('not a cache')]) {
      writeFileSync(cacheFile, damaged);
      const svc = new KnowledgeService(dir, { cacheFile });
      expect((await svc.reload()).mode).toBe('rebuilt');
      expect(answersOf(svc.current!)).toEqual(fresh);
    }
    writeFileSync(cacheFile, whole);

    // Same size, new time: stale, so rebuilt rather than served.
    const f = path.join(dir, 'miami-talks.md');
    utimesSync(f, new Date(), new Date(Date.now() + 5000));
    const third = new KnowledgeService(dir, { cacheFile });
    expect((await third.reload()).mode).toBe('rebuilt');
  });
});

describe('reloading', () => {
  it('adds a new article to the serving index without rebuilding it', async () => {
    const dir = copy();
    const svc = new KnowledgeService(dir);
    await svc.reload();
    const before = svc.current!;
    writeFileSync(path.join(dir, 'kyiv.md'), '---\ntitle: Kyiv after the talks\npublished: 2026-02-01\n---\n\nRustem Umerov, the head of Ukraine’s delegation, said on Monday that the drone strikes on pipelines would continue.\n');
    const r = await svc.reload();
    expect(r.mode).toBe('added');
    expect(r.added).toEqual(['kyiv']);
    const kb = svc.current!;
    expect(kb.paragraphs.slice(0, 15)).toEqual(before.paragraphs); // old ids unchanged
    const who = runCommand(kb, 'who', 'Umerov');
    expect(who.results.map((x) => x.citation.article)).toEqual(expect.arrayContaining(['miami-talks', 'kyiv']));
    expect(runCommand(kb, 'ask', 'pipelines drone strikes Monday').results[0].citation.article).toBe('kyiv');
    // The base that was serving is unchanged.
    expect(before.paragraphs).toHaveLength(15);
    expect(runCommand(before, 'who', 'Umerov').results.every((x) => x.citation.article === 'miami-talks')).toBe(true);
    // An incremental base answers as a full rebuild of the same files does.
    const full = new KnowledgeBase((await loadKnowledge(dir)).articles);
    for (const q of ['who Umerov', 'ask drone strikes', 'events strikes', 'quote Zelensky']) {
      const [c, ...w] = q.split(' ');
      const a = runCommand(kb, c as never, w.join(' ')).results.map((x) => `${x.citation.article}¶${x.citation.paragraph}:${x.text.slice(0, 30)}`).sort();
      const b = runCommand(full, c as never, w.join(' ')).results.map((x) => `${x.citation.article}¶${x.citation.paragraph}:${x.text.slice(0, 30)}`).sort();
      expect(a, q).toEqual(b);
    }
  });

  it('rebuilds when an article changes, reusing the facts of the others', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'other.md'), '---\ntitle: Other\n---\n\nEnvoy Anna Berg met officials in Geneva.\n');
    const svc = new KnowledgeService(dir);
    await svc.reload();
    writeFileSync(path.join(dir, 'other.md'), '---\ntitle: Other\n---\n\nEnvoy Anna Berg met officials in Vienna on Friday.\n');
    const r = await svc.reload();
    expect(r.mode).toBe('rebuilt');
    expect(runCommand(svc.current!, 'ask', 'Vienna').results[0].citation.article).toBe('other');
    expect(runCommand(svc.current!, 'ask', 'Geneva').results.some((x) => x.text.includes('Geneva'))).toBe(false);
  });

  it('reports a file that cannot be read and loads the rest', async () => {
    const dir = tempKnowledge({ 'good.md': '---\ntitle: Good\n---\nText here.\n' });
    symlinkSync(path.join(dir, 'missing-target.md'), path.join(dir, 'dangling.md'));
    const k = await loadKnowledge(dir);
    expect(k.articles.map((a) => a.id)).toEqual(['good']);
    expect(k.problems[0]).toMatchObject({ message: expect.stringMatching(/cannot be read \(ENOENT\)/) });
  });

  it('keeps answering from the old base while a whole base is rebuilt in steps', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-steps-'));
    generateCorpus(dir, 1000, 3);
    const { articles } = await loadKnowledge(dir);
    const facts = new FactsCache();
    const old = new KnowledgeBase(articles.slice(0, 5), [], { facts });
    for (const a of articles) facts.factsOf(a); // extraction aside: the steps of indexing are what is measured
    let answered = 0;
    const { result: kb } = await answeringDuring(
      () => KnowledgeBase.build(articles, [], { facts }),
      () => runCommand(old, 'who', '').results.length && answered++,
    );
    expect(kb.paragraphs).toHaveLength(1000);
    // Indexing 1,000 paragraphs takes ~50 ms or more, given back every 5 ms: a build in one piece answers none.
    expect(answered).toBeGreaterThan(2);
  });

  it('computes derived values before a base serves: those asked for, and those the base it replaces had', async () => {
    const dir = copy();
    const made: string[] = [];
    const counted = (name: string): Derived<number> => ({ name, make: (kb) => (made.push(name), kb.paragraphs.length) });
    const asked = counted('asked for');
    const used = counted('used by a query');
    const svc = new KnowledgeService(dir, { derived: [asked] });
    await svc.reload();
    expect(made).toEqual(['asked for']);
    svc.current!.derive(used);
    writeFileSync(path.join(dir, 'miami-talks.md'), readFileSync(path.join(dir, 'miami-talks.md'), 'utf8') + '\nOne more paragraph about the talks.\n');
    expect((await svc.reload()).mode).toBe('rebuilt');
    // Both made again for the rebuilt base before it served; asking now makes nothing.
    expect(made.slice(2).sort()).toEqual(['asked for', 'used by a query']);
    expect(svc.current!.derive(used)).toBe(16);
    expect(made).toHaveLength(4);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { parseArticle } from '../src/knowledge/parse.ts';
import { FactsCache } from '../src/knowledge/facts-cache.ts';
import { setLogSink } from '../src/log.ts';

// Extraction that fails on one article (a rule meeting text it was never written for).
vi.mock('../src/extract/facts.ts', async (original) => {
  const real = await original<typeof import('../src/extract/facts.ts')>();
  return { ...real, extractFacts: (a: { id: string }) => (a.id === 'odd' ? (() => { throw new TypeError('boom'); })() : real.extractFacts(a as never)) };
});

const article = (id: string, body: string) => {
  const r = parseArticle(`knowledge/${id}.md`, id, `---\ntitle: T\npublished: 2026-03-12\n---\n${body}`);
  if (!r.ok) throw new Error(r.problem.message);
  return r.article;
};

describe('an article extraction fails on', () => {
  it('gives no facts and a warning naming the file, and the other articles keep theirs', () => {
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    const cache = new FactsCache();
    const odd = cache.factsOf(article('odd', 'Olaf Berg said the talks had failed.'));
    const fine = cache.factsOf(article('fine', 'Olaf Berg said the talks had failed.'));
    setLogSink((l) => process.stderr.write(`${l}\n`));
    expect([odd.people, odd.quotes, odd.events]).toEqual([[], [], []]);
    expect(fine.quotes.map((q) => q.speakers)).toEqual([['Olaf Berg']]);
    expect(lines.some((l) => l.includes('knowledge/odd.md') && l.includes('boom'))).toBe(true);
  });
});

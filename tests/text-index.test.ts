import { describe, expect, it } from 'vitest';
import { TextIndex } from '../src/search/text-index.ts';

const texts = [
  'Envoys met in Geneva to discuss the grain corridor.',
  'Drones struck energy facilities near Odesa overnight.',
  'The grain corridor talks resumed in Istanbul on Friday.',
  'Officials in Geneva said the prisoner exchange would go ahead.',
  'Geneva hosted a second round on the grain corridor and energy.',
];

const scored = (index: TextIndex, q: string, name: (doc: number) => string) =>
  index.search(q, { limit: 10 }).map((h) => `${name(h.doc)}:${h.score.toFixed(9)}:${h.matched}`);

describe('a text index with deletions', () => {
  it('finds and scores as an index built without the deleted texts', () => {
    const removed = [1, 3];
    const kept = texts.map((_, i) => i).filter((i) => !removed.includes(i));
    const full = new TextIndex(texts).withRemoved(removed.map((doc) => ({ doc, text: texts[doc] })));
    const fresh = new TextIndex(kept.map((i) => texts[i]));
    for (const q of ['grain corridor Geneva', 'energy', 'Geneva prisoner exchange', 'Odesa drones']) {
      expect(scored(full, q, (d) => texts[d]), q).toEqual(scored(fresh, q, (d) => texts[kept[d]]));
    }
    expect(full.search('Odesa drones', { limit: 10 })).toEqual([]);
    expect(full.documentFrequency('geneva')).toBe(2);
  });

  it('keeps deletions when texts are added after them, and leaves the index it came from as it was', () => {
    const base = new TextIndex(texts);
    const before = scored(base, 'grain corridor', (d) => texts[d]);
    const later = base.withRemoved([{ doc: 0, text: texts[0] }]).withAdded(['A grain corridor deal was signed in Geneva.']);
    const all = [...texts, 'A grain corridor deal was signed in Geneva.'];
    const hits = later.search('grain corridor', { limit: 10 }).map((h) => h.doc);
    expect(hits).not.toContain(0);
    expect(hits).toContain(5);
    expect(scored(base, 'grain corridor', (d) => all[d])).toEqual(before);
  });

  it('orders equal hits by the rank it is given', () => {
    const index = new TextIndex(['special envoy', 'special envoy', 'special envoy']);
    expect(index.search('envoy', { limit: 3 }).map((h) => h.doc)).toEqual([0, 1, 2]);
    expect(index.search('envoy', { limit: 3, order: (d) => -d }).map((h) => h.doc)).toEqual([2, 1, 0]);
  });
});

describe('corrections of a query word the index lacks', () => {
  const index = new TextIndex([
    'The previous round of talks ended without a deal.',
    'Various officials attended the talks in the capital.',
    'The talks lasted longer than planned.',
  ]);
  it('corrects a misspelling, but not a word of the language, to a word one letter away', () => {
    expect(index.search('previus', { limit: 5 }).length).toBeGreaterThan(0);
    expect(index.search('serious', { limit: 5, isWord: (w) => w === 'serious' })).toEqual([]);
  });
  it('lets another form of such a word stand in for it', () => {
    expect(index.search('long', { limit: 5, isWord: (w) => w === 'long' }).map((h) => h.doc)).toEqual([2]);
  });
});

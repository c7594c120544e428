import Fuse from 'fuse.js';

/**
 * fuse.js over a list of short strings (words, names), made fast at any size: candidates must
 * share enough letter pairs with the query before fuse.js scores them, so it scores a few hundred
 * strings, never tens of thousands. fuse.js stays the judge of similarity; the pre-filter only
 * decides whom it judges.
 */
export interface Correction {
  index: number;
  /** fuse.js score: 0 perfect … 1 none. */
  score: number;
}

export function bigramsOf(w: string): string[] {
  const s = `^${w}$`;
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return [...out];
}

const MAX_CANDIDATES = 300;

export class FuzzyVocabulary {
  private readonly grams: Map<string, number[]>;

  constructor(private readonly items: readonly string[], private readonly threshold = 0.34, grams?: Map<string, number[]>) {
    this.grams = grams ?? new Map();
    if (!grams) FuzzyVocabulary.index(this.grams, items, 0, null);
  }

  /** Adds items[i] (numbered from `first`) to the letter-pair lists, copying a shared list before it grows. */
  private static index(grams: Map<string, number[]>, items: readonly string[], first: number, shared: Set<string> | null): void {
    items.forEach((w, k) => {
      if (w.length < 2) return;
      for (const g of bigramsOf(w)) {
        let list = grams.get(g);
        if (!list) grams.set(g, (list = []));
        else if (shared?.delete(g)) grams.set(g, (list = [...list]));
        list.push(first + k);
      }
    });
  }

  /** A vocabulary with these items after this one's (numbered on from them); this one is unchanged. */
  withAdded(more: readonly string[]): FuzzyVocabulary {
    if (more.length === 0) return this;
    const grams = new Map(this.grams);
    FuzzyVocabulary.index(grams, more, this.items.length, new Set(grams.keys()));
    return new FuzzyVocabulary([...this.items, ...more], this.threshold, grams);
  }

  /** The closest items to `query`, best first. `lengthSlack` bounds how far lengths may differ. */
  correct(query: string, limit = 4, opts: { lengthSlack?: number; minShare?: number; threshold?: number } = {}): Correction[] {
    const grams = bigramsOf(query);
    const shared = new Map<number, number>();
    for (const g of grams) for (const i of this.grams.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const need = Math.max(1, Math.ceil(grams.length * (opts.minShare ?? 0.4)));
    const slack = opts.lengthSlack ?? Math.max(2, query.length * 0.34);
    const pool: number[] = [];
    for (const [i, n] of shared) {
      if (n < need) continue;
      if (Math.abs(this.items[i].length - query.length) > slack) continue;
      pool.push(i);
    }
    if (pool.length === 0) return [];
    if (pool.length > MAX_CANDIDATES) pool.sort((a, b) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0)).length = MAX_CANDIDATES;
    const fuse = new Fuse(pool.map((i) => ({ i, w: this.items[i] })), { keys: ['w'], includeScore: true, threshold: opts.threshold ?? this.threshold, ignoreLocation: true });
    return fuse.search(query, { limit }).map((r) => ({ index: r.item.i, score: r.score ?? 0 }));
  }
}

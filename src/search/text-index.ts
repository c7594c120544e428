import Fuse from 'fuse.js';
import { nameKey } from '../text/normalize.ts';
import { terms } from '../text/tokenize.ts';
import { SYNONYMS } from './synonyms.ts';

/**
 * Ranked retrieval over many texts: an inverted index with BM25, where fuse.js corrects each query
 * word against the index's own vocabulary (pre-filtered by shared letter pairs, so it scores a few
 * hundred words, never every text). Spellings of one query word share the IDF of the most common
 * one, so a rare near-miss does not outrank the word itself; texts matching more of the query's
 * words rank first. Fast at any size: work grows with the postings of the query's words only.
 */

export interface Hit {
  doc: number;
  score: number;
  /** How many distinct query words the text matched. */
  matched: number;
}

export interface SearchOptions {
  limit: number;
  /** Only texts for which this is true count. */
  filter?: (doc: number) => boolean;
  /** Weight of synonyms (0 disables them). */
  synonyms?: number;
}

interface Variant {
  term: number;
  weight: number;
}

const K1 = 1.2;
const B = 0.75;
const MAX_QUERY_WORDS = 12;

export class TextIndex {
  readonly size: number;
  private readonly termIds = new Map<string, number>();
  private readonly vocab: string[] = [];
  private postingsDocs: Int32Array[] = [];
  private postingsTf: Uint16Array[] = [];
  private readonly docLen: Float32Array;
  private readonly avgLen: number;
  private readonly bigrams = new Map<string, number[]>();
  private readonly byNameKey = new Map<string, number[]>();
  private readonly corrections = new Map<string, Variant[]>();

  constructor(texts: readonly string[]) {
    this.size = texts.length;
    this.docLen = new Float32Array(texts.length);
    const docsTmp: number[][] = [];
    const tfTmp: number[][] = [];
    let total = 0;
    for (let d = 0; d < texts.length; d++) {
      const ts = terms(texts[d]);
      this.docLen[d] = ts.length;
      total += ts.length;
      const counts = new Map<number, number>();
      for (const t of ts) {
        let id = this.termIds.get(t);
        if (id == null) {
          id = this.vocab.length;
          this.termIds.set(t, id);
          this.vocab.push(t);
          docsTmp.push([]);
          tfTmp.push([]);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [id, c] of counts) {
        docsTmp[id].push(d);
        tfTmp[id].push(Math.min(c, 65535));
      }
    }
    this.postingsDocs = docsTmp.map((a) => Int32Array.from(a));
    this.postingsTf = tfTmp.map((a) => Uint16Array.from(a));
    this.avgLen = texts.length ? total / texts.length : 1;
    for (let id = 0; id < this.vocab.length; id++) {
      const w = this.vocab[id];
      if (w.length < 3 || /^\d+$/.test(w)) continue;
      for (const g of bigramsOf(w)) {
        const list = this.bigrams.get(g);
        if (list) list.push(id);
        else this.bigrams.set(g, [id]);
      }
      const k = nameKey(w);
      if (k.length >= 3) {
        const list = this.byNameKey.get(k);
        if (list) list.push(id);
        else this.byNameKey.set(k, [id]);
      }
    }
  }

  /** Distinct words of the index, for suggestions. */
  get vocabulary(): readonly string[] {
    return this.vocab;
  }

  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id == null ? 0 : this.postingsDocs[id].length;
  }

  /**
   * Spellings in the vocabulary for one query word: itself, transliterations (same name key),
   * then fuse.js corrections among words that share letter pairs with it.
   */
  variants(word: string): Variant[] {
    const cached = this.corrections.get(word);
    if (cached) return cached;
    const out: Variant[] = [];
    const exact = this.termIds.get(word);
    if (exact != null) out.push({ term: exact, weight: 1 });
    if (word.length >= 4 && !/^\d+$/.test(word)) {
      for (const id of this.byNameKey.get(nameKey(word)) ?? []) if (id !== exact) out.push({ term: id, weight: 0.9 });
      // A word the texts use often is not a typo: correct only the rare or unknown ones.
      if (exact == null || this.postingsDocs[exact].length < 2) {
        for (const v of this.fuzzy(word)) if (!out.some((o) => o.term === v.term)) out.push(v);
      }
    }
    if (this.corrections.size > 20_000) this.corrections.clear();
    this.corrections.set(word, out);
    return out;
  }

  private fuzzy(word: string): Variant[] {
    const grams = bigramsOf(word);
    const shared = new Map<number, number>();
    for (const g of grams) for (const id of this.bigrams.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const need = Math.max(1, Math.ceil(grams.length * 0.4));
    const pool: number[] = [];
    for (const [id, n] of shared) {
      if (n < need) continue;
      const w = this.vocab[id];
      if (Math.abs(w.length - word.length) > Math.max(2, word.length * 0.34)) continue;
      pool.push(id);
    }
    if (pool.length === 0) return [];
    pool.sort((a, b) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0));
    const candidates = pool.slice(0, 300).map((id) => ({ id, w: this.vocab[id] }));
    const fuse = new Fuse(candidates, { keys: ['w'], includeScore: true, threshold: 0.34, ignoreLocation: true, isCaseSensitive: true });
    return fuse
      .search(word, { limit: 4 })
      .filter((r) => r.item.w !== word)
      .map((r) => ({ term: r.item.id, weight: 0.85 * (1 - (r.score ?? 0)) }));
  }

  /** Query words: folded, stop words out, capped so a pasted essay cannot stall the bot. */
  static queryWords(query: string): string[] {
    const ws = terms(query);
    return [...new Set(ws)].slice(0, MAX_QUERY_WORDS);
  }

  search(query: string | string[], opts: SearchOptions): Hit[] {
    const qwords = typeof query === 'string' ? TextIndex.queryWords(query) : query;
    if (qwords.length === 0 || this.size === 0) return [];
    const synW = opts.synonyms ?? 0.5;
    const scores = new Float64Array(this.size);
    const masks = new Uint32Array(this.size);
    const touched: number[] = [];
    qwords.forEach((qw, qi) => {
      const variants = [...this.variants(qw)];
      if (synW > 0) {
        for (const syn of SYNONYMS.get(qw) ?? []) {
          const id = this.termIds.get(syn);
          if (id != null && !variants.some((v) => v.term === id)) variants.push({ term: id, weight: synW });
        }
      }
      if (variants.length === 0) return;
      // One IDF for every spelling of this word: that of its most common spelling.
      let maxDf = 0;
      for (const v of variants) maxDf = Math.max(maxDf, this.postingsDocs[v.term].length);
      const idf = Math.log(1 + (this.size - maxDf + 0.5) / (maxDf + 0.5));
      const bit = 1 << qi;
      for (const v of variants) {
        const docs = this.postingsDocs[v.term];
        const tfs = this.postingsTf[v.term];
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i];
          const tf = tfs[i];
          const norm = tf + K1 * (1 - B + (B * this.docLen[d]) / this.avgLen);
          const s = v.weight * idf * ((tf * (K1 + 1)) / norm);
          if (masks[d] === 0 && scores[d] === 0) touched.push(d);
          // Per query word keep the best spelling only (a typo and its fix must not add up).
          if ((masks[d] & bit) === 0) {
            masks[d] |= bit;
            scores[d] += s;
          } else scores[d] += s * 0.15;
        }
      }
    });
    return topK(touched, scores, masks, opts);
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The k best by (words matched, score), without sorting every touched text. */
function topK(touched: number[], scores: Float64Array, masks: Uint32Array, opts: SearchOptions): Hit[] {
  const k = Math.max(1, opts.limit);
  const heap: Hit[] = [];
  const worse = (a: Hit, b: Hit) => a.matched < b.matched || (a.matched === b.matched && (a.score < b.score || (a.score === b.score && a.doc > b.doc)));
  for (const d of touched) {
    if (opts.filter && !opts.filter(d)) continue;
    const h: Hit = { doc: d, score: scores[d], matched: popcount(masks[d]) };
    if (heap.length < k) {
      heap.push(h);
      siftUp(heap, heap.length - 1, worse);
    } else if (worse(heap[0], h)) {
      heap[0] = h;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

function siftUp(h: Hit[], i: number, worse: (a: Hit, b: Hit) => boolean) {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(h[i], h[p])) break;
    [h[i], h[p]] = [h[p], h[i]];
    i = p;
  }
}
function siftDown(h: Hit[], i: number, worse: (a: Hit, b: Hit) => boolean) {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && worse(h[l], h[m])) m = l;
    if (r < h.length && worse(h[r], h[m])) m = r;
    if (m === i) return;
    [h[i], h[m]] = [h[m], h[i]];
    i = m;
  }
}

function bigramsOf(w: string): string[] {
  const s = `^${w}$`;
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return [...out];
}


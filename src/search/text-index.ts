import { nameKey } from '../text/normalize.ts';
import { terms } from '../text/tokenize.ts';
import { SYNONYMS } from './synonyms.ts';
import { FORMS } from './inflections.ts';
import { runSync } from '../steps.ts';
import { FuzzyVocabulary } from './vocabulary.ts';

/**
 * Ranked retrieval over many texts: an inverted index with BM25, where fuse.js corrects each query
 * word against the index's own vocabulary (see FuzzyVocabulary). Spellings of one query word share
 * the IDF of the most common one, so a rare near-miss does not outrank the word itself; texts that
 * match more of the query's words rank first. Work grows with the postings of the query's words,
 * not with the number of texts.
 *
 * The index is a list of immutable segments: adding texts makes a new index that shares the old
 * segments and adds one, so an added article is indexed in milliseconds at any size. Removing texts
 * marks them deleted: they are never found, and the statistics BM25 reads (number of texts, their
 * length, how many hold a word) leave them out, so scores are those of an index built without them.
 */

export interface Hit {
  doc: number;
  score: number;
  /** How many distinct query words the text matched. */
  matched: number;
  /** The share of the query's evidence the text holds: matched words weighted by their IDF (0…1). */
  coverage: number;
  /** Which query words it holds as written (stemmed), not through a synonym or correction: bit i for the i-th. */
  mask: number;
}

export interface SearchOptions {
  limit: number;
  /** Only texts for which this is true count. */
  filter?: (doc: number) => boolean;
  /** Weight of synonyms (0 disables them). */
  synonyms?: number;
  /**
   * Weight of a verb's irregular forms, which the stemmer cannot join ("met" for "meet", "led" for
   * "lead"; 0, the default, disables them). Such a text holds the word for coverage.
   */
  forms?: number;
  /** Other words for a query word (a country for its adjective: "ukrainian" / "ukraine"), stemmed, and their weight. */
  kin?: { of: (word: string) => readonly string[] | undefined; weight: number };
  /** Among equal hits, lower first; the document number unless given. */
  order?: (doc: number) => number;
  /**
   * How hits are ranked. "matched" (the default): texts matching more query words first, then by
   * score. "coverage": by score weighted by the share of the query's IDF the text holds, so a very
   * common word matched counts for little and one rare word can outrank several common ones.
   */
  rank?: 'matched' | 'coverage';
  /**
   * Whether a query word is a name: only names (and words the index does not know) are looked up
   * by their transliteration key (Kovalenko / Kowalenko), never ordinary words (super / supper).
   */
  isName?: (word: string) => boolean;
  /**
   * Whether a query word is a word of the language as the query spells it ("serious"): one the index
   * does not know is then no misspelling of another ("previous"), and is not corrected.
   */
  isWord?: (word: string) => boolean;
}

interface Variant {
  term: number;
  weight: number;
}

const K1 = 1.2;
const B = 0.75;
const MAX_QUERY_WORDS = 12;
/** When the added segments grow past this share of the whole, they are merged into one. */
const MERGE_RATIO = 0.25;
const MAX_DELTAS = 8;

/**
 * Plain data of a segment: what a cache stores. Postings of term t are docs[start[t] .. start[t+1]),
 * all terms in one typed array: a large vocabulary costs no object per word.
 */
export interface SegmentState {
  vocab: string[];
  start: Uint32Array;
  docs: Int32Array;
  tfs: Uint16Array;
  docLen: Uint16Array;
  totalLen: number;
}

/** Words to ids while postings are collected: shared by building and merging segments. */
class TermTable {
  readonly vocab: string[] = [];
  readonly docs: number[][] = [];
  readonly tfs: number[][] = [];
  private readonly ids = new Map<string, number>();

  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.vocab.length;
      this.ids.set(word, id);
      this.vocab.push(word);
      this.docs.push([]);
      this.tfs.push([]);
    }
    return id;
  }
}

/** Packs per-term posting lists into one array each. */
function pack(vocab: string[], docs: number[][], tfs: number[][], docLen: Uint16Array, totalLen: number): SegmentState {
  const start = new Uint32Array(vocab.length + 1);
  let n = 0;
  for (let t = 0; t < vocab.length; t++) {
    start[t] = n;
    n += docs[t].length;
  }
  start[vocab.length] = n;
  const d = new Int32Array(n);
  const f = new Uint16Array(n);
  for (let t = 0; t < vocab.length; t++) {
    d.set(docs[t], start[t]);
    f.set(tfs[t], start[t]);
  }
  return { vocab, start, docs: d, tfs: f, docLen, totalLen };
}

export class Segment {
  readonly termIds = new Map<string, number>();
  private fuzzy: FuzzyVocabulary | null = null;
  private byNameKey: Map<string, number[]> | null = null;
  private readonly corrections = new Map<string, Variant[]>();

  constructor(readonly state: SegmentState) {
    state.vocab.forEach((w, i) => this.termIds.set(w, i));
  }

  static build(texts: readonly string[]): Segment {
    const table = new TermTable();
    const docLen = new Uint16Array(texts.length);
    let totalLen = 0;
    const counts = new Map<number, number>();
    for (let d = 0; d < texts.length; d++) {
      const ts = terms(texts[d]);
      docLen[d] = Math.min(ts.length, 65535);
      totalLen += ts.length;
      counts.clear();
      for (const t of ts) {
        const id = table.idOf(t);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [id, c] of counts) {
        table.docs[id].push(d);
        table.tfs[id].push(Math.min(c, 65535));
      }
    }
    return new Segment(pack(table.vocab, table.docs, table.tfs, docLen, totalLen));
  }

  get size(): number {
    return this.state.docLen.length;
  }

  /** One segment holding the documents of several, numbered one after another. */
  static merge(segments: Segment[]): Segment {
    return runSync(Segment.merging(segments));
  }

  /** merge, as steps of about 50,000 postings each: a base's whole index is merged without a long pause. */
  static *merging(segments: Segment[]): Generator<void, Segment> {
    const table = new TermTable();
    let offset = 0;
    let totalLen = 0;
    let work = 0;
    for (const seg of segments) {
      const { start, docs: d, tfs: f, vocab } = seg.state;
      for (let t = 0; t < vocab.length; t++) {
        const id = table.idOf(vocab[t]);
        const docs = table.docs[id];
        const tfs = table.tfs[id];
        for (let i = start[t]; i < start[t + 1]; i++) {
          docs.push(offset + d[i]);
          tfs.push(f[i]);
        }
        work += 8 + start[t + 1] - start[t];
        if (work > 50_000) {
          work = 0;
          yield;
        }
      }
      offset += seg.size;
      totalLen += seg.state.totalLen;
    }
    const docLen = new Uint16Array(offset);
    let o = 0;
    for (const seg of segments) {
      docLen.set(seg.state.docLen, o);
      o += seg.size;
    }
    yield;
    return new Segment(pack(table.vocab, table.docs, table.tfs, docLen, totalLen));
  }

  df(term: number): number {
    return this.state.start[term + 1] - this.state.start[term];
  }

  exactDf(word: string): number {
    const id = this.termIds.get(word);
    return id === undefined ? 0 : this.df(id);
  }

  /** Spellings of a query word in this segment: itself, and its transliterations when it is a name. */
  variants(word: string, byKey: boolean): Variant[] {
    const key = byKey ? `~${word}` : `=${word}`;
    const cached = this.corrections.get(key);
    if (cached) return cached;
    const out: Variant[] = [];
    const exact = this.termIds.get(word);
    if (exact !== undefined) out.push({ term: exact, weight: 1 });
    if (byKey && word.length >= 4 && !/^\d+$/.test(word)) {
      if (!this.byNameKey) {
        this.byNameKey = new Map();
        this.state.vocab.forEach((w, i) => {
          if (w.length < 4 || /\d/.test(w)) return;
          const k = nameKey(w);
          const list = this.byNameKey!.get(k);
          if (list) list.push(i);
          else this.byNameKey!.set(k, [i]);
        });
      }
      for (const id of this.byNameKey.get(nameKey(word)) ?? []) if (id !== exact) out.push({ term: id, weight: 0.9 });
    }
    if (this.corrections.size > 20_000) this.corrections.clear();
    this.corrections.set(key, out);
    return out;
  }

  /** fuse.js's closest words to a query word in this segment, with their scores (0 perfect). */
  closest(word: string, limit: number): { word: string; score: number }[] {
    if (word.length < 4 || /^\d+$/.test(word)) return [];
    this.fuzzy ??= new FuzzyVocabulary(this.state.vocab);
    return this.fuzzy.correct(word, limit).map((c) => ({ word: this.state.vocab[c.index], score: c.score }));
  }
}

/** Texts taken out of an index: which, and what their removal takes from the statistics. */
interface Deletions {
  docs: Uint8Array;
  count: number;
  length: number;
  /** Word -> how many deleted texts hold it. */
  df: Map<string, number>;
}

export class TextIndex {
  /** Numbered texts, deleted ones included: numbers are never reused. */
  readonly size: number;
  private readonly offsets: number[];
  private readonly live: number;
  private readonly totalLen: number;
  private scores: Float64Array;
  private masks: Uint32Array;
  private exact: Uint32Array;
  /** The texts a search has scored so far, in the order first scored (a search is synchronous: one buffer serves all). */
  private touched: Int32Array;
  /** Per segment, each text's BM25 length normalisation, K1 · (1 − B + B · length / average length): made on first search. */
  private norms: Float64Array[] | null = null;

  constructor(texts: readonly string[] | Segment[], private readonly deleted: Deletions | null = null) {
    const segments = texts.length > 0 && texts[0] instanceof Segment ? (texts as Segment[]) : [Segment.build(texts as string[])];
    this.segments = segments;
    this.offsets = [];
    let n = 0;
    let len = 0;
    for (const s of segments) {
      this.offsets.push(n);
      n += s.size;
      len += s.state.totalLen;
    }
    this.size = n;
    this.live = n - (deleted?.count ?? 0);
    this.totalLen = len - (deleted?.length ?? 0);
    this.scores = new Float64Array(n);
    this.masks = new Uint32Array(n);
    this.exact = new Uint32Array(n);
    this.touched = new Int32Array(n);
  }

  /** The length normalisation of every text, per segment: it depends only on this index's statistics. */
  private lengthNorms(avgLen: number): Float64Array[] {
    return (this.norms ??= this.segments.map((seg) => {
      const { docLen } = seg.state;
      const out = new Float64Array(docLen.length);
      for (let d = 0; d < docLen.length; d++) out[d] = K1 * (1 - B + (B * docLen[d]) / avgLen);
      return out;
    }));
  }

  readonly segments: Segment[];

  /** A new index over these texts and the new ones (numbered after them); this one is unchanged. */
  withAdded(texts: readonly string[]): TextIndex {
    if (texts.length === 0) return this;
    // Many small segments slow every query: past a few, fold the deltas into one.
    const rest = [...this.segments.slice(1), Segment.build(texts)];
    const deltas = rest.reduce((n, s) => n + s.size, 0);
    const grown = this.deleted && { ...this.deleted, docs: grow(this.deleted.docs, this.size + texts.length) };
    if (rest.length > MAX_DELTAS || deltas > this.size * MERGE_RATIO) return new TextIndex([this.segments[0], Segment.merge(rest)], grown);
    return new TextIndex([this.segments[0], ...rest], grown);
  }

  /** A new index without these texts (numbers and the texts they had); this one is unchanged. */
  withRemoved(removed: readonly { doc: number; text: string }[]): TextIndex {
    const d: Deletions = this.deleted
      ? { docs: this.deleted.docs.slice(), count: this.deleted.count, length: this.deleted.length, df: new Map(this.deleted.df) }
      : { docs: new Uint8Array(this.size), count: 0, length: 0, df: new Map() };
    for (const { doc, text } of removed) {
      if (doc >= this.size || d.docs[doc]) continue;
      d.docs[doc] = 1;
      d.count++;
      const ts = terms(text);
      d.length += ts.length;
      for (const t of new Set(ts)) d.df.set(t, (d.df.get(t) ?? 0) + 1);
    }
    return new TextIndex(this.segments, d);
  }

  /** How many texts are deleted: past a share of the index, a rebuild pays for itself. */
  get deletedCount(): number {
    return this.deleted?.count ?? 0;
  }

  /** Query words: folded, stop words out, capped so a pasted essay cannot stall the bot. */
  static queryWords(query: string): string[] {
    return [...new Set(terms(query))].slice(0, MAX_QUERY_WORDS);
  }

  documentFrequency(word: string): number {
    return this.segments.reduce((n, s) => n + s.exactDf(word), 0) - (this.deleted?.df.get(word) ?? 0);
  }

  /**
   * Corrections of a query word over the whole index, best first: for an unknown word, the closest
   * spellings; for a word the index knows (df 1 or 2), only spellings at least 50 times as common.
   */
  private corrections(word: string, df: number): { word: string; score: number }[] {
    const known = this.correctionMemo.get(word);
    if (known) return known;
    const found = this.correctionsOf(word, df);
    if (this.correctionMemo.size > 20_000) this.correctionMemo.clear();
    this.correctionMemo.set(word, found);
    return found;
  }

  /** Corrections are asked again for every query with the word: fuse.js runs once per word and index. */
  private readonly correctionMemo = new Map<string, { word: string; score: number }[]>();

  private correctionsOf(word: string, df: number): { word: string; score: number }[] {
    const best = new Map<string, number>();
    for (const seg of this.segments) for (const c of seg.closest(word, 4)) if (c.word !== word) best.set(c.word, Math.min(best.get(c.word) ?? 1, c.score));
    let list = [...best].map(([w, score]) => ({ word: w, score }));
    if (df > 0) list = list.filter((c) => c.score <= 0.2 && this.documentFrequency(c.word) >= 50 * df);
    return list.sort((a, b) => a.score - b.score || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0)).slice(0, 4);
  }

  search(query: string | string[], opts: SearchOptions): Hit[] {
    const qwords = typeof query === 'string' ? TextIndex.queryWords(query) : query.slice(0, MAX_QUERY_WORDS);
    if (qwords.length === 0 || this.live === 0) return [];
    const synW = opts.synonyms ?? 0.5;
    const formW = opts.forms ?? 0;
    const avgLen = this.totalLen / this.live || 1;
    const gone = this.deleted?.docs ?? null;
    const { scores, masks, exact, touched } = this;
    const norms = this.lengthNorms(avgLen);
    let count = 0;
    const idfs: number[] = [];
    qwords.forEach((qw, qi) => {
      const df = this.documentFrequency(qw);
      const byKey = df === 0 || (opts.isName?.(qw) ?? false);
      const perSeg = this.segments.map((seg) => {
        const vs = [...seg.variants(qw, byKey)];
        // Other words for the query word, each once, at its kind's weight (a weight of 0 adds none).
        const add = (others: readonly string[] | undefined, weight: number) => {
          if (weight <= 0) return;
          for (const o of others ?? []) {
            const id = seg.termIds.get(o);
            if (id !== undefined && !vs.some((v) => v.term === id)) vs.push({ term: id, weight });
          }
        };
        if (opts.kin) add(opts.kin.of(qw), opts.kin.weight);
        add(FORMS.get(qw), formW);
        add(SYNONYMS.get(qw), synW);
        return vs;
      });
      // The rarest word is the best evidence: correct only a word the index does not know, or one far
      // rarer than a spelling one letter away. Corrections are chosen over all segments at once, so
      // an index in many segments corrects as one built whole does.
      if (df <= 2) {
        // A word of the language the index lacks is no misspelling ("serious" is not "previous"): only
        // its other forms stand in for it ("long" / "longer").
        const word = df === 0 && (opts.isWord?.(qw) ?? false);
        for (const c of this.corrections(qw, df)) {
          if (word && !c.word.startsWith(qw) && !(qw.startsWith(c.word) && c.word.length >= 4)) continue;
          perSeg.forEach((vs, si) => {
            const id = this.segments[si].termIds.get(c.word);
            if (id !== undefined && !vs.some((v) => v.term === id)) vs.push({ term: id, weight: 0.85 * (1 - c.score) });
          });
        }
      }
      // One IDF for every spelling of this word: that of its most common spelling, over all segments.
      const dfBySpelling = new Map<string, number>();
      perSeg.forEach((vs, si) => {
        for (const v of vs) {
          const w = this.segments[si].state.vocab[v.term];
          dfBySpelling.set(w, (dfBySpelling.get(w) ?? -(this.deleted?.df.get(w) ?? 0)) + this.segments[si].df(v.term));
        }
      });
      if (dfBySpelling.size === 0) return;
      const maxDf = Math.max(...dfBySpelling.values());
      const idf = Math.log(1 + (this.live - maxDf + 0.5) / (maxDf + 0.5));
      idfs[qi] = idf;
      const bit = 1 << qi;
      perSeg.forEach((vs, si) => {
        const seg = this.segments[si];
        const off = this.offsets[si];
        const { docs, tfs, start } = seg.state;
        const norm = norms[si];
        for (const v of vs) {
          const wIdf = v.weight * idf;
          for (let i = start[v.term], end = start[v.term + 1]; i < end; i++) {
            const d = off + docs[i];
            if (gone !== null && gone[d] === 1) continue;
            const tf = tfs[i];
            const s = (wIdf * (tf * (K1 + 1))) / (tf + norm[docs[i]]);
            if (masks[d] === 0) touched[count++] = d;
            if (v.weight === 1) exact[d] |= bit;
            // Per query word keep one spelling's score; another spelling in the same text adds little.
            if ((masks[d] & bit) === 0) {
              masks[d] |= bit;
              scores[d] += s;
            } else scores[d] += s * 0.15;
          }
        }
      });
    });
    const totalIdf = idfs.reduce((a, b) => a + (b ?? 0), 0) || 1;
    const hits = topK(touched, count, scores, masks, exact, opts, idfs, totalIdf);
    for (let i = 0; i < count; i++) {
      const d = touched[i];
      scores[d] = 0;
      masks[d] = 0;
      exact[d] = 0;
    }
    return hits;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The k best by (words matched, score), or by score weighted by coverage, without sorting every touched
 * text. A text is made a Hit only once it enters the heap: most touched texts never do.
 */
function topK(touched: Int32Array, count: number, scores: Float64Array, masks: Uint32Array, exact: Uint32Array, opts: SearchOptions, idfs: number[], totalIdf: number): Hit[] {
  const k = Math.max(1, opts.limit);
  const heap: Hit[] = [];
  const order = opts.order;
  const after = order ? (a: number, b: number) => order(a) > order(b) : (a: number, b: number) => a > b;
  const byCoverage = opts.rank === 'coverage';
  // Whether `a` ranks below a text of this score, words matched and number.
  const below = byCoverage
    ? (a: Hit, score: number, _matched: number, doc: number) => a.score < score || (a.score === score && after(a.doc, doc))
    : (a: Hit, score: number, matched: number, doc: number) => a.matched < matched || (a.matched === matched && (a.score < score || (a.score === score && after(a.doc, doc))));
  const worse = (a: Hit, b: Hit) => below(a, b.score, b.matched, b.doc);
  // Coverage by mask, all 2^n of them at once (n ≤ 12): each touched text then costs one lookup.
  const n = idfs.length;
  const table = new Float64Array(1 << n);
  for (let m = 1; m < table.length; m++) {
    const low = 31 - Math.clz32(m & -m);
    table[m] = table[m & (m - 1)] + (idfs[low] ?? 0) / totalIdf;
  }
  const filter = opts.filter;
  for (let i = 0; i < count; i++) {
    const d = touched[i];
    if (filter && !filter(d)) continue;
    const m = masks[d];
    const coverage = table[m];
    const score = byCoverage ? scores[d] * coverage : scores[d];
    const matched = popcount(m);
    if (heap.length < k) {
      heap.push({ doc: d, score, matched, coverage, mask: exact[d] });
      siftUp(heap, heap.length - 1, worse);
    } else if (below(heap[0], score, matched, d)) {
      heap[0] = { doc: d, score, matched, coverage, mask: exact[d] };
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

/** The flags, as many as `n`, the new ones clear. */
function grow(flags: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  out.set(flags.subarray(0, Math.min(flags.length, n)));
  return out;
}

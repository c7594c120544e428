import type { Article } from '../knowledge/types.ts';
import { fold } from '../text/normalize.ts';

/** Query parameters that track a click, not name a page. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|icid|ito|at_[a-z_]+|ref|ref_src|src|smid|igshid|share|via)$/i;

/** A URL reduced to what names the page: no fragment, no tracking parameters, lower-case host, no default port or trailing slash. */
export function canonicalUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  u.searchParams.sort();
  const path = u.pathname.replace(/\/+$/, '') || '/';
  // http and https, with or without www., are the same page for this purpose.
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  return `${host}${u.port ? `:${u.port}` : ''}${path}${u.search}`;
}

const SHINGLE = 5;

/** Hashes of the words of a text (runs of letters and digits after folding), in order, appended to `out`. */
function wordHashes(text: string, out: number[]): void {
  const t = fold(text);
  let h = 0;
  let inWord = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      h = Math.imul((inWord ? h : 0x811c9dc5) ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      out.push(h >>> 0);
      inWord = false;
    }
  }
  if (inWord) out.push(h >>> 0);
}

/**
 * The article's word 5-grams, hashed, sorted, unique. Words are hashed as the text is scanned and
 * 5-grams mixed from the word hashes: no word or phrase strings are built (5,000 articles in ~1 s).
 */
export function shingles(a: Pick<Article, 'paragraphs'>): Uint32Array {
  const w: number[] = [];
  for (const p of a.paragraphs) wordHashes(p.text, w);
  const n = Math.max(0, w.length - SHINGLE + 1);
  const all = new Uint32Array(n || (w.length ? 1 : 0));
  for (let i = 0; i < n; i++) {
    let h = 0x9e3779b9;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ w[i + k], 0x85ebca6b) ^ (h >>> 13);
    all[i] = h >>> 0;
  }
  if (n === 0 && w.length) all[0] = w.reduce((h, x) => Math.imul(h ^ x, 0x85ebca6b) >>> 0, 0x9e3779b9);
  all.sort();
  let u = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[u++] = all[i];
  return all.slice(0, u);
}

function intersection(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Jaccard (same text) and containment (one text inside the other, e.g. a wire story cut short). */
export function similarity(a: Uint32Array, b: Uint32Array): { jaccard: number; containment: number; smaller: number } {
  const common = intersection(a, b);
  const smaller = Math.min(a.length, b.length);
  return { jaccard: common / (a.length + b.length - common || 1), containment: common / (smaller || 1), smaller };
}

/**
 * One in eight shingles (by hash), kept per article: similarity of the samples estimates the
 * similarity of the texts, so only likely duplicates are compared in full and a large knowledge
 * base costs a few hundred numbers per article, not its whole text.
 */
const SAMPLE = 8;
const sketches = new WeakMap<Article, Uint32Array>();
function sketch(a: Article): Uint32Array {
  let s = sketches.get(a);
  if (!s) {
    s = shingles(a).filter((h) => h % SAMPLE === 0);
    sketches.set(a, s);
  }
  return s;
}

/**
 * Samples every article not sampled yet, giving the event loop back every few milliseconds: the
 * first check against a large base (2 s at 100,000 paragraphs) must not stop a bot's answers.
 */
export async function warmSketches(articles: readonly Article[], sliceMs = 5): Promise<void> {
  let t0 = performance.now();
  for (const a of articles) {
    if (sketches.has(a)) continue;
    sketch(a);
    if (performance.now() - t0 > sliceMs) {
      await new Promise((r) => setImmediate(r));
      t0 = performance.now();
    }
  }
}

/** Nearly the same text: most 5-grams shared, or the shorter text almost wholly inside the other. */
export const SAME_TEXT = { jaccard: 0.5, containment: 0.8, minShingles: 20 };

export interface Duplicate {
  article: Article;
  by: 'url' | 'text';
  /** Share of the shorter text's 5-grams found in the other (1 for a URL match). */
  similarity: number;
}

/** The article in `existing` that `candidate` repeats: the same canonical URL, else nearly the same text. */
export function findDuplicate(candidate: Article, existing: readonly Article[]): Duplicate | null {
  const url = candidate.url ? canonicalUrl(candidate.url) : null;
  if (url) {
    const same = existing.find((a) => a.url && canonicalUrl(a.url) === url);
    if (same) return { article: same, by: 'url', similarity: 1 };
  }
  const full = shingles(candidate);
  const sample = full.filter((h) => h % SAMPLE === 0);
  let best: Duplicate | null = null;
  for (const a of existing) {
    const s = sketch(a);
    const est = similarity(sample, s);
    const few = sample.length < 16 || s.length < 16;
    if (!few && est.jaccard < 0.2 && est.containment < 0.4) continue;
    const exact = similarity(full, shingles(a));
    if (exact.smaller < SAME_TEXT.minShingles) continue;
    if (exact.jaccard >= SAME_TEXT.jaccard || exact.containment >= SAME_TEXT.containment) {
      if (!best || exact.containment > best.similarity) best = { article: a, by: 'text', similarity: exact.containment };
    }
  }
  return best;
}

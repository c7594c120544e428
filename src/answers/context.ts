import type { KnowledgeBase } from '../knowledge/base.ts';
import type { Derived } from '../knowledge/derived.ts';
import { terms } from '../text/tokenize.ts';
import { datelineEnd } from '../text/dateline.ts';

/** Weight of a query word found in the article's title only (measured for ask: 0, 1, 2, 3 on the dev sets; 2 best). */
const TITLE_CONTEXT = 2;

/** A word's IDF over the paragraphs (the BM25 form the index ranks with). */
export const idfOf = (kb: KnowledgeBase, w: string) => {
  const df = kb.paragraphIndex.documentFrequency(w);
  return Math.log(1 + (kb.paragraphIndex.size - df + 0.5) / (df + 0.5));
};

/**
 * Index terms of each article's title and of its dateline's place ("PARIS, April 18 (Wire) —" is
 * "PARIS"): where the whole story was filed is as much its context as its title (measured: dev top-1
 * +1, aside unchanged). The dateline's own paragraph keeps the word as a match too; counting it there as
 * context only measured top-3 +1 but events top-1 −1 on dev and aside.
 */
const TITLE_TERMS: Derived<Map<string, Set<string>>> = { name: 'title terms', make: () => new Map(), extend: (prev) => new Map(prev) };

function titleTerms(kb: KnowledgeBase, article: string): Set<string> {
  const memo = kb.derive(TITLE_TERMS);
  let t = memo.get(article);
  if (!t) {
    const a = kb.byArticle.get(article);
    memo.set(article, (t = new Set([...terms(a?.title ?? ''), ...terms(datelinePlace(a?.paragraphs[0]?.text ?? ''))])));
  }
  return t;
}

/** The place of a paragraph's dateline ("PALM BEACH, Florida, Dec 29 (Wire) –": "PALM BEACH, Florida"), '' if it has none. */
export function datelinePlace(text: string): string {
  const end = datelineEnd(text);
  return end ? text.slice(0, end).replace(/\([^)]*\)/g, ' ').replace(/,\s*\p{L}+\.?\s*\d{1,2}\b/gu, ' ').replace(/[—–-]\s*$/, ' ') : '';
}

/**
 * A passage's lift from its article's title: words of the query the passage lacks but the title holds
 * count a part of their IDF share (a passage in the article about "Anchorage" that says "the talks were
 * held" answers a question about Anchorage). Returns a multiplier per hit, 1 when the title holds nothing asked.
 */
export function titleContext(kb: KnowledgeBase, words: string[]): (hit: { doc: number; mask: number }) => number {
  const qidf = words.map((w) => idfOf(kb, w));
  const qtotal = qidf.reduce((x, y) => x + y, 0) || 1;
  return ({ doc, mask }) => {
    const title = titleTerms(kb, kb.paragraphs[doc].article);
    let ctx = 0;
    words.forEach((w, i) => {
      // The search says which words the passage matched (bit i): only the others can come from the title.
      if ((mask & (1 << i)) === 0 && title.has(w)) ctx += qidf[i];
    });
    return 1 + (TITLE_CONTEXT * ctx) / qtotal;
  };
}

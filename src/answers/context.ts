import type { KnowledgeBase } from '../knowledge/base.ts';
import type { Derived } from '../knowledge/derived.ts';
import { terms } from '../text/tokenize.ts';

/** Weight of a query word found in the article's title only (measured for ask: 0, 1, 2, 3 on the dev sets; 2 best). */
const TITLE_CONTEXT = 2;

const idfOf = (kb: KnowledgeBase, w: string) => {
  const df = kb.paragraphIndex.documentFrequency(w);
  return Math.log(1 + (kb.paragraphIndex.size - df + 0.5) / (df + 0.5));
};

/** Index terms of each article's title, made when first read. */
const TITLE_TERMS: Derived<Map<string, Set<string>>> = { name: 'title terms', make: () => new Map(), extend: (prev) => new Map(prev) };

function titleTerms(kb: KnowledgeBase, article: string): Set<string> {
  const memo = kb.derive(TITLE_TERMS);
  let t = memo.get(article);
  if (!t) memo.set(article, (t = new Set(terms(kb.byArticle.get(article)?.title ?? ''))));
  return t;
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

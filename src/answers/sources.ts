import type { KnowledgeBase } from '../knowledge/base.ts';
import { citationOf } from '../knowledge/types.ts';
import type { Answer, AnswerOptions } from './types.ts';
import { clampLimit } from './query.ts';
import { articleView } from './views.ts';

/** sources: the articles, newest first; each cited by its opening paragraph. */
export function sources(kb: KnowledgeBase, _query = '', opts: AnswerOptions = {}): Answer {
  const limit = clampLimit(opts.limit ?? 25);
  // Newest first; only the page shown is built (a big base has thousands of articles).
  const shown = kb.articles.slice(-limit).reverse();
  const results = shown.map((a, i) => ({
    text: a.title,
    score: 1 - i / (kb.articles.length + 1),
    citation: citationOf(a, a.paragraphs[0]),
    article: articleView(a),
  }));
  const paragraphs = kb.paragraphs.length;
  return {
    command: 'sources',
    query: '',
    results,
    total: kb.articles.length,
    title: `${kb.articles.length} article${kb.articles.length === 1 ? '' : 's'}, ${paragraphs} paragraphs`,
    message: kb.articles.length ? undefined : 'The knowledge base is empty: add Markdown or text files to the knowledge directory.',
  };
}

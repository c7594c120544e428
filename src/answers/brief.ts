import type { KnowledgeBase } from '../knowledge/base.ts';
import type { Article } from '../knowledge/types.ts';
import { citationOf } from '../knowledge/types.ts';
import { splitSentences } from '../text/sentences.ts';
import { fold } from '../text/normalize.ts';
import { shorten } from '../extract/events.ts';
import type { Answer, AnswerOptions, Result } from './types.ts';
import { cleanQuery } from './query.ts';
import { articleView, eventView, paragraphResult, personView, quoteView } from './views.ts';
import { compareEvents } from './events.ts';

export interface BriefOptions extends AnswerOptions {
  /** One article: its id or (part of) its title. */
  article?: string;
  /** Only articles published on or after this date (YYYY-MM-DD). */
  since?: string;
  /** Only these articles (the scheduled briefing passes what is new). */
  ids?: string[];
}

export interface Brief {
  scope: string;
  headline: Result | null;
  people: Result[];
  quotes: Result[];
  events: Result[];
  sources: Result[];
}

const SIZES = { people: 5, quotes: 3, events: 6, sources: 5 };

/** Finds an article by id, exact title, or words of its title. */
export function findArticle(kb: KnowledgeBase, q: string): Article | null {
  const f = fold(q).trim();
  if (!f) return null;
  return (
    kb.byArticle.get(f) ??
    kb.articles.find((a) => fold(a.title) === f) ??
    kb.articles.find((a) => fold(a.title).includes(f) || a.id.includes(f)) ??
    null
  );
}

/**
 * brief: the key development, who is involved, what was said, what happened and the sources,
 * every line cited. Of everything, one article, or what was published since a date.
 */
export function brief(kb: KnowledgeBase, rawQuery = '', opts: BriefOptions = {}): Answer & { brief: Brief } {
  const articleQ = cleanQuery(opts.article ?? rawQuery);
  const since = cleanQuery(opts.since ?? '');
  let scope = kb.articles;
  let scopeName = 'all articles';
  const empty = (message: string): Answer & { brief: Brief } => ({
    command: 'brief', query: articleQ || since, results: [], total: 0, message,
    brief: { scope: scopeName, headline: null, people: [], quotes: [], events: [], sources: [] },
  });
  if (articleQ) {
    const a = findArticle(kb, articleQ);
    if (!a) return { ...empty(`No article matches “${articleQ}”.`), suggestions: kb.articles.slice(-5).map((x) => x.title) };
    scope = [a];
    scopeName = a.title;
  }
  if (since) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) return empty(`“${since}” is not a date; use the form 2025-12-01.`);
    scope = scope.filter((a) => a.published != null && a.published.slice(0, 10) >= since);
    scopeName = `${scopeName} since ${since}`;
    if (scope.length === 0) return empty(`Nothing has been published since ${since}.`);
  }
  if (opts.ids) {
    const wanted = new Set(opts.ids);
    scope = scope.filter((a) => wanted.has(a.id));
    scopeName = `${scope.length} new article${scope.length === 1 ? '' : 's'}`;
  }
  if (scope.length === 0) return empty(opts.ids ? 'Nothing new.' : 'The knowledge base is empty.');

  const inScope = new Set(scope.map((a) => a.id));
  const inScopeP = (pid: number) => inScope.has(kb.paragraphs[pid].article);
  const newest = scope[scope.length - 1];
  const lead = newest.paragraphs[0];
  const leadText = splitSentences(lead.text).slice(0, 2).map((s) => s.text).join(' ');
  const headline: Result = { ...paragraphResult(kb, lead, 1, { paragraph: lead.text }), text: shorten(leadText, 400) };

  const people = kb.people
    .map((p) => ({ p, n: p.paragraphs.filter(inScopeP).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.p.name.localeCompare(b.p.name))
    .slice(0, SIZES.people)
    .map(({ p, n }) => {
      const pid = p.paragraphs.find(inScopeP)!;
      return paragraphResult(kb, kb.paragraphs[pid], n, { person: personView(p) });
    });

  const quotes = kb.quotes
    .filter((q) => q.kind === 'direct' && q.speakers.length > 0 && inScopeP(q.paragraph))
    .sort((a, b) => b.text.length - a.text.length)
    .slice(0, SIZES.quotes)
    .sort((a, b) => a.paragraph - b.paragraph)
    .map((q) => ({ ...paragraphResult(kb, kb.paragraphs[q.paragraph], 1, { quote: quoteView(kb, q) }), text: q.text }));

  const events = kb.events
    .filter((e) => inScopeP(e.paragraph) && e.kind !== 'statement')
    .sort(compareEvents)
    .slice(0, SIZES.events)
    .map((e) => ({ ...paragraphResult(kb, kb.paragraphs[e.paragraph], 1, { event: eventView(e) }), text: e.summary }));

  const sources = [...scope].reverse().slice(0, SIZES.sources).map((a) => ({ text: a.title, score: 1, citation: citationOf(a, a.paragraphs[0]), article: articleView(a) }));
  const results = [headline, ...people, ...quotes, ...events, ...sources];
  return {
    command: 'brief',
    query: articleQ || since,
    title: `Briefing: ${scopeName}`,
    results,
    total: results.length,
    brief: { scope: scopeName, headline, people, quotes, events, sources },
  };
}

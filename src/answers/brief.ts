import type { ArticleSpan, Event, KnowledgeBase, Person, Quote } from '../knowledge/base.ts';
import { sortedList, type Derived } from '../knowledge/derived.ts';
import { BY_MENTIONS } from './who.ts';
import { TITLES } from './titles.ts';
import type { Article } from '../knowledge/types.ts';
import { citationOf } from '../knowledge/types.ts';
import { splitSentences } from '../text/sentences.ts';
import { codePointOrder, fold } from '../text/normalize.ts';
import { shorten } from '../extract/events.ts';
import type { Answer, AnswerOptions, Result } from './types.ts';
import { cleanQuery } from './query.ts';
import { articleView, paragraphResult, personView, quoteView, storyView } from './views.ts';
import { TIMELINE, compareEvents } from './events.ts';
import { STORIES, leadsStory } from '../knowledge/event-stories.ts';

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

/** What a briefing picks from its scope: the most mentioned people, the longest attributed quotes, the first events. */
interface Picked {
  people: { person: Person; mentions: number; first: number }[];
  quotes: Quote[];
  events: Event[];
}

const briefable = (q: Quote) => q.kind === 'direct' && q.speakers.length > 0;
const longestFirst = (a: Quote, b: Quote) => b.text.length - a.text.length || a.id - b.id;
/** What a briefing reports as happened: the news (no history recalled, no plain statements). */
const reportable = (e: Event) => e.kind !== 'statement' && !e.background;
/** Rounds of talks and meetings lead "what happened": they are what a briefing on the talks is about. */
const leadKind = (e: Event) => (e.kind === 'talks' ? 0 : e.kind === 'meeting' ? 1 : 2);
/** The briefing's order: talks and meetings first, each group in the order it happened. */
const briefOrder = (a: Event, b: Event) => leadKind(a) - leadKind(b) || compareEvents(a, b);

/** Attributed direct quotes, longest first. */
export const LONGEST_QUOTES = sortedList('longest quotes', (x) => x.quotes.filter(briefable), longestFirst);

/** A briefing of everything, from orders kept with the base: its cost does not grow with the base. */
function everywhere(kb: KnowledgeBase): Picked {
  const events: Event[] = [];
  // Talks and meetings first, then the rest, each in timeline order, each happening once.
  for (const lead of [true, false]) {
    for (const e of kb.derive(TIMELINE)) {
      if (events.length === SIZES.events) break;
      if (reportable(e) && leadKind(e) < 2 === lead && leadsStory(kb, e)) events.push(e);
    }
  }
  return {
    people: kb.derive(BY_MENTIONS).slice(0, SIZES.people).filter((p) => p.paragraphs.length > 0).map((person) => ({ person, mentions: person.paragraphs.length, first: namingParagraph(kb, person, () => true) })),
    quotes: kb.derive(LONGEST_QUOTES).slice(0, SIZES.quotes),
    events,
  };
}

/** Each article's own pick, made when a briefing first reads it: an article's quotes and events never change. */
const ARTICLE_PICKS: Derived<Map<string, { quotes: Quote[]; events: Event[] }>> = {
  name: 'briefing picks by article',
  make: () => new Map(),
  extend: (prev) => new Map(prev),
};

function topOf(kb: KnowledgeBase, id: string, s: ArticleSpan): { quotes: Quote[]; events: Event[] } {
  const picks = kb.derive(ARTICLE_PICKS);
  let top = picks.get(id);
  if (!top) {
    top = {
      quotes: smallest(kb.quotes.slice(s.quotes[0], s.quotes[1]).filter(briefable), SIZES.quotes, longestFirst),
      events: smallest(kb.events.slice(s.events[0], s.events[1]).filter(reportable), SIZES.events * 2, briefOrder),
    };
    picks.set(id, top);
  }
  return top;
}

/** A briefing of some articles, from their spans: its cost grows with what they hold, not with the base. */
/**
 * The passage to cite for a person: the first in scope that names them in full (a passage that
 * only mentions them by pronoun or in passing is about someone else), else the first in scope.
 */
function namingParagraph(kb: KnowledgeBase, person: Person, inScope: (pid: number) => boolean): number {
  const name = person.name.toLowerCase();
  let first = -1;
  for (const pid of person.paragraphs) {
    if (!inScope(pid)) continue;
    if (first < 0) first = pid;
    if (kb.paragraphs[pid].text.toLowerCase().includes(name)) return pid;
  }
  return first >= 0 ? first : person.paragraphs[0];
}

/** Events a briefing since a date reports: none the text dates before it ("in 2022" is not news of this week). */
function sinceFilter(since: string | undefined): (e: Event) => boolean {
  if (!since) return () => true;
  return (e) => !(e.date && e.date.source === 'text' && (e.date.end ?? e.date).value < since.slice(0, (e.date.end ?? e.date).value.length));
}

function within(kb: KnowledgeBase, scope: Article[], since?: string): Picked {
  const mentions = new Map<string, number>();
  const quotes: Quote[] = [];
  const events: Event[] = [];
  const keep = sinceFilter(since);
  for (const a of scope) {
    const s = kb.span(a.id);
    if (!s) continue;
    for (const [id, n] of s.mentions) mentions.set(id, (mentions.get(id) ?? 0) + n);
    // The scope's first k are among its articles' first k: a briefing since a date reads a few per article.
    const top = topOf(kb, a.id, s);
    for (const q of top.quotes) quotes.push(q);
    for (const e of top.events) if (keep(e)) events.push(e);
  }
  const ids = new Set(scope.map((a) => a.id));
  const inScope = (pid: number) => ids.has(kb.paragraphs[pid].article);
  const candidates: { person: Person; mentions: number }[] = [];
  for (const [id, n] of mentions) {
    const person = kb.personById.get(id);
    if (person && n > 0) candidates.push({ person, mentions: n });
  }
  const people = smallest(candidates, SIZES.people, (a, b) => b.mentions - a.mentions || codePointOrder(a.person.name, b.person.name)).map((x) => ({
    ...x,
    first: namingParagraph(kb, x.person, inScope),
  }));
  // Each happening once, however many of the scope's articles report it.
  const { storyOf } = kb.derive(STORIES);
  const seen = new Set<number>();
  // A few times as many as shown are enough to leave one per story (a briefing since a date may hold thousands).
  const once = smallest(events, SIZES.events * 4, briefOrder).filter((e) => !seen.has(storyOf[e.id]) && seen.add(storyOf[e.id]));
  return { people, quotes: smallest(quotes, SIZES.quotes, longestFirst), events: once.slice(0, SIZES.events) };
}

/** The k first of items in this order, without sorting them all (a briefing since a date may cover thousands). */
function smallest<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  for (const x of items) {
    if (out.length === k && compare(x, out[k - 1]) >= 0) continue;
    let i = out.length === k ? k - 1 : out.length;
    while (i > 0 && compare(x, out[i - 1]) < 0) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = x;
  }
  return out;
}

/** Finds an article by id, exact title, or words of its title (the oldest, when several fit). */
export function findArticle(kb: KnowledgeBase, q: string): Article | null {
  const f = fold(q).trim();
  if (!f) return null;
  const byId = kb.byArticle.get(f);
  if (byId) return byId;
  const { folded, at, exact } = kb.derive(TITLES);
  const same = exact.get(f);
  if (same?.length === 1) return kb.byArticle.get(same[0]) ?? null;
  return kb.articles.find((a) => (same ? same.includes(a.id) : folded[at.get(a.id)!].includes(f) || a.id.includes(f))) ?? null;
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

  const newest = scope[scope.length - 1];
  const lead = newest.paragraphs[0];
  const leadText = splitSentences(lead.text).slice(0, 2).map((s) => s.text).join(' ');
  const headline: Result = { ...paragraphResult(kb, lead, 1, { paragraph: lead.text }), text: shorten(leadText, 400) };
  const found = scope === kb.articles ? everywhere(kb) : within(kb, scope, since || undefined);

  const people = found.people.map(({ person, mentions, first }) => paragraphResult(kb, kb.paragraphs[first], mentions, { person: personView(kb, person) }));
  const quotes = found.quotes
    .sort((a, b) => a.paragraph - b.paragraph)
    .map((q) => ({ ...paragraphResult(kb, kb.paragraphs[q.paragraph], 1, { quote: quoteView(kb, q) }), text: q.text }));
  // Each happening once, citing every article that reports or names it.
  const events = found.events.map((e) => ({ ...paragraphResult(kb, kb.paragraphs[e.paragraph], 1, { event: storyView(kb, e) }), text: e.summary }));

  const sources = scope.slice(-SIZES.sources).reverse().map((a) => ({ text: a.title, score: 1, citation: citationOf(a, a.paragraphs[0]), article: articleView(a) }));
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

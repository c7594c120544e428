import type { KnowledgeBase, Event } from '../knowledge/base.ts';
import { EVENT_KIND_WORDS, type EventKind } from '../extract/lexicon/events.ts';
import { fold } from '../text/normalize.ts';
import { stem } from '../text/tokenize.ts';
import type { Answer, AnswerOptions, Result } from './types.ts';
import { clampLimit, cleanQuery } from './query.ts';
import { paragraphResult, storyView } from './views.ts';
import { STORIES, leadsStory } from '../knowledge/event-stories.ts';
import { passages } from './ask.ts';
import { idfOf } from './context.ts';
import { TextIndex } from '../search/text-index.ts';
import { grouped, groupedList, mergeSorted, partitionPoint, sortedList, type Derived } from '../knowledge/derived.ts';

function eventResult(kb: KnowledgeBase, e: Event, score: number): Result {
  const p = kb.paragraphs[e.paragraph];
  return { ...paragraphResult(kb, p, score, { event: storyView(kb, e), paragraph: p.text }), text: e.summary };
}

/**
 * The timeline as a journalist tells it: each happening once (shown by its best-dated report,
 * citing the others), the news in the order it happened, then the history the articles recall.
 */
export function* timelineEntries(kb: KnowledgeBase): Generator<Event> {
  const timeline = kb.derive(TIMELINE);
  for (const e of timeline) if (!e.background && leadsStory(kb, e)) yield e;
  for (const e of timeline) if (e.background && leadsStory(kb, e)) yield e;
}

/**
 * Timeline order: dated first, oldest first (a month sorts before the days in it, a year before
 * its months); events of one date in reading order; undated last.
 */
export function compareEvents(a: Event, b: Event): number {
  const x = a.date?.value;
  const y = b.date?.value;
  if (x && y && x !== y) return x < y ? -1 : 1;
  if (x && !y) return -1;
  if (!x && y) return 1;
  return a.paragraph - b.paragraph;
}

/** Every event in timeline order. */
export const TIMELINE = sortedList('timeline', (x) => x.events, compareEvents);

/** Event ids by kind, newest first: a big base has thousands of a kind, an answer needs the top. */
export const BY_KIND: Derived<Map<EventKind, number[]>> = {
  name: 'events by kind',
  make: (kb) => grouped([...kb.derive(TIMELINE)].reverse(), (e) => [e.kind], (e) => e.id),
  extend: (prev, kb, added) => {
    const newest = (a: number, b: number) => compareEvents(kb.events[b], kb.events[a]);
    const fresh = grouped([...added.events].sort(compareEvents).reverse(), (e) => [e.kind], (e) => e.id);
    const out = new Map(prev);
    for (const [k, ids] of fresh) out.set(k, mergeSorted(prev.get(k) ?? [], ids, newest));
    return out;
  },
};

/** Event ids by actor (person id, or the words as written), in reading order. */
export const BY_ACTOR = groupedList('events by actor', (x) => x.events, (e) => e.actors, (e) => e.id);

/** The events a paragraph reports: the base keeps events in paragraph order, so a bisection finds them. */
function eventsIn(kb: KnowledgeBase, paragraph: number): Event[] {
  const out: Event[] = [];
  for (let i = partitionPoint(kb.events, (e) => e.paragraph < paragraph); i < kb.events.length && kb.events[i].paragraph === paragraph; i++) out.push(kb.events[i]);
  return out;
}

/** An event's own words, folded (summary, kind, actors as the base names them, place): made once per base and event. */
const OWN_TEXT: Derived<Map<number, string>> = { name: 'events own text', make: () => new Map() };

function ownText(kb: KnowledgeBase, e: Event): string {
  const memo = kb.derive(OWN_TEXT);
  let text = memo.get(e.id);
  if (text === undefined) {
    if (memo.size > 100_000) memo.clear();
    memo.set(e.id, (text = fold(`${e.summary} ${e.kind} ${kb.actorNames(e).join(' ')} ${e.place ?? ''}`)));
  }
  return text;
}

/** Kinds a topic names: "airstrikes" -> attack, "meeting" -> talks. */
export function kindsOf(topic: string): Set<EventKind> {
  const ws = new Set(fold(topic).split(/[^a-z]+/).filter(Boolean).map(stem));
  const kinds = new Set<EventKind>();
  for (const [kind, list] of Object.entries(EVENT_KIND_WORDS) as [EventKind, string[]][]) {
    if (list.some((w) => ws.has(stem(w)))) kinds.add(kind);
  }
  return kinds;
}

/** Each word's share of the words' IDF over the paragraphs (a stop word has none; all equal when none is known). */
export function topicEvidence(kb: KnowledgeBase, words: string[]): number[] {
  const idf = words.map((w) => {
    const t = TextIndex.queryWords(w)[0];
    return t ? idfOf(kb, t) : 0;
  });
  const total = idf.reduce((a, b) => a + b, 0);
  return total > 0 ? idf.map((x) => x / total) : words.map(() => 1 / Math.max(1, words.length));
}

/** What being an article's first paragraph adds to an event's score (measured on the dev sets). */
const LEDE_WEIGHT = 1;

/** events: the timeline, or the events about a topic (a kind, a person, a place, any words). */
export function events(kb: KnowledgeBase, rawQuery: string, opts: AnswerOptions = {}): Answer {
  const limit = clampLimit(opts.limit);
  const query = cleanQuery(rawQuery);
  const answer = (results: Result[], extra: Partial<Answer> = {}): Answer => ({ command: 'events', query, results: results.slice(0, limit), total: results.length, ...extra });

  if (!query) {
    const stories = kb.derive(STORIES).members.length;
    const shown: Event[] = [];
    for (const e of timelineEntries(kb)) {
      if (shown.length === limit) break;
      shown.push(e);
    }
    return answer(shown.map((e, i) => eventResult(kb, e, 1 - i / (stories + 1))), { total: stories, title: `Timeline: ${stories} events` });
  }

  const kinds = kindsOf(query);
  const scores = new Map<number, number>();
  const cap = Math.max(200, limit * 4);
  // Events are found through the paragraphs that report them (one index serves both), then ranked
  // by how much of the query their own sentence holds.
  const words = fold(query).split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  // A few paragraphs per result shown are enough: each reports about two events.
  // Paragraphs ranked as ask ranks them (coverage-weighted, names by transliteration, the time the topic
  // names and the article title as context), then each event
  // by its paragraph's score and how much of the topic its own sentence holds (weights measured on the dev sets).
  const { hits, base } = passages(kb, query, TextIndex.queryWords(query), Math.max(60, limit * 2));
  const top = Math.max(1e-9, ...base);
  // Each topic word counts in the event's own sentence by its share of the topic's IDF: the rare word
  // ("Christmas" of "Christmas truce") says more than the common one. Stop words count nothing.
  const evidence = topicEvidence(kb, words);
  for (const [i, h] of hits.entries()) {
    const here = eventsIn(kb, h.doc);
    // A paragraph that reports the kind the topic names ("airstrikes") is shown by that event, not by its others.
    const named = kinds.size > 0 && here.some((e) => kinds.has(e.kind));
    for (const e of here) {
      if (named && !kinds.has(e.kind)) continue;
      const own = ownText(kb, e);
      let inSentence = 0;
      words.forEach((w, k) => {
        if (own.includes(w.slice(0, Math.max(4, w.length - 2)))) inSentence += evidence[k];
      });
      scores.set(e.id, (4 * base[i]) / top + 2 * inSentence);
    }
  }
  // Events of a kind the topic names, newest first: a big base has thousands, the answer needs the top.
  const byKind = kb.derive(BY_KIND);
  for (const k of kinds) for (const id of (byKind.get(k) ?? []).slice(0, cap)) scores.set(id, (scores.get(id) ?? 0) + 0.5);
  // Named people: their events, whichever words describe them.
  const person = kb.peopleIndex.namedAs(query, 1)[0]?.person;
  if (person) {
    const byActor = kb.derive(BY_ACTOR);
    for (const id of (byActor.get(person.id) ?? []).slice(-cap)) scores.set(id, (scores.get(id) ?? 0) + 2);
  }

  // An article's lede tells its news; the passages after it recall, react and explain. A report
  // early in its article is more likely the original of a happening than a later article's passing
  // mention of it: each event gains by the inverse of its paragraph's number (1 for the first).
  for (const [id, sc] of scores) scores.set(id, sc + LEDE_WEIGHT / kb.paragraphs[kb.events[id].paragraph].n);

  // One happening once: the best-scoring report of each story, citing the others.
  const { storyOf } = kb.derive(STORIES);
  const best = new Map<number, [number, number]>();
  for (const [id, sc] of scores) {
    const st = storyOf[id];
    const had = best.get(st);
    if (!had || sc > had[1] || (sc === had[1] && compareEvents(kb.events[id], kb.events[had[0]]) < 0)) best.set(st, [id, sc]);
  }
  const ranked = [...best.values()].sort((a, b) => b[1] - a[1] || compareEvents(kb.events[a[0]], kb.events[b[0]]));
  if (ranked.length === 0) {
    const topics = Object.keys(EVENT_KIND_WORDS).filter((k) => byKind.has(k as EventKind));
    return answer([], { message: `No event matches “${query}”.`, suggestions: topics.map((k) => EVENT_KIND_WORDS[k as EventKind][0]) });
  }
  // Results are built for the page shown only (a topic can match hundreds of events); the total counts them all.
  return answer(ranked.slice(0, limit).map(([id, s]) => eventResult(kb, kb.events[id], s)), { title: `Events: ${query}`, total: ranked.length });
}

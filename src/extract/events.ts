import { splitSentences } from '../text/sentences.ts';
import type { Article } from '../knowledge/types.ts';
import type { ArticlePerson, EventFact, Mention } from './types.ts';
import { findTimes } from './dates.ts';
import { COMPATIBLE_KINDS, EVENT_PRIORITY, EVENT_TRIGGERS, type EventKind } from './lexicon/events.ts';
import { CAPITALS, COUNTRIES, NATIONALITIES } from './lexicon/places.ts';
import { tokenize } from './tokens.ts';

const MAX_SUMMARY = 220;

/** Shorten at a word boundary, never mid-word, marking the cut. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const at = cut.lastIndexOf(' ');
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/** The kinds a sentence reports: the first by priority, plus any that are a separate happening. */
export function kindsOf(sentence: string): EventKind[] {
  // What people say in quotation marks is speech, not a report of something that happened.
  // The triggers are case-sensitive (they look for capitalised names); a sentence's first word is not a name.
  const text = sentence.replace(/“[^”]*”?|"[^"]*"?/g, ' ').replace(/^\s*\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  const found = EVENT_PRIORITY.filter((k) => {
    const m = EVENT_TRIGGERS[k].exec(text);
    // "no agreement was announced", "before any deal had been signed": what did not happen.
    return m != null && !/\b(no|not|never|without|nor|any)\b[^,;]{0,30}$/i.test(text.slice(Math.max(0, m.index - 40), m.index));
  });
  if (found.length === 0) return [];
  const first = found[0];
  const extra = found.slice(1).filter((k) => COMPATIBLE_KINDS.some((pair) => pair.includes(first) && pair.includes(k)));
  return [first, ...extra];
}

/** Countries and capitals named in a stretch, as actors: "Russia escalated", "Moscow's hand". */
function placesIn(text: string): string[] {
  const out: string[] = [];
  const toks = tokenize(text);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.capitalized) continue;
    const two = i + 1 < toks.length ? `${t.folded} ${toks[i + 1].folded}` : '';
    if (two && COUNTRIES.has(two)) {
      out.push(`${t.text} ${toks[i + 1].text}`);
      i++;
    } else if (COUNTRIES.has(t.folded) || CAPITALS.has(t.folded)) out.push(t.text);
    else if (t.folded === 'eu' || t.folded === 'nato' || t.folded === 'un') out.push(t.text);
  }
  return out;
}

/** "in X" / "at X" naming a place: a capitalised word after the preposition that is no person. */
function placeOf(sentence: string, personNames: Set<string>): string | null {
  for (const m of sentence.matchAll(/\b(?:in|at|near|outside)\s+((?:\p{Lu}[\p{L}’'-]+)(?:\s+\p{Lu}[\p{L}’'-]+)?)/gu)) {
    const name = m[1].replace(/[’']s$/, '');
    const f = name.toLowerCase();
    if (personNames.has(name) || f in NATIONALITIES) continue;
    if (/^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(f)) continue;
    return name;
  }
  return null;
}

/**
 * Events of one article: each sentence that reports talks, a statement, a strike, a pledge,
 * a call, a decision or casualties becomes one event, with the people and countries it names,
 * the place and the time the sentence gives.
 */
export function extractEvents(article: Article, people: ArticlePerson[], mentions: Mention[]): EventFact[] {
  const events: EventFact[] = [];
  const names = new Set(people.flatMap((p) => [p.name, ...p.aliases]));
  for (const p of article.paragraphs) {
    for (const s of splitSentences(p.text)) {
      const kinds = kindsOf(s.text);
      if (!kinds.length) continue;
      // Reported opinions ("X warned that …") are quotes, not events, unless something happened in them.
      const inSentence = mentions.filter((m) => m.paragraph === p.n && m.start >= s.start && m.end <= s.end);
      const actors = [...new Set([...inSentence.map((m) => people[m.person].name), ...placesIn(s.text)])];
      const times = findTimes(s.text, article.published).filter((t) => t.kind !== 'duration');
      const when = times[0] ?? findTimes(s.text, article.published)[0] ?? null;
      for (const kind of kinds) events.push({
        kind,
        summary: shorten(s.text, MAX_SUMMARY),
        actors,
        place: placeOf(s.text, names),
        when,
        date: (when?.iso ?? null) || article.published?.slice(0, 10) || null,
        paragraph: p.n,
      });
    }
  }
  return events;
}

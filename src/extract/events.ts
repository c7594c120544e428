import { splitSentences } from '../text/sentences.ts';
import type { Article } from '../knowledge/types.ts';
import type { ArticlePerson, EventDate, EventFact, Mention } from './types.ts';
import { dayWindow, findTimes, parseIsoDate, type TimeExpression } from './dates.ts';
import { COMPATIBLE_KINDS, EVENT_PRIORITY, EVENT_TRIGGERS, NOT_HAPPENING, RECALLED, SPOKEN_BEFORE, SPOKEN_OF, TRIGGER_WORDS, type EventKind } from './lexicon/events.ts';
import { CAPITALS, COUNTRIES, NATIONALITIES } from './lexicon/places.ts';
import { tokenize } from './tokens.ts';

const MAX_SUMMARY = 220;
/** What an article recalls from further back than this is background, not the news of the day. */
const BACKGROUND_DAYS = 180;

/** Shorten at a word boundary, never mid-word, marking the cut. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const at = cut.lastIndexOf(' ');
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/** A sentence with what people say in quotation marks blanked out (same length, so offsets hold). */
function unquoted(sentence: string): string {
  return sentence.replace(/[“«„][^”»“]*[”»“]?|"[^"]*"?/g, (m) => ' '.repeat(m.length));
}

function narration(sentence: string): string {
  return unquoted(sentence)
    .replace(/^\s*\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
}

/** The kinds a sentence reports, each with where its trigger is: the first by priority, plus any that are a separate happening. */
export function kindsAt(sentence: string): { kind: EventKind; at: number; recalled: boolean; spoken?: boolean }[] {
  // What people say in quotation marks is speech, not a report of something that happened.
  // Some triggers are case-sensitive (they look for capitalised names); a sentence's first word is not a name.
  const text = narration(sentence);
  const found: { kind: EventKind; at: number; recalled: boolean }[] = [];
  for (const kind of EVENT_PRIORITY) {
    if (TRIGGER_WORDS[kind] && !TRIGGER_WORDS[kind].test(text)) continue;
    const m = EVENT_TRIGGERS[kind].exec(text);
    if (!m) continue;
    const before = text.slice(Math.max(0, m.index - 50), m.index);
    // "no agreement was announced", "before any deal had been signed": what did not happen.
    if (/\b(no|not|never|without|nor|any)\b[^,;]{0,30}$/i.test(before)) continue;
    if (NOT_HAPPENING[kind]?.test(before)) continue;
    found.push({ kind, at: m.index, recalled: RECALLED.test(before) });
  }
  if (found.length === 0) {
    // Someone said something and it is the news: a statement, when a person says it (checked by the caller).
    const speech = SPEECH.exec(text);
    return speech ? [{ kind: 'statement', at: speech.index, recalled: false, spoken: true }] : [];
  }
  // "an aide told state media that a summit was not discussed": the news is what he said.
  if (SPOKEN_OF.includes(found[0].kind)) {
    const speech = SPOKEN_BEFORE.exec(text.slice(0, found[0].at));
    if (speech) return [{ kind: 'statement', at: speech.index, recalled: false }];
  }
  const first = found[0].kind;
  const extra = found.slice(1).filter((k) => COMPATIBLE_KINDS.some((pair) => pair.includes(first) && pair.includes(k.kind)));
  return [found[0], ...extra];
}

export function kindsOf(sentence: string): EventKind[] {
  return kindsAt(sentence).map((k) => k.kind);
}

/** Verbs of saying that make a sentence a statement by whoever it names. */
const SPEECH = /\b(says|said|told|tells|wrote|writes|warned|warns|denied|denies|insisted|insists|claimed|claims|complained|accused|accuses|rejected|ruled out|stressed|vowed|urged|called for|demanded)\b/i;

/** Where a statement was made on the record: the press, a broadcast, a post, a parliament. */
const ON_RECORD = /\b(reporters|journalists|the press|press conference|news conference|state (?:media|television|TV)|television|TV|radio|interview|broadcaster|newspaper|on (?:X|Telegram|Truth Social|Facebook|social media)|Truth Social|parliament|lawmakers|deputies|Bundestag|Rada|address)\b/;

/** Places of two or more words, folded: "Abu Dhabi" is one actor, never "Abu" and "Dhabi". */
const MULTI_WORD_PLACES = [...COUNTRIES, ...CAPITALS].filter((p) => p.includes(' ')).map((p) => p.split(' '));

/** Countries and capitals named in a stretch, as actors: "Russia escalated", "Moscow's hand". */
function placesIn(text: string): string[] {
  const out: string[] = [];
  const toks = tokenize(text);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.capitalized) continue;
    const long = MULTI_WORD_PLACES.find((ws) => ws.every((w, k) => toks[i + k]?.folded === w && (k === 0 || toks[i + k].capitalized)));
    if (long) {
      out.push(toks.slice(i, i + long.length).map((x) => x.text).join(' '));
      i += long.length - 1;
    } else if (COUNTRIES.has(t.folded) || CAPITALS.has(t.folded)) out.push(t.text);
    else if (t.folded === 'eu' || t.folded === 'nato' || t.folded === 'un') out.push(t.text);
  }
  return out;
}

const CALENDAR = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** "in X" / "at X" naming a place: capitalised words after the preposition that are no person and no date. */
function placeOf(sentence: string, personNames: Set<string>): string | null {
  for (const m of sentence.matchAll(/\b(?:in|at|near|outside|to)\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'-]+)(?:\s+\p{Lu}[\p{L}’'-]+)?)/gu)) {
    let name = m[1].replace(/[’']s$/, '');
    const words = name.split(/\s+/);
    if (words.length === 2 && (CALENDAR.test(words[1].toLowerCase()) || personNames.has(words[1]))) name = words[0];
    const f = name.toLowerCase();
    if (personNames.has(name) || f in NATIONALITIES || CALENDAR.test(f)) continue;
    // "to" leads to a place only when it is one we know ("travel to Riyadh"), not "to the envoy".
    if (/^to\b/i.test(m[0]) && !CAPITALS.has(f) && !COUNTRIES.has(f)) continue;
    return name;
  }
  return null;
}

/** Names once each, whatever their case: a dateline's "GENEVA" is the Geneva of the sentence. */
function distinct(names: string[]): string[] {
  const out = new Map<string, string>();
  for (const n of names) {
    const k = n.toLowerCase();
    const had = out.get(k);
    if (had === undefined || (had === had.toUpperCase() && n !== n.toUpperCase())) out.set(k, n);
  }
  return [...out.values()];
}

/** The date of an event from the time its sentence gives: the nearest to what happened, a point before a bound. */
function pickTime(times: TimeExpression[], at: number): TimeExpression | null {
  let dates = times.filter((t) => t.kind === 'date' && t.date);
  if (dates.length === 0) return null;
  // A year alone beside a day ("on Monday … since 2022") is the background; the day is the event's.
  if (dates.some((t) => t.date!.precision !== 'year')) dates = dates.filter((t) => t.date!.precision !== 'year');
  return dates.reduce((best, t) => (Math.abs(t.start - at) < Math.abs(best.start - at) ? t : best));
}

function dateOf(t: TimeExpression): Omit<EventDate, 'source'> {
  return { value: t.date!.value, precision: t.date!.precision, ...(t.until ? { end: t.until } : {}) };
}

export function isBackground(date: Omit<EventDate, 'source'> | null, published: string | null): boolean {
  const ref = parseIsoDate(published);
  if (!date || !ref) return false;
  return ref.getTime() - dayWindow(date, date.end)[1] > BACKGROUND_DAYS * 86_400_000;
}

/**
 * Events of one article: each sentence that reports talks, a meeting, a call, a plan, a strike, an
 * exchange, an appointment, a resignation, a pledge, a decision or casualties becomes an event, with
 * the people and countries it names, the place, and its date: the one its sentence gives, else the
 * one an earlier sentence of the paragraph gave, else the publication date (and it says which).
 * Events dated long before the article are background.
 */
export function extractEvents(article: Article, people: ArticlePerson[], mentions: Mention[]): EventFact[] {
  const events: EventFact[] = [];
  const names = new Set(people.flatMap((p) => [p.name, ...p.aliases]));
  const published = article.published?.slice(0, 10) ?? null;
  const fallback: EventDate | null = published ? { value: published, precision: 'day', source: 'published' } : null;
  for (const p of article.paragraphs) {
    let carried: EventDate | null = null;
    for (const s of splitSentences(p.text)) {
      // A time inside a quotation ("closer than a month ago") is the speaker's, not the event's.
      const times = findTimes(unquoted(s.text), published);
      const kinds = kindsAt(s.text);
      // A sentence that dates what follows ("On Sunday, …") lends its date to the next ones of its paragraph.
      const own = pickTime(times, kinds[0]?.at ?? 0);
      if (own && own.date!.precision !== 'year') carried = { ...dateOf(own), source: 'text' };
      if (!kinds.length) continue;
      const inSentence = mentions.filter((m) => m.paragraph === p.n && m.start >= s.start && m.end <= s.end);
      const actors = distinct([...inSentence.map((m) => people[m.person].name), ...placesIn(s.text)]);
      const place = placeOf(s.text, names);
      const named = inSentence.length > 0;
      for (const { kind, at, recalled, spoken } of kinds) {
        // A statement is news when a named person makes it on a day the text gives, or to the press.
        if (spoken && !(named && (pickTime(times, at) || ON_RECORD.test(s.text)))) continue;
        const t = pickTime(times, at);
        const date: EventDate | null = t ? { ...dateOf(t), source: 'text' } : (carried ?? fallback);
        events.push({
          kind,
          summary: shorten(s.text, MAX_SUMMARY),
          actors,
          place,
          when: t?.text ?? null,
          date,
          background: recalled || isBackground(date, published),
          paragraph: p.n,
        });
      }
    }
  }
  return events;
}

import { splitSentences } from '../text/sentences.ts';
import type { Article } from '../knowledge/types.ts';
import type { ArticlePerson, EventDate, EventFact, Mention, RecallFact } from './types.ts';
import { dayWindow, findTimes, parseIsoDate, type TimeExpression } from './dates.ts';
import { COMPATIBLE_KINDS, EVENT_PRIORITY, EVENT_TRIGGERS, IN_OFFICE_SINCE, NOT_HAPPENING, RECALLED, RECOLLECTED_KIND, RECOLLECTION, SPOKEN_BEFORE, SPOKEN_OF, TRIGGER_WORDS, type EventKind } from './lexicon/events.ts';
import { CAPITALS, COUNTRIES, NATIONALITIES } from './lexicon/places.ts';
import { cities, countryNames } from './lexicon/gazetteers.ts';
import { tokenize } from './tokens.ts';
import { datelineEnd } from '../text/dateline.ts';

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
export function kindsAt(sentence: string): { kind: EventKind; at: number; end: number; recalled: boolean; spoken?: boolean }[] {
  // What people say in quotation marks is speech, not a report of something that happened.
  // Some triggers are case-sensitive (they look for capitalised names); a sentence's first word is not a name.
  const text = narration(sentence);
  const found: { kind: EventKind; at: number; end: number; recalled: boolean }[] = [];
  for (const kind of EVENT_PRIORITY) {
    if (TRIGGER_WORDS[kind] && !TRIGGER_WORDS[kind].test(text)) continue;
    const m = EVENT_TRIGGERS[kind].exec(text);
    if (!m) continue;
    const before = text.slice(Math.max(0, m.index - 50), m.index);
    // "no agreement was announced", "before any deal had been signed": what did not happen.
    if (/\b(no|not|never|without|nor|any)\b[^,;]{0,30}$/i.test(before)) continue;
    if (NOT_HAPPENING[kind]?.test(before)) continue;
    found.push({ kind, at: m.index, end: m.index + m[0].length, recalled: RECALLED.test(before) });
  }
  if (found.length === 0) {
    // Someone said something and it is the news: a statement, when a person says it (checked by the caller).
    const speech = SPEECH.exec(text);
    return speech ? [{ kind: 'statement', at: speech.index, end: speech.index + speech[0].length, recalled: false, spoken: true }] : [];
  }
  // "an aide told state media that a summit was not discussed": the news is what he said.
  // But a truce announced is the truce: "the ministry announced that the president had ordered a ceasefire".
  // So is what the sides agreed: "the ministry said the two sides had agreed on three goals".
  const agreed = found[0].kind === 'decision' && /\b(?:the two|both|the|all)\s+(?:[\p{L}-]+\s+)?(?:sides|parties|leaders|countries|delegations|presidents|men|teams)\s+(?:had\s+|have\s+)?$/u.test(text.slice(Math.max(0, found[0].at - 40), found[0].at)) && /^agreed\b/.test(text.slice(found[0].at, found[0].end));
  if (SPOKEN_OF.includes(found[0].kind) && !agreed && !(found[0].kind === 'decision' && /\b(?:ceasefire|truce|moratorium)\b/i.test(text.slice(found[0].at, found[0].end)))) {
    const speech = SPOKEN_BEFORE.exec(text.slice(0, found[0].at));
    if (speech) return [{ kind: 'statement', at: speech.index, end: speech.index + speech[0].length, recalled: false }];
  }
  const first = found[0].kind;
  const extra = found.slice(1).filter((k) => COMPATIBLE_KINDS.some((pair) => pair.includes(first) && pair.includes(k.kind)));
  return [found[0], ...extra];
}

export function kindsOf(sentence: string): EventKind[] {
  return kindsAt(sentence).map((k) => k.kind);
}

/** A meeting trigger that is only the journey to it. */
const TRAVEL = /^(?:travelled|traveled|flew|came|went|arrived|returned)\b/;

/** Verbs of saying that make a sentence a statement by whoever it names ("answered the questions of" is an interview, "has argued for weeks" no happening). */
const SPEECH = /\b(says|said(?! (?:goodbye|farewell))|told|tells|wrote|writes|warned|warns|denied|denies|insisted|insists|claimed|claims|complained|accused|accuses|rejected|ruled out|stressed|vowed|urged|called for|demanded|answered(?! (?:the |his |her |their )?questions)|replied|condemned|welcomed|praised|thanked|asserted|asserting|(?<!\bha(?:s|ve) )argued|promised|congratulated|reproached|judged|summed up|affirmed|assured|acknowledged|admitted)\b/i;

/** Where a statement was made on the record: the press, a broadcast, a post, a parliament. */
const ON_RECORD = /\b(reporters|journalists|the press|press conference|news conference|state (?:media|television|TV)|television|TV|radio|interview|broadcaster|newspaper|on (?:X|Telegram|Truth Social|Facebook|social media)|Truth Social|parliament|lawmakers|deputies|Bundestag|Rada|address)\b/;

/** A live blog's timestamped entry: "14:05 —", "Tuesday, 23:55 —". */
const LIVE_ENTRY = /^\s*(?:\p{L}+,\s*)?\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|ET|local time)?\s*[—–-]\s/iu;

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

const knownPlace = (f: string) => CAPITALS.has(f) || COUNTRIES.has(f) || cities().has(f) || countryNames().has(f);

/**
 * "in X" / "at X" naming a place: capitalised words after the preposition that are no person and no
 * date; of several, a place the gazetteers know before one they do not, then the one nearest the
 * trigger. "the war in Ukraine" names the war, not where something happened.
 */
function placeOf(sentence: string, personNames: Set<string>, at = 0): string | null {
  let best: { name: string; score: number } | null = null;
  for (const m of sentence.matchAll(/\b(?:in|at|near|outside|to)\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'-]+)(?:\s+\p{Lu}[\p{L}’'-]+)?)/gu)) {
    // "at Lisbon's Belém Palace": the city owns the building.
    let name = /^[^\s]+[’']s\s/u.test(m[1]) ? m[1].split(/\s+/)[0] : m[1];
    name = name.replace(/[’']s$/, '');
    const words = name.split(/\s+/);
    if (words.length === 2 && (CALENDAR.test(words[1].toLowerCase()) || personNames.has(words[1]) || (!knownPlace(name.toLowerCase()) && knownPlace(words[0].toLowerCase())))) name = words[0];
    const f = name.toLowerCase();
    if (personNames.has(name) || f in NATIONALITIES || CALENDAR.test(f)) continue;
    // "to" leads to a place only when it is one we know ("travel to Riyadh"), not "to the envoy".
    if (/^to\b/i.test(m[0]) && !CAPITALS.has(f) && !COUNTRIES.has(f)) continue;
    if (/\b(?:war|peace|fighting|conflict|invasion|situation|crisis|people|troops|forces|interests|territory|land)\s+$/i.test(sentence.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    const score = (knownPlace(f) ? 1000 : 0) - Math.abs(m.index! - at) / 10;
    if (!best || score > best.score) best = { name, score };
  }
  return best?.name ?? null;
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
function pickTime(times: TimeExpression[], at: number, end = at, text = ''): TimeExpression | null {
  let dates = times.filter((t) => t.kind === 'date' && t.date);
  if (dates.length === 0) return null;
  // A year written onto the happening is its date: "the invasion of Ukraine in 2022", "the 2022 invasion".
  const onto = dates.find((t) => t.date!.precision === 'year' && ((t.start >= end && t.start - end <= 30 && !/[,;:—–(]/.test(text.slice(end, t.start))) || (t.end <= at && at - t.end <= 3)));
  if (onto) return onto;
  // A year alone beside a day ("on Monday … since 2022") is the background; the day is the event's.
  if (dates.some((t) => t.date!.precision !== 'year')) dates = dates.filter((t) => t.date!.precision !== 'year');
  // "arrived on Wednesday and met her the next day": a time before an "and" that opens the trigger's
  // clause is the clause before's, when the trigger's own clause gives one after it.
  const after = dates.filter((t) => t.start >= end && !/[.;]/.test(text.slice(end, t.start)));
  const earlier = (t: TimeExpression) => t.end <= at && /\b(?:and|then)\s+(?:[\p{Ll}’'-]+\s+){0,2}$/u.test(text.slice(t.end, at)) && !/[,;]/.test(text.slice(t.end, at));
  if (after.length && dates.some(earlier)) dates = dates.filter((t) => !earlier(t));
  return dates.reduce((best, t) => (Math.abs(t.start - at) < Math.abs(best.start - at) ? t : best));
}

function dateOf(t: TimeExpression): Omit<EventDate, 'source'> {
  return { value: t.date!.value, precision: t.date!.precision, ...(t.until ? { end: t.until } : {}) };
}

/**
 * Days counted from a day the text gave before: "the same day", "the next day", "the day before".
 * `anchored` ones name their own reference when a noun follows ("the day after the summit"): those
 * count from nothing the text dated.
 */
const RELATIVE_DAYS: { re: RegExp; shift: number; anchored?: boolean }[] = [
  { re: /\b(?:the same (?:day|evening|night)|that (?:same )?(?:day|morning|afternoon|evening|night)|(?:later|earlier) (?:that|in the) day|hours later)\b/i, shift: 0 },
  { re: /\b(?:the (?:next|following) (?:day|morning|evening)|a day later)\b/i, shift: 1 },
  { re: /\bthe day after\b/i, shift: 1, anchored: true },
  { re: /\b(?:the previous day|a day earlier)\b/i, shift: -1 },
  { re: /\b(?:the (?:day|evening|night) before|on the eve)\b/i, shift: -1, anchored: true },
];

/**
 * A day relative to another: counted from the last day its own sentence gave before it ("arrived on
 * Wednesday and met him the next day"), else from `last`, the day of what the text reported last.
 */
function relativeDay(text: string, times: TimeExpression[], last: TimeExpression | null): TimeExpression | null {
  for (const { re, shift, anchored } of RELATIVE_DAYS) {
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    // Case matters here: "the day after Christmas" names its reference, "the day after he left" does not.
    if (anchored && (/^\s+(?:the|a|an|his|her|its|their|of)\b/i.test(text.slice(end)) || /^\s+\p{Lu}/u.test(text.slice(end)))) continue;
    if (times.some((t) => t.start < end && start < t.end && t.kind !== 'duration')) continue;
    const before = times.filter((t) => t.kind === 'date' && t.date?.precision === 'day' && t.end <= start);
    const base = before.length ? before[before.length - 1] : last;
    if (!base) continue;
    const d = parseIsoDate((base.until ?? base.date!).value)!;
    d.setUTCDate(d.getUTCDate() + shift);
    return { text: m[0], start, end, kind: 'date', date: { value: d.toISOString().slice(0, 10), precision: 'day' } };
  }
  return null;
}

/**
 * How far before publication the latest day the text reported may lie and still date what a later
 * paragraph tells without a date of its own: a story filed the morning after tells yesterday's news
 * ("On Thursday parliament voted …" then "The foreign minister was reappointed in a separate vote").
 * Further back, the paragraph is as likely about the day of publication (measured 0, 1, 2, 3, 7 on the dev sets
 * with the last day named; 0, 1, 2, 3, 4, 7 with the latest reported, where 2 did best). The day is the latest the text reported so far, not the last it named: a flashback ("On Monday she had
 * told reporters …") is no day of the story's news.
 */
const CARRY_DAYS = 2;

function storyDay(last: TimeExpression | null, published: string | null): EventDate | null {
  if (!last?.date || last.ahead || !published) return null;
  const back = (parseIsoDate(published)!.getTime() - parseIsoDate((last.until ?? last.date).value)!.getTime()) / 86_400_000;
  return back >= 0 && back <= CARRY_DAYS ? { ...dateOf(last), source: 'text' } : null;
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
  return extractHappenings(article, people, mentions).events;
}

/** The events of an article (extractEvents) and the happenings its passages recall by name (RecallFact). */
export function extractHappenings(article: Article, people: ArticlePerson[], mentions: Mention[]): { events: EventFact[]; recalls: RecallFact[] } {
  const events: EventFact[] = [];
  const recalls: RecallFact[] = [];
  const newsNames = headlinePlaces(article);
  // The happenings the sentence before named: those none of its events is named by are recalls.
  let byName: NamedHappening[] = [];
  let at = 0;
  const flush = () => {
    for (const n of byName) if (!n.own && !n.fresh) recalls.push({ kind: n.kind, place: n.place, text: n.text, date: n.date, paragraph: at });
    byName = [];
  };
  const names = new Set(people.flatMap((p) => [p.name, ...p.aliases]));
  const published = article.published?.slice(0, 10) ?? null;
  const fallback: EventDate | null = published ? { value: published, precision: 'day', source: 'published' } : null;
  // The last day the text gave: what "the same day", "the next day" count from.
  let lastDay: TimeExpression | null = null;
  // The latest day the text reported so far (none ahead, none after publication): the day of the story's
  // news, which an undated paragraph tells of. A flashback ("On Tuesday he had told reporters …") moves
  // `lastDay` back, not this.
  let newsDay: TimeExpression | null = null;
  for (const p of article.paragraphs) {
    let carried: EventDate | null = null;
    const filed = datelineEnd(p.text);
    flush();
    at = p.n;
    // A live blog's timestamped entry ("14:05 — …", "Tuesday, 23:55 — …") is news of its moment: whatever
    // a named person says in it is a statement of the day, dated or not.
    const live = LIVE_ENTRY.test(p.text);
    for (const s of splitSentences(p.text)) {
      // A time inside a quotation ("closer than a month ago") is the speaker's, not the event's.
      const plain = unquoted(s.text);
      const found = kindsAt(s.text);
      // A happening recalled with a date of its own ("after the talks in Geneva on Sunday") is told
      // apart, and its date is not that of what the sentence reports.
      const allTimes = findTimes(plain, published);
      const recalled = recollections(plain, allTimes, found[0]?.at ?? -1, published);
      // Happenings named by place: the sentence's own ("the Lisbon talks ended on Sunday", "met at the
      // Oslo summit") are its events' other names; the others are recalled ("after the Lisbon talks").
      flush();
      byName = namedHappenings(s.text, allTimes, names, published);
      const sentenceNames = byName;
      // A name is an event's own when it holds the event's trigger or recollection, or names a happening
      // of its kind without recalling it ("met at the Oslo summit"); "an Oslo truce" is always the sentence's own.
      const isOwn = (n: NamedHappening, kind: EventKind, from: number, to: number) =>
        (n.from < to && from < n.to) || ((n.fresh || !n.after) && RECALLED_GROUPS[n.kind].includes(kind === 'meeting' ? 'talks' : kind));
      const ownNames = (kind: EventKind, from: number, to: number, place: string | null, all: boolean, background = false) => {
        const out = new Set<string>();
        for (const n of sentenceNames) {
          if (!isOwn(n, kind, from, to)) continue;
          n.own = true;
          out.add(nameKey(n.place));
        }
        // An event placed nowhere in its sentence happened where the article's news did.
        if (all && !place && !background) for (const x of newsNames) out.add(x);
        if (place) out.delete(place.toLowerCase());
        return out.size ? { names: [...out] } : {};
      };
      const kinds = found.filter((k, i) => i === 0 || !recalled.some((r) => k.at >= r.from && k.at < r.to));
      const times = allTimes.filter((t) => !recalled.some((r) => r.time === t));
      const rel = relativeDay(plain, times, lastDay);
      if (rel) times.push(rel);
      // A sentence that dates what follows ("On Sunday, …") lends its date to the next ones of its paragraph.
      const own = pickTime(times, kinds[0]?.at ?? 0, kinds[0]?.end, s.text);
      if (own && own.date!.precision !== 'year') carried = { ...dateOf(own), source: 'text' };
      // What "the same day" counts from: the last day the sentence reports, not a day it looks ahead
      // to ("spoke on Saturday and said he would fly on Monday").
      const days = times.filter((t) => t.kind === 'date' && t.date?.precision === 'day').sort((a, b) => a.start - b.start);
      const reported = days.filter((t) => !t.ahead);
      if (reported.length || days.length) lastDay = (reported.length ? reported : days)[(reported.length ? reported : days).length - 1];
      for (const d of reported) {
        const v = (d.until ?? d.date!).value;
        if ((!published || v <= published) && (!newsDay || v > (newsDay.until ?? newsDay.date!).value)) newsDay = d;
      }
      // "a day after the strike on the capital", "two days after taking office": what the stretch tells is
      // dated that many days from the day the rest of the sentence gives (else the story's day).
      const offsets = dayOffsets(plain, times);
      // The times no such stretch holds.
      const free = offsets.length ? times.filter((x) => !offsets.some((o) => x.start >= o.from && x.end <= o.to)) : times;
      if (offsets.length) {
        const at = kinds.find((k) => !offsets.some((o) => k.at >= o.from && k.at < o.to))?.at ?? 0;
        const t = pickTime(free, at, at, s.text);
        const anchor: EventDate | null = t && t.date!.precision === 'day' ? { ...dateOf(t), source: 'text' } : t ? null : (carried ?? storyDay(newsDay, published) ?? fallback);
        for (const o of offsets) {
          if (anchor?.precision !== 'day') break;
          const d = parseIsoDate((o.days < 0 ? anchor.value : (anchor.end ?? anchor).value))!;
          d.setUTCDate(d.getUTCDate() - o.days);
          o.time = { text: o.text, start: o.from, end: o.to, kind: 'date', date: { value: d.toISOString().slice(0, 10), precision: 'day' } };
        }
      }
      const inSentence = mentions.filter((m) => m.paragraph === p.n && m.start >= Math.max(s.start, filed) && m.end <= s.end);
      for (const r of recalled) {
        const stretch = s.text.slice(r.from, r.to);
        const who = inSentence.filter((m) => m.start >= s.start + r.from && m.end <= s.start + r.to).map((m) => people[m.person].name);
        const date: EventDate = { ...dateOf(r.time), source: 'text' };
        events.push({ kind: r.kind, summary: shorten(s.text, MAX_SUMMARY), actors: distinct([...who, ...placesIn(stretch)]), place: placeOf(stretch, names), when: r.time.text, date, background: isBackground(date, published), paragraph: p.n, ...ownNames(r.kind, r.from, r.to, placeOf(stretch, names), false) });
      }
      // "Olaf Berg, defence minister since 2012": the appointment, dated by when the office was taken up.
      for (const o of inOffice(plain, times)) {
        const date: EventDate = { ...dateOf(o.time), source: 'text' };
        if (isBackground(date, published)) continue;
        // Held by the person named last before it ("Olaf Berg, defence minister since 2012"); without one, no event.
        const holder = inSentence.filter((m) => m.end - s.start <= o.from).pop();
        if (!holder || holder.pronoun) continue;
        const who = [people[holder.person].name];
        events.push({ kind: 'appointment', summary: shorten(s.text, MAX_SUMMARY), actors: distinct(who), place: null, when: o.time.text, date, background: false, paragraph: p.n });
      }
      if (!kinds.length) continue;
      const told = s.start < filed ? s.text.slice(filed - s.start) : s.text;
      const actors = distinct([...inSentence.map((m) => people[m.person].name), ...placesIn(told)]);
      const place = placeOf(s.text, names, kinds[0].at);
      const named = inSentence.length > 0;
      const sentenceFirst = events.length;
      // Two happenings in one sentence ("after the round on 16 May the sides exchanged prisoners from
      // 23 to 25 May"): each is dated by the times nearer its own words than the other's, when it has any.
      const gap = (x: TimeExpression, a: number, b: number) => Math.max(0, a - x.end, x.start - b);
      for (const { kind: trigger, at, end, recalled, spoken } of kinds) {
        // "held talks with Olaf Berg", "for talks with the (Nordland) president": talks with a person are a meeting;
        // a round of talks is between delegations, countries or teams.
        let kind = trigger;
        if (kind === 'talks') {
          const w = /\b(?:talks|discussions)\s+with\s+(?:(?:the\s+)?(?:[\p{L}.-]+\s+)?(?:president|prime minister|chancellor|king|crown prince|pope)\b|(?:his|her)\s+(?!(?:delegation|team|side|negotiators)\b)\p{Ll}+|)/iu.exec(s.text.slice(Math.max(0, at - 40), end + 60));
          if (w) {
            const after = s.start + Math.max(0, at - 40) + w.index + w[0].length;
            if (w[0].trim().split(/\s+/).length > 2 || inSentence.some((m) => m.start >= after && m.start <= after + 2 && !m.pronoun)) kind = 'meeting';
          }
        }
        const offset = offsets.find((o) => at >= o.from && at < o.to);
        const mine = kinds.length > 1 ? free.filter((x) => kinds.every((k) => k.at === at || gap(x, at, end) <= gap(x, k.at, k.end))) : free;
        const t = offset ? offset.time : pickTime(mine.some((x) => x.kind === 'date' && x.date) ? mine : free, at, end, s.text);
        // A statement is news when a named person makes it on a day the text gives, or to the press.
        if (spoken && !(named && (live || t || ON_RECORD.test(s.text)))) continue;
        // A time ahead in what someone said ("said he would gather the army chiefs next week") is what he spoke of,
        // not when he spoke: the statement has no time of its own (its date is the one the passage lends).
        const told = kind === 'statement' && t?.ahead ? null : t;
        let date: EventDate | null = told ? { ...dateOf(told), source: 'text' } : (carried ?? storyDay(newsDay, published) ?? fallback);
        // "completed over three days", "wrapped up a third straight day of talks on Saturday": the days
        // that led up to the day told.
        const span = told && !told.ahead && date?.precision === 'day' && !date.end ? SPAN_OF_DAYS.exec(plain) : null;
        // Only beside the trigger: "after the round on 16 May the sides swapped prisoners over three days" spans the swap.
        if (span && date && Math.min(Math.abs(span.index - at), Math.abs(span.index - end)) <= 40) {
          const n = SPAN_DAYS[(span[1] ?? span[2]).toLowerCase()] ?? 0;
          const d = parseIsoDate(date.value)!;
          d.setUTCDate(d.getUTCDate() - (n - 1));
          if (n > 1) date = { value: d.toISOString().slice(0, 10), precision: 'day', end: { value: date.value, precision: 'day' }, source: 'text' };
        }
        events.push({
          kind,
          summary: shorten(s.text, MAX_SUMMARY),
          actors,
          place,
          when: told?.text ?? null,
          date,
          background: recalled || isBackground(date, published),
          paragraph: p.n,
          ...ownNames(kind, at, end, place, true, recalled || isBackground(date, published)),
        });
      }
      // "met in Lisbon on Nov. 23 and outside Oslo on Nov. 30": a sentence that gives two happenings
      // two dates, joined by "and" or "then", tells of each.
      const first = events.length > sentenceFirst ? events[sentenceFirst] : null;
      if (!first || kinds[0].spoken) continue;
      for (const part of coordinated(times, s.text, kinds[0].end)) {
        const date: EventDate = { ...dateOf(part.time), source: 'text' };
        // The part's time already dates the first happening ("arrived on Wednesday and met her the next day").
        if (first.when === part.time.text && first.date?.value === date.value) continue;
        const segment = s.text.slice(part.from, part.to);
        // "began on Monday and continued on Tuesday": one happening over two days.
        if (/\b(?:continued|resumed|went on|lasted|ended|wrapped up|concluded)\b/i.test(segment) && first.date?.source === 'text' && first.date.precision === 'day' && date.precision === 'day' && date.value > first.date.value) {
          first.date = { ...first.date, end: { value: date.value, precision: 'day' } };
          continue;
        }
        const own = kindsAt(segment).find((k) => !k.spoken);
        // "arrived in Kyiv on Wednesday and met the president on Thursday": one visit, and the meeting
        // is what it is reported for.
        if (first.kind === 'meeting' && own?.kind === 'meeting' && TRAVEL.test(s.text.slice(kinds[0].at, kinds[0].end)) && /\bmet\b/.test(segment)) {
          first.date = date;
          first.when = part.time.text;
          first.background = isBackground(date, published);
          continue;
        }
        const who = inSentence.filter((m) => m.start >= s.start + part.from && m.end <= s.start + part.to).map((m) => people[m.person].name);
        const partActors = distinct([...who, ...placesIn(segment)]);
        events.push({ ...first, kind: own?.kind ?? kinds[0].kind, actors: partActors.length ? partActors : first.actors, place: placeOf(segment, names) ?? first.place, when: part.time.text, date, background: isBackground(date, published) });
      }
    }
  }
  flush();
  return { events, recalls };
}

/** The kinds of happening (talks and meetings as one) a named happening's noun can be: a truce is agreed at talks, a declaration or a statement is a decision. */
export const RECALLED_GROUPS: Record<string, string[]> = { talks: ['talks'], statement: ['statement', 'decision'], decision: ['decision', 'statement', 'plan', 'talks'], plan: ['plan', 'decision'] };

/**
 * The cities an article's title and first dateline name ("Talks in Lisbon end…", "LISBON, Feb 18 —"):
 * what its news happened at, so a later "after the Lisbon talks" finds the story. Folded; no country.
 */
function headlinePlaces(article: Article): string[] {
  const out = new Set<string>();
  const first = article.paragraphs[0]?.text ?? '';
  const dateline = first.slice(0, datelineEnd(first));
  for (const text of [article.title, dateline.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase())]) {
    for (const t of tokenize(text)) {
      if (t.capitalized && !isCountry(t.folded) && (CAPITALS.has(t.folded) || cities().has(t.folded))) out.add(t.folded);
    }
  }
  return [...out];
}

/** A country, not a city (the gazetteer of countries lists capitals too). */
const isCountry = (f: string) => COUNTRIES.has(f) || (countryNames().has(f) && !CAPITALS.has(f) && !cities().has(f));

/** Words naming a building at a place: "the Lisbon Palace" is known as "Lisbon" too. */
const BUILDING = /\s+(?:palace|house|office|basilica|castle|centre|center|hall|club|base|hotel|residence)$/;

/** How a place names a happening, for recalls to find it: folded, a building known by its first word. */
export function nameKey(place: string): string {
  return place.toLowerCase().replace(BUILDING, '');
}

/** Nouns of happenings a passage may recall by place, and the kind each names. */
const RECALL_NOUNS: Record<string, EventKind> = Object.assign(Object.create(null) as Record<string, EventKind>, {
  talks: 'talks', negotiations: 'talks', round: 'talks', summit: 'talks', meeting: 'talks', conference: 'talks', clash: 'talks', scene: 'talks',
  statement: 'statement', communiqué: 'statement', communique: 'statement',
  declaration: 'decision', deal: 'decision', agreement: 'decision', agreements: 'decision', accord: 'decision', truce: 'decision', ceasefire: 'decision',
  plan: 'plan', proposal: 'plan',
});
const NOUN = Object.keys(RECALL_NOUNS).join('|');
const NAME = String.raw`\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)?`;
/** "the Lisbon talks", "the Oslo summit". */
const PLACE_BEFORE = new RegExp(String.raw`\b(?:[Tt]he|an?)\s+(${NAME})\s+(${NOUN})\b`, 'gu');
/** "the talks in Lisbon", "the joint statement issued in Oslo", "the agreements reached in Bergen", "the summit of the Palace". */
const PLACE_AFTER = new RegExp(String.raw`\b(${NOUN})\s+(?:(?:held|issued|signed|reached|agreed|adopted)\s+)?(?:in|at|of)\s+(?:the\s+)?(${NAME})`, 'gu');
/** "nothing new since Reykjavik", "after the Palace": the place alone stands for what happened there. */
const PLACE_ALONE = new RegExp(String.raw`\b(?:since|after|before|until)\s+(?:the\s+)?(${NAME})(?![\p{L}’'-])`, 'gu');
/** Whether a sentence holds a word a named happening needs (a noun, or the words before a place alone). */
const MAY_NAME = new RegExp(String.raw`\b(?:${NOUN}|since|after|before|until)\b`);

/** Words before a name that make it a recollection ("after the Lisbon talks"), not the sentence's own happening. */
const RECALLING = /\b(?:after|since|before|following|until|ahead of|wake of)\s+(?:the\s+)?(?:\S+\s+)?$/i;

interface NamedHappening {
  kind: EventKind;
  place: string;
  text: string;
  date: EventDate | null;
  from: number;
  to: number;
  /** Recalled by its words ("after the …"): never the sentence's own happening unless its trigger is in it. */
  after: boolean;
  /** Named as new ("an Easter truce"): the sentence's own, never a recall. */
  fresh: boolean;
  /** An event of the sentence is named by it. */
  own?: boolean;
}

/**
 * Happenings a sentence names by their place without reporting them ("after the Lisbon talks",
 * "the joint statement issued in Oslo on Monday"), with the date its words give. Not where the
 * sentence's own trigger is (that is what it reports), nor by a name that is a person, a date or a
 * nationality. A place alone ("since Reykjavik") recalls talks or a meeting there only.
 */
function namedHappenings(text: string, times: TimeExpression[], names: Set<string>, published: string | null): NamedHappening[] {
  // Most sentences name no happening: one plain test before the patterns with their letter classes.
  if (!MAY_NAME.test(text)) return [];
  const out: NamedHappening[] = [];
  const add = (from: number, to: number, noun: string | null, place: string) => {
    // "since Oslo's withdrawal": the place owns something else.
    if (!noun && /^[’']s\b/u.test(text.slice(to))) return;
    place = place.replace(/[’']s$/, '');
    const words = place.split(/\s+/);
    // "the Lisbon talks Monday": a day is no part of the name.
    if (words.length === 2 && CALENDAR.test(words[1].toLowerCase())) place = words[0];
    const f = place.toLowerCase();
    if (names.has(place) || names.has(words[0]) || f in NATIONALITIES || CALENDAR.test(f) || /^(?:the|a|an|this|that|last|next)$/.test(f)) return;
    // A happening is named by a city or a venue, never a country ("ceasefire in Ukraine", "since Ukraine's
    // independence"); a place alone is a city.
    if (isCountry(f) || (!noun && !(CAPITALS.has(f) || cities().has(f)))) return;
    if (out.some((r) => r.place === place)) return;
    // The date its words give: one right after them ("in Oslo on Monday"), reported, not looked ahead to.
    const t = times.find((x) => x.kind === 'date' && x.date && !x.ahead && x.start >= from && x.start <= to + 12 && !/[,;]/.test(text.slice(to, x.start)));
    const date: EventDate | null = t && !(published && t.date!.value > published) ? { ...dateOf(t), source: 'text' } : null;
    out.push({ kind: noun ? RECALL_NOUNS[noun.toLowerCase()] : 'talks', place, text: text.slice(from, to), date, from, to, after: !noun || RECALLING.test(text.slice(Math.max(0, from - 30), from)), fresh: /^an?\s/.test(text.slice(from, to)) });
  };
  for (const m of text.matchAll(PLACE_BEFORE)) add(m.index!, m.index! + m[0].length, m[2], m[1]);
  for (const m of text.matchAll(PLACE_AFTER)) add(m.index!, m.index! + m[0].length, m[1], m[2]);
  for (const m of text.matchAll(PLACE_ALONE)) add(m.index!, m.index! + m[0].length, null, m[1]);
  return out;
}

/** Offices held since a date the text gives (IN_OFFICE_SINCE), each with that date: when it was taken up. */
function inOffice(text: string, times: TimeExpression[]): { from: number; time: TimeExpression }[] {
  if (!/\bsince\b/i.test(text)) return [];
  const out: { from: number; time: TimeExpression }[] = [];
  for (const m of text.matchAll(IN_OFFICE_SINCE)) {
    const end = m.index! + m[0].length;
    // "since 2012" is read with its preposition, "since May 6" after it.
    const time = times.find((t) => t.kind === 'period' && t.date && t.start >= end - 6 && t.start <= end + 8);
    if (time) out.push({ from: m.index!, time });
  }
  return out;
}

const OFFSET = /\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+(after|before)\s+/gi;
const NUMBER: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * Stretches of a sentence told as so many days before or after what the rest of it dates ("a day after
 * the strike on the capital"): from the offset to the end of its clause. `days` is positive for after
 * (the stretch happened earlier). A stretch that gives a date of its own keeps that date.
 */
function dayOffsets(text: string, times: TimeExpression[]): { from: number; to: number; days: number; text: string; time: TimeExpression | null }[] {
  const out: { from: number; to: number; days: number; text: string; time: TimeExpression | null }[] = [];
  if (!/\bdays?\s+(?:after|before)\b/i.test(text)) return out;
  for (const m of text.matchAll(OFFSET)) {
    // "less than a day after", "more than two days before": no count of days to move by.
    if (/\b(?:than|about|some|nearly|almost|over)\s*$/i.test(text.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    const from = m.index!;
    const rest = text.slice(from + m[0].length);
    const stop = rest.search(/[,;:—–(]|\s-\s/);
    // The stretch runs to the end of its clause, however long: "two days before a deadline set by Olaf
    // Berg for Nordland to agree to a truce or face new sanctions" dates the sanctions too.
    const to = from + m[0].length + (stop < 0 ? rest.length : stop);
    // A date anywhere in its clause is the stretch's own ("nine days after drones crossed … on the night of 10 September").
    if (times.some((t) => t.kind === 'date' && t.start >= from + m[0].length && t.end <= to)) continue;
    const n = NUMBER[m[1].toLowerCase()] ?? +m[1];
    out.push({ from, to, days: m[2].toLowerCase() === 'after' ? n : -n, text: m[0].trim(), time: null });
  }
  return out;
}

const SPAN_OF_DAYS = /\b(?:over|across)\s+(two|three|four|five)\s+days\b|\b(second|third|fourth|fifth)\s+(?:straight|consecutive|successive)\s+day\b/i;
const SPAN_DAYS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, second: 2, third: 3, fourth: 4, fifth: 5 };

interface Recollection {
  kind: EventKind;
  /** The stretch of the sentence that names it: from its preposition to the end of its clause. */
  from: number;
  to: number;
  time: TimeExpression;
}

/**
 * Happenings a sentence recalls by their noun with a date of their own, reported before publication.
 * One that holds the sentence's own trigger (`main`) is what the sentence reports, not a recollection.
 */
function recollections(text: string, times: TimeExpression[], main: number, published: string | null): Recollection[] {
  const out: Recollection[] = [];
  for (const m of text.matchAll(RECOLLECTION)) {
    const from = m.index!;
    const rest = text.slice(from + m[0].length);
    const stop = rest.search(/[,;:—–(]|\s-\s/);
    const to = from + m[0].length + Math.min(stop < 0 ? rest.length : stop, 80);
    if (main >= from && main < to) continue;
    const time = times.find((t) => t.kind === 'date' && t.date && !t.ahead && t.start >= from + m[0].length && t.end <= to);
    if (!time || (published && time.date!.value.slice(0, 10) > published)) continue;
    out.push({ kind: RECOLLECTED_KIND[m[1].toLowerCase()], from, to, time });
  }
  return out;
}

/**
 * The later parts of a sentence that joins happenings with their own dates: each date after the first
 * that an "and", "then" or ";" separates from the date before it, with the stretch of text it heads.
 * Only dates after the trigger count (before it they set the scene).
 */
function coordinated(times: TimeExpression[], text: string, after: number): { time: TimeExpression; from: number; to: number }[] {
  const dates = times.filter((t) => t.kind === 'date' && t.date && t.date.precision !== 'year');
  const out: { time: TimeExpression; from: number; to: number }[] = [];
  for (let i = 1; i < dates.length; i++) {
    const prev = dates[i - 1];
    const t = dates[i];
    if (t.start < after || t.date!.value === prev.date!.value) continue;
    // "between January and March", "from Friday to Sunday": one stretch of time.
    if (/\b(?:between|from)\s*$/i.test(text.slice(Math.max(0, prev.start - 10), prev.start))) continue;
    const gap = text.slice(prev.end, t.start);
    let join: RegExpExecArray | null = null;
    for (const m of gap.matchAll(/(?:,\s*)?\b(?:and then|and|then)\b|;/g)) join = m;
    // The joined part names its date soon, in a clause of its own (not "…, hours after X told Y last week").
    if (!join || gap.length - join.index! > 70 || /\b(?:when|after|before|since|which|who|whom|while|because|until|as)\b/i.test(gap.slice(join.index!))) continue;
    out.push({ time: t, from: prev.end + join.index!, to: t.end });
  }
  for (let i = 0; i < out.length - 1; i++) out[i].to = out[i + 1].from;
  if (out.length) out[out.length - 1].to = text.length;
  return out;
}

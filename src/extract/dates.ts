/**
 * Dates and periods in news text, resolved against the article's publication date where the text
 * is relative ("on Monday", "last week"). chrono-node reads the dates (day, month, ranges, relative
 * words); what it does not know about news is ours: the tense decides whether a weekday or a month
 * without a year lies ahead of the publication date or behind it; durations ("a 30-day ceasefire")
 * and periods ("since 2014", "by the end of the year") are never the date of an event; a month is
 * only a month when it is written as one (capitalised, not the surname May or the verb march).
 * Pure: the reference date is an argument.
 */
import * as chrono from 'chrono-node';
import type { Steps } from '../steps.ts';

export type Precision = 'day' | 'month' | 'year';

/** A point in time as precise as the text makes it: 2025-12-19 (day), 2025-12 (month), 2025 (year). */
export interface DatePoint {
  value: string;
  precision: Precision;
}

/**
 * date: a point or range on the timeline; period: since / until / by (a bound, not when something
 * happened); duration: a length of time ("three-day", "48 hours").
 */
export type TimeKind = 'date' | 'period' | 'duration';

export interface TimeExpression {
  text: string;
  start: number;
  end: number;
  kind: TimeKind;
  /** The date it resolves to (value and precision), null when it cannot be resolved (no reference date). */
  date: DatePoint | null;
  /** The last day of a range ("December 19–21", "from Friday to Sunday"). */
  until?: DatePoint;
  /** Set when its clause looks ahead ("would fly there on Monday"): a plan, not what was reported. */
  ahead?: true;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat'];
const CALENDAR_WORD = new RegExp(`\\b(${[...MONTHS, ...MONTH_ABBR, ...WEEKDAYS].join('|')})\\b`, 'gi');

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|several|few|\\d+';
/** Lengths of time: "three-day talks", "48 hours", "a 30-day ceasefire", "four years of war". */
const DURATION = new RegExp(`\\b(?:(?:${NUMBER_WORDS})(?:[- ](?:and[- ]a[- ]half|${NUMBER_WORDS}))?|an?|half[- ]an?)[- ](?:minute|hour|day|night|week|month|year|decade)s?(?:[- ]long)?\\b`, 'gi');
/** Years the text gives alone: "in 2025", "since 2014", "early 2026", "2022's invasion". */
const YEAR = /\b(in|since|until|till|by|during|of|from|before|after|early|late|mid-?|throughout)?\s*((?:19|20)\d{2})\b(?!\s*(?:-|–)?\s*(?:point|page|strong|member|mile|km|kilometre|troops|soldiers|people))/gi;
/** "between 19 and 21 December", "from 19 to 21 Dec 2025": a range chrono reads as its last day only. */
const DAY_RANGE = new RegExp(`\\b(?:between|from)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:and|to|until)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(${[...MONTHS, ...MONTH_ABBR].join('|')})\\.?(?:,?\\s+(\\d{4}))?\\b`, 'gi');
/** Two days of one month joined by "and": "14 and 15 December", "December 14 and 15". */
const DAY_PAIR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+and\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(${[...MONTHS, ...MONTH_ABBR].join('|')})\\.?(?:,?\\s+(\\d{4}))?\\b`, 'gi');
const MONTH_DAY_PAIR = new RegExp(`\\b(${[...MONTHS, ...MONTH_ABBR].join('|')})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+and\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'gi');

/** Words that make what follows a bound rather than the time of the event. */
const PERIOD_BEFORE = /\b(since|until|till|by|through|throughout|before|ahead of|prior to|within|for|over|deadline of|no later than)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+|beginning\s+of\s+)?(?:early|late|mid-?)?\s*$/i;
/** Words before a time that make it the start of a span: "a truce starting on Monday", "effective from Friday". */
const STARTING = /\b(?:starting(?:\s+on|\s+from)?|beginning(?:\s+on)?|effective(?:\s+from)?)\s+$/i;
/** A cheap test: does a text hold anything chrono could read as a date? Most sentences do not. */
// Years alone are read by YEAR below; chrono is asked only when a month, a weekday, a relative word or a numeric date is there.
const MAYBE_DATE = new RegExp(`\\d{4}-\\d{2}|\\d{1,2}/\\d{1,2}|\\b(${[...MONTHS, ...MONTH_ABBR, ...WEEKDAYS].join('|')}|today|tonight|yesterday|tomorrow|weekend|ago|(?:last|next|this|coming|past|of the)\\s+(?:week|month|year)|(?:in|within)\\s+\\S+\\s+(?:days|weeks|months|hours))\\b`, 'i');

/** Whether findTimes asks chrono about this text (the costly part of reading dates). */
export const mayHoldDate = (text: string): boolean => MAYBE_DATE.test(text);

const PARTS_OF_DAY = /\b(?:last night|overnight|tonight|this (?:morning|afternoon|evening)|in the early hours(?! of))\b/gi;

/** Future, in the clause that holds a time: "is due in Riyadh on Tuesday", "will meet next week". */
const FUTURE = /\b(will|shall|'ll|is due|are due|due to|is expected|are expected|expected to|is scheduled|are scheduled|scheduled (?:for|to)|is set to|are set to|plans to|(?:we|they|I|you|who) plan to|planned for|planning to|intends? to|is to|are to|aims? to|going to|upcoming|hopes? to|ready to|would (?!have\b)[a-z]+|to (?:meet|hold|travel|fly|head|visit|resume|begin|start|return|sign|arrive|reconvene|take place)|(?:hosts|meets|travels|visits|holds|flies|begins|starts|opens|arrives|returns|resumes|convenes|reconvenes|heads|gathers|votes)|(?:takes?|assumes?) (?:over|office|effect|place|up)|(?:is|are) (?:meeting|hosting|holding|travelling|traveling|flying|heading|visiting|due|preparing|organi[sz]ing|planning)|wants? (?:[\w-]+ ){0,2}to|(?:was|were) (?:flying|heading|travelling|traveling|on (?:its|their|his|her) way)|(?<!\b(?:did|does|do|not|never|who|that|had|have|has|they|we|and)\s)(?<=\b[a-z]+s\s)(?:meet|gather|convene|reconvene|travel|vote|hold|resume))\b/i;
/**
 * Past, in the same clause: "met on Sunday", "was held in May", "said on Monday". A participle after
 * "be" goes with the verb before it: "is to be received", "will be held" look ahead.
 */
const PAST = /(?<!\bbe\s)\b(met|held|said|told|was|were|had|did|took|came|went|began|spoke|sent|gave|made|left|flew|arrived|ended|signed|agreed|announced|returned|visited|called|launched|struck|killed|hit|\w{3,}ed)\b/gi;

/**
 * chrono's English reader without its times of day and time zones: a time is never the date of an
 * event here, and those parsers were half of chrono's work.
 */
const reader = (() => {
  const c = chrono.en.casual.clone();
  c.parsers = c.parsers.filter((p) => !/TimeExpression|CasualTime/.test(p.constructor.name));
  c.refiners = c.refiners.filter((r) => !/Timezone/.test(r.constructor.name));
  return c;
})();

/**
 * chrono's patterns compiled ahead of need, one parser at a time. V8 compiles a pattern to machine
 * code at its second use, and chrono's patterns together take a few hundred milliseconds to compile:
 * one pause inside the first articles with dates a process reads. As steps: each parser alone on
 * `text` twice, as one-byte and as two-byte text (V8 compiles a pattern for each kind of string).
 */
export function* warmDateReader(text: string): Steps<void> {
  const ref = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };
  const twoByte = `${text} \u201d`;
  for (const parser of reader.parsers) {
    const alone = new chrono.Chrono({ parsers: [parser], refiners: [] });
    for (const t of [text, text, twoByte, twoByte]) {
      alone.parse(t, ref);
      yield;
    }
  }
  // The refiners, on what the parsers found.
  reader.parse(text, ref);
  reader.parse(twoByte, ref);
}

/** How far ahead of the publication date a day in a past-tense clause still means this year's. */
const PAST_AHEAD_DAYS = 21;

const pad = (n: number) => String(n).padStart(2, '0');
const sameMonth = (a: Date, b: Date) => a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function parseIsoDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return null;
  return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
}

/** [first, last] day, in ms, that a date (to an end, for a range) can mean: 2022 is all of 2022, 2025-12 all of December. */
export function dayWindow(d: DatePoint, end?: DatePoint): [number, number] {
  const first = parseIsoDate(d.value)!.getTime();
  const v = (end ?? d).value;
  const b = parseIsoDate(v)!;
  const last = v.length === 4 ? Date.UTC(b.getUTCFullYear(), 11, 31) : v.length === 7 ? Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 0) : b.getTime();
  return [first, last];
}

/** The value of a date at a precision: 2025-12-19 / 2025-12 / 2025. */
export function atPrecision(d: Date, precision: Precision): string {
  const day = isoDay(d);
  return precision === 'day' ? day : precision === 'month' ? day.slice(0, 7) : day.slice(0, 4);
}

/** Which way a relative time points, from the verbs of its clause: the nearest before it decides. */
function tenseAt(text: string, start: number, end: number): 'future' | 'past' | null {
  const from = Math.max(0, text.lastIndexOf('.', start - 1) + 1, text.lastIndexOf(';', start - 1) + 1, start - 120);
  const before = text.slice(from, start);
  const after = text.slice(end, end + 60).split(/[.;]/)[0];
  const last = (s: string, re: RegExp) => {
    let at = -1;
    for (const m of s.matchAll(new RegExp(re.source, 'gi'))) at = m.index!;
    return at;
  };
  // A capitalised word is a name, never a verb in -ed ("the United States", "Red Square"), but for a
  // sentence's first word before a small one: "Named in November as envoy, he …" tells of the past.
  const atStart = from === 0 || /[.;]/.test(text[from - 1]);
  const opening = atStart ? /^\s*\p{Lu}\p{Ll}+ed(?=\s+\p{Ll})/u.exec(before)?.[0].trimStart() : undefined;
  const names = (s: string, lead = false) => s.replace(/\p{Lu}[\p{L}’'-]*/gu, (m, at: number) => (lead && m === opening && !s.slice(0, at).trim() ? m : ' '.repeat(m.length)));
  const f = last(before, FUTURE);
  const p = last(names(before.replace(new RegExp(FUTURE.source, 'gi'), (m) => ' '.repeat(m.length)), true), PAST);
  if (f >= 0 || p >= 0) return f > p ? 'future' : 'past';
  // After the time ("On Thursday Mr X named the team that will …"), the first verb decides.
  const fa = after.search(FUTURE);
  const pa = names(after).search(new RegExp(PAST.source, 'i'));
  if (fa >= 0 && (pa < 0 || fa < pa)) return 'future';
  if (pa >= 0) return 'past';
  return null;
}

/**
 * A dateline ("MOSCOW, Aug 6 (Wire) —", "PALM BEACH, Dec 29 –"): the day the story was filed, not
 * the date of what it reports. Read as a bound, so it dates no event.
 */
function dateline(text: string, start: number, end: number): boolean {
  return /^\s*[\p{Lu}][\p{Lu}\s.'’\/-]+(?:,\s*[\p{L}\s.]+)?,\s*$/u.test(text.slice(0, start)) && /^\s*(?:\([^)]*\)\s*)?[-–—]/.test(text.slice(end));
}

/** Every calendar word chrono read must be written as one: "May" the month, not "may" or "march"; "Sun" not "sun". */
function writtenAsDate(s: string): boolean {
  for (const m of s.matchAll(CALENDAR_WORD)) if (!/^\p{Lu}/u.test(m[0])) return false;
  return true;
}

function precisionOf(c: chrono.ParsedComponents): Precision | null {
  if (c.isCertain('day') || c.isCertain('weekday')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return null;
}

/**
 * chrono's reading, moved a week or a year when the tense says it lies on the other side of the
 * reference: "met on Tuesday" in a Friday article is three days back, "is due on Tuesday" four ahead.
 */
function resolved(c: chrono.ParsedComponents, ref: Date, tense: 'future' | 'past' | null, text: string): DatePoint | null {
  const precision = precisionOf(c);
  if (!precision) return null;
  const d = c.date();
  // "last Tuesday" is the Tuesday of last week (this week's is "on Tuesday"), "next Tuesday" that of next week.
  // "on Thursday last week" is last week's Thursday too.
  const after = /^(?:on\s+)?(sun|mon|tue|wed|thu|fri|sat)[a-z]*\s+(last|next)\s+week$/i.exec(text);
  const rel = /^(?:on\s+)?(last|next)\s+(sun|mon(?!th)|tue|wed|thu|fri|sat)/i.exec(text) ?? (after && [after[0], after[2], after[1]]);
  if (rel && !c.isCertain('day')) {
    const target = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(rel[2].slice(0, 3).toLowerCase()) + 6) % 7;
    const monday = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate()) - ((ref.getUTCDay() + 6) % 7) * 86_400_000;
    const at = new Date(monday + ((rel[1].toLowerCase() === 'last' ? -7 : 7) + target) * 86_400_000);
    return { value: atPrecision(at, 'day'), precision: 'day' };
  }
  // "this weekend": the one under way when the article is written on a Saturday or Sunday, else the
  // one just past or the one ahead, as the clause's tense says.
  if (/^(?:on\s+|over\s+)?this\s+weekend$/i.test(text)) {
    const day = ref.getUTCDay();
    const refDay = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate());
    const back = day === 6 ? 0 : day === 0 ? 1 : tense === 'future' ? day - 6 : day + 1;
    return { value: atPrecision(new Date(refDay - back * 86_400_000), 'day'), precision: 'day' };
  }
  // "last month", "next year": the month or year itself, counted from the reference (chrono names a day in it).
  const unit = /^(?:in\s+|by\s+)?(last|next|this|coming|past)\s+(month|year)$/i.exec(text);
  if (unit) {
    const k = /^(last|past)$/i.test(unit[1]) ? -1 : /^(next|coming)$/i.test(unit[1]) ? 1 : 0;
    const at = unit[2].toLowerCase() === 'month' ? new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + k, 1)) : new Date(Date.UTC(ref.getUTCFullYear() + k, 0, 1));
    const precision: Precision = unit[2].toLowerCase() === 'month' ? 'month' : 'year';
    return { value: atPrecision(at, precision), precision };
  }
  const stated = /\b(last|next|this|ago|later|earlier|yesterday|tomorrow|today|tonight)\b/i.test(text) || c.isCertain('year');
  // "Thursday, November 27": the weekday says which year the day is in (the nearest where they agree).
  if (!stated && c.isCertain('day') && c.isCertain('weekday')) {
    const weekday = c.get('weekday')!;
    const years = [0, -1, 1].map((k) => new Date(Date.UTC(d.getUTCFullYear() + k, d.getUTCMonth(), d.getUTCDate()))).filter((x) => x.getUTCDay() === weekday);
    if (years.length) return { value: atPrecision(years[0], 'day'), precision: 'day' };
  }
  if (!stated) {
    const weekday = !c.isCertain('day') && c.isCertain('weekday');
    const refDay = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate());
    const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    // News reports what happened: a weekday with no tense to say otherwise is the last one.
    const want = tense ?? (weekday ? 'past' : null);
    const shift = (days: number, years: number) => {
      d.setUTCFullYear(d.getUTCFullYear() + years);
      d.setUTCDate(d.getUTCDate() + days);
    };
    // With no tense either, a date months ahead is more likely the one just past ("on 16 May" in December).
    const ahead = (t - refDay) / 86_400_000;
    // A day a few weeks ahead in a past-tense clause is a deadline or a plan someone spoke of ("said
    // the deadline was November 27"), not the same day a year before.
    if ((want === 'past' && t > refDay && (weekday || precision !== 'day' || ahead > PAST_AHEAD_DAYS)) || (want === null && !weekday && ahead > 90)) weekday ? shift(-7, 0) : shift(0, -1);
    // And a day just past in a future-tense clause ("went on to meet them on November 24") is this year's.
    else if (want === 'future' && t < refDay && !(precision === 'month' && sameMonth(d, ref)) && (weekday || precision !== 'day' || -ahead > PAST_AHEAD_DAYS)) weekday ? shift(7, 0) : shift(0, 1);
  }
  // "last week", "next week": a week is no day; say the month it falls in rather than guess one.
  const week = /\bweek(end)?\b/i.test(text) && !/\b(sun|mon(?!th)|tue|wed|thu|fri|sat)/i.test(text) && !/\bweekend\b/i.test(text);
  // "the end of October", "the end of last year": a part of a month or a year names no day (chrono gives its last).
  const part = /^(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|turn)\s+of\b/i.test(text) && precision === 'day';
  const coarse = week || part;
  return { value: atPrecision(d, coarse ? 'month' : precision), precision: coarse ? 'month' : precision };
}

/** Every time expression in text, earliest first, overlapping readings resolved to the longest. */
export function findTimes(text: string, published: string | null): TimeExpression[] {
  const ref = parseIsoDate(published);
  const found: TimeExpression[] = [];
  const push = (t: TimeExpression) => found.push(t);

  for (const m of text.matchAll(DURATION)) push({ text: m[0], start: m.index!, end: m.index! + m[0].length, kind: 'duration', date: null });

  if (MAYBE_DATE.test(text)) {
    // Dashes between numbers become hyphens (same length, so offsets hold): chrono reads "19-21" as a range.
    // A long run of blanks (a quotation blanked out) after a month makes chrono drop the day before it
    // ("warned on 14 December of …" read as December): runs are filled, same length.
    const plain = text.replace(/[\u2010-\u2015]/g, '-').replace(/\s{3,}/g, (m) => ` ${'~'.repeat(m.length - 2)} `);
    const results = reader.parse(plain, ref ? { instant: new Date(ref.getTime() + 12 * 3600_000), timezone: 0 } : { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 });
    for (const r of results) {
      const s = r.text.trim().replace(/[\s,.;:]+$/, '');
      if (!writtenAsDate(s)) continue;
      // "now", "at 14:05": a time of the day the article was written, not a date of its own.
      if (!r.start.isCertain('day') && !r.start.isCertain('weekday') && !r.start.isCertain('month') && !r.start.isCertain('year')) continue;
      if (/^(now|right now|currently)$/i.test(s)) continue;
      // "earlier in the day", "in the morning": a part of a day the text gave (events.ts counts it), not tomorrow.
      if (/^in the (?:day|morning|afternoon|evening|night)$/i.test(s)) continue;
      // "in a second round", "within minutes": chrono's times from now, never a date in news.
      if (/\b(seconds?|minutes?|moments?|hours?)$/i.test(s)) continue;
      // "a day later", "the week before": relative to another event, not to the publication date.
      if (/\b(later|before|after|earlier)$/i.test(s) && !/\bthis\b/i.test(s)) continue;
      // "the next day": counted from the day of another event (events.ts does it), not from publication.
      if (/\b(?:next|following|previous|same)\s+(?:day|morning|evening|night)$/i.test(s)) continue;
      // "24/7" and other slashed numbers without a year are not dates in prose.
      if (/^\d{1,2}\/\d{1,2}$/.test(s)) continue;
      const lead = r.text.length - r.text.trimStart().length;
      const start = r.index + lead;
      const end = start + s.length;
      const before = text.slice(Math.max(0, start - 40), start);
      // chrono reads "within 48 hours" as a date two days on; it is a deadline.
      // "this year", "this month" alone scope a sentence ("his fifth trip this year"); they date nothing.
      // But "earlier this month", "late this week" place a happening in it: a date at the precision it gives.
      const scoped = /^this (year|month|week)$/i.test(s) && !/\b(?:earlier|early|late|later)\s+$/i.test(before);
      // "a truce starting on Monday", "effective from Friday", "a ban on imports from January 2027": when a span
      // begins, a bound (a range read whole has its own end). A day "from Monday" stays a date: measured, it cost more than it won.
      const from = !r.end && (STARTING.test(before) || (/\bfrom\s+$/i.test(before) && !r.start.isCertain('day') && !r.start.isCertain('weekday')));
      const period = PERIOD_BEFORE.test(before) || from || /^(within|for|over|in the (next|past|last))\b/i.test(s) || scoped || dateline(text, start, end);
      const explicitYear = r.start.isCertain('year');
      let date: DatePoint | null = null;
      let until: DatePoint | undefined;
      let ahead = false;
      if (ref || explicitYear) {
        // "has been adviser since May": what a bound starts from lies behind, whatever verb follows ("the first to hold both posts").
        const tense = ref ? (/\bsince\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+)?(?:early|late|mid-?)?\s*$/i.test(before) ? 'past' : tenseAt(text, start, end)) : null;
        ahead = tense === 'future';
        date = resolved(r.start, ref ?? new Date(Date.UTC(2000, 0, 1)), tense, s);
        if (!ref && date && !explicitYear) date = null;
        // A weekend is two days, and a report of it rarely says which: its month, not a guessed day
        // (chrono names its Saturday or its Sunday); both days when it runs over into the next month.
        // "This weekend" keeps the day its own rule gives (in `resolved`): as a month it lost more dates
        // than it won on the development sets.
        if (date?.precision === 'day' && !r.end && /\bweekend\b/i.test(s) && !/\bthis weekend\b/i.test(s)) {
          const sat = parseIsoDate(date.value)!;
          if (sat.getUTCDay() === 0) sat.setUTCDate(sat.getUTCDate() - 1);
          const sun = new Date(sat.getTime() + 86_400_000);
          if (sameMonth(sat, sun)) date = { value: atPrecision(sat, 'month'), precision: 'month' };
          else {
            date = { value: isoDay(sat), precision: 'day' };
            until = { value: isoDay(sun), precision: 'day' };
          }
        }
        if (r.end && date) {
          const e = resolved(r.end, ref ?? new Date(Date.UTC(2000, 0, 1)), tense, s);
          // A range resolved on its own could land before its start (a week back): keep it after.
          if (e && e.value > date.value) until = e;
          else if (e && e.precision === 'day' && date.precision === 'day') {
            const a = parseIsoDate(date.value)!;
            const b = parseIsoDate(e.value)!;
            while (b.getTime() <= a.getTime()) b.setUTCDate(b.getUTCDate() + 7);
            until = { value: isoDay(b), precision: 'day' };
          }
        }
      }
      push({ text: text.slice(start, end), start, end, kind: period ? 'period' : 'date', date, ...(until ? { until } : {}), ...(ahead ? { ahead } : {}) });
    }
  }

  // chrono reads "14 and 15 December" as the 15th, "December 14 and 15" as the 14th.
  const pairs = /\d\s+and\s+\d/.test(text) ? [...text.matchAll(DAY_PAIR), ...[...text.matchAll(MONTH_DAY_PAIR)].map((m) => Object.assign([m[0], m[2], m[3], m[1], m[4]], { index: m.index }))] : [];
  const ranges = [...text.matchAll(DAY_RANGE), ...pairs];
  for (const m of ranges) {
    const month = MONTHS.findIndex((x) => x.startsWith(m[3].toLowerCase().slice(0, 3)));
    if (month < 0 || !/^\p{Lu}/u.test(m[3])) continue;
    const year = m[4] ? +m[4] : null;
    const probe = reader.parse(`${m[2]} ${m[3]}${m[4] ? ` ${m[4]}` : ''}`, ref ? { instant: new Date(ref.getTime() + 12 * 3600_000), timezone: 0 } : new Date(Date.UTC(2000, 0, 1)))[0];
    if (!probe || (!ref && !year)) continue;
    const last = resolved(probe.start, ref ?? new Date(Date.UTC(2000, 0, 1)), ref ? tenseAt(text, m.index!, m.index! + m[0].length) : null, m[0]);
    if (!last) continue;
    const first = `${last.value.slice(0, 8)}${pad(+m[1])}`;
    if (+m[1] >= +m[2]) continue;
    push({ text: m[0], start: m.index!, end: m.index! + m[0].length, kind: 'date', date: { value: first, precision: 'day' }, until: last });
  }

  // The night and the parts of the day around publication (chrono's times of day are off): "last night"
  // is the evening before, "overnight", "this morning", "tonight" the day of publication. "Overnight
  // into Sunday" is dated by its day.
  if (ref) {
    for (const m of text.matchAll(PARTS_OF_DAY)) {
      if (/^overnight$/i.test(m[0]) && /^\s+(?:into|on|to|before|after)\b/i.test(text.slice(m.index! + m[0].length))) continue;
      const day = new Date(ref.getTime() - (/^last/i.test(m[0]) ? 86_400_000 : 0));
      push({ text: m[0], start: m.index!, end: m.index! + m[0].length, kind: 'date', date: { value: isoDay(day), precision: 'day' } });
    }
  }

  for (const m of text.matchAll(YEAR)) {
    const start = m.index! + (m[0].length - m[0].trimStart().length);
    const word = (m[1] ?? '').toLowerCase();
    const period = /^(since|until|till|by|before|after|from|throughout)$/.test(word) || PERIOD_BEFORE.test(text.slice(Math.max(0, start - 40), start));
    // A bare number that happens to be in the range of years ("2025 troops") is caught by the lookahead;
    // a year alone with no preposition still counts when it reads as one ("the 2022 invasion").
    push({ text: m[0].trim(), start, end: m.index! + m[0].length, kind: period ? 'period' : 'date', date: { value: m[2], precision: 'year' } });
  }

  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: TimeExpression[] = [];
  for (const t of found) {
    const last = out[out.length - 1];
    // "on Monday and Tuesday", "Saturday to Monday": two days a week apart at most are one range.
    if (last && t.kind === 'date' && last.kind === 'date' && !last.until && last.date?.precision === 'day' && t.date?.precision === 'day' && t.start >= last.end && /^\s*(and|to|through|until|-|–)\s*$/i.test(text.slice(last.end, t.start))) {
      const gap = (parseIsoDate(t.date.value)!.getTime() - parseIsoDate(last.date.value)!.getTime()) / 86_400_000;
      if (gap >= 1 && gap <= 7) {
        out[out.length - 1] = { ...last, text: text.slice(last.start, t.end), end: t.end, until: t.date };
        continue;
      }
    }
    if (last && t.start < last.end) {
      // A duration inside a date ("three days from now") or a date inside a longer reading: keep the longer.
      if (t.end - t.start > last.end - last.start) out[out.length - 1] = t;
      continue;
    }
    out.push(t);
  }
  return out;
}

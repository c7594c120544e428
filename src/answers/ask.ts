import type { KnowledgeBase, Person } from '../knowledge/base.ts';
import { dayWindow, findTimes, parseIsoDate } from '../extract/dates.ts';
import { QUESTION_FILLERS } from '../text/stopwords.ts';
import { TextIndex, type Hit } from '../search/text-index.ts';
import { terms, words as tokenWords } from '../text/tokenize.ts';
import { englishPos } from '../extract/lexicon/gazetteers.ts';
import { COUNTRY_WORDS } from '../search/countries.ts';
import { CAPITAL_OF } from '../extract/lexicon/places.ts';
import { idfOf, titleContext } from './context.ts';
import { SYNONYMS } from '../search/synonyms.ts';
import { FORMS } from '../search/inflections.ts';
import type { Answer, AnswerOptions, Result } from './types.ts';
import { clampLimit, cleanQuery } from './query.ts';
import { paragraphResult } from './views.ts';
import { BY_MENTIONS } from './who.ts';
import { partitionPoint, type Derived } from '../knowledge/derived.ts';
import type { TimeExpression } from '../extract/dates.ts';

/** The words of every person's names, as the index stems them: the query words to look up by transliteration. */
export const NAME_WORDS: Derived<Set<string>> = {
  name: 'words of names',
  make: (kb) => addNames(new Set(), kb.people),
  extend: (prev, _kb, added) => addNames(new Set(prev), added.people),
};

function addNames(set: Set<string>, people: Iterable<{ name: string; aliases: string[] }>): Set<string> {
  for (const p of people) for (const n of [p.name, ...p.aliases]) for (const w of terms(n)) set.add(w);
  return set;
}

/** How many people each paragraph mentions (capped at 255). */
export const PEOPLE_COUNT: Derived<Uint8Array> = {
  name: 'people mentioned by paragraph',
  make: (kb) => countPeople(new Uint8Array(kb.paragraphs.length), kb.people),
  extend: (prev, kb, added) => {
    const counts = new Uint8Array(kb.paragraphs.length);
    counts.set(prev);
    return countPeople(counts, added.people);
  },
};

function countPeople(counts: Uint8Array, people: Iterable<{ paragraphs: number[] }>): Uint8Array {
  for (const p of people) for (const pid of new Set(p.paragraphs)) if (counts[pid] < 255) counts[pid]++;
  return counts;
}

/** The times a paragraph states, found once per paragraph a question reads (it is the costly part). */
const TIMES: Derived<Map<number, TimeExpression[]>> = { name: 'times by paragraph', make: () => new Map() };

function timesIn(kb: KnowledgeBase, pid: number, published: string | null): TimeExpression[] {
  const cache = kb.derive(TIMES);
  let times = cache.get(pid);
  if (!times) {
    if (cache.size > 50_000) cache.clear();
    cache.set(pid, (times = findTimes(kb.paragraphs[pid].text, published)));
  }
  return times;
}

type Expect = 'duration' | 'date' | 'person' | 'place' | 'amount' | 'statement' | 'role' | 'reason' | 'deed' | null;

/** What kind of answer a question wants, from its opening words. */
export function expectedAnswer(q: string): Expect {
  const s = q.toLowerCase();
  if (/^(how long|for how long)\b|\bduration\b|\bhow many (days|hours|weeks|months|years)\b/.test(s)) return 'duration';
  if (/^(when|what date|what day|since when)\b/.test(s)) return 'date';
  if (/^(who|whom|whose)\b/.test(s)) return 'person';
  // "Which leaders attended …", "Which Europeans joined …": people asked for by what they are.
  if (/^(which|what)\s+(?:[a-z-]+\s+)?(?:leaders?|officials?|ministers?|officers?|civilians?|people|persons?|diplomats?|negotiators?|envoys?|generals?|journalists?|politicians?|lawmakers?|senators?|advisers?|advisors?|aides?|[a-z]+(?:ians|eans|icans))\b/.test(s)) return 'person';
  if (/^where\b/.test(s)) return 'place';
  if (/^why\b|^for what reason\b|^what (?:was|is) the reason\b/.test(s)) return 'reason';
  // "How large should the army be?" asks for a number as "how many soldiers" does.
  if (/^how (much|many|large|big|strong)\b/.test(s)) return 'amount';
  if (/^(what|how)\b/.test(s) && SPEECH.test(s)) return 'statement';
  // "What post did X get?", "What is X doing now?": the answer gives X a role ("was made an aide").
  // The noun comes next to "what" or after a possessive: "What did X post online?" asks no role.
  if (/^what\s+(?:[a-z-]+\s+)?(?:job|post|role|position|title)s?\b|^what (?:is|was|are|were)\b.*['’]s? (?:new |old )?(?:job|post|role|position|title)\b|^what (?:does|did|is|was|has) .+ (?:do|doing|done)\b/.test(s)) return 'role';
  if (deedAsked(s)) return 'deed';
  return null;
}

/** The question's fillers as the index stems words ("please" is "pleas"). */
const FILLERS = new Set([...QUESTION_FILLERS].flatMap((w) => terms(w)));

/** Verbs that ask what someone said ("what did X tell", "how did Y react"). */
const SPEECH = /\b(say|said|says|tell|told|describe|described|respond|responded|react|reacted|answer|answered|reply|replied|sum up|summed up|claim|claimed|warn|warned|comment|commented)\b/;

/** Words of the question's frame, not its topic: "how long did the talks last". Stemmed as the query words are. */
const FRAME_WORDS: Record<Exclude<Expect, null>, Set<string>> = {
  duration: frame('long last take took duration'),
  date: frame('date day happen happened take took place'),
  person: frame(''),
  place: frame('place take took happen happened'),
  amount: frame('much many'),
  // How someone put it: the answer is what they said, which seldom uses the verb ("describe", "sum up").
  // "react" and "respond" stay topic words: passages say "reacted", "in response" (measured: dev −2).
  statement: frame('describe described sum summed told comment commented answer answered'),
  // The answer names the role ("was made an aide"), seldom the word for it.
  role: frame('job post role position title'),
  reason: frame('reason'),
  deed: frame(''),
};

function frame(words: string): Set<string> {
  return new Set(terms(words));
}

/**
 * Words that hedge a quantity ("ended after roughly four hours", "close to three hours"): they stand
 * between a duration and the word it measures without being words of their own, so they do not use
 * up the three words a duration may stand from the word of the question. Stemmed as the index stems.
 */
const HEDGES = new Set(terms('after roughly nearly almost close around approximately least barely another full more'));

/** What follows a length that places a time rather than measures one ("two weeks after", "a year ago"). */
const OFFSET = /^\s*(?:after|before|ago|later|earlier|into|on from|since)\b/i;

/** A number of units of time ("100 days", "two weeks"), as a bound's text may hold one. */
const COUNTED_LENGTH = /\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|hundred)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\b/i;

/** What a question asks for, read once per question: what `fits` weighs each passage by. */
interface AskedFor {
  expect: Expect;
  /** The question's words (stemmed, frame words out). */
  topic: string[];
  /** For a role question: the paragraphs that give a role to someone it names (see rolesGiven). */
  roles: ReadonlyMap<number, number> | null;
  /** A "who" question about a change of hands (see SUCCESSION). */
  succession: boolean;
  /** For "what did X agree / pledge …": the words that do that deed (see DEEDS). */
  deed: RegExp | null;
  /** A "who" question about a line-up (see LINE_UP). */
  lineUp: boolean;
  /** For a statement question: the one whose words are asked for (see subjectOf). */
  subject: string[] | null;
  /** For "who <verb> …": the stems of the verb, its other forms and its synonyms (see agentVerb). */
  agent: Set<string> | null;
}

/** Words between "who" and its verb: "who was going to lead", "who will be heading". */
const AUXILIARIES = new Set('is was were are will would has have had did does do be been being going to then now also first actually finally'.split(' '));

/** The verb of a "who" question ("Who headed the team?": head, led, lead, chief, …), null if none. */
export function agentVerb(query: string): Set<string> | null {
  const ws = tokenWords(query.toLowerCase());
  if (!/^(?:who|whom)$/.test(ws[0] ?? '')) return null;
  const verb = ws.slice(1).find((w) => !AUXILIARIES.has(w));
  if (!verb) return null;
  const out = new Set<string>();
  for (const t of terms(verb)) for (const v of [t, ...(SYNONYMS.get(t) ?? []), ...(FORMS.get(t) ?? [])]) out.add(v);
  return out.size ? out : null;
}

/** Whether a text says the verb is done by someone named: "is led by Rustem …", "was signed in the capital by Treasury Secretary …". */
function doneBy(text: string, verb: Set<string>, asked: string[]): boolean {
  for (const m of text.matchAll(/\bby\s+(?=\p{Lu})/gu)) {
    const before = tokenWords(text.slice(Math.max(0, m.index - 40), m.index)).slice(-4);
    if (!before.some((w) => terms(w).some((t) => verb.has(t)))) continue;
    // "led by X" where the question names X ("before X came back") does not name another who did it.
    const after = text.slice(m.index + m[0].length).match(/^(?:\p{Lu}[\p{L}'’-]*\s*){1,5}/u)?.[0] ?? '';
    if (terms(after).some((t) => asked.includes(t))) continue;
    return true;
  }
  return false;
}

/** How well a passage holds the kind of answer asked for: 0 not at all, 1 somewhere, 2 next to the topic (for "who": half a point a person named, up to four). */
function fits(kb: KnowledgeBase, pid: number, asked: AskedFor): number {
  const { expect, topic, roles, succession, deed, lineUp, subject } = asked;
  const published = () => kb.article(kb.paragraphs[pid]).published;
  switch (expect) {
    case 'duration': {
      // A bound that counts a length ("settled within 100 days") answers "how long" as a duration does.
      const text = kb.paragraphs[pid].text;
      const ds = timesIn(kb, pid, published()).filter((t) => (t.kind === 'duration' || (t.kind === 'period' && COUNTED_LENGTH.test(t.text))) && !OFFSET.test(text.slice(t.end, t.end + 12)));
      if (!ds.length) return 0;
      // "three-day negotiations", "the call lasted about 40 minutes": the duration qualifies a word of
      // the question (or its synonym), one of the three after it or the three before it (within 50
      // characters; the words before it measured: dev top-3 +3, top-1 and aside unchanged).
      const near = ds.some((d) => {
        const after = TextIndex.queryWords(text.slice(d.end, d.end + 40)).filter((w) => !HEDGES.has(w)).slice(0, 3);
        const before = TextIndex.queryWords(text.slice(Math.max(0, d.start - 50), d.start)).filter((w) => !HEDGES.has(w)).slice(-3);
        return [...after, ...before].some((w) => topic.includes(w) || topic.some((t) => SYNONYMS.get(t)?.includes(w)));
      });
      return near ? 2 : 1;
    }
    case 'date':
      return timesIn(kb, pid, published()).some((t) => t.kind !== 'duration') ? 1 : 0;
    case 'person': {
      // A list of people answers "who took part" better than a paragraph naming one or two in
      // passing: each person named counts half, up to four (six for a line-up: see LINE_UP).
      const cap = lineUp ? LINE_UP_CAP : 2;
      const listed = Math.min(cap, kb.derive(PEOPLE_COUNT)[pid] / 2);
      // "Who led the team?": "the team is led by X" names the one who does it: a point more than the
      // people it names give (dev top-1/top-3/MRR 342/406/376.40 -> 343/408/377.61; as much as a full
      // list gives 342/409/377.16; "by the head of …" too lost aside top-1).
      const by = asked.agent && doneBy(kb.paragraphs[pid].text, asked.agent, topic) ? Math.min(cap, listed + 1) : listed;
      // "Who took over X's job?": the paragraph where someone takes a role up ("was appointed …").
      return succession && kb.derive(ROLES_TAKEN).has(pid) ? Math.max(2, by) : by;
    }
    case 'place':
      return /\b(in|at)\s+\p{Lu}/u.test(kb.paragraphs[pid].text) ? 1 : 0;
    case 'statement':
      return spoken(kb, pid, topic, subject);
    case 'role':
      return roles?.get(pid) ?? 0;
    case 'reason':
      return REASON.test(kb.paragraphs[pid].text) ? 1 : 0;
    case 'deed':
      return deed?.test(kb.paragraphs[pid].text) ? 1 : 0;
    case 'amount':
      return /\d|\b(billion|million|thousand|hundred|percent)\b/i.test(kb.paragraphs[pid].text) ? 1 : 0;
    default:
      return 0;
  }
}

/**
 * Words that give a reason ("because", "hours after investigators searched", "at the request of",
 * "the main purpose of the trip was"): a passage with one answers "why".
 */
const REASON = /\b(?:because|due to|owing to|thanks to|as a result|in response|in protest|in retaliation|reasons?|why|purpose|at the request|at (?:his|her|their|the) request|so that|in order to|so as to|dictated|justification|citing|cited|blamed|amid|(?:hours|days|weeks|shortly|soon|just) after|after reports?|unless|for fear|concerns? (?:over|about|that)|insisted|demanded|refused)\b/i;

/**
 * "What did X agree / pledge / propose / demand / threaten / decide …": the answer is where X does it,
 * in whatever words ("promised" for "pledge", "expressed readiness to accept" for "agree", "set out
 * four points" for "announce"). Each verb asked and the words that do the same deed.
 */
const DEEDS: [RegExp, RegExp][] = [
  [/^(?:agree|accept|approve|endorse|sign|back)/, /\b(?:agree[sd]?|agreement|accept\w*|approv\w+|readiness|ready to|consent\w*|endors\w+|signed|deal|backed|support(?:ed|s)?)\b/i],
  [/^(?:pledge|promise|commit|vow|give|send|provide)/, /\b(?:pledg\w+|promis\w+|vow\w*|commit\w*|guarantee\w*|offer\w*|will (?:provide|send|give|deliver|lend|pay)|worth)\b/i],
  [/^(?:announce|unveil|present|declare|reveal|outline|show|set)/, /\b(?:announc\w+|unveil\w*|set out|sets out|laid out|outlin\w+|present\w*|declar\w+|reveal\w*|held up|showed|points)\b/i],
  [/^(?:propose|offer|suggest)/, /\b(?:propos\w+|offer\w*|suggest\w*|put forward|ready to|would be ready|instead|idea)\b/i],
  [/^(?:demand|insist|want|ask|require|call)/, /\b(?:demand\w*|insist\w*|condition\w*|call(?:ed|s)? for|wants?|wanted|must|withdraw\w*|requir\w+|ultimatum|asked)\b/i],
  [/^(?:threaten|warn)/, /\b(?:threat\w*|warn\w*|consequences|retaliat\w*|in the same way|in kind|would be forced|if they)\b/i],
  [/^(?:decide|order|drop|rule|choose|chose|decree)/, /\b(?:decid\w+|decision|dropped|scrapped|ruled out|ordered|chose|decree\w*|lifted|imposed)\b/i],
];

const DEED_ASKED = /^what (?:did|does|do|has|have|will|would|had) .+? (agree|accept|approve|endorse|sign|back|pledge|promise|commit|vow|give|send|provide|announce|unveil|present|declare|reveal|outline|show|set|propose|offer|suggest|demand|insist|want|ask|require|call|threaten|warn|decide|order|drop|rule|choose|decree)\b/;

function deedAsked(s: string): RegExp | null {
  const verb = DEED_ASKED.exec(s)?.[1];
  return verb ? (DEEDS.find(([v]) => v.test(verb))?.[1] ?? null) : null;
}

/** The paragraphs where the text says someone takes a role up now ("was appointed …", "replaces X as …"). */
const ROLES_TAKEN: Derived<Set<number>> = {
  name: 'paragraphs where a role is taken up',
  make: (kb) => rolesTaken(new Set(), kb.people),
  extend: (prev, _kb, added) => rolesTaken(new Set(prev), added.people),
};

function rolesTaken(set: Set<number>, people: Iterable<Person>): Set<number> {
  for (const p of people) for (const m of p.roleMentions) if (m.fresh) set.add(m.paragraph);
  return set;
}

/**
 * A "who" question about a change of hands: "Who took over X's job?", "Who leads the team now that X
 * has gone?", "Whom did X succeed?". Asked of every "who" question, a paragraph taking a role up
 * measured the same on dev and one less in the aside top 3.
 */
const SUCCESSION = /\b(?:replac\w*|succeed\w*|successor|took over|take over|taken over|named|appoint\w*|new|after|now)\b/i;

/** The people a question names by a word of their names ("Berg" in "What post did Berg get?"). */
function namedPeople(kb: KnowledgeBase, words: string[]): Person[] {
  const names = kb.derive(NAME_WORDS);
  const out = new Map<string, Person>();
  for (const w of words) {
    if (!names.has(w)) continue;
    for (const m of kb.peopleIndex.namedAs(w, 5)) if (m.tier === 'exact' || m.tier === 'name-word') out.set(m.person.id, m.person);
  }
  return [...out.values()];
}

/**
 * The paragraphs that give a role to someone the question names, and how well they answer "What post
 * did X get?": 2 where the text says X takes the role up now ("was appointed defence minister"), 1
 * where it gives X a current role; a former one ("the former premier") answers nothing.
 */
function rolesGiven(kb: KnowledgeBase, words: string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of namedPeople(kb, words)) for (const m of p.roleMentions) if (!m.former) out.set(m.paragraph, Math.max(out.get(m.paragraph) ?? 0, m.fresh ? 2 : 1));
  return out;
}

/**
 * A paragraph's statements: 2 when one is by someone the question names (by its subject, when it has
 * one: see subjectOf; a subject is also matched by the words of the speakers' roles, "the Kremlin" by a
 * "Kremlin spokesman", and a capital by its country's words: dev top-1 +2, aside top-3 +1), 1 when
 * someone speaks, else 0.
 */
function spoken(kb: KnowledgeBase, pid: number, asked: string[], subject: string[] | null = null): number {
  const quotes = kb.quotes;
  const speakers = subject ?? asked;
  let fit = 0;
  for (let i = partitionPoint(quotes, (q) => q.paragraph < pid); i < quotes.length && quotes[i].paragraph === pid; i++) {
    const q = quotes[i];
    const who = [...kb.speakerNames(q), q.source ?? ''].join(' ');
    if (terms(who).some((w) => speakers.includes(w))) return 2;
    // "What did the Kremlin say": a speaker the base gives a role of the one asked ("Kremlin spokesman").
    if (subject && q.speakers.some((id) => speakers.some((w) => roleTerms(kb, id).has(w)))) return 2;
    fit = 1;
  }
  return fit;
}

/** The words of the roles the base gives a person ("Kremlin spokesman"), stemmed: "What did the Kremlin say" asks for them. */
const ROLE_TERMS: Derived<Map<string, Set<string>>> = { name: 'words of people\'s roles', make: () => new Map(), extend: () => new Map() };

function roleTerms(kb: KnowledgeBase, id: string): Set<string> {
  const memo = kb.derive(ROLE_TERMS);
  let t = memo.get(id);
  if (!t) {
    const p = kb.personById.get(id);
    memo.set(id, (t = new Set(p ? p.roleMentions.filter((m) => !m.former).flatMap((m) => terms(m.text)) : [])));
  }
  return t;
}

/**
 * The one whose words a question asks for: "What did the Kremlin say after Berg's call with Lund?"
 * asks for the Kremlin's, not Berg's or Lund's, who are only its topic.
 */
const SUBJECT = /^(?:what|how)\s+(?:did|does|do|has|have|had|will|would)\s+(.+?)\s+(?:say|said|tell|told|describe|respond|react|answer|reply|sum up|claim|warn|comment)\b/i;

/** The one a deed question asks about: "What did the Kremlin threaten?" asks for the Kremlin's deed. */
function deedSubject(q: string): string[] | null {
  const s = q.toLowerCase();
  const m = DEED_ASKED.exec(s);
  const who = m && /^what \S+ (.+?)\s*$/.exec(s.slice(0, m[0].length - m[1].length));
  const ws = who ? terms(who[1]).filter((w) => !FILLERS.has(w)) : [];
  return ws.length ? ws : null;
}

function subjectOf(q: string): string[] | null {
  const m = SUBJECT.exec(q);
  if (!m) return null;
  const ws = terms(m[1]).filter((w) => !FILLERS.has(w));
  // A capital speaks for its country ("How did Moscow respond": a Russian official, "the Russian side").
  const country = CAPITAL_OF[m[1].toLowerCase().replace(/^the\s+/, '')];
  if (country) for (const c of terms(country)) ws.push(c, ...(COUNTRY_WORDS.get(c) ?? []));
  return ws.length ? ws : null;
}

/**
 * A reaction often comes in the paragraph after the news it answers ("Overnight a drone struck the
 * plant." / "The Kremlin spokesman denied it."): it holds the one asked but not the topic's words.
 * Where the one asked speaks in a paragraph and not in the one before it, the paragraph scores at
 * least this share of that one (0.5 to 1 measured: dev top-1 +1 to +2, 0.6 and 0.7 best; two
 * paragraphs back measured one less).
 */
const REACTION_SHARE = 0.7;

/**
 * The times a question names ("in July", "on 30 November", "last week"), as windows of days: read
 * against the newest article, as a reader of the base would mean them.
 */
function askedTimes(kb: KnowledgeBase, q: string): [number, number][] {
  if (!/\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|week|month|year|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)/i.test(q)) return [];
  const newest = kb.derive(NEWEST);
  return findTimes(q, newest).filter((t) => t.kind === 'date' && t.date).map((t) => dayWindow(t.date!, t.until));
}

/** The newest publication date in the base. */
const NEWEST: Derived<string | null> = {
  name: 'newest publication date',
  make: (kb) => kb.articles.reduce<string | null>((m, a) => (a.published && (!m || a.published > m) ? a.published.slice(0, 10) : m), null),
  extend: (prev, _kb, added) => added.articles.reduce<string | null>((m, a) => (a.published && (!m || a.published > m) ? a.published.slice(0, 10) : m), prev),
};

const DAY = 86_400_000;

/**
 * How much a passage is of the time asked: its article was published then (or a day or two after),
 * or it reports an event the text dates then (an article of the time that dates what the passage
 * tells at another time does not count). A passage that recalls many dates matches many
 * questions, so its events count less than its article's date.
 */
function timeFit(kb: KnowledgeBase, pid: number, asked: [number, number][]): number {
  const published = kb.article(kb.paragraphs[pid]).published;
  const at = published ? parseIsoDate(published)!.getTime() : null;
  const inArticle = at != null && asked.some(([x, y]) => at >= x && at <= y + 2 * DAY);
  let dated = false;
  let inEvent = false;
  const events = kb.events;
  for (let i = partitionPoint(events, (e) => e.paragraph < pid); i < events.length && events[i].paragraph === pid; i++) {
    const d = events[i].date;
    if (!d || d.source !== 'text') continue;
    dated = true;
    const [a, b] = dayWindow(d, d.end);
    if (asked.some(([x, y]) => a <= y && x <= b)) inEvent = true;
  }
  // A paragraph of an article of that time that dates what it tells at another time ("two years
  // before, in March 2023") tells of that other time.
  if (inArticle) return dated && !inEvent ? 1 : TIME_ARTICLE;
  if (inEvent) return TIME_EVENT;
  // An article written days after the time asked, when the base holds one written then (the report of
  // it), looks back on it: what it says of that time is a recap's.
  if (at != null && asked.every(([, y]) => at > y + RECAP_GAP * DAY) && asked.some(([x, y]) => reportedAt(kb, x, y))) return TIME_LATER;
  return 1;
}

const TIME_ARTICLE = 2;
/** 0.8 / 0.6 / 0.4 measured the same on dev top-1 (340 of 459), top-3 404 -> 405, aside events top-1 73 -> 74 of 120. */
const TIME_LATER = 0.6;

/** Whether the base holds an article written from day x to two days after day y (ms). */
function reportedAt(kb: KnowledgeBase, x: number, y: number): boolean {
  const days = kb.derive(PUBLISHED_DAYS);
  const j = partitionPoint(days, (d) => d < x);
  return j < days.length && days[j] <= y + 2 * DAY;
}

/** Every article's publication day (ms), sorted: whether the base holds a report written at a time. */
const PUBLISHED_DAYS: Derived<readonly number[]> = {
  name: 'publication days',
  make: (kb) => publishedDays(kb.articles),
  extend: (prev, _kb, added) => publishedDays(added.articles, prev),
};

function publishedDays(articles: Iterable<{ published: string | null }>, prev: readonly number[] = []): number[] {
  const days = [...prev];
  for (const a of articles) {
    const d = a.published ? parseIsoDate(a.published.slice(0, 10)) : null;
    if (d) days.push(d.getTime());
  }
  return days.sort((x, y) => x - y);
}

/**
 * Whether a passage retells what an earlier article of the base reported: an event it dates days
 * before its own article was written ("first in Nordhaven on 30 May and then …"), when the base holds
 * an article written at that time, which is the original report.
 */
function recap(kb: KnowledgeBase, pid: number): boolean {
  const published = kb.article(kb.paragraphs[pid]).published;
  const at = published ? parseIsoDate(published.slice(0, 10))!.getTime() : null;
  if (at == null) return false;
  const days = kb.derive(PUBLISHED_DAYS);
  const events = kb.events;
  for (let i = partitionPoint(events, (e) => e.paragraph < pid); i < events.length && events[i].paragraph === pid; i++) {
    const d = events[i].date;
    if (!d || d.source !== 'text') continue;
    const [a, b] = dayWindow(d, d.end);
    if (b + RECAP_GAP * DAY >= at) continue;
    // An article written from the event's first day to two days after its last, before this one.
    const j = partitionPoint(days, (x) => x < a);
    if (j < days.length && days[j] <= b + 2 * DAY && days[j] < at) return true;
  }
  return false;
}

/**
 * Days after an event from which a passage telling it is a recap (2 to 7 measured about the same), and
 * how much such a passage weighs: 0.5 best on the dev sets (0.85 / 0.75 / 0.6 / 0.4: top-1 200 / 201 / 203 / 203 of 302).
 */
const RECAP_GAP = 3;
const RECAP_WEIGHT = 0.5;
const TIME_EVENT = 1.3;

/**
 * An order among passages of equal score that does not depend on the order articles were added in
 * (paragraph ids do): a hash of the article id and paragraph number, made once per paragraph.
 */
export const STABLE_ORDER: Derived<Uint32Array> = {
  name: 'stable order of paragraphs',
  make: (kb) => orderFrom(kb, new Uint32Array(kb.paragraphs.length), 0),
  extend: (prev, kb) => {
    const out = new Uint32Array(kb.paragraphs.length);
    out.set(prev);
    return orderFrom(kb, out, prev.length);
  },
};

function orderFrom(kb: KnowledgeBase, out: Uint32Array, from: number): Uint32Array {
  for (let doc = from; doc < out.length; doc++) {
    const p = kb.paragraphs[doc];
    let h = 2166136261 ^ p.n;
    for (let i = 0; i < p.article.length; i++) h = Math.imul(h ^ p.article.charCodeAt(i), 16777619);
    out[doc] = h >>> 0;
  }
  return out;
}

/**
 * Paragraphs for a question's words, each with its score weighted by the question's time (its
 * article's date, or an event it reports) and by the article's title: what ask and events rank on.
 */
export function passages(kb: KnowledgeBase, query: string, words: string[], limit: number, forms = FORM_WEIGHT): { hits: Hit[]; base: number[]; time: number[] } {
  const names = kb.derive(NAME_WORDS);
  const stable = kb.derive(STABLE_ORDER);
  const known = englishStems(query);
  const hits = kb.paragraphIndex.search(words, { limit, synonyms: 0.6, forms, kin: COUNTRY_KIN, rank: 'coverage', isName: (w) => names.has(w), isWord: (w) => known.has(w), order: (d) => stable[d] });
  const asked = hits.length ? askedTimes(kb, query) : [];
  const context = titleContext(kb, words);
  // How well each passage's time fits the question's (1 when the question names none).
  const time = hits.map((h) => (asked.length ? timeFit(kb, h.doc, asked) : 1));
  const base = hits.map((h, i) => time[i] * h.score * context(h));
  // An interviewer's question holds the words of a question like it; the answer is the next paragraph.
  // The answer scores at least what the question does, the question half of it.
  const paras = kb.paragraphs;
  for (let i = 0, n = hits.length; i < n; i++) {
    const d = hits[i].doc;
    if (d + 1 >= paras.length || paras[d + 1].article !== paras[d].article || !INTERVIEW_QUESTION.test(paras[d].text)) continue;
    const j = hits.findIndex((h) => h.doc === d + 1);
    if (j >= 0) base[j] = Math.max(base[j], base[i]);
    else {
      hits.push({ doc: d + 1, score: hits[i].score, matched: 0, coverage: 0, mask: 0 });
      base.push(base[i]);
      time.push(time[i]);
    }
    base[i] *= 0.5;
  }
  return { hits, base, time };
}

/**
 * A person the question names whom a passage speaks of without the name: the one it quotes ("The
 * Ukrainian president said he had taken the decision", a speaker found by the quote finder) or an actor
 * of an event it reports. The name counts as the title's words do for the passages that lack them: a
 * multiplier of 1 + REFERRED · its share of the question's IDF.
 */
function referredBy(kb: KnowledgeBase, words: string[]): (hit: { doc: number; mask: number }) => number {
  const names = kb.derive(NAME_WORDS);
  const asked: { bit: number; ids: Set<string>; share: number }[] = [];
  const idf = (w: string) => idfOf(kb, w);
  const total = words.reduce((n, w) => n + idf(w), 0) || 1;
  words.forEach((w, i) => {
    if (!names.has(w)) return;
    const ids = new Set(namedPeople(kb, [w]).map((p) => p.id));
    if (ids.size) asked.push({ bit: 1 << i, ids, share: idf(w) / total });
  });
  if (!asked.length) return () => 1;
  const quotes = kb.quotes;
  const events = kb.events;
  return ({ doc, mask }) => {
    let ctx = 0;
    for (const a of asked) {
      if (mask & a.bit) continue;
      let found = false;
      for (let i = partitionPoint(quotes, (q) => q.paragraph < doc); !found && i < quotes.length && quotes[i].paragraph === doc; i++) found = quotes[i].speakers.some((id) => a.ids.has(id));
      for (let i = partitionPoint(events, (e) => e.paragraph < doc); !found && i < events.length && events[i].paragraph === doc; i++) found = events[i].actors.some((id) => a.ids.has(id));
      if (found) ctx += a.share;
    }
    return 1 + REFERRED * ctx;
  };
}

/**
 * 0.5 / 0.75 / 1 / 1.25 / 1.5 / 2 measured dev top-1 335 / 335 / 337 / 337 / 336 / 337 of 459, aside 147 / 147 / 147 / 146 /
 * 146 / 146 of 223; quotes alone 336, events alone 335. In `passages` (for `events` too) it cost events top-1 one on aside.
 */
const REFERRED = 1;

/**
 * Weight of a verb's irregular forms ("met" answers "meet"): 0.15 to 0.3 measured the same on the dev
 * sets, 0.45 and up lost questions to paragraphs with a form of a frame verb ("take" / "took").
 */
const FORM_WEIGHT = 0.3;

/**
 * A yes / no question ("Did Berg meet Lund?") is about its verb: the answer is where it happens, as
 * often in another form ("met") as in the form asked. There its irregular forms weigh 0.6 (0.6 and 1
 * measured the same on the dev sets: top-1 +1, the rest unchanged); a question that asks for a thing
 * keeps 0.3, where the forms of frame verbs ("took") would draw other passages.
 */
const YES_NO = /^(?:did|does|do|has|have|had|was|were|is|are|will|would|can|could)\s/i;
const YES_NO_FORM_WEIGHT = 0.6;

/**
 * A country and its adjective stand in for each other ("the Ukrainian team" answers "Ukraine's team"):
 * 0.15 to 0.45 measured the same on the dev sets. Capitals for their countries ("Kyiv" for "Ukraine")
 * were measured too and lost (dev 188 -> 187 top-1, events 88 -> 86): a capital in a question is mostly a place.
 */
const COUNTRY_KIN = { of: (w: string) => COUNTRY_WORDS.get(w), weight: 0.3 };

/** A question about what is to come: "when will …", "is X going to …", "who is due …". */
export const ASKS_AHEAD = /\b(?:will|won't|shall|going to|is due|are due|upcoming|plans? to|expected to)\b/i;
/** A passage that speaks of what is to come: a future, a plan, a schedule, "next week". */
export const LOOKS_AHEAD = /\b(?:will|shall|'ll|is due|are due|due to|(?:is|are) expected|expected to|(?:is|are) scheduled|scheduled (?:for|to)|(?:is|are) set to|plans? to|planned for|planning to|intends? to|is to|are to|aims? to|going to|upcoming|next (?:week|month|year|round|meeting|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|later this (?:week|month)|would (?:meet|hold|travel|fly|head|visit|resume|begin|start|return|sign|arrive|take place|go|come|continue))\b/i;
/** How much such a passage rises (1.2 to 1.7 measured the same on the dev sets). */
const AHEAD_LIFT = 1.3;

/**
 * An interviewer's question ("Q: …", "Question: …", "NAME: … ?", or a dash and a question, as French
 * and Spanish interviews set it: "— And the talks on Tuesday?"): the next paragraph answers it.
 */
const INTERVIEW_QUESTION = /^(?:(?:Q|Question)\s*[:.—–-]|\p{Lu}{2,}[\p{Lu} .'-]*:.*\?\s*$|[—–]\s.*\?\s*$)/su;

/** The stems of a question's words that are English words as written: not names, not misspellings. */
function englishStems(query: string): Set<string> {
  const out = new Set<string>();
  for (const w of tokenWords(query)) if (englishPos(w)) for (const t of terms(w)) out.add(t);
  return out;
}

/**
 * A calendar day the question names ("on 30 November", "the October 16 call") is matched by the dates
 * of articles and events (askedTimes), not by its words: the report of that day seldom spells the
 * date, while recaps and timelines of later articles do, and "16" also matches "16:05" or "16 people".
 * A month or a weekday alone stays among the words (measured: leaving every time expression out lost
 * top-3; the day-and-month dates alone gain top-1 and top-3 on dev and aside).
 */
export function withoutCalendarDays(kb: KnowledgeBase, query: string, words: string[]): string[] {
  if (!/\d/.test(query)) return words;
  const drop = new Set<string>();
  for (const t of findTimes(query, kb.derive(NEWEST))) {
    if (t.kind !== 'date' || t.date?.precision !== 'day' || !/\d/.test(t.text)) continue;
    for (const w of terms(query.slice(t.start, t.end))) drop.add(w);
  }
  return drop.size && words.some((w) => !drop.has(w)) ? words.filter((w) => !drop.has(w)) : words;
}

/**
 * A question about a line-up ("who sat on the other side", "who was in the delegation", "who joined
 * them at the table"): the answer lists the members, so a longer list counts more than for another
 * "who": half a point a person named up to six, not four (dev top-1 293 -> 294, top-3 357 -> 359;
 * up to eight measured 292 / 359). Dropping the words of the frame (side, table, sat) measured lower.
 */
const LINE_UP = /\b(?:delegations?|side|team|table|room|negotiators|sat|sit|joined|accompanied|flanked)\b/i;
const LINE_UP_CAP = 3;

/** ask: the best passages for a free question, best first. */
export function ask(kb: KnowledgeBase, rawQuery: string, opts: AnswerOptions = {}): Answer {
  const limit = clampLimit(opts.limit);
  const query = cleanQuery(rawQuery);
  const answer = (results: Result[], extra: Partial<Answer> = {}): Answer => ({ command: 'ask', query, results: results.slice(0, limit), total: results.length, ...extra });
  if (!query) return answer([], { message: 'Ask a question, for example: /ask How long did the talks last?' });

  const expect = expectedAnswer(query);
  const frame = expect ? FRAME_WORDS[expect] : new Set<string>();
  let words = TextIndex.queryWords(query).filter((w) => !FILLERS.has(w));
  const agent = expect === 'person' ? agentVerb(query) : null;
  // "Who led the delegation?" asks for its one leader, not its members: no line-up (dev top-1 +1).
  const lineUp = expect === 'person' && LINE_UP.test(query) && !agent?.has('lead');
  if (words.some((w) => !frame.has(w))) words = words.filter((w) => !frame.has(w));
  words = withoutCalendarDays(kb, query, words);
  // Ranked by score weighted by how much of the question's evidence a passage holds: a very common
  // word matched counts for little. Only names are looked up by their transliteration key.
  const stable = kb.derive(STABLE_ORDER);
  const { hits, base, time } = passages(kb, query, words, Math.max(50, limit), YES_NO.test(query) ? YES_NO_FORM_WEIGHT : FORM_WEIGHT);
  if (hits.length === 0) {
    const suggestions = kb.derive(BY_MENTIONS).slice(0, 5).map((p) => p.name);
    return answer([], { message: `No passage matches “${query}”.`, suggestions });
  }
  const referred = referredBy(kb, words);
  hits.forEach((h, i) => (base[i] *= referred(h)));
  const best = Math.max(...hits.map((h) => h.score));
  const ahead = ASKS_AHEAD.test(query);
  // A passage that holds the kind of answer asked for (a duration for "how long") rises by up to
  // `most`. Only a passage that could then reach the page shown needs reading for it (dates are costly to find).
  const most = 0.4 * best * (lineUp ? LINE_UP_CAP : 2);
  const roles = expect === 'role' ? rolesGiven(kb, words) : null;
  const succession = expect === 'person' && SUCCESSION.test(query);
  const deed = expect === 'deed' ? deedAsked(query.toLowerCase()) : null;
  // "What did X threaten / pledge …" is answered by X's words as "what did X say" is: X is its subject too
  // (for the reaction below: dev top-3 +1, top-1 and aside unchanged).
  const subject = expect === 'statement' ? subjectOf(query) : expect === 'deed' ? deedSubject(query) : null;
  if (subject) {
    // A reaction to the paragraph before it: see REACTION_SHARE.
    const paras = kb.paragraphs;
    const at = new Map<number, number>();
    hits.forEach((h, i) => at.set(h.doc, i));
    const own = base.slice();
    hits.forEach((h, i) => {
      const d = h.doc;
      const j = at.get(d - 1);
      if (j === undefined || paras[d - 1].article !== paras[d].article || own[j] * REACTION_SHARE <= base[i]) return;
      if (spoken(kb, d, words, subject) === 2 && spoken(kb, d - 1, words, subject) < 2) base[i] = own[j] * REACTION_SHARE;
    });
  }
  const bar = [...base].sort((a, b) => b - a)[Math.min(limit, base.length) - 1] - most;
  const askedFor: AskedFor = { expect, topic: words, roles, succession, deed, lineUp, subject, agent };
  const ranked = hits
    .map((h, i) => {
      // The bonus is the kind of answer at the time asked: a passage of another time keeps the share
      // of it that its time fit gives (dev top-1 344 -> 345, aside MRR 171.06 -> 171.24).
      const bonus = expect && base[i] >= bar ? 0.4 * best * fits(kb, h.doc, askedFor) * Math.min(1, time[i]) : 0;
      // A question about what will happen is answered by a passage that looks ahead ("is due in the capital on Monday").
      const lift = ahead && base[i] * AHEAD_LIFT >= bar && LOOKS_AHEAD.test(kb.paragraphs[h.doc].text) ? AHEAD_LIFT : 1;
      // A later article's retelling of news the base holds the report of ranks below that report.
      const retold = recap(kb, h.doc) ? RECAP_WEIGHT : 1;
      return { h, score: base[i] * lift * retold + bonus };
    })
    .sort((a, b) => b.score - a.score || stable[a.h.doc] - stable[b.h.doc]);
  // Results are built for the page shown only; the total still counts every passage found.
  return answer(ranked.slice(0, limit).map(({ h, score }) => paragraphResult(kb, kb.paragraphs[h.doc], score)), { title: query, total: ranked.length });
}

import { fullNameKey, nameKey } from '../text/normalize.ts';
import { splitSentences } from '../text/sentences.ts';
import type { Article } from '../knowledge/types.ts';
import type { ArticlePerson, Mention } from './types.ts';
import { adjacent, tokenize, type Token } from './tokens.ts';
import {
  CALENDAR_WORDS, FIRST_NAMES, HONORIFICS, NAME_PARTICLES, NOT_NAMES, ORG_WORDS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_STOP,
} from './lexicon/names.ts';
import { CAPITALS, COUNTRIES, NATIONALITIES } from './lexicon/places.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';

/** A capitalised run of words that might be a name, with what surrounds it. */
interface Candidate {
  paragraph: number;
  tokens: Token[];
  /** Title words before the name ("US special envoy"), as written, or null. */
  title: string | null;
  titleStart: number;
  sentenceStart: boolean;
  evidence: Set<string>;
}

const isPlaceWord = (f: string) => COUNTRIES.has(f) || CAPITALS.has(f) || f in NATIONALITIES;
const isRoleWord = (f: string) => ROLE_NOUNS.has(f) || ROLE_MODIFIERS.has(f) || HONORIFICS.has(f.replace(/\.$/, ''));
const isAcronym = (t: string) => /^[\p{Lu}\d.&-]{2,}$/u.test(t) && !/^(\p{Lu}\.)+$/u.test(t) ? true : /^\p{Lu}$/u.test(t);

export function isPlaceName(words: string): boolean {
  const f = words.toLowerCase();
  return COUNTRIES.has(f) || CAPITALS.has(f) || f in NATIONALITIES;
}

/** Capitalised runs, split into the title words that open them and the name that follows. */
function candidatesIn(text: string, paragraph: number): Candidate[] {
  const tokens = tokenize(text);
  const sentenceStarts = new Set(splitSentences(text).map((s) => s.start));
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].capitalized) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j];
      if (!adjacent(text, tokens[j - 1], t)) break;
      if (t.capitalized) {
        j++;
        continue;
      }
      // "von der Leyen": particles count only when a capitalised word follows them.
      let k = j;
      while (k < tokens.length && NAME_PARTICLES.has(tokens[k].folded) && adjacent(text, tokens[k - 1], tokens[k])) k++;
      if (k > j && tokens[k]?.capitalized && adjacent(text, tokens[k - 1], tokens[k])) j = k + 1;
      else break;
    }
    // Sentence openers and other capitalised function words are not part of a name.
    let runStart = i;
    while (runStart < j && (NOT_NAMES.has(tokens[runStart].folded) || CALENDAR_WORDS.has(tokens[runStart].folded))) runStart++;
    const sentenceStart = runStart === i && sentenceStarts.has(tokens[i].start);
    const run = tokens.slice(runStart, j);
    i = j;
    // Split off leading title words: "Polish President | Anna Berg",
    // "Commission President | Ursula von der Leyen": the name starts after the last role noun.
    let t = 0;
    for (let x = run.length - 2; x >= 0; x--) {
      const f = run[x].folded.replace(/\.$/, '');
      if (ROLE_NOUNS.has(f) || HONORIFICS.has(f)) {
        t = x + 1;
        break;
      }
    }
    const name = run.slice(t);
    if (name.length === 0) continue;
    // Walk back over lower-case title words: "former U.S. President", "US special envoy".
    let k = runStart - 1;
    let titleStart = t > 0 ? run[0].start : name[0].start;
    let sawRole = t > 0;
    while (k >= 0) {
      const p = tokens[k];
      const next = tokens[k + 1];
      if (!adjacent(text, p, next, false)) break;
      if (TITLE_STOP.has(p.folded)) break;
      const roleish = isRoleWord(p.folded) || p.folded in NATIONALITIES || (p.possessive && isPlaceWord(p.folded));
      if (!roleish) break;
      if (ROLE_NOUNS.has(p.folded)) sawRole = true;
      titleStart = p.start;
      k--;
    }
    const title = sawRole && titleStart < name[0].start ? text.slice(titleStart, name[0].start).trim() : null;
    out.push({ paragraph, tokens: name, title, titleStart, sentenceStart, evidence: new Set(title ? ['title'] : []) });
  }
  return out;
}

function isNonPerson(c: Candidate): boolean {
  const words = c.tokens.map((t) => t.folded);
  if (words.every((w) => NOT_NAMES.has(w) || CALENDAR_WORDS.has(w))) return true;
  if (words.some((w) => ORG_WORDS.has(w))) return true;
  if (c.tokens.length === 1 && isAcronym(c.tokens[0].text)) return true;
  if (words.every((w) => isPlaceWord(w) || ROLE_MODIFIERS.has(w))) return true;
  if (isPlaceName(words.join(' '))) return true;
  if (c.tokens.some((t) => /\d/.test(t.text))) return true;
  return false;
}

const APPOSITIVE = /^,\s+(?:(?:a|an|the)\s+)?((?:[^,.;:()“”"]|\.(?=\S)|(?<=(?:^|[\s.])\p{Lu})\.){2,90}?)(?=,|(?<!\p{Lu})\.(?:\s|$)|;|$|\s+who\s|\s+which\s)/u;
const RELATIVE_ROLE = /^,\s+who\s+(?:led|leads|heads|headed|chairs|chaired)\s+((?:the\s+)?[^,.;]{2,60}?)(?=,|\.(?:\s|$)|;|$)/u;
/** "Kharkiv’s mayor, NAME" / "Its spokeswoman, NAME": a role set off by a comma before the name. */
const ROLE_BEFORE_COMMA = /(?:^|[\s(])((?:(?:\p{Lu}[\p{L}’'.-]*[’']s|its|his|her|their|the)\s+)?(?:[\p{L}.-]+\s+){0,3}?[\p{L}-]+),\s+$/u;

/** "NAME, a foreign policy expert from X," -> the role phrase, when it has a role noun. */
function appositiveRole(text: string, end: number): string | null {
  const m = APPOSITIVE.exec(text.slice(end));
  if (!m) return null;
  const phrase = m[1].trim();
  const words = phrase.split(/\s+/).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  if (words.length > 12) return null;
  // The head must be a role: "an advisor to X" yes, "a notable figure due to his ties" no.
  const head = words.findIndex((w) => ROLE_NOUNS.has(w));
  if (head < 0 || head > 5) return null;
  if (words.slice(0, head).some((w) => SPEECH_VERBS.has(w))) return null;
  return phrase;
}

/** "NAME, who led Ukraine’s delegation," -> "head of Ukraine’s delegation". */
function relativeRole(text: string, end: number): string | null {
  const m = RELATIVE_ROLE.exec(text.slice(end));
  return m ? `head of ${m[1].replace(/^the\s+/, 'the ')}` : null;
}

/** "Kharkiv’s mayor, NAME": the words before the comma, when they end in a role noun. */
function roleBeforeComma(text: string, start: number): string | null {
  // Cheap test first: the anchored pattern below backtracks over every start position.
  if (!/,\s*$/.test(text.slice(Math.max(0, start - 3), start))) return null;
  const before = text.slice(Math.max(0, start - 80), start);
  const m = ROLE_BEFORE_COMMA.exec(before);
  if (!m) return null;
  const words = m[1].split(/\s+/);
  if (!ROLE_NOUNS.has(words[words.length - 1].toLowerCase())) return null;
  // Keep the role words and a possessive owner; drop a leading determiner.
  let k = words.length - 1;
  while (k > 0 && (isRoleWord(words[k - 1].toLowerCase()) || words[k - 1].toLowerCase() in NATIONALITIES || /[’']s$/.test(words[k - 1]))) k--;
  return words.slice(k).join(' ');
}

/** "U.S. negotiators, including NAME" or "a Russian delegation led by NAME" -> a role. */
function listRole(text: string, start: number): string | null {
  const tail = text.slice(Math.max(0, start - 16), start);
  const isList = /(?:including|such as|among them)\s+$/.test(tail);
  const isLed = /(?:led|headed|chaired)\s+by\s+$/.test(tail);
  if (!isList && !isLed) return null;
  const before = text.slice(Math.max(0, start - 120), start);
  const incl = isList && /((?:[\p{L}.’']+\s+){0,3}?[\p{L}.’']+),?\s+(?:including|such as|among them)\s+$/u.exec(before);
  if (incl) {
    const words = incl[1].split(/\s+/);
    const head = words[words.length - 1].toLowerCase();
    if (ROLE_NOUNS.has(head) || ROLE_NOUNS.has(head.replace(/s$/, ''))) {
      // Keep only the role words nearest the noun: "with U.S. negotiators" -> "U.S. negotiator".
      let k = words.length - 1;
      while (k > 0 && (isRoleWord(words[k - 1].toLowerCase()) || words[k - 1].toLowerCase() in NATIONALITIES)) k--;
      return words.slice(k).join(' ').replace(/s$/, '');
    }
  }
  const led = isLed && /\b(?:a|an|the)?\s*((?:[\p{L}’']+\s+){0,2}?(?:delegation|team|group|mission|government|party|coalition|committee|commission|negotiating team))\s+(?:led|headed|chaired)\s+by\s+$/iu.exec(before);
  if (led) return `head of the ${led[1].trim().replace(/^(?:a|an|the)\s+/i, '')}`;
  return null;
}

/** Country, party or body a role phrase names: "Secretary of the X Council" -> "X Council". */
export function affiliationOf(role: string | null): string | null {
  if (!role) return null;
  const from = /\b(?:from|of|at|with)\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'.]*\s*)+(?:[\p{Ll}]+)?)$/u.exec(role);
  if (from) return from[1].trim();
  for (const w of role.split(/\s+/)) {
    const c = NATIONALITIES[w.toLowerCase()];
    if (c) return c;
  }
  return null;
}

/** Speech verb right after the name (allowing an appositive): "Berg warned", "X, a Y, said". */
function speechFollows(text: string, end: number): boolean {
  const m = /^(?:,[^,.]{1,90},)?\s+(?:also\s+|later\s+|then\s+)?([\p{Ll}]+)/u.exec(text.slice(end));
  return !!m && SPEECH_VERBS.has(m[1]);
}
function speechPrecedes(text: string, start: number): boolean {
  return /\b(said|says|told|according to|wrote|added)\s+$/i.test(text.slice(Math.max(0, start - 20), start));
}

export interface PeopleResult {
  people: ArticlePerson[];
  mentions: Mention[];
}

/** People of one article: names, roles, affiliations, other names, and where each is mentioned. */
export function extractPeople(article: Article): PeopleResult {
  const cands: Candidate[] = [];
  for (const p of article.paragraphs) {
    for (const c of candidatesIn(p.text, p.n)) {
      if (isNonPerson(c)) continue;
      const text = p.text;
      const start = c.tokens[0].start;
      const end = c.tokens[c.tokens.length - 1].end + (c.tokens[c.tokens.length - 1].possessive ? 2 : 0);
      const first = c.tokens[0].folded;
      if (c.tokens.length >= 2 && FIRST_NAMES.has(first)) c.evidence.add('first-name');
      if (HONORIFICS.has(first.replace(/\.$/, ''))) c.evidence.add('honorific');
      if (!c.tokens[c.tokens.length - 1].possessive && appositiveRole(text, end)) c.evidence.add('appositive');
      if (listRole(text, start) || roleBeforeComma(text, start)) c.evidence.add('list');
      if (relativeRole(text, end)) c.evidence.add('appositive');
      // "Institute for the Study of War": a capitalised word inside a longer name is no person.
      if (c.tokens.length === 1 && /\p{Lu}[\p{L}’']*\s+(?:of|for)(?:\s+the)?\s+$/u.test(text.slice(Math.max(0, start - 40), start))) continue;
      if (speechFollows(text, end) || speechPrecedes(text, start)) c.evidence.add('speech');
      cands.push(c);
    }
  }

  // Full names first: multi-word runs with evidence, or whose last word is used alone elsewhere.
  const people: ArticlePerson[] = [];
  const byKey = new Map<string, number>();
  const bySurname = new Map<string, number>();
  const soloKeys = new Set(cands.filter((c) => c.tokens.length === 1 && !c.sentenceStart).map((c) => nameKey(c.tokens[0].text)));
  const nameOf = (c: Candidate) => c.tokens.map((t) => t.text).join(' ');
  const ensure = (name: string): number => {
    const key = fullNameKey(name);
    let idx = byKey.get(key);
    if (idx == null) {
      idx = people.length;
      people.push({ name, role: null, roles: [], affiliation: null, aliases: [], paragraphs: [] });
      byKey.set(key, idx);
    }
    return idx;
  };
  const mentions: Mention[] = [];
  const assigned = new Map<Candidate, number>();
  for (const c of cands) {
    if (c.tokens.length < 2) continue;
    const surname = nameKey(c.tokens[c.tokens.length - 1].text);
    const hasEvidence = c.evidence.size > 0 || soloKeys.has(surname);
    if (!hasEvidence) continue;
    const idx = ensure(nameOf(c));
    assigned.set(c, idx);
    bySurname.set(surname, idx);
  }
  // Single words: a known person's surname (or first name), else a person in their own right
  // when a title, an honorific or a speech verb says so.
  for (const c of cands) {
    if (c.tokens.length !== 1) continue;
    const key = nameKey(c.tokens[0].text);
    let idx = bySurname.get(key);
    if (idx == null && !c.sentenceStart && FIRST_NAMES.has(c.tokens[0].folded)) continue;
    // A capitalised word opening a sentence may be any noun ("Analysts said …"): a speech verb after
    // it is not enough, unless the word is also capitalised mid-sentence somewhere in the article.
    const speechOk = c.evidence.has('speech') && (!c.sentenceStart || soloKeys.has(key));
    if (idx == null && (c.evidence.has('title') || c.evidence.has('honorific') || speechOk || c.evidence.has('appositive'))) {
      if (FIRST_NAMES.has(c.tokens[0].folded) && !c.evidence.has('title')) continue;
      idx = ensure(c.tokens[0].text);
      bySurname.set(key, idx);
    }
    if (idx != null) assigned.set(c, idx);
  }
  // A single name seen before its title ("Berg" then "President Berg") is caught on a second pass.
  for (const c of cands) {
    if (assigned.has(c) || c.tokens.length !== 1) continue;
    const idx = bySurname.get(nameKey(c.tokens[0].text));
    if (idx != null) assigned.set(c, idx);
  }

  const paraText = new Map(article.paragraphs.map((p) => [p.n, p.text]));
  for (const [c, idx] of assigned) {
    const person = people[idx];
    const text = paraText.get(c.paragraph)!;
    const start = c.tokens[0].start;
    const last = c.tokens[c.tokens.length - 1];
    const name = nameOf(c);
    if (name !== person.name && !person.aliases.includes(name)) person.aliases.push(name);
    if (!person.paragraphs.includes(c.paragraph)) person.paragraphs.push(c.paragraph);
    mentions.push({ paragraph: c.paragraph, start, end: last.end, person: idx });
    const roles: string[] = [];
    if (c.title) roles.push(c.title);
    if (!last.possessive) {
      const app = appositiveRole(text, last.end);
      if (app) roles.push(app);
    }
    if (!last.possessive) {
      const rel = relativeRole(text, last.end);
      if (rel) roles.push(rel);
    }
    const rc = c.title ? null : roleBeforeComma(text, c.titleStart);
    if (rc) roles.push(rc);
    const lr = listRole(text, c.titleStart);
    if (lr) roles.push(lr);
    for (const r of roles) if (!person.roles.some((x) => x.toLowerCase() === r.toLowerCase())) person.roles.push(r);
  }
  for (const p of people) {
    p.paragraphs.sort((a, b) => a - b);
    // Titles and appositives say what someone is; "member of a list" says less.
    p.roles.sort((a, b) => rolePriority(a) - rolePriority(b));
    p.role = p.roles[0] ?? null;
    p.affiliation = p.roles.map(affiliationOf).find((a) => a != null) ?? null;
    // Bare honorifics are not roles ("Mr").
    if (p.role && HONORIFICS.has(p.role.toLowerCase().replace(/\.$/, ''))) p.role = p.roles.find((r) => !HONORIFICS.has(r.toLowerCase().replace(/\.$/, ''))) ?? null;
  }
  mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return { people, mentions };
}

function rolePriority(role: string): number {
  if (/^head of the /.test(role)) return 2;
  if (role.split(/\s+/).length === 1 && HONORIFICS.has(role.toLowerCase().replace(/\.$/, ''))) return 3;
  return 1;
}

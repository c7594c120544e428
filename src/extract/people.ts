import { fold, fullNameKey, nameKey } from '../text/normalize.ts';
import type { Article } from '../knowledge/types.ts';
import type { ArticlePerson, Mention } from './types.ts';
import { adjacent, type Token } from './tokens.ts';
import { tagNames } from './ner/tagger.ts';
import { nerTokens, type NerToken } from './ner/features.ts';
import { englishPos, givenNames, surnames } from './lexicon/gazetteers.ts';
import { BARE_RANKS, BODY_WORDS, affiliationOf, isFuturePost, appositiveRole, cleanRole, germanTitle, isRoleNoun, relativeRoleIsPast, rolesSaidOf, isPlaceWord, isRoleWord, listRole, relativeRole, relativeRoleOverTime, roleBeforeComma, rolePriority, type RoleHow } from './roles.ts';
import {
  CALENDAR_WORDS, FIRST_NAMES, HONORIFICS, NAME_PARTICLES, NOT_NAMES, ORG_WORDS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_ABBREVIATIONS, TITLE_STOP,
} from './lexicon/names.ts';
import { CAPITALS, COUNTRIES, NATIONALITIES } from './lexicon/places.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';
import { knownGenders } from './gender.ts';
import { sentenceSubjectBefore } from './attribution.ts';

/** A name found in a paragraph, with what surrounds it. */
interface Candidate {
  paragraph: number;
  tokens: Token[];
  /** Title words before the name ("US special envoy"), as written, or null. */
  title: string | null;
  titleStart: number;
  sentenceStart: boolean;
  evidence: Set<string>;
}

const isAcronym = (t: string) => /^[\p{Lu}\d.&-]{2,}$/u.test(t) && !/^(\p{Lu}\.)+$/u.test(t) ? true : /^\p{Lu}$/u.test(t);
const bare = (f: string) => f.replace(/\.$/, '');

export function isPlaceName(words: string): boolean {
  const f = words.toLowerCase();
  return COUNTRIES.has(f) || CAPITALS.has(f) || f in NATIONALITIES;
}

/** Words that may open a title before a name once a role word has been seen: "White House", "NATO", "Kremlin". */
const OWNER_WORDS = 3;

/**
 * The title before a name, walking back from it: "former U.S. President", "US special envoy",
 * "Polish Foreign Minister", "Secretary of State", "Kremlin spokesman", "NATO Secretary General".
 */
function titleBefore(text: string, toks: NerToken[], from: number, taken: Set<number>): { title: string | null; start: number } {
  let k = from - 1;
  let start = toks[from].start;
  let sawRole = false;
  let owners = 0;
  while (k >= 0) {
    const p = toks[k];
    // "Gov. Anna Berg": an abbreviated title's stop does not part it from the name.
    const abbreviated = bare(p.folded) in TITLE_ABBREVIATIONS && /^\.\s{1,2}$/.test(text.slice(p.end, toks[k + 1].start));
    if (taken.has(k) || !(adjacent(text, p, toks[k + 1], false) || abbreviated)) break;
    const f = bare(p.folded);
    // "Secretary of State X", "Minister for Foreign Affairs X": "of" inside a title, after a role noun.
    if ((f === 'of' || f === 'for') && sawRole === false && k > 0 && k + 1 < from && (ROLE_NOUNS.has(toks[k - 1].folded) || (toks[k - 1].folded.includes('-') && isRoleNoun(toks[k - 1].folded))) && toks[k + 1].capitalized) {
      start = p.start;
      k--;
      continue;
    }
    // "the chief of the General Staff X": a role of a named body (whose name ends in no role noun:
    // "an aide of the President X" is no title).
    if (f === 'the' && k > 1 && k + 1 < from && toks[k - 1].folded === 'of' && isRoleNoun(toks[k - 2].folded) && toks[k + 1].capitalized && !isRoleNoun(toks[from - 1].folded) && adjacent(text, toks[k - 1], p, false) && adjacent(text, toks[k - 2], toks[k - 1], false)) {
      start = toks[k - 2].start;
      sawRole = true;
      k -= 3;
      continue;
    }
    if (TITLE_STOP.has(f)) break;
    // "foreign-policy adviser": a compound of role words.
    const compound = f.includes('-') && f.split('-').every((x) => isRoleWord(x));
    const roleish = compound || isRoleWord(f) || isRoleNoun(f) || f in NATIONALITIES || (p.possessive && isPlaceWord(f));
    if (roleish) {
      if (ROLE_NOUNS.has(f) || HONORIFICS.has(f) || isRoleNoun(f)) sawRole = true;
    } else if (sawRole && p.capitalized && !NOT_NAMES.has(f) && !CALENDAR_WORDS.has(f) && owners < OWNER_WORDS && !p.sentenceStart) {
      owners++;
    } else if (sawRole && BODY_WORDS.has(f) && owners < OWNER_WORDS) {
      // "Foreign ministry spokeswoman X": the body the office serves, in lower case, is part of the title.
      owners++;
    } else if (sawRole && p.capitalized && !NOT_NAMES.has(f) && !CALENDAR_WORDS.has(f) && owners < OWNER_WORDS && p.sentenceStart && (ORG_WORDS.has(f) || isAcronym(p.text) || !englishPos(f) || (toks[k + 1].capitalized && isRoleWord(bare(toks[k + 1].folded)) && !HONORIFICS.has(bare(toks[k + 1].folded).replace(/\.$/, ''))))) {
      // Opening the sentence, an organisation, an acronym, a word that is no English word ("Nordmark Gov.
      // X") or one in title case with the title ("Treasury Secretary X").
      owners++;
    } else break;
    start = p.start;
    k--;
  }
  // "Anna Berg, the Nordmark senator Lund has picked": a title after a name and ", the" is that
  // name's appositive (and a relative clause follows), not a title of the name after it.
  // (In a list, "A, the chief of the General Staff B, C and D", the title is B's: asked only when the rest holds.)
  const listed = () => {
    let last = from;
    while (last + 1 < toks.length && toks[last + 1].capitalized && adjacent(text, toks[last], toks[last + 1], false)) last++;
    return /^\s*(?:,|and\s)/.test(text.slice(toks[last].end, toks[last].end + 5));
  };
  const appositive = k > 0 && toks[k].folded === 'the' && taken.has(k - 1) && /^,\s+$/.test(text.slice(toks[k - 1].end + (toks[k - 1].possessive ? 2 : 0), toks[k].start)) && !listed();
  const title = sawRole && start < toks[from].start && !appositive ? text.slice(start, toks[from].start).trim() : null;
  return { title, start: title ? start : toks[from].start };
}

/** A word that is a given name on the short list or in the gazetteer. */
const isGivenName = (t: NerToken) => FIRST_NAMES.has(t.folded) || givenNames().has(t.folded);

/** Words at the edge of a tagged name that are not part of it. */
function trimName(toks: NerToken[], from: number, to: number, shouting: boolean): [number, number] {
  while (from < to) {
    const t = toks[from];
    const f = bare(t.folded);
    // "LONDON Smith said": a dateline in capitals glued to the name that follows it.
    const allCaps = (x: NerToken) => /^[\p{Lu}\p{P}]+$/u.test(x.text);
    const dateline = !shouting && t.sentenceStart && t.text.length > 2 && allCaps(t) && to - from > 1 && !allCaps(toks[from + 1]);
    // ("Jan Berg": a month's short form that is also a first name, before a name, is the first name.)
    const calendar = CALENDAR_WORDS.has(f) && !(FIRST_NAMES.has(f) && to - from > 1 && toks[from + 1].capitalized);
    if (NOT_NAMES.has(f) || calendar || HONORIFICS.has(f) || ROLE_NOUNS.has(f) || germanTitle(f) || ROLE_MODIFIERS.has(f) || f in NATIONALITIES || dateline) from++;
    else if (t.sentenceStart && to - from > 1 && englishPos(f) && /[ar]/.test(englishPos(f)!) && !givenNames().has(f) && !FIRST_NAMES.has(f)) from++;
    else break;
  }
  while (to > from && (ROLE_NOUNS.has(toks[to - 1].folded) || NOT_NAMES.has(toks[to - 1].folded))) to--;
  return [from, to];
}

/**
 * A tagged run split where it cannot be one name: at punctuation between its words ("…Cruz,”
 * Berg said"), and where two full names run together ("Anna Berg Olaf Lund") the second given
 * name starts.
 */
function splitRunTogether(toks: NerToken[], from: number, to: number): [number, number][] {
  for (let k = from + 1; k < to; k++) if (toks[k].gap !== '' && toks[k].gap !== '-') return [...splitRunTogether(toks, from, k), ...splitRunTogether(toks, k, to)];
  if (to - from >= 4) {
    for (let k = from + 2; k <= to - 2; k++) {
      if (isGivenName(toks[k]) && isGivenName(toks[from]) && !NAME_PARTICLES.has(toks[k - 1].folded) && !surnames().has(toks[k].folded)) return [[from, k], [k, to]];
    }
  }
  return [[from, to]];
}

/**
 * "Anna Maria | Lund": a name the tagger cut in two, a person's span right after another with a
 * plain space between, and the second one word that is no given name (so no second person starts there).
 */
export function joinSplitNames<S extends { paragraph: number; type: string; from: number; to: number }>(spans: S[], tokens: NerToken[][]): S[] {
  const out: S[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    const toks = tokens[s.paragraph - 1];
    if (prev && prev.type === 'PER' && s.type === 'PER' && prev.paragraph === s.paragraph && prev.to === s.from && s.to - s.from === 1 && toks[s.from].gap === '' && !toks[prev.to - 1].possessive && !isGivenName(toks[s.from]) && !toks[s.from].shouting) {
      out[out.length - 1] = { ...prev, to: s.to };
      continue;
    }
    out.push(s);
  }
  return out;
}

/** The people the tagger finds in an article, as candidates with their titles. */
function candidatesOf(article: Article): { candidates: Candidate[]; tokens: NerToken[][] } {
  // Section headings are read with the paragraphs ("What happened to Denys K?" tells the tagger that
  // "K", opening a sentence below, is a name), but only paragraphs give candidates.
  const { tokens, spans: all } = tagNames([...article.paragraphs.map((p) => p.text), ...article.sections]);
  const spans = joinSplitNames(all.filter((s) => s.paragraph <= article.paragraphs.length), tokens);
  const out: Candidate[] = [];
  for (const s of spans) {
    if (s.type !== 'PER') continue;
    const toks = tokens[s.paragraph - 1];
    const text = article.paragraphs[s.paragraph - 1].text;
    const taken = new Set<number>();
    for (const o of spans) if (o.paragraph === s.paragraph && o !== s && o.type === 'PER') for (let i = o.from; i < o.to; i++) taken.add(i);
    if (s.from > 0 && spans.some((o) => o.paragraph === s.paragraph && o.type === 'PER' && o.to < s.from && o.to > s.from - 3 && toks.slice(o.to, s.from).every((t) => NAME_PARTICLES.has(t.folded)))) continue;
    let end = s.to;
    // "Ursula von der Leyen": particles and the capitalised word after them belong to the name.
    for (let k = end; k < toks.length && NAME_PARTICLES.has(toks[k].folded) && toks[k].gap === ''; k++) {
      if (toks[k + 1]?.capitalized && toks[k + 1].gap === '') end = k + 2;
    }
    const [from, trimmedTo] = trimName(toks, s.from, end, toks[0]?.shouting ?? false);
    if (from >= trimmedTo) continue;
    let to = trimmedTo;
    // "the company's chief executive Olaf Read said": a given name alone, then a capitalised word that is
    // also an English word the tagger read as one; after a given name it is the surname.
    const next = toks[to];
    if (to - from === 1 && isGivenName(toks[from]) && !toks[from].possessive && next?.capitalized && next.gap === '' && !next.sentenceStart && !next.shouting && !taken.has(to) && !isAcronym(next.text) && !isCommonCapital(bare(next.folded), false)) to++;
    for (const [a, b] of splitRunTogether(toks, from, to)) {
      const { title, start } = titleBefore(text, toks, a, taken);
      out.push({ paragraph: s.paragraph, tokens: toks.slice(a, b), title, titleStart: start, sentenceStart: toks[a].sentenceStart, evidence: new Set(['tagged', ...(title ? ['title'] : [])]) });
    }
  }
  return { candidates: out, tokens };
}

/** Endings of East Slavic and Baltic surnames that no English word has ("Ostrovskyy", "Kovalenko", "Petrov"; "Melnyk" not). */
const SLAVIC_SURNAME = /\p{Ll}(?:skyy|skyi|skiy|sky|ski|enko|chuk|czuk|shyn|ovych|ovich|evich|evych|ov|ova|ev|eva|yev|yeva|yan|yants|ishvili|adze|iuk|yuk)$/u;

const INVERTED_AFTER_QUOTE = /[,.!?]\s*[”"]\s+(?:said|says|added|adds|wrote|asked|replied|remembered|recalled|noted|continued|explained|insisted|argued|warned|recounted|observed)\s+$/;
/** ", Mark Rutte, and": a name of two capitalised words and more, set off by commas. */
const NAME_AFTER_APPOSITIVE = /^,\s+\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)+\s*(?:,|\s+and\b)/u;
/**
 * "…, and the Canadian prime minister, NAME" closing a list: its items are each a role and the name
 * after it, so a role after the list's first name is the next one's.
 */
const ROLE_FIRST_LIST_END = /^[^.;:!?]*?,?\s+and\s+(?:the|\p{Lu}[\p{L}’'-]*[’']s)\s+[^,.;:]{2,60},\s+\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)+\s*[,.;]/u;
/** ", an activist and former political prisoner", ", 54, a lawyer": a person's appositive, not an outlet's. */
const PERSON_APPOSITIVE = /^,\s+(?:(?:a|an|the)\s+(?![^,.]*\b(?:agency|newspaper|outlet|site|website|broadcaster|channel|group|organi[sz]ation|company|firm|party|network|daily|magazine|service|institute|union|alliance|coalition|ministry|government)\b)|\d{2},|who\s)/;

/** "… is a senior adviser", "… has been the deputy minister": a role said of the words before. */
const ROLE_PREDICATE = /^\s+(?:is|was|has been|had been|became|remains)\s+(?:a|an|the)\s+/u;
/** ", the ministry's spokeswoman", ", a senior adviser": a person's appositive. */
const ROLE_APPOSITIVE = /^,\s+(?:a|an|the)\s+/u;

/**
 * Names the tagger left out that a title or an honorific vouches for: "Mr Berg", "President Berg".
 * (A speech verb alone is no such cue: newspapers and agencies "said" as often as people do; a
 * quotation, the inverted verb and an appositive that describes a person are.)
 */
function cuedCandidates(article: Article, tokens: NerToken[][], tagged: Candidate[]): Candidate[] {
  const covered = new Set(tagged.flatMap((c) => c.tokens.map((t) => `${c.paragraph}:${t.start}`)));
  const out: Candidate[] = [];
  const mentionsOf = new Map<string, number>();
  for (const toks of tokens) for (const t of toks) if (t.capitalized) mentionsOf.set(bare(t.folded), (mentionsOf.get(bare(t.folded)) ?? 0) + 1);
  tokens.forEach((toks, p) => {
    const text = article.paragraphs[p].text;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!t.capitalized || t.shouting || covered.has(`${p + 1}:${t.start}`)) continue;
      const f = bare(t.folded);
      if (isCommonCapital(f) || isAcronym(t.text)) continue;
      const prev = toks[i - 1];
      const next = toks[i + 1];
      // "“…,” said Aung Min Tun, an activist": a run of capitalised words the inverted speech verb
      // after a quotation gives, then an appositive that describes a person (not an outlet).
      if (i > 0 && !prev!.capitalized && INVERTED_AFTER_QUOTE.test(text.slice(Math.max(0, t.start - 40), t.start))) {
        let j = i + 1;
        while (j < toks.length && toks[j].capitalized && toks[j].gap === '' && !toks[j].shouting && j - i < 4) j++;
        const run = toks.slice(i, j);
        const after = text.slice(run[run.length - 1].end, run[run.length - 1].end + 60);
        if (run.length >= 2 && run.every((x) => !isCommonCapital(bare(x.folded), false) && !covered.has(`${p + 1}:${x.start}`)) && PERSON_APPOSITIVE.test(after)) {
          out.push({ paragraph: p + 1, tokens: run, title: null, titleStart: t.start, sentenceStart: t.sentenceStart, evidence: new Set(['speech']) });
          i = j - 1;
          continue;
        }
      }
      // "Triin Saarepuu is a senior adviser to …", "Kersti Tamm, the ministry's spokeswoman, …": a
      // run of capitalised words no list knows, said to hold a role (a role noun within a few words).
      if (!(prev?.capitalized && prev.gap === '') && next?.capitalized && next.gap === '') {
        let j = i + 1;
        while (j < toks.length && toks[j].capitalized && toks[j].gap === '' && !toks[j].shouting && j - i < 3) j++;
        const run = toks.slice(i, j);
        const after = text.slice(run[run.length - 1].end, run[run.length - 1].end + 80);
        const said = ROLE_PREDICATE.exec(after) ?? (PERSON_APPOSITIVE.test(after) ? ROLE_APPOSITIVE.exec(after) : null);
        const role = said && after.slice(said[0].length).split(/[,.;:]/)[0].split(/\s+/).slice(0, 5).some((w) => ROLE_NOUNS.has(w.toLowerCase()));
        if (role && run.every((x) => !isCommonCapital(bare(x.folded), false) && !isAcronym(x.text) && !x.possessive && !covered.has(`${p + 1}:${x.start}`))) {
          out.push({ paragraph: p + 1, tokens: run, title: null, titleStart: t.start, sentenceStart: t.sentenceStart, evidence: new Set(['role']) });
          i = j - 1;
          continue;
        }
      }
      if (next?.capitalized && next.gap === '') continue;
      // "Ostrovskyy wrote", "Kovalenko told reporters": a surname by its form (a Slavic ending no
      // English word has) as the subject of a speech verb, in an article that names it again.
      if (SLAVIC_SURNAME.test(t.text) && !englishPos(f) && next && !next.capitalized && next.gap === '' && SPEECH_VERBS.has(next.folded) && (mentionsOf.get(f) ?? 0) >= 2 && !(prev?.capitalized && !isCommonCapital(bare(prev.folded)))) {
        out.push({ paragraph: p + 1, tokens: [t], title: null, titleStart: t.start, sentenceStart: t.sentenceStart, evidence: new Set(['speech']) });
        continue;
      }
      const afterHonorific = prev && HONORIFICS.has(bare(prev.folded)) && adjacent(text, prev, t, false);
      const afterTitle = prev && ROLE_NOUNS.has(bare(prev.folded)) && prev.capitalized && adjacent(text, prev, t, false);
      if (!afterHonorific && !afterTitle) continue;
      const { title, start } = titleBefore(text, toks, i, new Set());
      out.push({ paragraph: p + 1, tokens: [t], title, titleStart: start, sentenceStart: t.sentenceStart, evidence: new Set([afterHonorific ? 'honorific' : 'title']) });
    }
  });
  return out;
}

/**
 * A capitalised word that is no surname: a day, a month, a title, an organisation's or a place's
 * word, and (with `sentenceWords`) a word that is capitalised for opening a sentence ("Read", "The").
 */
function isCommonCapital(f: string, sentenceWords = true): boolean {
  return (sentenceWords && NOT_NAMES.has(f)) || CALENDAR_WORDS.has(f) || HONORIFICS.has(f) || isRoleWord(f) || ORG_WORDS.has(f) || isPlaceWord(f) || f in NATIONALITIES;
}

const HOLIDAYS = new Set('easter christmas ramadan passover hanukkah thanksgiving eid lent pentecost epiphany'.split(' '));

function isNonPerson(c: Candidate): boolean {
  const words = c.tokens.map((t) => t.folded);
  if (words.every((w) => NOT_NAMES.has(w) || CALENDAR_WORDS.has(w))) return true;
  // "Easter Sunday", "Christmas Eve": feasts are days, not people.
  if (HOLIDAYS.has(words[0])) return true;
  // "Kathleen Hall Jamieson": an organisation's word between a first name and a surname is a name's
  // (a body's name ends with its word: "Carnegie Hall", "Victoria Park Hotel").
  const middleOnly = words.length >= 3 && FIRST_NAMES.has(words[0]) && !ORG_WORDS.has(words[0]) && !ORG_WORDS.has(words[words.length - 1]) && !isPlaceWord(words[words.length - 1]);
  if (words.some((w) => ORG_WORDS.has(w)) && !middleOnly) return true;
  if (c.tokens.length === 1 && isAcronym(c.tokens[0].text)) return true;
  if (words.every((w) => isPlaceWord(w) || ROLE_MODIFIERS.has(w))) return true;
  if (isPlaceName(words.join(' '))) return true;
  if (c.tokens.some((t) => /\d/.test(t.text))) return true;
  return false;
}

/** A lone word right after "the" ("the Élysée", "the Kremlin"), or in quotation marks ("a case dubbed “Midas”") names no person. */
function isNotAPersonHere(c: Candidate, text: string): boolean {
  if (c.tokens.length !== 1 || c.title) return false;
  const t = c.tokens[0];
  const before = text.slice(Math.max(0, t.start - 5), t.start);
  // (and after a German article or "für": "Institut für Sicherheitsstudien", capitalised as every German noun is)
  if (/\b(?:the|für|der|die|das|des|dem)\s+$/i.test(before)) return true;
  const after = text.slice(t.end + (t.possessive ? 2 : 0), t.end + 3);
  return /[“"‘'„«]\s*$/.test(before) && /^\s*[”"’'“»]/.test(after);
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

/**
 * "The foreign ministers of Nordland and Sudland, X and Y, …": a plural office of two countries
 * before two names is each one's in turn ("Nordland's foreign minister", "Sudland's foreign minister").
 */
function respectiveRoles(cands: Candidate[], paraText: Map<number, string>): Map<Candidate, string> {
  const out = new Map<Candidate, string>();
  const ordered = [...cands].sort((a, b) => a.paragraph - b.paragraph || a.tokens[0].start - b.tokens[0].start);
  for (let i = 0; i + 1 < ordered.length; i++) {
    const [a, b] = [ordered[i], ordered[i + 1]];
    if (a.paragraph !== b.paragraph) continue;
    const text = paraText.get(a.paragraph)!;
    if (!/^\s+and\s+$/.test(text.slice(a.tokens[a.tokens.length - 1].end, b.tokens[0].start))) continue;
    const m = /(?<![\p{L}’'-])((?:[\p{Ll}-]+\s+){0,3})([\p{Ll}-]+[^s\s])s\s+of\s+(\p{Lu}[\p{L}-]+)\s+and\s+(\p{Lu}[\p{L}-]+),\s+$/u.exec(text.slice(Math.max(0, a.tokens[0].start - 120), a.tokens[0].start));
    if (!m || !ROLE_NOUNS.has(fold(m[2]))) continue;
    const office = `${m[1].replace(/^(?:the|its|their)\s+/i, '')}${m[2]}`;
    out.set(a, `${m[3]}'s ${office}`);
    out.set(b, `${m[4]}'s ${office}`);
  }
  return out;
}

/**
 * "the American envoys X and Y", "Nordish ministers X, Y and Z": a title in the plural before a list
 * of names is each one's, in the singular. Alone, a plural stays no one's role (a group's word).
 */
function shareListTitles(cands: Candidate[], paraText: Map<number, string>): void {
  const ordered = [...cands].sort((a, b) => a.paragraph - b.paragraph || a.tokens[0].start - b.tokens[0].start);
  for (let i = 0; i < ordered.length; i++) {
    const c = ordered[i];
    const title = c.title?.match(/^(.*\s)?([\p{L}-]+[^s\s])s$/u);
    if (!title || !ROLE_NOUNS.has(fold(title[2]))) continue;
    const text = paraText.get(c.paragraph)!;
    const list = [c];
    for (let k = i + 1; k < ordered.length && ordered[k].paragraph === c.paragraph; k++) {
      const prev = list[list.length - 1];
      const between = text.slice(prev.tokens[prev.tokens.length - 1].end, ordered[k].tokens[0].start);
      if (!/^\s*(?:,|,?\s+and)\s+$/.test(between) || ordered[k].title) break;
      list.push(ordered[k]);
      if (/and\s+$/.test(between)) break;
    }
    if (list.length < 2) continue;
    const singular = `${title[1] ?? ''}${title[2]}`;
    for (const x of list) {
      x.title = singular;
      x.evidence.add('title');
    }
  }
}

/** People of one article: names, roles, affiliations, other names, and where each is mentioned. */
export function extractPeople(article: Article): PeopleResult {
  const cands: Candidate[] = [];
  const paraText = new Map(article.paragraphs.map((p) => [p.n, p.text]));
  const { candidates: tagged, tokens: all } = candidatesOf(article);
  const tokens = all.slice(0, article.paragraphs.length);
  // Words the article capitalises mid-sentence: a capitalised sentence opener that is also one is a name.
  const midCaps = new Set<string>();
  for (const toks of tokens) for (const t of toks) if (t.capitalized && !t.sentenceStart && !t.shouting) midCaps.add(nameKey(t.text));
  // Section headings count too: "What happened to Denys K?" vouches for a "K" that only opens sentences.
  for (const heading of article.sections) for (const t of nerTokens(heading)) if (t.capitalized && !t.sentenceStart && !t.shouting) midCaps.add(nameKey(t.text));
  for (const c of [...tagged, ...cuedCandidates(article, tokens, tagged)]) {
    {
      const text = paraText.get(c.paragraph)!;
      if (isNonPerson(c) || isNotAPersonHere(c, text)) continue;
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

  shareListTitles(cands, paraText);
  const respective = respectiveRoles(cands, paraText);

  // Full names first: multi-word runs with evidence, or whose last word is used alone elsewhere.
  const people: ArticlePerson[] = [];
  const byKey = new Map<string, number>();
  /**
   * Surname key -> the people it may stand for. Two people of one surname in an article (a
   * president and his wife): a bare surname is the one the article names more often in full.
   */
  const surnamed = new Map<string, number[]>();
  const fullMentions = new Map<number, number>();
  const bySurname = {
    get: (key: string): number | undefined => {
      const ids = surnamed.get(key);
      if (!ids?.length) return undefined;
      return [...ids].sort((a, b) => (fullMentions.get(b) ?? 0) - (fullMentions.get(a) ?? 0) || a - b)[0];
    },
    set: (key: string, idx: number): void => {
      const ids = surnamed.get(key) ?? [];
      if (!ids.includes(idx)) ids.push(idx);
      surnamed.set(key, ids);
    },
  };
  const soloKeys = midCaps;
  /** Surnames of people named in full. */
  const fullSurnames = new Set<string>();
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
  /** The names of everyone but person i: a role phrase that holds one is a list, not a role. */
  const otherNames = (i: number) => people.flatMap((p, k) => (k === i ? [] : [p.name, ...p.aliases]));
  const addRole = (person: ArticlePerson, idx: number, raw: string | null, paragraph: number, how: RoleHow, past: boolean, fresh: boolean): void => {
    if (!raw) return;
    // "the former television presenter chosen as defence secretary": the role they were chosen for is new.
    const chosen = /^(.+?)\s+(?:chosen|picked|named|nominated|tapped|appointed|selected)\s+(?:as|to be)\s+(.+)$/i.exec(raw);
    if (chosen) {
      addRole(person, idx, chosen[1], paragraph, how, past, false);
      addRole(person, idx, chosen[2], paragraph, 'predicate', false, true);
      return;
    }
    // "a Kremlin aide and former culture minister": two roles, one of them behind them.
    const two = /^(.+?)\s+and\s+(former|ex-|onetime|one-time)\s+(.+)$/i.exec(raw);
    if (two) {
      addRole(person, idx, two[1], paragraph, how, past, fresh);
      addRole(person, idx, `${two[2]} ${two[3]}`, paragraph, how, true, false);
      return;
    }
    const r = cleanRole(raw, otherNames(idx));
    if (!r) return;
    const former = r.former || past;
    if (!person.roles.some((x) => x.text.toLowerCase() === r.role.toLowerCase() && x.former === former && x.paragraph === paragraph)) person.roles.push({ text: r.role, paragraph, how, former, ...(fresh && !former && !isFuturePost(r.role) ? { fresh } : {}) });
  };
  /** The people named in full by each given name, first named first. */
  const byGiven = new Map<string, Set<number>>();
  // "De Wever told reporters", "Von der Leyen said": a surname with its particles and no given name
  // is the person named in full with that surname (looked up once every full name is known).
  const particled = new Set(cands.filter((c) => c.tokens.length >= 2 && c.tokens.slice(0, -1).every((t) => NAME_PARTICLES.has(t.folded))));
  for (const c of [...cands.filter((x) => !particled.has(x)), ...particled]) {
    if (c.tokens.length < 2) continue;
    const surname = nameKey(c.tokens[c.tokens.length - 1].text);
    const known = particled.has(c) ? bySurname.get(surname) : undefined;
    if (known != null) {
      assigned.set(c, known);
      continue;
    }
    const hasEvidence = c.evidence.size > 0 || soloKeys.has(surname);
    if (!hasEvidence) continue;
    const idx = ensure(nameOf(c));
    assigned.set(c, idx);
    bySurname.set(surname, idx);
    fullSurnames.add(surname);
    const given = nameKey(c.tokens[0].text);
    byGiven.set(given, (byGiven.get(given) ?? new Set<number>()).add(idx));
    fullMentions.set(idx, (fullMentions.get(idx) ?? 0) + 1);
  }
  // Single words: a known person's surname (or first name), else a person in their own right
  // when a title, an honorific or a speech verb says so.
  for (const c of cands) {
    if (c.tokens.length !== 1) continue;
    const key = nameKey(c.tokens[0].text);
    let idx = bySurname.get(key);
    // "Sir Olaf", "Dame Mary": a knight is called by the given name.
    if (idx == null && /\b(?:Sir|Dame)\s+$/.test(paraText.get(c.paragraph)!.slice(Math.max(0, c.tokens[0].start - 6), c.tokens[0].start))) idx = byGiven.get(key)?.values().next().value;
    // "„Wladimir, stop!“": a first name alone, the given name of one person the article names in
    // full, is that person; a first name alone otherwise is nobody we can name.
    if (idx == null && byGiven.get(key)?.size === 1) idx = byGiven.get(key)!.values().next().value;
    if (idx == null && !c.sentenceStart && FIRST_NAMES.has(c.tokens[0].folded)) continue;
    // A capitalised word opening a sentence may be any noun ("Analysts said …"): a speech verb after
    // it is not enough, unless the word is also capitalised mid-sentence somewhere in the article.
    const speechOk = c.evidence.has('speech') && (!c.sentenceStart || soloKeys.has(key));
    // The tagger's word alone: enough mid-sentence; at a sentence's start only when the article
    // also capitalises it mid-sentence.
    const taggedOk = c.evidence.has('tagged') && (!c.sentenceStart || soloKeys.has(key));
    if (idx == null && (c.evidence.has('title') || c.evidence.has('honorific') || speechOk || taggedOk || c.evidence.has('appositive'))) {
      if (FIRST_NAMES.has(c.tokens[0].folded) && !c.evidence.has('title')) continue;
      idx = ensure(c.tokens[0].text);
      bySurname.set(key, idx);
    }
    if (idx != null) assigned.set(c, idx);
  }
  // A surname the article gives with a full name, used alone where the tagger read a common word
  // ("chief executive Olaf Read …”, Read said"): capitalised mid-sentence (or opening a
  // sentence with a speech verb after it), it is that person.
  const covered = new Set(cands.map((c) => c.tokens.map((t) => `${c.paragraph}:${t.start}`)).flat());
  tokens.forEach((toks, p) => {
    const text = article.paragraphs[p].text;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const key = nameKey(t.text);
      if (!t.capitalized || t.shouting || !fullSurnames.has(key) || covered.has(`${p + 1}:${t.start}`) || CALENDAR_WORDS.has(bare(t.folded))) continue;
      if ((toks[i + 1]?.capitalized && toks[i + 1].gap === '') || (toks[i - 1]?.capitalized && t.gap === '')) continue;
      if (t.sentenceStart && !speechFollows(text, t.end + (t.possessive ? 2 : 0))) continue;
      const idx = bySurname.get(key);
      const { title, start } = titleBefore(text, toks, i, new Set());
      if (idx != null) assigned.set({ paragraph: p + 1, tokens: [t], title, titleStart: start, sentenceStart: t.sentenceStart, evidence: new Set(['surname']) }, idx);
    }
  });
  // A single name seen before its title ("Berg" then "President Berg") is caught on a second pass.
  for (const c of cands) {
    if (assigned.has(c) || c.tokens.length !== 1) continue;
    const idx = bySurname.get(nameKey(c.tokens[0].text));
    if (idx != null) assigned.set(c, idx);
  }

  for (const [c, idx] of assigned) {
    const person = people[idx];
    const text = paraText.get(c.paragraph)!;
    const start = c.tokens[0].start;
    const last = c.tokens[c.tokens.length - 1];
    const name = nameOf(c);
    if (name !== person.name && !person.aliases.includes(name)) person.aliases.push(name);
    if (!person.paragraphs.includes(c.paragraph)) person.paragraphs.push(c.paragraph);
    mentions.push({ paragraph: c.paragraph, start, end: last.end, person: idx });
    // "the dismissed deputy minister X", "the ousted governor X": a title the word before it puts behind them.
    const putBehind = c.title !== null && /\b(?:dismissed|sacked|ousted|deposed|departing|fired)\s+$/i.test(text.slice(Math.max(0, c.titleStart - 12), c.titleStart));
    const found: [string | null, RoleHow, boolean?, boolean?][] = [[c.title, 'title', putBehind], [respective.get(c) ?? null, 'before']];
    // "the prime minister, Sir Olaf Berg", "Driscoll's spokesman, Lieutenant Colonel X": an honorific or a
    // military rank is no title that makes the role before the comma redundant.
    // Nor is a past office ("its deputy chairman, former president X").
    const titled = c.title !== null && !/^(?:former|ex-?|then-?)\s*/i.test(c.title) && !c.title.split(/[\s-]+/).every((w) => HONORIFICS.has(bare(fold(w))) || BARE_RANKS.has(bare(fold(w))));
    const apposition = last.possessive ? null : appositiveRole(text, last.end);
    // (The role before the comma is read when it is shown, or when an appositive follows the name.)
    const before = !titled || apposition !== null ? roleBeforeComma(text, c.titleStart) : null;
    // "The head of Nordish diplomacy, X, the secretary general of the alliance, Y, and …": pairs of a
    // role and the name after it; the role after X is Y's.
    const afterApposition = apposition !== null ? text.slice(text.indexOf(apposition, last.end) + apposition.length) : '';
    const nextsRole = apposition !== null && NAME_AFTER_APPOSITIVE.test(afterApposition) && (before !== null || ROLE_FIRST_LIST_END.test(afterApposition));
    if (!last.possessive) {
      found.push([nextsRole ? null : apposition, 'appositive'], [relativeRole(text, last.end), 'relative', relativeRoleIsPast(text, last.end)]);
      // "X, the envoy for investment, who also runs the fund,": a relative after the appositive is
      // X's too (not after one that ends in a name: "an adviser to Y, who heads …" may be Y's).
      if (apposition && !nextsRole && /(?:^|\s)\p{Ll}[\p{L}’'-]*\W*$/u.test(apposition)) {
        const after = text.indexOf(apposition, last.end) + apposition.length;
        found.push([relativeRole(text, after), 'relative', relativeRoleIsPast(text, after)]);
      }
      const past = relativeRoleOverTime(text, last.end);
      if (past) found.push([past.text, 'relative', past.former]);
      for (const r of rolesSaidOf(text, start, last.end)) found.push([r.text, r.how, r.former, r.fresh]);
    }
    found.push([titled ? null : before, 'before'], [listRole(text, c.titleStart), /led|head|chair/.test(text.slice(Math.max(0, c.titleStart - 16), c.titleStart)) ? 'led' : 'list']);
    for (const [raw, how, past, fresh] of found) addRole(person, idx, raw, c.paragraph, how, !!past, !!fresh);
  }
  // "deputy minister" in an article about one ministry is that ministry's deputy minister.
  const field = ministryOfArticle([...paraText.values()]);
  if (field) for (const p of people) for (const r of p.roles) r.text = r.text.replace(BARE_DEPUTY_MINISTER, (_m, first: string | undefined) => `${first ? `${first.toLowerCase()} ` : ''}deputy ${field} minister`);
  for (const p of people) {
    p.paragraphs.sort((a, b) => a - b);
    settleRole(p);
  }
  mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return { people, mentions };
}

const BARE_DEPUTY_MINISTER = /^(?:(first)\s+)?deputy\s+minister$/i;
const DEPUTY_MINISTERS = /\bdeputy\s+(defen[cs]e|foreign|finance|justice|energy|interior|economy|health|education|culture|agriculture|digital|trade)\s+ministers\b/gi;
const MINISTRY = /\b(defen[cs]e|foreign|finance|justice|energy|interior|economy|health|education|culture|agriculture|digital|trade)\s+ministry\b|\bministry\s+of\s+(defen[cs]e|foreign affairs|finance|justice|energy|the interior|interior|economy|health|education|culture|agriculture)\b/gi;

/**
 * The one ministry an article names by its field ("the defence ministry", "the ministry of
 * justice"), or null when it names none or several: what a bare "deputy minister" there is deputy of.
 */
function ministryOfArticle(texts: string[]): string | null {
  if (!texts.some((t) => /\bdeputy\s+minister\b/i.test(t))) return null;
  const field = (f: string) => f.toLowerCase().replace(/^defense$/, 'defence').replace(/^(?:the\s+)?interior$/, 'interior').replace(/^foreign affairs$/, 'foreign');
  // "dismissed four deputy defence ministers": the deputies the article is about, first.
  const deputies = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(DEPUTY_MINISTERS)) deputies.add(field(m[1]));
  if (deputies.size) return deputies.size === 1 ? [...deputies][0] : null;
  const fields = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(MINISTRY)) fields.add(field(m[1] ?? m[2]));
  return fields.size === 1 ? [...fields][0] : null;
}

/** The article's role for someone: the best-worded one that is not behind them; and their affiliation. */
function settleRole(p: ArticlePerson): void {
  p.roles.sort((a, b) => a.paragraph - b.paragraph);
  const now = p.roles.filter((r) => !r.former).sort((a, b) => Number(!!b.fresh) - Number(!!a.fresh) || rolePriority(a.text, a.how) - rolePriority(b.text, b.how) || a.paragraph - b.paragraph);
  p.role = now.find((r) => rolePriority(r.text, r.how) < 4)?.text ?? null;
  p.affiliation = [p.role, ...p.roles.map((r) => r.text)].map(affiliationOf).find((a) => a != null) ?? null;
}

const OBJECT_PRONOUN = /\b(?:him|her)\b/g;

/**
 * Roles said of someone through a pronoun, once pronouns are resolved: "he becomes minister of
 * defence", "the Rada appointed him defence minister" (him: the person last named before it).
 */
export function addPronounRoles(article: Article, people: ArticlePerson[], mentions: Mention[]): void {
  const changed = new Set<ArticlePerson>();
  const add = (person: ArticlePerson, r: { text: string; how: RoleHow; former: boolean; fresh: boolean }, paragraph: number) => {
    const others = people.filter((p) => p !== person).flatMap((p) => [p.name, ...p.aliases]);
    const c = cleanRole(r.text, others);
    if (!c) return;
    const former = c.former || r.former;
    if (person.roles.some((x) => x.text.toLowerCase() === c.role.toLowerCase() && x.paragraph === paragraph)) return;
    person.roles.push({ text: c.role, paragraph, how: r.how, former, ...(r.fresh && !former ? { fresh: true } : {}) });
    changed.add(person);
  };
  // Read only when a role is given to "him" or "her" (few articles do).
  let genders: ReturnType<typeof knownGenders> | null = null;
  for (const p of article.paragraphs) {
    const here = mentions.filter((m) => m.paragraph === p.n);
    for (const m of here) if (m.pronoun) for (const r of rolesSaidOf(p.text, m.start, m.end)) add(people[m.person], r, p.n);
    for (const o of p.text.matchAll(OBJECT_PRONOUN)) {
      const at = o.index!;
      const said = rolesSaidOf(p.text, at, at + o[0].length).filter((r) => r.fresh);
      if (!said.length) continue;
      // "him" is not the subject of the verb that appoints him ("Lund appointed him"): the person
      // named (or meant by a pronoun) last before it, other than that subject.
      const sentenceStart = Math.max(0, ...[...p.text.slice(0, at).matchAll(/[.!?]["”’]?\s+/g)].map((x) => x.index! + x[0].length));
      const subject = here.filter((m) => m.start >= sentenceStart && m.end <= at && /^\s+(?:has\s+|had\s+|then\s+|also\s+)?[\p{Ll}]+\s+$/u.test(p.text.slice(m.end, at))).pop()?.person;
      // (Nor the subject of the participle before it, its sentence's: "X made it official, naming him
      // envoy"; nor a woman for "him", a man for "her".)
      const refs = here.map((m) => ({ start: m.start, end: m.end, people: [m.person], pronoun: !!m.pronoun }));
      const opener = /,\s+\p{Ll}+ing\s+$/u.test(p.text.slice(sentenceStart, at)) ? sentenceSubjectBefore(p.text, refs, sentenceStart, at)?.people[0] : undefined;
      const wanted = o[0] === 'him' ? 'm' : 'f';
      const before = mentions.filter((m) => (m.paragraph < p.n || (m.paragraph === p.n && m.end <= at)) && m.person !== subject && m.person !== opener && ((genders ??= knownGenders(article, people, mentions))[m.person].gender ?? wanted) === wanted).pop();
      if (before && before.paragraph >= p.n - 1) for (const r of said) add(people[before.person], r, p.n);
    }
  }
  for (const person of changed) settleRole(person);
}
/**
 * Who a reporting verb gives the words to: the subject before it ("Berg said", "a source familiar
 * with the talks told …"), or the one after it ("said Berg", "said a senior official"). A source
 * is named people (resolved mentions and pronouns), or, when no person is named, the source as
 * the text words it ("a source familiar with the talks", "the Kremlin", "TASS"): never the
 * nearest named person. Pure functions over one paragraph.
 */
import type { Ref } from './coref.ts';
import { PHRASAL_SPEECH, SPEECH_VERBS } from './lexicon/verbs.ts';
import { CALENDAR_WORDS, NOT_NAMES, ROLE_NOUNS } from './lexicon/names.ts';
import { fold } from '../text/normalize.ts';


/** The words a speaker is: named people, or a source as written. */
export interface Source {
  people: number[];
  /** As the text words it, when no person is named ("a senior US official", "the Kremlin"). */
  text: string | null;
}

export interface Word {
  w: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu;

/** Lower-case words of text[from, to) with their offsets ("U.S." keeps its stops, "said." does not). */
export function wordsIn(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    let w = m[0];
    if (w.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(w)) w = w.replace(/\.+$/, '');
    out.push({ w: w.toLowerCase(), start: m.index, end: m.index + w.length });
  }
  return out;
}

/** Nouns that make a phrase a source when no person is named in it. */
const SOURCE_NOUNS = new Set(
  `official officials source sources spokesman spokeswoman spokesperson spokespeople aide aides diplomat diplomats adviser
  advisers advisor advisors analyst analysts observer observers expert experts person people insider insiders negotiator
  negotiators lawmaker lawmakers senator senators minister ministers ministry ministries government governments administration
  kremlin office statement statements communique readout report reports agency agencies newspaper newspapers paper channel
  outlet side sides delegation delegations team military army command staff service services committee council embassy
  police prosecutors prosecutor investigators residents resident witnesses witness officer officers commander commanders
  representative representatives envoy envoys member members leaders leader capitals presidency palace secretariat
  department pentagon parliament survey poll polls study campaign spokesmen figures participants person official's
  document documents filing letter letters memo memorandum email emails release transcript readout note message
  broadcaster broadcasters website site media press authorities authority regime cabinet parties party group groups
  supporter supporters protester protesters protestors demonstrators critic critics commentator commentators opponent opponents voter voters
  board commission network court judge lawyer lawyers attorney attorneys union organization organisation organizations
  organisations foundation institute association coalition company firm watchdog publication editorial ad ads tweet
  unit units forces troops brigade brigades corps battalion regiment fund`.split(/\s+/),
);

/** Words that may stand between a subject and its verb: "Berg also said", "Berg on Monday told". */
const BETWEEN = /^(?:\s+(?:(?:is|was|were|are)\s+(?:said|reported|quoted|understood)\s+(?:to\s+have|as(?:\s+saying)?)|himself|herself|themselves|also|later|then|again|further|repeatedly|publicly|previously|reportedly|separately|has|had|have|would|will|is|was|were|are|been|had\s+earlier|earlier|once|now|still|quickly|flatly|bluntly|curtly|simply|only|even|finally|recently))*\s*$/iu;
const TIME_OR_PLACE = /^(?:\s+(?:on|in|at|during|after|before|late|early|later|earlier)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[\p{L}\d’'-]+(?:\s+(?:of|in)\s+[\p{L}’'-]+)?)?\s*$/u;
/** Words that end a source phrase going backwards: the clause before it. */
const STOP_BACK = new Set(`that which who whom whose and but or while when as if because although though since after before then so said says told`.split(/\s+/));
const DETERMINERS = /^(?:a|an|the|one|two|three|several|some|many|other|another|both|all|most|these|those|this|that|his|her|their|its)$/;

/** The name a verb at `at` follows; a name set off by commas ("Kharkiv’s mayor, X, said") closes with its comma. */
function refEndingAt(refs: Ref[], at: number, text: string): Ref | undefined {
  // The name nearest the verb first: in "Trump, Cruz and Rubio said" it is Rubio (and the group
  // gathers the others), not Trump with an "appositive" of two names.
  return [...refs].reverse().find((r) => {
    if (!r.people.length || r.end > at) return false;
    const between = text.slice(r.end, at);
    if (isGlue(between)) return true;
    const appositive = /,\s*$/.test(text.slice(Math.max(0, r.start - 3), r.start));
    return appositive && /^,/.test(between) && isGlue(between.slice(1));
  });
}
/** What may stand between a name and its verb: nothing, an appositive, a time, a possessive's 's. */
function isGlue(s: string): boolean {
  if (/^(?:[’']s)?\s*$/.test(s)) return true;
  // "Sen. X (D-R.I.), said": a party and state in brackets.
  if (/^\s*\([^()]{1,30}\),?\s*$/.test(s)) return true;
  // "Rep. X (D-Calif.), who introduced a bill, said": the brackets, then an appositive.
  const bracket = /^\s*\([^()]{1,30}\)(?=,)/.exec(s);
  if (bracket) return isGlue(s.slice(bracket[0].length));
  if (BETWEEN.test(s) || TIME_OR_PLACE.test(s)) return true;
  // "Berg however said", "Berg meanwhile told": a sentence adverb.
  if (/^\s+(?:however|meanwhile|too|instead|nonetheless|nevertheless|likewise|subsequently|though|therefore|in turn)\s*$/.test(s)) return true;
  // "Berg went on to say", "Berg declined to say", "Berg is expected to tell": one verb and "to".
  if (VERB_TO.test(s)) return true;
  // "Berg, a former diplomat, said" / "Berg, 54, said" / "Berg, assistant secretary for refugees, migration and aid, said"
  if (/^,[^;“”"]{1,180},\s*(?:(?:also|later|then|has|had|have|would|will|again)\s+)*$/.test(s)) return true;
  // "X, who signed the laws, interjected to say", "X, exasperated, famously responded": the appositive, then adverbs or "verb to".
  const apposed = /^,[^;“”"]{1,180},(?=\s+\p{Ll})/u.exec(s);
  if (apposed && (ADVERBS.test(s.slice(apposed[0].length)) || VERB_TO.test(s.slice(apposed[0].length)))) return true;
  // "Berg — named by the paper as the likely choice — told", the appositive between dashes.
  if (/^\s*[—–]\s[^;“”"—–]{1,180}\s[—–]\s*(?:(?:also|later|then|has|had|have|would|will|again)\s+)*$/.test(s)) return true;
  // "Lewis of the James Martin Center wrote", "Berg of Reuters said"
  if (/^\s+(?:of|at|from|with)\s+(?:the\s+)?\p{Lu}[^,;“”"]{0,80}?\s*$/u.test(s)) return true;
  // "Rep. Berg of Nordland, an ally of the leadership, said": the place, then an appositive.
  const of = /^\s+(?:of|at|from)\s+(?:the\s+)?\p{Lu}[^,;“”"]{0,60}?(?=,)/u.exec(s);
  if (of) return isGlue(s.slice(of[0].length));
  // "X in his announcement speech called", "X on a call with reporters said" (not "X backs Y on a
  // ceasefire and says": a conjunction ends the phrase, and the verb after it is the subject's)
  if (/^\s+(?:in|on|at)\s+(?:a|an|the|his|her|their|its)\s+[\p{L}-]+(?:\s+(?!(?:and|but|or)\b)[\p{L}-]+){0,3}\s*$/u.test(s)) return true;
  // "X has increasingly decried", "X angrily denied": adverbs in -ly
  return ADVERBS.test(s);
}
/** "went on to", "declined to", "is expected to": one verb and "to". */
const VERB_TO = /^(?:\s+(?:has|had|have|is|was|were|are|also|then|later))?\s+\p{Ll}{3,}(?:\s+on)?\s+to\s*$/u;
/** "has increasingly", "angrily": adverbs in -ly. */
const ADVERBS = /^(?:\s+(?:has|had|have|also|then|later))?(?:\s+\p{Ll}{3,}ly){1,2}\s*$/u;

/** "X and Y", "X, a Y, and Z": the people coordinated with the ref that ends a subject. */
function group(text: string, refs: Ref[], last: Ref): number[] {
  const out = [...last.people];
  let cur = last;
  for (let k = refs.indexOf(last) - 1; k >= 0; k--) {
    const between = text.slice(refs[k].end, cur.start);
    if (!/^(?:,[^,.;]{0,90},?)?\s+and\s+(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}$|^,\s+$/u.test(between) || !refs[k].people.length) break;
    if (/^,\s+$/.test(between) && !/\band\s+/.test(text.slice(cur.end, last.end + 1) + text.slice(last.start - 6, last.start))) break;
    out.unshift(...refs[k].people);
    cur = refs[k];
  }
  return [...new Set(out)];
}

/**
 * The source before a verb at `verbStart` within [from, verbStart): a named subject (with the people
 * coordinated with it), a pronoun, or a phrase that names a source without naming a person.
 */
export function sourceBefore(text: string, refs: Ref[], from: number, verbStart: number): Source | null {
  const listed = listedSigners(text, refs.filter((x) => x.start >= from && x.end <= verbStart), from, verbStart);
  if (listed) return { people: listed, text: null };
  const r = refEndingAt(refs.filter((x) => x.start >= from), verbStart, text);
  if (r) {
    // "Berg’s spokesman said": the name owns the speaker, it is not the speaker.
    const tail = text.slice(r.end, verbStart);
    if (/^[’']s\s+\p{Ll}/u.test(tail)) return nominalBefore(text, from, verbStart);
    // "a lawyer for Berg said", "one of the aides to Berg said": a name a preposition governs is not who speaks.
    if (/\b(?:for|of|to|with|against|about|towards?)\s+$/i.test(text.slice(Math.max(from, r.start - 10), r.start))) return nominalBefore(text, from, verbStart);
    // "an aide who met Berg said": the name is the object of a relative clause about the speaker.
    if (/\b(?:who|whom|which|that)\s+(?:\p{Ll}+\s+){1,4}$/u.test(text.slice(Math.max(from, r.start - 40), r.start))) return nominalBefore(text, from, verbStart);
    // "Berg, who was in the capital for talks with the Nordish president, Piotr Nowak, said": the
    // name closes a relative clause about Berg, who speaks.
    const holder = refs.find((x) => x.start >= from && x.end <= r.start && x.people.length && !x.pronoun && /^,\s+who\s[^;.“”"]*,\s*$/.test(text.slice(x.end, r.start)));
    if (holder && /^,\s*$/.test(text.slice(r.end, verbStart))) return { people: holder.people, text: null };
    return { people: group(text, refs.filter((x) => x.start >= from), r), text: null };
  }
  // "Berg, who had said on Sunday that …": the name a relative clause of saying hangs on speaks.
  const relative = refs.find((x) => x.start >= from && x.people.length && !x.pronoun && /^,\s+who\s+(?:(?:had|has|have|also|once|previously|earlier|already)\s+)*$/.test(text.slice(x.end, verbStart)));
  if (relative) return { people: relative.people, text: null };
  return nominalBefore(text, from, verbStart);
}

/** Names joined by commas and "and" only: a list. */
const LIST_GLUE = /^(?:,\s*|,?\s+and\s+)$/;

/**
 * The people of a joint statement, in the subject before its verb: "Berg and European leaders,
 * among them Lund, Nowak and Wolf, said" (the head and the listed), "Signed by Lund, Nowak and
 * Wolf, it said" (the signers of the text that speaks). Null for any other subject.
 */
function listedSigners(text: string, refs: Ref[], from: number, verbStart: number): number[] | null {
  const named = refs.filter((x) => x.people.length && !x.pronoun);
  if (named.length < 2) return null;
  const last = named[named.length - 1];
  const list = [last];
  for (let k = named.length - 2; k >= 0 && LIST_GLUE.test(text.slice(named[k].end, list[0].start)); k--) list.unshift(named[k]);
  if (list.length < 2) return null;
  const before = text.slice(from, list[0].start);
  const after = text.slice(last.end, verbStart);
  const people = (xs: Ref[]) => [...new Set(xs.flatMap((x) => x.people))];
  if (/^\s*(?:Signed|Issued|Backed|Endorsed|Drafted)\s+by\s+$/.test(before) && /^,\s+(?:it|the\s+(?:statement|text|letter|declaration|document))\s+$/.test(after)) return people(list);
  const among = /,\s+(?:among them|among whom|including)\s+$/.exec(before);
  if (!among || !/^,\s*$/.test(after)) return null;
  // The head: names (and a plural noun: "European leaders") before the list.
  const head = named.filter((x) => x.end <= from + among.index && /^\s+and\s+(?:[\p{L}-]+\s+){0,2}[\p{Ll}]+s$/u.test(text.slice(x.end, from + among.index)));
  const opening = text.slice(from, head[0]?.start ?? from + among.index);
  // ("In a joint statement on Tuesday, X and …": an opening phrase may stand before the subject.)
  if (!/^(?:\s*|[^,;“”"]*,\s*(?:[\p{Lu}][\p{L}.’'-]*\s+)*)$/u.test(opening)) return null;
  return people([...head, ...list]);
}

/** "a source familiar with the talks", "the Kremlin", "Officials in Kyiv": a source phrase ending at `to`. */
function nominalBefore(text: string, from: number, to: number): Source | null {
  // "a White House official who spoke anonymously said", "An aide, speaking on condition of
  // anonymity, said": a relative or participle clause describes the source that stands before it.
  const clause = /(?:,\s*|\s+)(?:who|which|that)\s[^,;“”"]{1,160}?,?\s*$|,\s*(?:speaking|talking|requesting|asking|declining|citing|insisting)\s[^,;“”"]{1,160},\s*$/u.exec(text.slice(from, to));
  if (clause && clause.index > 0) {
    const described = nominalBefore(text, from, from + clause.index);
    // (Its head noun is the phrase's own, not one an "of" hangs on: "the areas of the network that were hit" is no source.)
    const ws = described?.text ? wordsIn(described.text, 0, described.text.length).map((w) => w.w) : [];
    const head = headOf(ws);
    if (head >= 0 && !ws.slice(0, head).includes('of')) return described;
  }
  // Drop what may stand between the phrase and its verb.
  let end = to;
  const gap = /(?:\s+(?:also|later|then|again|further|repeatedly|publicly|previously|reportedly|separately|has|had|have|would|will|earlier))+\s*$/i.exec(text.slice(from, to));
  if (gap) end = from + gap.index;
  const ws = wordsIn(text, from, end);
  if (!ws.length) return null;
  // "‘…,’ one said": one of the unnamed sources the sentence before spoke of, never a named person.
  if (ws.length === 1 && /^(?:one|another)$/.test(ws[0].w)) return { people: [], text: text.slice(ws[0].start, ws[0].end) };
  let k = ws.length;
  while (k > 0) {
    const w = ws[k - 1];
    const gapAfter = text.slice(w.end, k < ws.length ? ws[k].start : end);
    if (/[;:“”"«»„]|[.!?]\s/.test(gapAfter)) break;
    if (/,/.test(gapAfter) && k < ws.length) break;
    // "the Vermont senator and presidential candidate said": two descriptions of one speaker.
    const joinsRoles = w.w === 'and' && k >= 2 && ROLE_NOUNS.has(ws[k - 2].w) && ws.slice(k).some((x) => ROLE_NOUNS.has(x.w));
    if (STOP_BACK.has(w.w) && k < ws.length && !joinsRoles) break;
    k--;
    if (ws.length - k > 9) return null;
  }
  let phrase = ws.slice(k);
  if (!phrase.length) return null;
  // ("In a statement the fund said": where it was said is no part of who said it.)
  const medium = /^in\s+(?:a|an|the|his|her|its|their)\s+(?:[\p{L}-]+\s+)?(?:statement|interview|post|video|message|letter|briefing|speech|address)\s+/iu.exec(text.slice(phrase[0].start, end));
  if (medium) phrase = phrase.filter((w) => w.start >= phrase[0].start + medium[0].length);
  if (!phrase.length) return null;
  // The head noun is the last word before a postmodifier ("source familiar with …", "officials in Kyiv"),
  // or, with no such noun, a name of capitalised words that is no person ("TASS", "Downing Street").
  let head = headOf(phrase.map((w) => w.w));
  if (head < 0) {
    let c = phrase.length;
    while (c > 0 && /^\p{Lu}/u.test(text.slice(phrase[c - 1].start))) c--;
    if (c === phrase.length || c < phrase.length - 4) return null;
    // "Tuesday said", "Media said": days and common words are no organisation.
    if (phrase.slice(c).every((w) => w.w === 'the' || CALENDAR_WORDS.has(w.w) || NOT_NAMES.has(w.w))) return null;
    // "I said", "We added": pronouns are not organisations; a name cut short is no name either.
    if (phrase.slice(c).some((w) => /^(?:i|we|you|it|they|he|she|this|that|these|those)$/.test(w.w))) return null;
    if (/^\s+\p{Lu}/u.test(text.slice(phrase[phrase.length - 1].end, to))) return null;
    if (c > 0 && phrase[c - 1].w === 'the') c--;
    phrase = phrase.slice(c);
    head = phrase.length - 1;
  }
  // Start at a determiner or the word right before the head's modifiers.
  const det = phrase.findIndex((w) => DETERMINERS.test(w.w));
  if (det > 0 && det <= head) phrase = phrase.slice(det);
  const s = text.slice(phrase[0].start, phrase[phrase.length - 1].end).trim();
  if (!s || SPEECH_VERBS.has(phrase[0].w) || !isSourcePhrase(text, phrase)) return null;
  return { people: [], text: s };
}

const ENDS_BADLY = /^(?:is|are|was|were|be|been|has|have|had|a|an|the|of|at|in|on|for|to|from|by|with|and|or|but|that|which|who|its|his|her|their|while|when|as|after|before|since|because|if|though|although|without|not)$/;
/**
 * A source phrase is a noun phrase: short, not ending in a verb or a preposition, and not a
 * headline in capitals (an acronym of a few letters, "TASS", is a name; "INDIANA’S" is a shout).
 */
function isSourcePhrase(text: string, phrase: Word[]): boolean {
  // ("to back the campaign for president while adding …": an infinitive's words are no source.)
  if (phrase.length > 9 || ENDS_BADLY.test(phrase[phrase.length - 1].w) || phrase[0].w === 'to') return false;
  const capitals = phrase.filter((w) => w.w.length > 1 && /^[\p{Lu}’'.-]+$/u.test(text.slice(w.start, w.end)));
  return capitals.length < 2 && !capitals.some((w) => w.w.replace(/[’'.-]|s$/g, '').length > 5);
}

/** The subject of the sentence that holds `at`: the first name a verb follows, for a cue like "stating, “…”". */
/** A subject's verb after it, past an appositive set off by commas: "X, a Y, said", "X also warned". */
const VERB = String.raw`(?:(?:also|later|then|has|had|have)\s+)?[\p{Ll}]+`;
// ("Sen. X (D-Vt.) visited": a party and state in brackets may stand between.)
const VERB_AFTER_SUBJECT = new RegExp(String.raw`^(?:\s*\([^()]{1,30}\))?(?:,[^,;]{1,110},)?\s+${VERB}`, 'u');
/** …and after a name that closes an appositive to the role before it: "…, Donald Tusk, addressed". */
const VERB_AFTER_APPOSED = new RegExp(String.raw`^,\s+${VERB}`, 'u');

const PREPOSITIONS = new Set('with to by from of for about on at in after before like between among alongside beside behind against toward towards without despite amid than including'.split(' '));

/**
 * "an interview with journalist X", "talks with President X", "told Fox News host X": a preposition
 * and up to two words before a name. ("In March X made …": a month or a weekday makes the phrase a
 * time, and the name after it the sentence's subject.)
 */
function objectOfPreposition(before: string): boolean {
  const ws = before.trimEnd().split(/\s+/);
  for (let k = ws.length - 1; k >= 0 && k >= ws.length - 3; k--) {
    if (PREPOSITIONS.has(ws[k].toLowerCase())) return true;
    if (!/^[\p{L}-]+$/u.test(ws[k]) || CALENDAR_WORDS.has(fold(ws[k]))) return false;
  }
  return false;
}

export function sentenceSubjectBefore(text: string, refs: Ref[], from: number, at: number): Source | null {
  for (const r of refs) {
    if (r.start < from || r.end > at || !r.people.length) continue;
    // ("an interview with journalist X": a preposition's object, with its lower-case title words.)
    if (objectOfPreposition(text.slice(Math.max(from, r.start - 40), r.start))) continue;
    // "Bush also attacked billionaire Trump, with whom he clashed, calling him …": a name after the
    // sentence's own verb is its object (an opening phrase closed by a comma may stand before a subject).
    // (Only after the opening phrase's comma: "Amid calls to list those blacklisted, the paper's X provided …".)
    const whole = text.slice(from, r.start);
    const lead = whole.slice(whole.lastIndexOf(',') + 1);
    // (A name in a relative or subordinate clause is not the sentence's subject: "…, with whom he clashed".)
    if (/\b(?:who|whom|which|whose|that|when|where|while|if|because|although|though|whether)\s/i.test(lead)) continue;
    if (!/,\s*$/.test(whole) && wordsIn(lead, 0, lead.length).some((w) => /^\p{Ll}/u.test(lead.slice(w.start)) && (/ed$/.test(w.w) || SPEECH_VERBS.has(w.w)))) continue;
    const after = text.slice(r.end, at);
    if (VERB_AFTER_SUBJECT.test(after)) return { people: r.people, text: null };
    // "Poland's prime minister, Donald Tusk, addressed him": the name stands in apposition to the role before it.
    if (/^[^,;:“”"]{3,80},\s*$/.test(text.slice(from, r.start)) && VERB_AFTER_APPOSED.test(after)) return { people: r.people, text: null };
  }
  return null;
}

/** The index of a source noun that heads the phrase, or of a capitalised name (an organisation), else -1. */
function headOf(words: string[]): number {
  for (let i = 0; i < words.length; i++) {
    // "the Nordmark governor said", "the party's nominee told": a role with its determiner is
    // a source (who holds it is the quote's business, see quotes.ts).
    const role = i > 0 && ROLE_NOUNS.has(words[i]) && DETERMINERS.test(words[0]);
    if (SOURCE_NOUNS.has(words[i]) || role) {
      // "familiar with the talks", "close to the Kremlin", "in Kyiv", "who spoke": a postmodifier may follow.
      const rest = words.slice(i + 1).join(' ');
      if (!rest || /^(?:familiar with|close to|briefed on|with knowledge of|involved in|in|from|at|of|for|with|on|who|speaking)\b/.test(rest)) return i;
    }
  }
  return -1;
}

/**
 * The source after a verb ending at `verbEnd`: "said Berg", "said a senior official", "according to
 * the Kremlin". Within [verbEnd, to).
 */
export function sourceAfter(text: string, refs: Ref[], verbEnd: number, to: number): Source | null {
  const rest = text.slice(verbEnd, to);
  const lead = /^\s*(?:,\s*)?(?:(?:on|in|at)\s+\p{Lu}\p{Ll}+\s+)?/u.exec(rest)![0].length;
  const at = verbEnd + lead;
  // Title words may stand before the name: "said Foreign Minister Anna Berg".
  // (The stop of an abbreviation is no sentence's end: "said Sen. Jeff Merkley", "said Gov. X".)
  const r = refs.find((x) => x.people.length && x.start >= at && x.start <= at + 60 && /^(?:[\p{L}\p{N}’'.-]+\s+){0,5}$/u.test(text.slice(at, x.start)) && !/[,;.]/.test(text.slice(at, x.start).replace(/\b\p{L}{1,4}\./gu, '')) && !OWNS_LATER_NAME.test(text.slice(at, x.start)));
  // "said Trump had the opportunity": a name followed by its own verb is the said clause's subject.
  if (r && AUXILIARY_AFTER.test(text.slice(r.end, r.end + 12))) return null;
  // "according to Berg's office", "said Berg's spokesman": the name owns the source, it is not it
  // (unless the source is named next: "said Berg's spokesman, Piotr Nowak", "according to Berg's
  // spokesman Piotr Nowak").
  if (r && /^[’']s\s+\p{Ll}/u.test(text.slice(r.end, r.end + 4))) {
    const cut = text.slice(r.end, to).search(/[,;:.“”"()—–]/);
    const end = cut < 0 ? to : r.end + cut;
    const apposed = refs.find((x) => x.people.length && !x.pronoun && x.start > r.end && (x.end <= end || /^,\s*$/.test(text.slice(end, x.start))));
    if (apposed) return { people: apposed.people, text: null };
    const owned = text.slice(r.start, end).trim();
    if (end - r.start <= 60 && wordsIn(owned, 0, owned.length).length <= 5) return { people: [], text: owned };
  }
  if (r) return { people: group(text, refs, r), text: null };
  const ws = wordsIn(text, at, to);
  const phrase: Word[] = [];
  for (const [k, w] of ws.entries()) {
    const gapBefore = text.slice(phrase.length ? phrase[phrase.length - 1].end : at, w.start);
    if (phrase.length && /[,;:.“”"]/.test(gapBefore)) break;
    if (phrase.length > 8) break;
    // ("according to two people familiar with the plans cited by the Financial Times": who carried it is no part of who said it.)
    if (phrase.length && /^(?:who|which|that|adding|saying|as|after|when|while|during|before|following|ahead|cited|quoted)$/.test(w.w)) break;
    // "declared the Ukrainian president in his evening address", "wrote the minister on the network
    // X": the occasion is no part of the source (but "officials in Kyiv" is).
    if (phrase.length && /^(?:in|on|at)$/.test(w.w) && (OCCASION_AFTER.test(ws[k + 1]?.w ?? '') || (w.w === 'on' && ws[k + 1]?.w === 'the'))) break;
    // "launched the president to the press afterwards": whom it was said to and when are no part of the
    // source either (but "an adviser to the president" is).
    if (phrase.length && (/^(?:afterwards|afterward|again|today|yesterday|tonight|overnight)$/.test(w.w) || (w.w === 'to' && /^(?:reporters|journalists|the press|the media|the cameras|television|the nation)\b/.test(text.slice(ws[k + 1]?.start ?? to, to))))) break;
    // "said a compromise had not been found": the words after the verb are its clause, not a source.
    if (phrase.length && AUXILIARY.test(w.w)) return null;
    phrase.push(w);
  }
  if (!phrase.length) return null;
  // "said a senior official", "added another New Hampshire Republican", "said TASS".
  const determined = /^(?:a|an|another|one|two|three|several|some|many|other|the)$/.test(phrase[0].w) && phrase.length >= 2;
  if (!determined && (headOf(phrase.map((w) => w.w)) < 0 || !DETERMINERS.test(phrase[0].w) && !/^\p{Lu}/u.test(text.slice(phrase[0].start)) && !SOURCE_NOUNS.has(phrase[0].w))) return null;
  if (!isSourcePhrase(text, phrase)) return null;
  return { people: [], text: text.slice(phrase[0].start, phrase[phrase.length - 1].end) };
}

/**
 * "said one source who knew Berg", "said a spokesman for Berg", "said when Berg asked", "said of
 * Berg": the name after a relative pronoun, a subordinator, a preposition, or a described
 * source's preposition, is not who speaks.
 */
const OWNS_LATER_NAME = /\b(?:who|which|whose|that|when|while|as|after|before|if|because|since|until|though|although)\s|^(?:of|about|to|with|for|at)\s|^(?:a|an|one|the|another|two|three|several)\s+(?:[\p{L}’'-]+\s+)*?(?:for|of|to|with|at|from|by|close|familiar|near)\s/iu;

const OCCASION_AFTER = /^(?:his|her|their|its|a|an|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

const AUXILIARIES = 'is|was|were|are|had|has|have|would|will|could|should|can|may|might|must|did|does|do';
const AUXILIARY = new RegExp(`^(?:${AUXILIARIES})$`);
const AUXILIARY_AFTER = new RegExp(`^\\s+(?:${AUXILIARIES})\\b`);

// (Not \b: in "García said" the "a" after "í" would read as the article.)
const NOUN_BEFORE = /(?:(?<![\p{L}\p{N}])(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|no|any|some|such|whose)|[’']s)\s+$/iu;

/**
 * Whether the word at w is a speech verb used as one: not a noun ("Ukraine's hopes", "the
 * claims", "these remarks") and not part of a name ("the United States").
 */
export function isSpeechVerbAt(text: string, w: Word): boolean {
  if (!SPEECH_VERBS.has(w.w)) {
    // "…,” Trump went on, “…”", "she shot back".
    const particle = PHRASAL_SPEECH[w.w];
    if (!particle || !new RegExp(`^\\s+${particle}\\b`).test(text.slice(w.end, w.end + 8))) return false;
  }
  if (/^\p{Lu}/u.test(text.slice(w.start)) && !/^\s*$|[.!?:]\s*$|[“"]\s*$/.test(text.slice(Math.max(0, w.start - 3), w.start))) return false;
  return !NOUN_BEFORE.test(text.slice(Math.max(0, w.start - 12), w.start));
}

/** The speech verbs used as verbs in text[from, to), with their offsets. */
export function speechVerbs(text: string, from: number, to: number): Word[] {
  return wordsIn(text, from, to).filter((w) => isSpeechVerbAt(text, w));
}

/**
 * Role phrases around a name: a title before it ("US special envoy"), an appositive after it
 * ("X, an adviser to Y,"), "Kharkiv’s mayor, X", "a delegation led by X", "X, who heads …".
 * Pure functions over one paragraph's text and a name's offsets.
 */
import { FIRST_NAMES, HONORIFICS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_ABBREVIATIONS } from './lexicon/names.ts';
import { CAPITAL_OF, CAPITALS, COUNTRIES, NATIONALITIES } from './lexicon/places.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';
import { givenNames } from './lexicon/gazetteers.ts';
import { fold } from '../text/normalize.ts';

export const isPlaceWord = (f: string) => COUNTRIES.has(f) || CAPITALS.has(f) || f in NATIONALITIES;
export const isRoleWord = (f: string) => ROLE_NOUNS.has(f) || ROLE_MODIFIERS.has(f) || HONORIFICS.has(f.replace(/\.$/, ''));

const APPOSITIVE = /^,\s+(?:(?:a|an|the)\s+)?((?:[^,.;:()“”"]|\.(?=\S)|(?<=(?:^|[\s.])\p{Lu})\.){2,140}?)(?=,|(?<!\p{Lu})\.(?:\s|$)|(?<=\p{Lu}{2})\.(?:\s|$)|;|$|\s+who\s|\s+which\s|\s+\()/u;
const RELATIVE_ROLE = /^,\s+(?:(?:the|a|an)\s+[\p{L}’' -]{2,40}?\s+(?=who\s))?who\s+(?:again\s+|also\s+|once again\s+|still\s+|now\s+|then\s+|previously\s+|had\s+|has\s+)?(?:led|leads|heads|headed|chairs|chaired|runs|ran|directs|directed|oversees|oversaw)\s+((?:the\s+)?[^,.;]{2,100}?)(?=,|\.(?:\s|$)|;|$|\s+and\s+(?:has|had|have|is|was|will|would)\s)/u;
/** Bodies an office word may name before the role noun: "the foreign ministry spokeswoman", "the Kremlin aide". */
export const BODY_WORDS = new Set('ministry kremlin council committee commission government cabinet embassy army navy delegation'.split(' '));
/** "Kharkiv’s mayor, NAME" / "Its spokeswoman, NAME": a role set off by a comma before the name. */
const ROLE_BEFORE_COMMA = /(?:^|[\s(])((?:(?:\p{Lu}[\p{L}’'.-]*[’']s|its|his|her|their|the)\s+)?(?:[\p{L}.-]+\s+){0,3}?[\p{L}-]+),\s+$/u;

const CLAUSE_LEAD = /^(?:\p{Ll}+ed|met|meets|told|tells|sent|sends|gave|gives|took|takes|made|makes|held|holds|spoke|went|came|left|flew|brought|sought|wrote|received|receives|welcomes|calls|meet|visit|visits|join|joins|sign|signs|hold|travel|travels|arrive|arrives)\s+(?:his|her|their|its|the|a|an|on|in|at|to|with|him|them)\b/u;

/** "NAME, a foreign policy expert from X," -> the role phrase, when it has a role noun. */
export function appositiveRole(text: string, end: number): string | null {
  const m = APPOSITIVE.exec(text.slice(end));
  if (!m) return null;
  let phrase = m[1].trim();
  // "NAME, received his counterpart, …": a verb and its object is the sentence going on, not a role.
  if (CLAUSE_LEAD.test(phrase) && !new RegExp(String.raw`^${APPOINT}\b`, 'u').test(phrase)) return null;
  // "the head of the Russian Direct Investment Fund and Putin's envoy for economic cooperation with
  // foreign countries": too long for one role, the first of the two is one.
  // (Not at the "and" of a name between two capitalised words: "the National Security and Defence
  // Council and one of the negotiators"; "the Fund and Putin's envoy" is two roles.)
  if (phrase.split(/\s+/).length > 12) {
    const and = [...phrase.matchAll(/(\S+)\s+and\s+(\S+)/gu)].find((m) => !(/^\p{Lu}/u.test(m[1]) && /^\p{Lu}/u.test(m[2]) && !/[’']s$/.test(m[2])));
    if (and) phrase = phrase.slice(0, and.index! + and[1].length);
  }
  const words = phrase.split(/\s+/).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  if (words.length > 12) return null;
  // The head must be a role: "an advisor to X" yes, "a notable figure due to his ties" no.
  const head = words.findIndex((w) => ROLE_NOUNS.has(w));
  if (head < 0 || head > 5) return null;
  if (words.slice(0, head).some((w) => SPEECH_VERBS.has(w))) return null;
  return phrase;
}

/** "NAME, who led Ukraine’s delegation," -> "head of Ukraine’s delegation". */
export function relativeRole(text: string, end: number): string | null {
  const m = RELATIVE_ROLE.exec(text.slice(end));
  return m ? `head of ${m[1].replace(/^the\s+/, 'the ')}` : null;
}

/** "NAME, who had led the government since 2020," / "who previously headed …": a role behind them. */
export function relativeRoleIsPast(text: string, end: number): boolean {
  const after = text.slice(end, end + 220);
  // "X, who led the delegation at the talks, resigned as …": what they led while in office ends with it.
  return /^,\s+who\s+(?:had|previously|once|formerly|until recently)\b/.test(after) || /^,\s+who\s+(?:led|headed|chaired|ran|directed|oversaw)\s[^,;.]{2,140},\s+(?:has\s+|had\s+)?(?:resigned|stepped down|quit|was dismissed|was sacked|was fired|was removed|was ousted|has been dismissed)\b/.test(after);
}

/** "Kharkiv’s mayor, NAME": the words before the comma, when they end in a role noun. */
export function roleBeforeComma(text: string, start: number): string | null {
  // Cheap test first: the anchored pattern below backtracks over every start position.
  if (!/,\s*$/.test(text.slice(Math.max(0, start - 3), start))) return null;
  const before = text.slice(Math.max(0, start - 80), start);
  // "According to the Nordish president, NAME reaffirmed …": the phrase closes there; NAME is the
  // next clause's subject, not its apposition ("according to the spokesman, NAME, the talks …" is).
  if (/\baccording to\s+[^,;]{2,60},\s*$/i.test(before) && !/^(?:\p{Lu}[\p{L}’'.-]*\s+){0,3}\p{Lu}[\p{L}’'.-]*\s*,/u.test(text.slice(start, start + 80))) return null;
  // "the chief of the General Staff, NAME": an office of a named body ("the U.S. ambassador to NATO, NAME": or to one).
  const ofBody = /(?:^|[\s(])((?:the\s+)?(?:[\p{L}.-]+\s+){0,2}?([\p{L}-]+)\s+(?:of|to)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}’'-]*|and|for|of)\s+){0,5}\p{Lu}[\p{L}’'-]*),\s+$/u.exec(before);
  if (ofBody && isRoleNoun(ofBody[2]) && !belongsToClauseBefore(before, ofBody.index + ofBody[0].indexOf(ofBody[1]))) return ofBody[1].replace(/^(?:[\p{L}-]+\s+){0,2}?the\s+/iu, '');
  // "the head of Russian diplomacy, NAME", "the head of its delegation, NAME": a body in common words.
  const ofCommon = /(?:^|\s)([\p{L}-]+)\s+of\s+(?:(?:the|its|his|her|their|\p{Lu}[\p{L}-]*[’']s)\s+)?(?:[\p{L}’'-]+\s+){0,4}?[\p{L}’'-]+,\s+$/u.exec(before);
  if (ofCommon && isRoleNoun(ofCommon[1])) {
    // Role words and nationalities before the noun belong to it ("the chief Ukrainian negotiator …").
    let at = ofCommon.index + ofCommon[0].indexOf(ofCommon[1]);
    for (;;) {
      const prev = /(?:^|\s)([\p{L}-]+)\s+$/u.exec(before.slice(0, at));
      if (!prev || !(isRoleWord(prev[1].toLowerCase()) || prev[1].toLowerCase() in NATIONALITIES)) break;
      at = prev.index + prev[0].indexOf(prev[1]);
    }
    // "X and the head of …, NAME" names a new person; "became the head of …, NAME" is that clause's role.
    const determiner = /(?:^|\s)(the)\s+$/i.exec(before.slice(0, at));
    const phraseStart = determiner ? determiner.index + determiner[0].indexOf(determiner[1]) : at;
    if (!belongsToClauseBefore(before, phraseStart, !determiner)) return before.slice(at).replace(/,\s+$/, '').replace(/\bof\s+(?:its|his|her|their)\s/i, 'of the ');
  }
  const m = ROLE_BEFORE_COMMA.exec(before);
  if (!m) return null;
  let phrase = m[1];
  let phraseAt = m.index + m[0].indexOf(m[1]);
  // "… to see the crown prince, NAME": the phrase starts at its own determiner, not at the verb before it.
  const inner = /^(?:.*\s)?(?=(?:the|its|his|her|their)\s)/u.exec(phrase);
  if (inner && inner[0].length > 0) {
    phraseAt += inner[0].length;
    phrase = phrase.slice(inner[0].length);
  }
  const words = phrase.split(/\s+/);
  if (!isRoleNoun(words[words.length - 1])) return null;
  // "… became vice-chancellor and finance minister, NAME": the role is the clause's, not the name's.
  // ("…, and the national security adviser, NAME," or "… and Nato's secretary general, NAME": with
  // its own determiner or owner after "and", the phrase is a new person's.)
  const determined = /^(?:the|its|his|her|their|\p{Lu}[\p{L}’'.-]*[’']s)\s/u.test(phrase);
  if (belongsToClauseBefore(before, phraseAt, !determined, determined)) return null;
  // Keep the role words, the body it serves ("the foreign ministry spokeswoman") and a possessive
  // owner; drop a leading determiner.
  let k = words.length - 1;
  while (k > 0 && (isRoleWord(words[k - 1].toLowerCase()) || BODY_WORDS.has(words[k - 1].toLowerCase()) || words[k - 1].toLowerCase() in NATIONALITIES || /[’']s$/.test(words[k - 1]))) k--;
  // "the North Korean leader": a compass point belongs to the nationality after it.
  if (k > 0 && /^(?:North|South|East|West)$/.test(words[k - 1]) && words[k].toLowerCase() in NATIONALITIES) k--;
  // "Russia's human rights commissioner": after a possessive owner, plain nouns before the role noun
  // name its field and stay (not adjectives: "the newly appointed", "long-serving", "outgoing").
  const owner = /[’']s$/.test(words[0]) && k > 1;
  if (owner && words.slice(1, k).every((w) => /^\p{Ll}+$/u.test(w) && !/(?:ly|ed|ing|ive|ous|al|ful)$/.test(w))) k = 0;
  return words.slice(k).join(' ');
}

/**
 * Whether the words before a role phrase make it part of another clause ("became", "as", and with
 * `andJoins` "and": "became vice-chancellor and finance minister, NAME"). A phrase with its own
 * determiner after "and" is a new person's ("X and the head of …, NAME"): the caller says so.
 */
function belongsToClauseBefore(before: string, phraseStart: number, andJoins = true, determined = false): boolean {
  const lead = before.slice(Math.max(0, phraseStart - 14), phraseStart);
  // After a preposition a phrase with its own determiner is still an appositive's role: "at the
  // invitation of the British prime minister, X," (but "head of foreign policy, X" is of the clause).
  // (", as the president's adviser, X, had announced": "as" after a comma opens a clause of its own.)
  if (/,\s+as\s+$/i.test(lead)) return false;
  return (determined ? CLAUSE_VERB_BEFORE : CLAUSE_WORD_BEFORE).test(lead) || (andJoins && /\b(?:and|or)\s+$/i.test(lead));
}
const CLAUSE_VERB_BEFORE = /\b(?:as|became|become|becomes|named|appointed|was|is|were|are)\s+$/i;
const CLAUSE_WORD_BEFORE = /\b(?:as|became|become|becomes|named|appointed|was|is|were|are|to|of|for|with)\s+$/i;

/** A role noun in the plural: "mediators", "advisers" (abbreviations' plurals, "ceos", "mps", "meps", left out). */
const isPluralRole = (w: string) => /[^s]s$/.test(w) && ROLE_NOUNS.has(w.slice(0, -1)) && !/^(?:ceo|mp|mep)s$/.test(w);

/** "U.S. negotiators, including NAME" or "a Russian delegation led by NAME" -> a role. */
export function listRole(text: string, start: number): string | null {
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
  const BODY = String.raw`(?:delegation|delegations|team|group|mission|government|party|coalition|committee|commission|negotiating team|side)`;
  // "a delegation led by X", "Ukraine's delegation was led by X", "the Russian side, headed by X"
  const led = isLed && new RegExp(String.raw`\b(?:a|an|the)?\s*((?:(?!(?:where|which|who|that|when|and|or|but|while|whose)\s)[\p{L}’']+\s+){0,2}?${BODY}),?\s+(?:(?:was|were|is|are|has been|had been|will be|again|also)\s+)*(?:led|headed|chaired)\s+by\s+$`, 'iu').exec(before);
  if (led) {
    // ("Opposite him sat a delegation led by X": the words before a determiner are the clause's.)
    // ("their own delegation, led by X": a possessive is no body's name; "head of the delegation".)
    const body = led[1].trim().replace(/^.*?\b(?:a|an|the)\s+(?=\S)/i, '').replace(/^(?:their|its|his|her|our)\s+(?:own\s+)?/i, '').replace(/\bdelegations\b/i, 'delegation').replace(/\bside$/i, 'delegation');
    return /^\p{Lu}[\p{L}.’'-]*[’']s\s/u.test(body) ? `head of ${body}` : `head of the ${body}`;
  }
  // "Ukraine's delegation was led by A. Russia's was led by X": the body named a sentence before.
  const elided = isLed && /\b(\p{Lu}[\p{L}.’'-]*[’']s)\s+(?:was|were)\s+(?:led|headed)\s+by\s+$/u.exec(before);
  if (elided) {
    const body = new RegExp(String.raw`\b${BODY}\b`, 'i').exec(text.slice(Math.max(0, start - 260), start));
    if (body) return `head of ${elided[1]} ${body[0].toLowerCase().replace(/s$/, '').replace('side', 'delegation')}`;
  }
  return null;
}

/** Country, party or body a role phrase names: "Secretary of the X Council" -> "X Council". */
export function affiliationOf(role: string | null): string | null {
  if (!role) return null;
  // "head of the government in Tallinn": a capital stands for its country.
  const seat = /\b(?:in|from)\s+((?:the\s+)?\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?)$/u.exec(role);
  if (seat && CAPITAL_OF[seat[1].toLowerCase()]) return CAPITAL_OF[seat[1].toLowerCase()];
  const from = /\b(?:from|of|at|with)\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'.]*\s*)+(?:[\p{Ll}]+)?)$/u.exec(role);
  if (from) return from[1].trim();
  const ws = role.split(/\s+/);
  for (const [k, w] of ws.entries()) {
    // ("North Korean leader": a nationality of two words is read whole.)
    const c = (k > 0 ? NATIONALITIES[`${ws[k - 1]} ${w}`.toLowerCase()] : undefined) ?? NATIONALITIES[w.toLowerCase()];
    if (c) return c;
    // "Poland's president": the country that owns the role.
    const owner = /^(\p{Lu}[\p{L}-]+)[’']s$/u.exec(w);
    if (owner && (COUNTRIES.has(owner[1].toLowerCase()) || CAPITALS.has(owner[1].toLowerCase()))) return owner[1];
  }
  return null;
}


/** How the text gives a role: a title before the name, an appositive after it, and so on. */
export type RoleHow = 'title' | 'appositive' | 'relative' | 'predicate' | 'before' | 'list' | 'led';

/** "NAME, who was energy minister until July," / "NAME, who became prime minister in July,". */
const RELATIVE_PAST = /^,\s+(?:(?:the|a|an)\s+[\p{L}’' -]{2,40}?\s+(?=who\s))?(?:who|until recently)\s+(was|had been|served as|has been|has served as|serves as|is|became|becomes|is now|was named|was appointed)\s+((?:[^,.;]|\.(?=\S)){2,80}?)(?=,|\.(?:\s|$)|;|$|\s+(?:under|from|between|and then|and later|and now)\s)/u;

/** "NAME, who was energy minister until July" -> the role, and whether it is behind them. */
export function relativeRoleOverTime(text: string, end: number): { text: string; former: boolean } | null {
  const m = RELATIVE_PAST.exec(text.slice(end));
  if (!m) return null;
  const words = m[2].split(/\s+/).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  if (!words.some((w) => ROLE_NOUNS.has(w))) return null;
  const past = /^(was|had been|served as)$/.test(m[1]) || /\b(?:until|before|till)\b/.test(m[2]);
  return { text: m[2].trim(), former: past };
}

const FORMER = /^(?:(?:former|ex-|ex|outgoing|then-?|previous|previously|erstwhile|one-time|onetime|until now|until recently|ehemalige[rn]?|ancien(?:ne)?)\s+|(?:ex|then)-(?=\p{L}))/iu;
const UNTIL = /\s+(?:until|till|up to)\s+[^,;]{2,30}$/i;
/** "prime minister since March 2020": the date says how long, the role is the words before it. */
const SINCE = /\s+(?:since|from)\s+(?:\p{Lu}\p{Ll}+\s+)?\d{4}$|\s+since\s+\p{Lu}\p{Ll}+$/u;
/** Words that make a phrase a clause or a sentence's tail rather than a role. */
const NOT_IN_A_ROLE = /\b(?:is|was|were|are|has|had|have|will|would|said|says|told|who|which|that|when|while|after|because|if|whose|whom|towards|toward|than|very|too)\b|^(?:more|less|most|so|quite|not|no|never|hardly)\s/i;

/**
 * A role phrase made fit to show, or null when it is no role: a clause, the tail of a sentence,
 * a list of other people. "former defence minister" is a role that is behind them; so is one
 * "until September".
 */
export function cleanRole(raw: string, otherNames: string[] = []): { role: string; former: boolean } | null {
  if (raw === LEFT_OFFICE) return { role: raw, former: true };
  let s = expandAbbreviations(raw).replace(/\s+/g, ' ').trim().replace(/^(?:also|now|currently|still)\s+/i, '').replace(/^(?:a|an|the)\s+/i, '').replace(/[\s,;:–—-]+$/, '');
  let former = false;
  const f = FORMER.exec(s);
  if (f) {
    former = true;
    s = s.slice(f[0].length).replace(/^(?:a|an|the)\s+/i, '');
  }
  if (UNTIL.test(s)) {
    former = true;
    s = s.replace(UNTIL, '');
  }
  s = s.replace(SINCE, '');
  // "culture minister with a taste for history": the role ends before a description of the person.
  s = s.replace(/\s+with\s+(?:a|an|the|his|her|their|no)\s+(?![\p{L}-]*\s*(?:of|for)\s+\p{Lu})[^,;]*$/u, '');
  // "until July prime minister of Nordland": a role that ended, said before it.
  const untilBefore = /^until\s+(?:recently|(?:\p{Lu}\p{Ll}+|\d{4})(?:\s+\d{4})?)\s+/u.exec(s);
  if (untilBefore) {
    former = true;
    s = s.slice(untilBefore[0].length);
  }
  // "prime minister and a long-standing rival of X", "deputy chairman … and a former president":
  // a second description after "and a" is no part of the first role.
  s = s.replace(/\s+and\s+(?:a|an)\s+.*$/u, '').replace(/\s+and\s+\p{Ll}{3,}ed\b.*$/u, '');
  // "chancellor on Tuesday only at the second attempt", "head of the alliance for ten years": a time is no part of it.
  s = s.replace(/\s+(?:on|last|this|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year)\b.*$/u, '').replace(/\s+for\s+(?:\p{L}+\s+)?(?:years?|months?|weeks?|decades?)$/u, '');
  // "an American teacher held in Russia since 2021": a participle after the role describes the person.
  s = s.replace(/^((?:\S+\s+){0,4}?\S+)\s+(?:\p{Ll}{3,}ed|held|born|known|chosen|sworn)\s+(?:in|by|on|at|for|since|from|to|as|with)\s.*$/u, (m, head: string) => (head.split(' ').some((w) => isRoleNoun(w)) ? head : m));
  // "head of the agency." — the sentence's stop is no part of the role ("U.S." keeps its own).
  if (!/(?:^|\s)(?:\p{L}\.){2,}$/u.test(s)) s = s.replace(/\.+$/, '');
  if (/\b(?:of|for|to)\s+(?:it|them|him|us|this|that)\b/i.test(s) || /\b(?:of|for|to)\s+her$/i.test(s) || /\s(?:of|for|to|at|in|with|by|from)$/i.test(s)) return null;
  // "his national security adviser": whose it is the name before says; the role is the words after.
  s = s.replace(/^(?:his|her|their)\s+/i, '');
  if (!s || /^(?:and|or|but|as|with|of|to|for|in|on|at|by)\b/i.test(s) || /[“”"«»„‘]|’(?!s\b)/.test(s)) return null;
  if (NOT_IN_A_ROLE.test(s)) return null;
  // "styled the secretary of war": another name for their office, kept as such ("styled secretary of war");
  // any other participle and its object ("replaced the envoy") are a clause.
  s = s.replace(/^(styled|dubbed|known as)\s+(?:the|a|an)\s+/u, '$1 ');
  if (/^\p{Ll}+ed\s+(?:the|a|an|his|her|their)\s/u.test(s)) return null;
  // "deeply honoured to continue serving", "due to meet the leader": an infinitive makes it a clause
  // ("adviser to the president", "envoy to both sides" are roles).
  const to = /\bto\s+(\p{Ll}+)/u.exec(s);
  if (to && !/^(?:the|a|an|his|her|their|its|both|former|late|then|acting|this|these)$/.test(to[1]) && !isRoleWord(to[1]) && !isRoleNoun(to[1])) return null;
  // "senior fellow at the Centre for Black Sea Studies in Istanbul": where they work is no part of a long role.
  if (s.split(' ').length > 10) s = s.replace(/\s+in\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?$/u, '');
  const words = s.split(' ');
  // "head of the Centre for Countering Disinformation at the …": a body's full name may be long.
  if (words.length > (/^head of\s/i.test(s) ? 14 : 10)) return null;
  // "Mr", "Sir": a form of address, not a role.
  if (words.length === 1 && HONORIFICS.has(words[0].toLowerCase().replace(/\.$/, ''))) return null;
  if (!words.some((w) => isRoleNoun(w) || isRoleWord(w.toLowerCase().replace(/['’]s$/, '').replace(/s$/, '')))) return null;
  // "the American mediators, X and Y": a plural is what a group is, not one person's role.
  if (isPluralRole(fold(words[words.length - 1]))) return null;
  // …and so is "the national security advisers of Britain and Germany": the noun before "of".
  const of = words.findIndex((w) => w.toLowerCase() === 'of');
  if (of > 0 && isPluralRole(fold(words[of - 1]))) return null;
  // "… and first deputy foreign minister Serhiy K": a role phrase that names someone else is a list.
  for (const n of otherNames) {
    const at = s.indexOf(n);
    if (at < 0 || /^[’']s\b/.test(s.slice(at + n.length))) continue;
    // "adviser to President X on communications", "chief of staff to X": a name the role serves.
    // (Not "Secretary of State X": there the preposition is inside the other person's title.)
    // ("deputy to special envoy X": title words in lower case between them too.)
    const servedBy = /(?:^|\s)\p{Ll}+\s+(?:to|of|for|under)\s+((?:[\p{L}.-]+\s+){0,3})$/u.exec(s.slice(0, at));
    if (servedBy && servedBy[1].split(/\s+/).filter(Boolean).every((w) => /^\p{Lu}/u.test(w) || isRoleWord(w.toLowerCase()) || isRoleNoun(w)) && !/\band\b/.test(s.slice(0, at))) continue;
    // "head of the FSB and Sergei Naryshkin as head of …": the role ends before the next person.
    const and = /\s+and\s+$/.exec(s.slice(0, at));
    if (!and || !s.slice(0, and.index).split(' ').some((w) => isRoleNoun(w))) return null;
    s = s.slice(0, and.index);
  }
  return { role: s, former };
}

/** "Nordmark Gov." reads "Nordmark governor", "Lt. Gen." "lieutenant general". */
function expandAbbreviations(s: string): string {
  return s.replace(/\b(\p{L}{2,4})\.(?=\s|$)/gu, (m, w: string) => TITLE_ABBREVIATIONS[w.toLowerCase()] ?? m);
}

/** "the next ambassador", "its future head": a post someone is to take up, not one they hold. */
export const isFuturePost = (role: string) => /(?:^|\s)(?:next|future)\s/i.test(role);

/** Ranks that alone say little of what someone does ("General", "Colonel"): the weakest roles. */
export const BARE_RANKS = new Set(['general', 'colonel', 'captain', 'lieutenant', 'sergeant', 'admiral', 'marshal', 'major', 'member', 'official', 'officials']);

/**
 * How well a role phrase says what someone is, lower is better: an office ("defence minister",
 * "US special envoy") before a function ("head of the delegation"), a bare rank last.
 */
export function rolePriority(role: string, how: RoleHow): number {
  const words = role.toLowerCase().split(/\s+/);
  if (words.length === 1 && (BARE_RANKS.has(words[0]) || HONORIFICS.has(words[0].replace(/\.$/, '')))) return 4;
  // "Lieutenant Colonel", "Major-General": a rank in several words is still a rank.
  if (words.every((w) => w.split('-').every((x) => BARE_RANKS.has(x)))) return 4;
  // "retired general": a rank with what says when is still a rank.
  if (words.length === 2 && /^(?:retired|serving|four-star|three-star|two-star|one-star)$/.test(words[0]) && BARE_RANKS.has(words[1])) return 4;
  // "Moscow's next ambassador": a post they are to take up is not yet what they are.
  if (isFuturePost(role)) return 2;
  // "styled secretary of war": what their office is also called, after the office itself.
  if (/^(?:styled|dubbed|known as)\s/.test(role)) return 3;
  if (how === 'list' || how === 'led' || /^head of (?:the )?(?:\S+\s+)?(?:delegation|team|group|mission)\b/i.test(role)) return 2;
  if (words.length === 1) return 1.5;
  return 1;
}

/** Where a role said of someone stops: punctuation, or a word that starts another clause. */
const ROLE_END = String.raw`(?=\s*[,.;:()“”"«»„]|\s+and(?!\s+\p{Lu})|\s+and\s+\p{Lu}[\p{L}’'-]+\s+\p{Lu}[\p{L}’'-]+\s+as\s|\s+(?:while|since|after|before|when|in|on|at|from|until|who|which|but|because|with|by|to\s+replace|replacing|succeeding|for\s+(?:the\s+)?(?:first|second|third|last)\b|(?:this|last|next)\s+(?:week|weekend|month|year|morning|afternoon|evening|spring|summer|autumn|winter)\b)\b|$)`;
const ROLE_WORDS = String.raw`(?:(?:the|a|an)\s+)?(?:new\s+)?((?:[\p{L}’'.-]+\s+){0,7}?[\p{L}’'.-]+)`;
/** Verbs that give someone a post: "appointed X defence minister", "X was named envoy". */
const APPOINT = String.raw`(?:named|names|appointed|appoints|appoint|nominated|nominates|nominate|elected|confirmed|confirm|installed|made|sworn in|chosen|chose|chooses|picked|picks|tapped|taps|promoted|proposed|proposes|reappointed|renominated|renominates|kept|keeps|retained|retains|making|naming|appointing)`;
/** "has since been named", "was just appointed": an adverb inside the passive. */
const PASSIVE_ADVERB = '(?:since|now|just|recently|already|finally|formally|officially|also|quietly)';
/** What may stand between a name and a verb that gives it a role: an appositive, "of the CDU", "came home and in February". */
const BEFORE_VERB = String.raw`,?(?:,(?:(?!,\s+and\s)[^;“”"]){1,120}?,)?(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2})?(?:\s+[^.;,“”"]{1,70}?\s+and(?:\s+(?:in|on|at)\s+[\p{L}\d]+(?:\s+\d{4})?|\s+later|\s+then|\s+now)?)?`;
/** "… and Serhii Marchenko as finance minister": a post given with "as" (not "as a …", which likens). */
const AS_ROLE = new RegExp(String.raw`^\s+as\s+(?!(?:a|an)\s)` + ROLE_WORDS + ROLE_END, 'u');
const SAID_AFTER: [RegExp, { former?: boolean; fresh?: boolean; how: RoleHow }][] = [
  // "X is the new energy minister", "X was prime minister in 2005" (behind them), "X remains foreign minister"
  [new RegExp(String.raw`^\s*` + BEFORE_VERB + String.raw`\s+(is|is also|remains|remained|is now|has become|had become|became|becomes|will become|was|has been|has also been|had been|stayed on as|stays on as|stayed as|continues as|continued as|kept (?:his|her) (?:post|job) as)\s+` + ROLE_WORDS + ROLE_END, 'u'), { how: 'predicate' }],
  // "X was appointed head of the office", "X has been named special envoy", "X takes over as defence minister"
  [new RegExp(String.raw`^\s*` + BEFORE_VERB + String.raw`\s+(?:(?:(?:was|is|were)(?:\s+${PASSIVE_ADVERB})?|(?:has|had)(?:\s+${PASSIVE_ADVERB})?\s+been|(?:will|is to)(?:\s+${PASSIVE_ADVERB})?\s+be)\s+(?:formally\s+|officially\s+|also\s+)?` + APPOINT + String.raw`(?:\s+on\s+\p{Lu}\p{Ll}+)?(?:\s+by\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?)?(?:\s+in\s+a\s+[\d–-]+\s+vote)?(?:\s+as)?|(?:takes|took|take|taking|will take)\s+over\s+as|(?:who\s+)?(?:moves|moved|moving)\s+[^,.;]{1,40}?\s+to\s+become|who\s+(?:becomes|became|takes over as|took over as)|(?:(?:had|has|have)\s+(?:already\s+)?)?(?:to\s+)?(?:succeed|succeeds|succeeded|replace|replaces|replaced)\s+(?:\p{Lu}[\p{L}’'-]*\s+){1,3}(?:(?:in|on)\s+[\p{L}\d]+\s+)?as)\s+` + ROLE_WORDS + ROLE_END, 'u'), { how: 'predicate', fresh: true }],
  // "… and Serhii Marchenko as finance minister", "Budanov, in his new job as head of the office,"
  // (Not "the description of X as a dictator": "as a …" likens, it does not give a post.)
  [AS_ROLE, { how: 'predicate' }],
  [new RegExp(String.raw`^,?\s+[^,.;]{0,60}?\b(?:his|her|their)\s+new\s+(?:job|role|post|position|office)\s+as\s+` + ROLE_WORDS + ROLE_END, 'u'), { how: 'predicate', fresh: true }],
  // "Budanov, the former spy chief, now head of the office," / "X, now defence minister,"
  [new RegExp(String.raw`^(?:,[^,;“”"]{1,80})?,\s+now\s+` + ROLE_WORDS + ROLE_END, 'u'), { how: 'appositive' }],
  // "X’s appointment as head of the office", "X’s promotion to deputy minister"
  [new RegExp(String.raw`^[’']s\s+(?:appointment|nomination|confirmation|election|promotion|move|elevation)\s+(?:as|to)\s+` + ROLE_WORDS + ROLE_END, 'u'), { how: 'predicate', fresh: true }],
];
/** "… was named secretary of the State Council at the end of the month, replacing ": the office named. */
const NAMED_BEFORE = new RegExp(String.raw`\b(?:was|has been|had been|is|were)\s+` + APPOINT + String.raw`(?:\s+as)?\s+` + ROLE_WORDS + ROLE_END + String.raw`[^,;]*,\s+(?:replacing|succeeding)\s+$`, 'u');

/** "X will lead the delegation", "X took charge of the ministry", "named X to head the office": a function taken up. */
const LEADS_AFTER = new RegExp(String.raw`^\s+(?:(?:will|would|is to|was to|is set to)\s+)?(?:lead|leads|led|head|heads|headed|took charge of|takes charge of|run|runs)\s+(?!of\s)((?:the\s+)?(?:[\p{L}’'-]+\s+){0,4}?(?:delegation|team|office|ministry|government|council|service|agency|talks|negotiations|directorate|committee|commission|army|forces))\b`, 'u');
const TO_HEAD_AFTER = new RegExp(String.raw`^\s+to\s+(?:lead|head|run)\s+((?:the\s+)?(?:[\p{L}’'-]+\s+){0,4}?[\p{L}’'-]+)` + ROLE_END, 'u');
/** "appointed X defence minister", "named him envoy": the verb before the name gives the role after it. */
const APPOINTED_BEFORE = new RegExp(String.raw`\b(?:has|have|had)?\s*` + APPOINT + String.raw`(?:\s+on\s+\p{Lu}\p{Ll}+)?\s+$`, 'u');
// "appointed X defence minister", "proposed X, a civilian economist, as the new defence minister"
// ("naming X, the secretary of the Security and Defence Council, as head of …": an "and" inside a name does not end the appositive.)
// ("nominated X for a second term as president of the commission")
const AFTER_OBJECT = new RegExp(String.raw`^(?:,(?:(?<=\p{Lu}[\p{L}’'-]*)\s+and(?=\s+\p{Lu})|(?!\s+and\s+\p{Lu})[^;“”"]){1,140}?,)?\s+(?:on\s+\p{Lu}\p{Ll}+\s+)?(?:for\s+(?:a|another)\s+(?:[\p{L}-]+\s+)?term\s+)?(?:as\s+|to\s+be\s+)?` + ROLE_WORDS + ROLE_END, 'u');

const JOINED_AS = new RegExp(String.raw`^(?:,\s+who\s+(?:has\s+|had\s+)?joined|\s+(?:has\s+|had\s+)?joined|\s+(?:(?!\p{Lu}[\p{L}’'-]+\s+\p{Lu})[^.;,“”"]){1,120}?\s+(?:before|after|since)\s+joining)\s+((?:the\s+)?\p{Lu}[\p{L}’'&-]*(?:\s+(?:of|for|and|\p{Lu}[\p{L}’'&-]*))*?)\s+as\s+(?:a|an)\s+` + ROLE_WORDS + ROLE_END, 'u');

const NO_LONGER = new RegExp(String.raw`^,?\s+who\s+(?:[^,;]{0,40}?\s)?(?:has|is|was|had)\s+no\s+longer\s+(?:been\s+)?` + ROLE_WORDS + String.raw`\s+but\s+` + ROLE_WORDS + ROLE_END, 'u');

/** What a sentence says when someone leaves office: "X resigned", "X stepped down as envoy". */
export const LEFT_OFFICE = '(left office)';
const LEAVES = new RegExp(String.raw`^\s*` + BEFORE_VERB + String.raw`(?:,?\s+who)?\s+(?:has\s+|had\s+)?(?:resigned|stepped down|steps down|quit|quits|resigns|left office|was dismissed|was fired|was sacked|was removed|was ousted|has been dismissed|was replaced|was succeeded|handed over|hands over|bows out|bowed out|(?:submitted|submits|tendered|tenders|handed in|hands in|announced|announces) (?:his|her) resignation)\b(?:\s+as\s+` + ROLE_WORDS + ROLE_END + String.raw`)?`, 'u');

const OUSTED_BEFORE = /\b(?:took over from|takes over from|take over from|taking over from|succeeding|succeeded|succeeds|to succeed|replacing|replaced|replaces|to replace|successor to|in place of|dismissed|fired|sacked|ousted|removed|dismissing|firing)\s+(?:(?:the|a)\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+,\s+)?$/u;

export interface SaidRole {
  text: string;
  how: RoleHow;
  /** The sentence says the role is behind them ("X was prime minister in 2005"). */
  former: boolean;
  /** The sentence says they take it up now ("was appointed", "his new job as"). */
  fresh: boolean;
}

const hasRoleNoun = (phrase: string) => phrase.split(/\s+/).some((w) => isRoleNoun(w));
/** A role noun, also inside a compound ("vice-chancellor", "co-leader") or abbreviated ("Sen."). */
export function isRoleNoun(word: string): boolean {
  const w = fold(word).replace(/['’]s$/, '').replace(/\.$/, '');
  return ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, '')) || (w.includes('-') && ROLE_NOUNS.has(w.split('-').pop()!)) || germanTitle(w);
}

/** German compound titles: "Kremlchef", "Außenministerin", "Regierungssprecher". */
const GERMAN_TITLE = /^\p{L}{3,}(?:chef|chefin|minister|ministerin|kanzler|kanzlerin|präsident|prasident|präsidentin|prasidentin|sprecher|sprecherin|berater|beraterin|botschafter|botschafterin|beauftragter|beauftragte|gesandter)$/u;
export const germanTitle = (w: string) => GERMAN_TITLE.test(w);

/**
 * Roles a sentence says of the name (or pronoun) at [start, end): "X is the new energy minister",
 * "X was appointed head of the office", "X, who moves … to become justice minister", "X as finance
 * minister", "X, in his new job as …", and "appointed X defence minister".
 */
/** Words that make a role a possibility, not a fact: "considering X as ambassador", "X was tipped as …". */
const HYPOTHETICAL_WORDS = /\b(?:consider|considers|considering|considered|might|could|would|possible|possibly|potential|potentially|tipped|rumou?red|speculat\w*|expected to|likely|candidate)\b/i;
// ("may" in lower case only: "May 13" is a date.)
const isHypothetical = (s: string) => HYPOTHETICAL_WORDS.test(s) || /\bmay\b/.test(s);

/** "X as interior minister and Serhii M as finance minister": the role ends where the next name starts. */
function beforeNextName(phrase: string): string {
  const next = /\s+and\s+(\p{Lu}[\p{L}’'-]+)\s+\p{Lu}/u.exec(phrase);
  return next && (givenNames().has(fold(next[1])) || FIRST_NAMES.has(fold(next[1]))) ? phrase.slice(0, next.index) : phrase;
}

export function rolesSaidOf(text: string, start: number, end: number): SaidRole[] {
  const out: SaidRole[] = [];
  const sentenceStart = Math.max(0, text.lastIndexOf('. ', start) + 1);
  if (isHypothetical(text.slice(sentenceStart, start)) || isHypothetical(text.slice(end, end + 30))) return out;
  // "Lund, a developer and golf partner of President X, was named envoy": a name inside a phrase
  // (after "of", "to", "with" and its title words) closes an appositive; the verb after the comma is its head's.
  const closesAppositive = /^,/.test(text.slice(end, end + 1)) && /\b(?:of|to|with|for)\s+(?:(?:\p{Lu}[\p{L}.’'-]*|the)\s+){0,3}$/u.test(text.slice(Math.max(sentenceStart, start - 60), start)) && /,[^,]*$/.test(text.slice(sentenceStart, start));
  const after = closesAppositive ? '' : text.slice(end, end + 220);
  // "X replaced Y as deputy minister": the role after the one replaced is the one they leave (read below).
  const replaced = OUSTED_BEFORE.test(text.slice(Math.max(0, start - 60), start));
  for (const [re, kind] of SAID_AFTER) {
    if (replaced && re === AS_ROLE) continue;
    const m = re.exec(after);
    const phrase = m?.[m.length - 1];
    if (!phrase || !hasRoleNoun(phrase)) continue;
    const cut = beforeNextName(phrase);
    if (cut !== phrase) {
      if (hasRoleNoun(cut)) out.push({ text: cut, how: kind.how, former: false, fresh: !!kind.fresh });
      continue;
    }
    // "has been named as envoy" is the appointment pattern's to read, not "has been" + a role.
    if (new RegExp(String.raw`^(?:formally\s+|officially\s+|also\s+)?${APPOINT}\b`, 'u').test(phrase)) continue;
    out.push({ text: phrase, how: kind.how, former: /^(?:was|had been)$/.test(m![1] ?? '') && !kind.fresh, fresh: !!kind.fresh || /^(?:becomes|became|has become|will become)$/.test(m![1] ?? '') });
  }
  // "X, who since last week has no longer been defence minister but secretary of the Council": one behind, one now.
  const noLonger = NO_LONGER.exec(after);
  if (noLonger) {
    if (hasRoleNoun(noLonger[1])) out.push({ text: noLonger[1], how: 'relative', former: true, fresh: false });
    if (hasRoleNoun(noLonger[2])) out.push({ text: noLonger[2], how: 'relative', former: false, fresh: true });
  }
  if (APPOINTED_BEFORE.test(text.slice(Math.max(0, start - 40), start))) {
    const m = AFTER_OBJECT.exec(after);
    const role = m && beforeNextName(m[1]);
    if (role && hasRoleNoun(role)) out.push({ text: role, how: 'predicate', former: false, fresh: true });
    const to = TO_HEAD_AFTER.exec(after);
    if (to) out.push({ text: `head of ${to[1]}`, how: 'predicate', former: false, fresh: true });
  }
  // "Yermak’s resignation", "the resignation of X", "X’s dismissal": a departure named as a noun.
  if (/^[’']s\s+(?:resignation|dismissal|sacking|ouster|departure|exit|removal)\b/.test(after) || /\b(?:resignation|dismissal|sacking|ouster|departure|removal)\s+of\s+(?:[\p{L}-]+\s+){0,3}$/u.test(text.slice(Math.max(0, start - 40), start))) {
    out.push({ text: LEFT_OFFICE, how: 'predicate', former: true, fresh: false });
  }
  // "X, …, replacing Y, who resigned": a "who" right after a name in the appositive is that name's.
  const left = [LEAVES.exec(after)].find((m) => m && !/\p{Lu}[\p{L}’'-]+\s*,\s*who\b/u.test(m[0]));
  if (left) out.push({ text: left[1] ?? LEFT_OFFICE, how: 'predicate', former: true, fresh: false });
  // "Merz took over from Olaf Scholz", "replacing X", "he dismissed the finance minister, X": X is out of office.
  const before = text.slice(Math.max(0, start - 60), start);
  // "The defence ministry went to X": X takes the ministry's office.
  const went = /\b[Tt]he\s+((?:[\p{Ll}-]+\s+){1,2})ministry\s+(?:went|goes|passed|passes|fell|falls)\s+to\s+$/u.exec(before);
  if (went) out.push({ text: `${went[1]}minister`, how: 'predicate', former: false, fresh: true });
  // "His successor at the defence ministry is (the former head of government) X": X is its minister.
  const successor = /\bsuccessor\s+at\s+the\s+((?:[\p{Ll}-]+\s+){1,2})ministry\s+(?:is|was|will be|became|is now)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,5}$/u.exec(text.slice(Math.max(0, start - 110), start));
  if (successor) out.push({ text: `${successor[1]}minister`, how: 'predicate', former: false, fresh: true });
  if (OUSTED_BEFORE.test(before)) {
    // "replaced X as …", "replaced X in May as …"
    const asAt = /^(?:\s+(?:in|on|at)\s+[\p{L}\d]+(?:\s+\d{4})?)?\s+as\s+/u.exec(after);
    let as = asAt ? AFTER_OBJECT.exec(` as ${after.slice(asAt[0].length)}`) : null;
    // "Y was named secretary of the council, replacing X": X leaves the office Y takes.
    const named = !as && /,\s+(?:replacing|succeeding)\s+$/.test(before) ? NAMED_BEFORE.exec(text.slice(sentenceStart, start)) : null;
    if (named) as = named;
    // How 'before': a successor's verb tells of a change that may be long past ("the economist who
    // succeeded X in May"); it ends only the offices earlier articles gave (see knowledge/roles.ts).
    out.push({ text: as && hasRoleNoun(as[1]) ? as[1] : LEFT_OFFICE, how: as && hasRoleNoun(as[1]) ? 'predicate' : 'before', former: true, fresh: false });
    // The office the successor was named to is one X leaves; what else X held ends as "replacing X" alone would end it.
    if (named && hasRoleNoun(named[1])) out.push({ text: LEFT_OFFICE, how: 'before', former: true, fresh: false });
  }
  // "X joined the Nordic Institute as a senior fellow", "… before joining the Institute as a fellow": a post at a body.
  const joined = JOINED_AS.exec(after);
  if (joined && hasRoleNoun(joined[2])) out.push({ text: `${joined[2]} at ${joined[1]}`, how: 'predicate', former: false, fresh: false });
  const leads = LEADS_AFTER.exec(after);
  if (leads && !/\bled\b/.test(leads[0]) ) out.push({ text: `head of ${leads[1]}`, how: 'relative', former: false, fresh: false });
  return out;
}

/**
 * Role phrases around a name: a title before it ("US special envoy"), an appositive after it
 * ("X, an adviser to Y,"), "Kharkiv’s mayor, X", "a delegation led by X", "X, who heads …".
 * Pure functions over one paragraph's text and a name's offsets.
 */
import { HONORIFICS, ROLE_MODIFIERS, ROLE_NOUNS } from './lexicon/names.ts';
import { CAPITALS, COUNTRIES, NATIONALITIES } from './lexicon/places.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';

export const isPlaceWord = (f: string) => COUNTRIES.has(f) || CAPITALS.has(f) || f in NATIONALITIES;
export const isRoleWord = (f: string) => ROLE_NOUNS.has(f) || ROLE_MODIFIERS.has(f) || HONORIFICS.has(f.replace(/\.$/, ''));

const APPOSITIVE = /^,\s+(?:(?:a|an|the)\s+)?((?:[^,.;:()“”"]|\.(?=\S)|(?<=(?:^|[\s.])\p{Lu})\.){2,90}?)(?=,|(?<!\p{Lu})\.(?:\s|$)|;|$|\s+who\s|\s+which\s)/u;
const RELATIVE_ROLE = /^,\s+who\s+(?:again\s+|also\s+|once again\s+|still\s+|now\s+|then\s+|previously\s+|had\s+|has\s+)?(?:led|leads|heads|headed|chairs|chaired)\s+((?:the\s+)?[^,.;]{2,60}?)(?=,|\.(?:\s|$)|;|$)/u;
/** "Kharkiv’s mayor, NAME" / "Its spokeswoman, NAME": a role set off by a comma before the name. */
const ROLE_BEFORE_COMMA = /(?:^|[\s(])((?:(?:\p{Lu}[\p{L}’'.-]*[’']s|its|his|her|their|the)\s+)?(?:[\p{L}.-]+\s+){0,3}?[\p{L}-]+),\s+$/u;

/** "NAME, a foreign policy expert from X," -> the role phrase, when it has a role noun. */
export function appositiveRole(text: string, end: number): string | null {
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
export function relativeRole(text: string, end: number): string | null {
  const m = RELATIVE_ROLE.exec(text.slice(end));
  return m ? `head of ${m[1].replace(/^the\s+/, 'the ')}` : null;
}

/** "NAME, who had led the government since 2020," / "who previously headed …": a role behind them. */
export function relativeRoleIsPast(text: string, end: number): boolean {
  return /^,\s+who\s+(?:had|previously|once|formerly|until recently)\b/.test(text.slice(end, end + 40));
}

/** "Kharkiv’s mayor, NAME": the words before the comma, when they end in a role noun. */
export function roleBeforeComma(text: string, start: number): string | null {
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


/** How the text gives a role: a title before the name, an appositive after it, and so on. */
export type RoleHow = 'title' | 'appositive' | 'relative' | 'predicate' | 'before' | 'list' | 'led';

/** "NAME, who was energy minister until July," / "NAME, who became prime minister in July,". */
const RELATIVE_PAST = /^,\s+(?:who|until recently)\s+(was|had been|served as|has been|is|became|becomes|is now|was named|was appointed)\s+((?:[^,.;]|\.(?=\S)){2,80}?)(?=,|\.(?:\s|$)|;|$)/u;

/** "NAME, who was energy minister until July" -> the role, and whether it is behind them. */
export function relativeRoleOverTime(text: string, end: number): { text: string; former: boolean } | null {
  const m = RELATIVE_PAST.exec(text.slice(end));
  if (!m) return null;
  const words = m[2].split(/\s+/).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  if (!words.some((w) => ROLE_NOUNS.has(w))) return null;
  const past = /^(was|had been|served as)$/.test(m[1]) || /\b(?:until|before|till)\b/.test(m[2]);
  return { text: m[2].trim(), former: past };
}

const FORMER = /^(?:former|ex-|ex|outgoing|then-?|previous|previously|erstwhile|one-time|onetime|until now|until recently|ehemalige[rn]?|ancien(?:ne)?)\s+/i;
const UNTIL = /\s+(?:until|till|up to)\s+[^,;]{2,30}$/i;
/** "prime minister since March 2020": the date says how long, the role is the words before it. */
const SINCE = /\s+(?:since|from)\s+(?:\p{Lu}\p{Ll}+\s+)?\d{4}$|\s+since\s+\p{Lu}\p{Ll}+$/u;
/** Words that make a phrase a clause or a sentence's tail rather than a role. */
const NOT_IN_A_ROLE = /\b(?:is|was|were|are|has|had|have|will|would|said|says|told|who|which|that|when|while|after|because|if|whose|whom)\b/i;

/**
 * A role phrase made fit to show, or null when it is no role: a clause, the tail of a sentence,
 * a list of other people. "former defence minister" is a role that is behind them; so is one
 * "until September".
 */
export function cleanRole(raw: string, otherNames: string[] = []): { role: string; former: boolean } | null {
  let s = raw.replace(/\s+/g, ' ').trim().replace(/^(?:a|an|the)\s+/i, '').replace(/[\s,;:–—-]+$/, '');
  let former = false;
  const f = FORMER.exec(s);
  if (f) {
    former = true;
    s = s.slice(f[0].length);
  }
  if (UNTIL.test(s)) {
    former = true;
    s = s.replace(UNTIL, '');
  }
  s = s.replace(SINCE, '');
  if (!s || /^(?:and|or|but|as|with|of)\b/i.test(s) || /[“”"«»„‘]|’(?!s\b)/.test(s)) return null;
  if (NOT_IN_A_ROLE.test(s)) return null;
  const words = s.split(' ');
  if (words.length > 10) return null;
  // "Mr", "Sir": a form of address, not a role.
  if (words.length === 1 && HONORIFICS.has(words[0].toLowerCase().replace(/\.$/, ''))) return null;
  if (!words.some((w) => isRoleWord(w.toLowerCase().replace(/['’]s$/, '').replace(/s$/, '')) || ROLE_NOUNS.has(w.toLowerCase()))) return null;
  // "… and first deputy foreign minister Serhiy K": a role phrase that names someone else is a list.
  for (const n of otherNames) {
    const at = s.indexOf(n);
    if (at >= 0 && !/^[’']s\b/.test(s.slice(at + n.length))) return null;
  }
  return { role: s, former };
}

/** Ranks that alone say little of what someone does ("General", "Colonel"): the weakest roles. */
const BARE_RANKS = new Set(['general', 'colonel', 'captain', 'lieutenant', 'sergeant', 'admiral', 'marshal', 'major', 'member', 'official', 'officials']);

/**
 * How well a role phrase says what someone is, lower is better: an office ("defence minister",
 * "US special envoy") before a function ("head of the delegation"), a bare rank last.
 */
export function rolePriority(role: string, how: RoleHow): number {
  const words = role.toLowerCase().split(/\s+/);
  if (words.length === 1 && (BARE_RANKS.has(words[0]) || HONORIFICS.has(words[0].replace(/\.$/, '')))) return 4;
  if (how === 'list' || how === 'led' || /^head of (?:the )?(?:\S+\s+)?(?:delegation|team|group|mission)\b/i.test(role)) return 2;
  if (words.length === 1) return 1.5;
  return 1;
}

/** Where a role said of someone stops: punctuation, or a word that starts another clause. */
const ROLE_END = String.raw`(?=\s*[,.;:()“”"«»„]|\s+and(?!\s+\p{Lu})|\s+(?:while|since|after|before|when|in|on|at|from|until|who|which|but|because|with|to\s+replace|replacing|succeeding|for\s+(?:the\s+)?(?:first|second|third|last)\b)\b|$)`;
const ROLE_WORDS = String.raw`(?:(?:the|a|an)\s+)?(?:new\s+)?((?:[\p{L}’'.-]+\s+){0,7}?[\p{L}’'.-]+)`;
/** Verbs that give someone a post: "appointed X defence minister", "X was named envoy". */
const APPOINT = String.raw`(?:named|appointed|nominated|elected|confirmed|installed|made|sworn in|chosen|picked|tapped|promoted)`;
const SAID_AFTER: [RegExp, { former?: boolean; fresh?: boolean; how: RoleHow }][] = [
  // "X is the new energy minister", "X was prime minister in 2005" (behind them), "X remains foreign minister"
  [new RegExp(String.raw`^\s+(?:,[^,]{1,60},\s+)?(is|remains|is now|has become|had become|became|becomes|will become|was)\s+` + ROLE_WORDS + ROLE_END, 'u'), { how: 'predicate' }],
  // "X was appointed head of the office", "X has been named special envoy", "X takes over as defence minister"
  [new RegExp(String.raw`^\s+(?:,[^,]{1,60},\s+)?(?:(?:was|has been|had been|is|will be|were|is to be)\s+(?:formally\s+|officially\s+|also\s+)?` + APPOINT + String.raw`(?:\s+on\s+\p{Lu}\p{Ll}+)?(?:\s+as)?|(?:takes|took|take|taking|will take)\s+over\s+as|(?:moves|moved|moving)\s+[^,.;]{1,40}?\s+to\s+become|who\s+(?:becomes|became|takes over as|took over as))\s+` + ROLE_WORDS + ROLE_END, 'u'), { how: 'predicate', fresh: true }],
  // "… and Serhii Marchenko as finance minister", "Budanov, in his new job as head of the office,"
  [new RegExp(String.raw`^\s+as\s+` + ROLE_WORDS + ROLE_END, 'u'), { how: 'predicate' }],
  [new RegExp(String.raw`^,?\s+[^,.;]{0,60}?\b(?:his|her|their)\s+new\s+(?:job|role|post|position|office)\s+as\s+` + ROLE_WORDS + ROLE_END, 'u'), { how: 'predicate', fresh: true }],
];
/** "appointed X defence minister", "named him envoy": the verb before the name gives the role after it. */
const APPOINTED_BEFORE = new RegExp(String.raw`\b(?:has|have|had)?\s*` + APPOINT + String.raw`(?:\s+on\s+\p{Lu}\p{Ll}+)?\s+$`, 'u');
const AFTER_OBJECT = new RegExp(String.raw`^\s+(?:on\s+\p{Lu}\p{Ll}+\s+)?(?:as\s+)?` + ROLE_WORDS + ROLE_END, 'u');

export interface SaidRole {
  text: string;
  how: RoleHow;
  /** The sentence says the role is behind them ("X was prime minister in 2005"). */
  former: boolean;
  /** The sentence says they take it up now ("was appointed", "his new job as"). */
  fresh: boolean;
}

const hasRoleNoun = (phrase: string) => phrase.split(/\s+/).some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/['’]s$/, '')));

/**
 * Roles a sentence says of the name (or pronoun) at [start, end): "X is the new energy minister",
 * "X was appointed head of the office", "X, who moves … to become justice minister", "X as finance
 * minister", "X, in his new job as …", and "appointed X defence minister".
 */
/** Words that make a role a possibility, not a fact: "considering X as ambassador", "X was tipped as …". */
const HYPOTHETICAL = /\b(?:consider|considers|considering|considered|might|could|would|may|possible|possibly|potential|potentially|tipped|rumou?red|speculat\w*|expected to|likely|candidate)\b/i;

export function rolesSaidOf(text: string, start: number, end: number): SaidRole[] {
  const out: SaidRole[] = [];
  const sentenceStart = Math.max(0, text.lastIndexOf('. ', start) + 1);
  if (HYPOTHETICAL.test(text.slice(sentenceStart, start)) || HYPOTHETICAL.test(text.slice(end, end + 30))) return out;
  const after = text.slice(end, end + 220);
  for (const [re, kind] of SAID_AFTER) {
    const m = re.exec(after);
    const phrase = m?.[m.length - 1];
    if (!phrase || !hasRoleNoun(phrase)) continue;
    out.push({ text: phrase, how: kind.how, former: m![1] === 'was' && !kind.fresh, fresh: !!kind.fresh || /^(?:becomes|became|has become|will become)$/.test(m![1] ?? '') });
  }
  if (APPOINTED_BEFORE.test(text.slice(Math.max(0, start - 40), start))) {
    const m = AFTER_OBJECT.exec(after);
    if (m && hasRoleNoun(m[1])) out.push({ text: m[1], how: 'predicate', former: false, fresh: true });
  }
  return out;
}

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
const RELATIVE_ROLE = /^,\s+who\s+(?:led|leads|heads|headed|chairs|chaired)\s+((?:the\s+)?[^,.;]{2,60}?)(?=,|\.(?:\s|$)|;|$)/u;
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


/**
 * Definite descriptions of a person by office: "the Ukrainian president", "the Kremlin spokesman",
 * "the head of Russian diplomacy". One reader for every place that asks who such a phrase means
 * (a quotation's source, a sentence's subject, a closing "…, the minister said.", the knowledge
 * base's view of a source), so they agree on what a description is. Pure.
 */
import { ROLE_NOUNS } from './lexicon/names.ts';
import { NATIONALITIES } from './lexicon/places.ts';
import { affiliationOf } from './roles.ts';
import { germanOffice } from './lexicon/german-titles.ts';
import { fold } from '../text/normalize.ts';

export interface Description {
  /** The office noun ("president"), or a fixed office phrase ("head of state"). */
  head: string;
  /** The words before it, lower case ("ukrainian", "former"). */
  mods: string[];
}

/** "the" and up to four words before the office noun. */
const DESCRIPTION = /^the\s+((?:[\p{L}’'.-]+\s+){0,4}?)([\p{L}-]+)$/iu;
const NOT_MODIFIERS = new Set('the a an of and or his her its their who which that said says told has had is was'.split(' '));
const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);

/** Seats of an office and the office they stand for, with its nationality. */
const SEATS: Record<string, [string, string]> = {
  'white house': ['american', 'president'],
  kremlin: ['russian', 'president'],
  elysee: ['french', 'president'],
  'downing street': ['british', 'prime'],
  bankova: ['ukrainian', 'president'],
};
const SEAT_OF_OFFICE = /^the\s+(?:head|master|tenant|occupant|boss|chief|leader|host)\s+of\s+(?:the\s+)?(white house|kremlin|[ée]lys[ée]e(?:\s+palace)?|downing street|bankova)$/iu;

/**
 * The description a whole phrase is, or null: "the Ukrainian head of state", "the head of Russian
 * diplomacy" (French "le chef de la diplomatie russe", a nationality inside), "the outgoing US
 * defence secretary".
 */
export function readDescription(phrase: string): Description | null {
  const t = phrase.trim().replace(/\s+/g, ' ');
  const office = /^the\s+((?:[\p{L}’'.-]+\s+){0,3}?)(?:head|chief)\s+of\s+(?:the\s+)?((?:[\p{L}’'.-]+\s+){0,2}?)(state|government|diplomacy)$/iu.exec(t);
  if (office) return { head: `head of ${office[3].toLowerCase()}`, mods: words(office[1] + office[2]) };
  // "the head of the White House", "the master of the Kremlin": a translation's name for a leader by
  // the seat of the office.
  const seat = SEAT_OF_OFFICE.exec(t);
  if (seat) {
    const [nationality, office] = SEATS[seat[1].toLowerCase().replace(/\s+palace$/, '').normalize('NFD').replace(/\p{M}/gu, '')];
    return { head: office, mods: [nationality] };
  }
  const m = DESCRIPTION.exec(t);
  if (!m) return null;
  const mods = words(m[1]);
  if (!ROLE_NOUNS.has(m[2].toLowerCase())) {
    // "the Hungarian Ministerpräsident": a German title is the English office it names.
    const german = germanOffice(fold(m[2]).toLowerCase());
    return german && !mods.some((w) => NOT_MODIFIERS.has(w)) ? { head: german[german.length - 1], mods: [...mods, ...german.slice(0, -1)] } : null;
  }
  // "the secretary general", "the attorney general": one office, not a general.
  if (m[2].toLowerCase() === 'general' && mods.length && ROLE_NOUNS.has(mods[mods.length - 1])) {
    if (mods.some((w) => NOT_MODIFIERS.has(w))) return null;
    return { head: `${mods[mods.length - 1]} general`, mods: mods.slice(0, -1) };
  }
  // "the president said the minister": a clause, not one description.
  if (mods.some((w) => NOT_MODIFIERS.has(w))) return null;
  return { head: m[2].toLowerCase(), mods };
}

/**
 * The description a sentence opens with, when its subject is one: "The Russian president said …".
 * The shortest opening that reads as a description and is followed by a word in lower case (its verb).
 */
export function descriptionAtStart(sentence: string): Description | null {
  // (A live blog's "13:20 — " is no part of the sentence.)
  sentence = sentence.replace(/^\s*\d{1,2}[:.]\d{2}\s*[—–-]\s*/, '');
  // "Ukraine's chief negotiator says …" is "the Ukrainian chief negotiator".
  const owner = /^\s*(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)['’]s\s+(?=\p{Ll})/u.exec(sentence);
  const adjective = owner ? ADJECTIVE_OF.get(fold(owner[1]).toLowerCase()) : undefined;
  if (owner && adjective) sentence = `the ${adjective} ${sentence.slice(owner[0].length)}`;
  // "On leaving the palace, the Nordish president was more reserved": past an opening
  // adverbial (a preposition's or a participle's phrase), the subject.
  const lead = OPENING_ADVERBIAL.exec(sentence);
  return describingOpening(sentence)?.description ?? (lead ? describingOpening(sentence.slice(lead[0].length))?.description ?? null : null);
}

const OPENING_ADVERBIAL = /^\s*(?:on|after|before|while|when|in|at|during|later|earlier|afterwards|then|for\s+(?:his|her)\s+part|\p{Ll}+ing)\b[^,;“”"]{0,60},\s+(?=the\s)/iu;

/** A country's adjective by its name ("ukraine" -> "ukrainian"): a possessive is a nationality. */
const ADJECTIVE_OF = new Map<string, string>();
for (const [adjective, country] of Object.entries(NATIONALITIES)) {
  const key = country.toLowerCase();
  if (!ADJECTIVE_OF.has(key) && /^\p{L}+$/u.test(adjective) && adjective.length > 3) ADJECTIVE_OF.set(key, adjective);
}

const OPENINGS = new Map<number, RegExp>();

/** The same, with the words that say it ("The Nordish senator"), within the first `words` + 1 words. */
export function describingOpening(sentence: string, words = 7): { phrase: string; description: Description } | null {
  let opening = OPENINGS.get(words);
  if (!opening) OPENINGS.set(words, (opening = new RegExp(String.raw`^\s*(the\s+(?:[\p{L}’'.-]+\s+){1,${words}})`, 'iu')));
  const m = opening.exec(sentence);
  if (!m) return null;
  const ws = m[1].trim().split(/\s+/);
  // The shortest such opening: "The Russian president said the minister …" is about the president.
  // ("of" goes on with the office: "the head of state".)
  for (let k = 2; k < ws.length; k++) {
    if (!/^\p{Ll}/u.test(ws[k]) || ws[k] === 'of') continue;
    const phrase = ws.slice(0, k).join(' ');
    const description = readDescription(phrase);
    if (description) return { phrase, description };
  }
  return null;
}

/**
 * Offices a description may stand for when it names a country: "the Russian leader" is its president
 * or prime minister, "the Ukrainian head of state" its president, "the head of Ukrainian diplomacy"
 * its foreign minister. Without a country they say too little to pick anyone.
 */
const DESCRIBED_OFFICES: Record<string, string[]> = Object.assign(Object.create(null) as Record<string, string[]>, {
  leader: ['president', 'chancellor', 'premier', 'prime'],
  'head of state': ['president'],
  'head of government': ['prime', 'chancellor', 'premier'],
  'head of diplomacy': ['foreign'],
});

/** Modifiers that say which office ("prime", "foreign", "deputy"), unlike those that say when or how ("former", "senior"). */
const WHICH_OFFICE = new Set('deputy vice foreign defense defence interior finance security national presidential economic military prime assistant executive first trade justice energy health education culture labour labor intelligence press'.split(' '));

/** The country a description's words name ("ukrainian", "u.s."), or null. */
export function countryOf(d: Description): string | null {
  return d.mods.map((w) => NATIONALITIES[w.replace(/\.$/, '')] ?? NATIONALITIES[w]).find(Boolean) ?? null;
}

/**
 * Whether someone with these roles (as written) and this affiliation holds the office a description
 * names: a role with its office word, and the country, when it names one, theirs.
 */
export function fitsDescription(roles: readonly string[], affiliation: string | null | undefined, d: Description): boolean {
  const country = countryOf(d);
  return holdsOffice(roles, d) && !(country && affiliation !== country && !roles.some((r) => affiliationOf(r) === country));
}

/** Whether a description names a country ("the Ukrainian president"). */
export const namesCountry = (d: Description): boolean => countryOf(d) !== null;

/** Whether someone with these roles holds the office a description names, whatever its country. */
export function holdsOffice(roles: readonly string[], d: Description): boolean {
  const country = countryOf(d);
  const heads = [d.head, ...(country ? DESCRIBED_OFFICES[d.head] ?? [] : [])];
  // "the prime minister" is no foreign minister: the words that say which office must be in the role.
  const which = d.mods.filter((w) => WHICH_OFFICE.has(w)).map((w) => (w === 'defense' ? 'defence' : w));
  return roles.some((r) => {
    // "head of Ukrainian diplomacy" is a foreign minister.
    const role = r.toLowerCase().replace(/\b(?:head|chief) of (?:the )?(?:[\p{L}’'-]+ )?diplomacy\b/u, '$& foreign minister');
    // ("Bundeskanzler" holds "the chancellor": a German title read as the English office words it is.)
    const ws = role.replace(/\bdefense\b/g, 'defence').split(/[\s-]+/).flatMap((w) => germanOffice(fold(w)) ?? [w]);
    // An office of several words ("head of state", "vice-president") is found as a phrase, one word as a word.
    return heads.some((h) => (/[\s-]/.test(h) ? role.replace(/-/g, ' ').includes(h.replace(/-/g, ' ')) : ws.includes(h))) && which.every((w) => ws.includes(w));
  });
}

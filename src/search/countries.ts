import { NATIONALITIES } from '../extract/lexicon/places.ts';
import { terms } from '../text/tokenize.ts';

/**
 * A country's name and its adjective, stemmed as the index stems them, each to the other: the stemmer
 * keeps them apart ("ukrain" / "ukrainian"). One-word names only ("North Korean" and "United States" are
 * two words the index holds apart anyway).
 */
export const COUNTRY_WORDS = new Map<string, string[]>();
for (const [adjective, country] of Object.entries(NATIONALITIES)) {
  if (/[ .]/.test(adjective) || country.includes(' ')) continue;
  const [a] = terms(adjective);
  const [c] = terms(country);
  if (!a || !c || a === c) continue;
  COUNTRY_WORDS.set(a, [...new Set([...(COUNTRY_WORDS.get(a) ?? []), c])]);
  COUNTRY_WORDS.set(c, [...new Set([...(COUNTRY_WORDS.get(c) ?? []), a])]);
}

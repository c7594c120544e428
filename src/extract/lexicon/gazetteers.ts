/**
 * Large general-knowledge lists read from data files (written by bench/lexicon/build-gazetteers.ts):
 * given names and family names of many languages, and the world's cities. Loaded once, on first use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

// General-knowledge lists, kept beside the code rather than in it (data/gazetteers at the checkout's root).
const dir = path.resolve(import.meta.dirname, '../../../data/gazetteers');
const cache = new Map<string, Set<string>>();

function read(file: string): Set<string> {
  let s = cache.get(file);
  if (!s) {
    s = new Set(readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean));
    cache.set(file, s);
  }
  return s;
}

/** Folded given names ("volodymyr", "annalena"). */
export const givenNames = () => read('given-names.txt');
/** Folded family names ("kovalenko", "schmidt"). */
export const surnames = () => read('surnames.txt');
/** Folded city names ("kharkiv", "geneva", "hong kong"). */
export const cities = () => read('cities.txt');
/** Folded country names, aliases and capitals ("taiwan", "united arab emirates"). */
export const countryNames = () => read('countries.txt');

const pairs = new Map<string, Map<string, string>>();
/** A data file of "word value" lines as a map, read once. */
function readPairs(file: string): Map<string, string> {
  let m = pairs.get(file);
  if (!m) {
    m = new Map();
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const sp = line.indexOf(' ');
      if (sp > 0) m.set(line.slice(0, sp), line.slice(sp + 1));
    }
    pairs.set(file, m);
  }
  return m;
}

/** The sex a folded given name is given to in every locale that lists it ("olena" f), else null. */
export function givenGender(f: string): 'm' | 'f' | null {
  const g = readPairs('given-genders.txt').get(f);
  return g === undefined ? null : g === 'f' ? 'f' : 'm';
}

/** English words (WordNet) with their parts of speech: "n", "v", "a", "r", or several ("nv"). */
const englishWords = () => readPairs('english.txt');

/**
 * The parts of speech of a folded word as an English word, trying its plain forms too
 * ("officials" -> official, "speaking" -> speak, "reportedly" -> reported), or null.
 */
export function englishPos(f: string): string | null {
  const e = englishWords();
  const direct = e.get(f);
  if (direct) return direct;
  const tries: string[] = [];
  if (f.endsWith('ies')) tries.push(`${f.slice(0, -3)}y`);
  if (f.endsWith('es')) tries.push(f.slice(0, -2));
  if (f.endsWith('s')) tries.push(f.slice(0, -1));
  if (f.endsWith('ied')) tries.push(`${f.slice(0, -3)}y`);
  if (f.endsWith('ed')) tries.push(f.slice(0, -2), f.slice(0, -1));
  if (f.endsWith('ing')) tries.push(f.slice(0, -3), `${f.slice(0, -3)}e`);
  if (f.endsWith('ly')) tries.push(f.slice(0, -2));
  for (const t of tries) {
    const p = e.get(t);
    if (p) return p;
  }
  return null;
}

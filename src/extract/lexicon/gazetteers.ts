/**
 * Large general-knowledge lists read from data files (written by bench/lexicon/build-gazetteers.ts):
 * given names and family names of many languages, and the world's cities. Loaded once, on first use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runSync, type Steps } from '../../steps.ts';

// General-knowledge lists, kept beside the code rather than in it (data/gazetteers at the checkout's root).
const dir = path.resolve(import.meta.dirname, '../../../data/gazetteers');
const cache = new Map<string, Set<string>>();
const pairs = new Map<string, Map<string, string>>();

/** Lines read between two steps of the lists' background reading: about a millisecond's work. */
const LINES_A_STEP = 2000;

function* setSteps(text: string): Steps<Set<string>> {
  const s = new Set<string>();
  let n = 0;
  for (const line of text.split('\n')) {
    if (line) s.add(line);
    if (++n % LINES_A_STEP === 0) yield;
  }
  return s;
}

function* pairSteps(text: string): Steps<Map<string, string>> {
  const m = new Map<string, string>();
  let n = 0;
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) m.set(line.slice(0, sp), line.slice(sp + 1));
    if (++n % LINES_A_STEP === 0) yield;
  }
  return m;
}

const SET_FILES = ['given-names.txt', 'surnames.txt', 'cities.txt', 'countries.txt'] as const;
const PAIR_FILES = ['given-genders.txt', 'english.txt'] as const;
type SetFile = (typeof SET_FILES)[number];
type PairFile = (typeof PAIR_FILES)[number];
const text = (file: string) => readFileSync(path.join(dir, file), 'utf8');

function read(file: SetFile): Set<string> {
  let s = cache.get(file);
  if (!s) cache.set(file, (s = runSync(setSteps(text(file)))));
  return s;
}

/** A data file of "word value" lines as a map, read once. */
function readPairs(file: PairFile): Map<string, string> {
  let m = pairs.get(file);
  if (!m) pairs.set(file, (m = runSync(pairSteps(text(file)))));
  return m;
}

/**
 * Every list read as steps (the English words alone are ~70,000 lines): a serving process reads them
 * in the background, so the first article it extracts does not wait for them.
 */
export function* loadWordLists(): Steps<void> {
  for (const f of SET_FILES) {
    if (cache.has(f)) continue;
    const s = yield* setSteps(text(f));
    if (!cache.has(f)) cache.set(f, s);
    yield;
  }
  for (const f of PAIR_FILES) {
    if (pairs.has(f)) continue;
    const m = yield* pairSteps(text(f));
    if (!pairs.has(f)) pairs.set(f, m);
    yield;
  }
}

/** Folded given names ("volodymyr", "annalena"). */
export const givenNames = () => read('given-names.txt');
/** Folded family names ("kovalenko", "schmidt"). */
export const surnames = () => read('surnames.txt');
/** Folded city names ("kharkiv", "geneva", "hong kong"). */
export const cities = () => read('cities.txt');
/** Folded country names, aliases and capitals ("taiwan", "united arab emirates"). */
export const countryNames = () => read('countries.txt');

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
  // Each ending with the parts of speech that take it: only nouns and verbs take an "-s" ("Liis" is
  // no plural of the adjective "lii"), only verbs "-ed" and "-ing".
  const tries: [string, RegExp][] = [];
  if (f.endsWith('ies')) tries.push([`${f.slice(0, -3)}y`, /[nv]/]);
  if (f.endsWith('es')) tries.push([f.slice(0, -2), /[nv]/]);
  if (f.endsWith('s')) tries.push([f.slice(0, -1), /[nv]/]);
  if (f.endsWith('ied')) tries.push([`${f.slice(0, -3)}y`, /v/]);
  if (f.endsWith('ed')) tries.push([f.slice(0, -2), /v/], [f.slice(0, -1), /v/]);
  if (f.endsWith('ing')) tries.push([f.slice(0, -3), /v/], [`${f.slice(0, -3)}e`, /v/]);
  if (f.endsWith('ly')) tries.push([f.slice(0, -2), /[a-z]/]);
  for (const [t, takes] of tries) {
    const p = e.get(t);
    if (p && takes.test(p)) return p;
  }
  return null;
}

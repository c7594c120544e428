/**
 * Events and ask on the development corpus, per set and per split, and ask on the Miami question
 * set (its own dev and aside parts). For iterating on issue 10; `npm run eval` calls the same scorers.
 *   npx tsx bench/dev/eval-events-ask.ts [--dev DIR] [--set NAME] [--why] [--aside-why]
 * DIR defaults to $DEV_DIR, else tests/fixtures/dev. Failures of aside sets are never printed
 * unless asked (--aside-why): they are not to be tuned on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildKnowledgeBase } from '../../src/knowledge/build.ts';
import { DEV_ROOT, loadDevSets } from './gold.ts';
import { add, formatRows, type Row } from './score.ts';
import { scoreEvents } from './score-events.ts';
import { scoreAsk, scoreQuestions, type AskQuestion } from './score-ask.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const root = opt('--dev') ?? process.env.DEV_DIR ?? DEV_ROOT;
const why = argv.includes('--why');
const asideWhy = argv.includes('--aside-why');
const summary = argv.includes('--summary');
/** Sets held out by this work on top of those the writers mark aside (comma list, $EVENTS_ASIDE). */
const heldOut = new Set((process.env.EVENTS_ASIDE ?? 'moscow-dec-2025,white-house-aug-2025').split(',').filter(Boolean));

const sum = (rows: Row[][]): Row[] => rows[0].map((r, i) => ({ ...r, c: rows.map((x) => x[i].c).reduce(add) }));
const show = (title: string, rows: Row[], notes: boolean) => {
  console.log(`\n${title}`);
  for (const [i, line] of formatRows(rows).entries()) {
    console.log(`  ${line}`);
    if (notes) for (const n of rows[i].c.notes) console.log(`      ${n}`);
  }
};

const sets = loadDevSets(root, opt('--set'));
const bySplit = new Map<string, Row[][]>();
for (const set of sets) {
  const split = set.gold.split === 'aside' ? 'aside' : heldOut.has(set.gold.set) ? 'held-out' : 'dev';
  const kb = await buildKnowledgeBase(set.articlesDir);
  const rows = [...scoreEvents(set, kb), ...scoreAsk(set, kb)];
  bySplit.set(split, [...(bySplit.get(split) ?? []), rows]);
  if (!summary) show(`${set.gold.set} (${split})`, rows, split === 'dev' ? why : asideWhy);
}
for (const [split, rows] of bySplit) show(`ALL ${split} (${rows.length} sets)`, sum(rows), false);

const miami = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/questions/miami-talks.json'), 'utf8')) as { questions: (AskQuestion & { split: string })[] };
const kb = await buildKnowledgeBase(path.resolve(import.meta.dirname, '../../knowledge'));
for (const split of ['dev', 'aside']) {
  const qs = miami.questions.filter((q) => q.split === split);
  show(`Miami questions (${split}, ${qs.length})`, scoreQuestions(kb, qs), split === 'dev' ? why : asideWhy);
}

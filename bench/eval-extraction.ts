/**
 * Prints precision and recall of extraction on the Miami article and on the fixture articles.
 *   npm run eval            table
 *   npm run eval -- --why   with every miss and extra
 */
import path from 'node:path';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { factsReport } from '../src/facts-report.ts';
import { loadGold, METRICS, scoreArticle, sum, type ArticleScore } from './lib/extraction-score.ts';

const root = path.resolve(import.meta.dirname, '..');
const why = process.argv.includes('--why');
const sets: [string, string, string][] = [
  ['seed (knowledge/)', path.join(root, 'knowledge'), path.join(root, 'tests/fixtures/gold')],
  ['fixtures (tests/fixtures/articles)', path.join(root, 'tests/fixtures/articles'), path.join(root, 'tests/fixtures/gold')],
  // Written after the rules were tuned on the sets above, and not tuned on: the honest figure.
  ['held-out (tests/fixtures/heldout)', path.join(root, 'tests/fixtures/heldout/articles'), path.join(root, 'tests/fixtures/heldout/gold')],
];
const fmt = (x: number) => x.toFixed(2);
for (const [label, dir, goldDir] of sets) {
  const gold = loadGold(goldDir);
  const report = factsReport(await buildKnowledgeBase(dir));
  const scores: ArticleScore[] = report.articles.flatMap((a) => {
    const g = gold.find((x) => x.article === a.id);
    return g ? [scoreArticle(g, a)] : [];
  });
  console.log(`\n${label}: ${scores.length} article(s) with gold`);
  console.log(`${'metric'.padEnd(20)} ${'P'.padStart(5)} ${'R'.padStart(5)}  tp/fp/fn`);
  for (const m of METRICS) {
    const s = sum(scores.map((x) => x[m]));
    console.log(`${m.padEnd(20)} ${fmt(s.precision).padStart(5)} ${fmt(s.recall).padStart(5)}  ${s.tp}/${s.fp}/${s.fn}`);
    if (why) for (const x of [...s.misses.map((t) => `  - miss ${t}`), ...s.extras.map((t) => `  + extra ${t}`)]) console.log(x);
  }
}

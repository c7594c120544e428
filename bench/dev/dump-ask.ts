/** Scratch: per-question ask detail on DEV sets only (never aside, never held-out). */
import { buildKnowledgeBase } from '../../src/knowledge/build.ts';
import { DEV_ROOT, loadDevSets } from './gold.ts';
import { ask } from '../../src/answers/ask.ts';
const heldOut = new Set('moscow-dec-2025,white-house-aug-2025'.split(','));
const all = process.argv.includes('--all');
for (const set of loadDevSets(DEV_ROOT)) {
  if (set.gold.split === 'aside' || heldOut.has(set.gold.set)) continue;
  const kb = await buildKnowledgeBase(set.articlesDir);
  for (const q of set.gold.queries.ask ?? []) {
    const good = new Set([q, ...(q.also ?? [])].map((c) => `${c.article}#${c.paragraph}`));
    const rs = ask(kb, q.question, { limit: 10 }).results;
    const rank = rs.findIndex((r) => good.has(`${r.citation.article}#${r.citation.paragraph}`)) + 1;
    if (rank === 1 && !all) continue;
    const txt = (a: string, n: number) => kb.paragraphs.find((p) => p.article === a && p.n === n)?.text ?? '?';
    const pub = (a: string) => kb.byArticle.get(a)?.published?.slice(0, 10) ?? '';
    console.log(`\n[${set.gold.set}] Q: ${q.question}  => rank ${rank || '-'}`);
    if (rs[0]) console.log(`  TOP ${pub(rs[0].citation.article)} ${rs[0].citation.article.slice(0, 30)}¶${rs[0].citation.paragraph}: ${txt(rs[0].citation.article, rs[0].citation.paragraph).slice(0, 300)}`);
    console.log(`  GOLD ${pub(q.article)} ${q.article.slice(0, 30)}¶${q.paragraph}: ${txt(q.article, q.paragraph).slice(0, 300)}`);
  }
}

/** Per gold event reported by several articles, the extracted events at its citations and their story: how merging is debugged.
 *   DEV_DIR=… npx tsx bench/dev/stories.ts <set> */
import { buildKnowledgeBase } from '../../src/knowledge/build.ts';
import { STORIES } from '../../src/knowledge/event-stories.ts';
import { loadDevSets } from './gold.ts';
const set = loadDevSets(process.env.DEV_DIR, process.argv[2])[0];
const kb = await buildKnowledgeBase(set.articlesDir);
const { storyOf } = kb.derive(STORIES);
for (const g of set.gold.events) {
  const arts = new Set(g.citations.map((c) => c.article));
  if (arts.size < 2) continue;
  console.log(`\n== ${g.id} ${g.kind} ${g.date?.value} ${g.place}`);
  for (const c of g.citations) {
    const evs = kb.events.filter((e) => kb.paragraphs[e.paragraph].article === c.article && kb.paragraphs[e.paragraph].n === c.paragraph);
    for (const e of evs) console.log(`  ${c.article.slice(0, 22)}¶${c.paragraph} s${storyOf[e.id]} ${e.kind} ${e.date?.value}${e.date?.source === 'published' ? '(pub)' : ''} @${e.place} {${kb.actorNames(e).join(',')}}`);
    if (!evs.length) console.log(`  ${c.article.slice(0, 22)}¶${c.paragraph} (no event)`);
  }
}

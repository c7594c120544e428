/** The recalls of the dev sets (never aside or held-out) and the story each names: how recall linking is debugged.
 *   npx tsx bench/dev/recalls.ts [--set NAME] */
import { buildKnowledgeBase } from '../../src/knowledge/build.ts';
import { STORIES } from '../../src/knowledge/event-stories.ts';
import { loadDevSets } from './gold.ts';

const argv = process.argv.slice(2);
const only = argv.includes('--set') ? argv[argv.indexOf('--set') + 1] : undefined;
const heldOut = new Set((process.env.EVENTS_ASIDE ?? 'moscow-dec-2025,white-house-aug-2025').split(','));
for (const set of loadDevSets(process.env.DEV_DIR, only)) {
  if (set.gold.split === 'aside' || heldOut.has(set.gold.set)) continue;
  const kb = await buildKnowledgeBase(set.articlesDir);
  const s = kb.derive(STORIES);
  const goldOf = (pid: number) => {
    const p = kb.paragraphs[pid];
    return set.gold.events.filter((g) => g.citations.some((c) => c.article === p.article && c.paragraph === p.n)).map((g) => g.id);
  };
  console.log(`\n== ${set.gold.set}`);
  for (const r of kb.recalls) {
    const st = s.recallStory[r.id];
    const p = kb.paragraphs[r.paragraph];
    const lead = st >= 0 ? kb.events[s.lead[st]] : null;
    const leadGold = lead ? goldOf(lead.paragraph) : [];
    console.log(`  ${p.article.slice(0, 24)}¶${p.n} ${r.kind} "${r.text}"${r.date ? ` ${r.date.value}` : ''} -> ${lead ? `s${st} ${lead.kind} ${lead.date?.value} @${lead.place} [${leadGold.join(',')}]` : 'none'}; gold here [${goldOf(r.paragraph).join(',')}]`);
  }
}

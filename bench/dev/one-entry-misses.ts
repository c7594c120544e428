/**
 * The "one entry" failures of the dev sets (never aside or held-out): per gold event several articles
 * report, the articles its timeline entry does not cite, with the gold paragraph and what was extracted
 * there. How the linking of stories across articles is debugged.
 *   npx tsx bench/dev/one-entry-misses.ts [--set NAME] [--noevent]
 */
import { buildKnowledgeBase } from '../../src/knowledge/build.ts';
import { STORIES } from '../../src/knowledge/event-stories.ts';
import { loadDevSets } from './gold.ts';
import { matchEvents, timelineOf } from './score-events.ts';

const argv = process.argv.slice(2);
const only = argv.includes('--set') ? argv[argv.indexOf('--set') + 1] : undefined;
const noEventOnly = argv.includes('--noevent');
const heldOut = new Set((process.env.EVENTS_ASIDE ?? 'moscow-dec-2025,white-house-aug-2025').split(','));
for (const set of loadDevSets(process.env.DEV_DIR, only)) {
  if (set.gold.split === 'aside' || heldOut.has(set.gold.set)) continue;
  const kb = await buildKnowledgeBase(set.articlesDir);
  const { storyOf } = kb.derive(STORIES);
  const entries = timelineOf(kb);
  const { pairs } = matchEvents(set.gold.events, entries);
  const pidOf = new Map(kb.paragraphs.map((p, i) => [`${p.article}#${p.n}`, i]));
  for (const [g, e] of pairs) {
    const arts = new Set(g.citations.map((c) => c.article));
    if (arts.size < 2) continue;
    const got = new Set(e.citations.map((c) => c.article));
    const missing = [...arts].filter((a) => !got.has(a));
    if (!missing.length) continue;
    const out: string[] = [];
    for (const a of missing) {
      for (const c of g.citations.filter((x) => x.article === a)) {
        const pid = pidOf.get(`${c.article}#${c.paragraph}`)!;
        const evs = kb.events.filter((x) => x.paragraph === pid);
        if (noEventOnly && evs.length) continue;
        out.push(`  - ${a.slice(0, 30)}¶${c.paragraph} (pub ${kb.byArticle.get(a)?.published?.slice(0, 10)}): ${kb.paragraphs[pid].text.slice(0, 300)}`);
        for (const r of kb.recalls.filter((x) => x.paragraph === pid)) {
          const st = kb.derive(STORIES).recallStory[r.id];
          out.push(`      recall "${r.text}" ${r.kind}${r.date ? ` ${r.date.value}` : ''} -> ${st < 0 ? 'none' : `s${st}${st === storyOf[kb.events.find((x) => x.summary === e.summary && x.kind === e.kind)?.id ?? -1] ? ' (the entry)' : ''}`}`);
        }
        for (const x of evs) out.push(`      ev s${storyOf[x.id]} ${x.kind} ${x.date?.value ?? '-'}${x.date?.source === 'published' ? '(pub)' : ''} @${x.place} {${kb.actorNames(x).join(',')}} bg=${x.background}`);
      }
    }
    if (!out.length) continue;
    console.log(`\n== ${set.gold.set} ${g.id} ${g.kind} ${g.date?.value} @${g.place}: ${g.what.slice(0, 90)}`);
    const lead = kb.events.find((x) => x.summary === e.summary && x.kind === e.kind);
    console.log(`  entry s${lead ? storyOf[lead.id] : '?'}: ${e.kind} ${e.date?.value} @${lead?.place} names ${lead?.names ?? '-'} cites ${e.citations.map((c) => `${c.article.slice(0, 16)}¶${c.paragraph}`).join(' ')}`);
    console.log(out.join('\n'));
  }
}

/**
 * Why the "one entry" misses of the dev sets (never aside or held-out) miss, counted by kind of failure:
 * per gold event several articles report and per article its entry does not cite, the first reason
 * the best report there fails to join the entry's story. How the kinds of failure are counted.
 *   npx tsx bench/dev/one-entry-why.ts [--set NAME] [--list REASON]
 */
import { buildKnowledgeBase } from '../../src/knowledge/build.ts';
import { STORIES } from '../../src/knowledge/event-stories.ts';
import { timelineEntries } from '../../src/answers/events.ts';
import type { Event } from '../../src/knowledge/base.ts';
import { loadDevSets } from './gold.ts';
import { matchEvents, timelineOf } from './score-events.ts';

const argv = process.argv.slice(2);
const only = argv.includes('--set') ? argv[argv.indexOf('--set') + 1] : undefined;
const list = argv.includes('--list') ? argv[argv.indexOf('--list') + 1] : undefined;
const heldOut = new Set((process.env.EVENTS_ASIDE ?? 'moscow-dec-2025,white-house-aug-2025').split(','));
const group = (k: string) => (k === 'meeting' ? 'talks' : k === 'casualties' ? 'attack' : k);
const counts = new Map<string, number>();
const byGoldKind = new Map<string, number>();
for (const set of loadDevSets(process.env.DEV_DIR, only)) {
  if (set.gold.split === 'aside' || heldOut.has(set.gold.set)) continue;
  const kb = await buildKnowledgeBase(set.articlesDir);
  const { storyOf } = kb.derive(STORIES);
  const leads = [...timelineEntries(kb)];
  const entries = timelineOf(kb);
  const leadOf = new Map(entries.map((e, i) => [e, leads[i]]));
  const { pairs } = matchEvents(set.gold.events, entries);
  const people = (e: Event) => e.actors.filter((a) => kb.personById.has(a));
  for (const [g, entry] of pairs) {
    const arts = new Set(g.citations.map((c) => c.article));
    if (arts.size < 2) continue;
    const got = new Set([...entry.citations, ...entry.recalls].map((c) => c.article));
    const lead = leadOf.get(entry)!;
    for (const a of arts) {
      if (got.has(a)) continue;
      const evs = kb.events.filter((x) => {
        const p = kb.paragraphs[x.paragraph];
        return p.article === a && g.citations.some((c) => c.article === a && c.paragraph === p.n);
      });
      let reason: string;
      const same = evs.filter((x) => group(x.kind) === group(lead.kind));
      if (!evs.length) reason = 'no event';
      else if (!same.length) reason = `other kind (${[...new Set(evs.map((x) => x.kind))].join('/')} vs ${lead.kind})`;
      else {
        const x = same[0];
        const pl = people(lead);
        const px = people(x);
        const shared = px.filter((p) => pl.includes(p)).length;
        if (x.background !== lead.background) reason = 'background differs';
        else if (!x.date || !lead.date) reason = 'no date';
        else if (x.date.value !== lead.date.value || x.date.precision !== lead.date.precision) reason = `dates differ (${x.date.precision}/${x.date.source} vs ${lead.date.precision}/${lead.date.source})`;
        else if (x.place && lead.place && x.place.toLowerCase() !== lead.place.toLowerCase()) reason = `places differ${shared ? ' (person shared)' : ''}`;
        else if (!shared) reason = `no person shared (${px.length ? 'x names' : 'x none'}/${pl.length ? 'lead names' : 'lead none'}, place ${x.place ? 'x' : '-'}${lead.place ? 'L' : '-'})`;
        else reason = 'other';
        if (list && reason.startsWith(list)) {
          console.log(`\n${set.gold.set} ${g.id} (${g.kind} ${g.date?.value}) ${reason}`);
          console.log(`  lead s${storyOf[lead.id]} ${lead.kind} ${lead.date?.value}/${lead.date?.precision}/${lead.date?.source} [${lead.when}] @${lead.place} {${pl}} bg=${lead.background}: ${lead.summary.slice(0, 150)}`);
          console.log(`  this s${storyOf[x.id]} ${x.kind} ${x.date?.value}/${x.date?.precision}/${x.date?.source} [${x.when}] @${x.place} {${px}} bg=${x.background} pub ${kb.byArticle.get(a)?.published?.slice(0, 10)}: ${x.summary.slice(0, 150)}`);
        }
      }
      if (list && !reason.startsWith(list)) {}
      else if (list && (reason === 'no event' || reason.startsWith('other kind')) && reason.startsWith(list)) {
        console.log(`\n${set.gold.set} ${g.id} (${g.kind} ${g.date?.value} @${g.place}) ${reason}; lead ${lead.kind} ${lead.date?.value} @${lead.place}`);
        for (const c of g.citations.filter((c) => c.article === a)) {
          const p = kb.paragraphs.find((p) => p.article === a && p.n === c.paragraph)!;
          console.log(`  ¶${c.paragraph}: ${p.text.slice(0, 260)}`);
        }
        for (const x of evs) console.log(`    ev ${x.kind} ${x.date?.value}/${x.date?.source} @${x.place} {${people(x)}}`);
      }
      const short = reason.replace(/ \(.*/, '');
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
      byGoldKind.set(`${g.kind}: ${short}`, (byGoldKind.get(`${g.kind}: ${short}`) ?? 0) + 1);
    }
  }
}
console.log('\nreasons:');
for (const [r, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${r}`);
console.log('\nby gold kind:');
for (const [r, n] of [...byGoldKind].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${r}`);

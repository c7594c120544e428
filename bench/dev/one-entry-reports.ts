/**
 * What each article's report of an event several articles report looks like (dev sets only, never
 * aside or held-out): per gold event and article, whether the gold paragraphs there hold an event of
 * the gold kind (talks and meetings one kind) dated as the gold dates it, of the kind but dated
 * otherwise, only events of other kinds, or none; and how many gold events have a right report in
 * every article (what grouping alone could make one entry), of which how many are one story.
 *   npx tsx bench/dev/one-entry-reports.ts [--set NAME] [--dates | --kinds]
 */
import { buildKnowledgeBase } from '../../src/knowledge/build.ts';
import { STORIES } from '../../src/knowledge/event-stories.ts';
import { loadDevSets } from './gold.ts';

const argv = process.argv.slice(2);
const only = argv.includes('--set') ? argv[argv.indexOf('--set') + 1] : undefined;
const group = (k: string) => (k === 'meeting' ? 'talks' : k === 'casualties' ? 'attack' : k);
const heldOut = new Set((process.env.EVENTS_ASIDE ?? 'moscow-dec-2025,white-house-aug-2025').split(','));
const counts = new Map<string, number>();
const wrongKind = new Map<string, number>();
const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
let several = 0;
let rightEverywhere = 0;
let oneStory = 0;
for (const set of loadDevSets(process.env.DEV_DIR, only)) {
  if (set.gold.split === 'aside' || heldOut.has(set.gold.set)) continue;
  const kb = await buildKnowledgeBase(set.articlesDir);
  const { storyOf } = kb.derive(STORIES);
  for (const g of set.gold.events) {
    const arts = [...new Set(g.citations.map((c) => c.article))];
    if (arts.length < 2) continue;
    several++;
    const right: number[][] = [];
    for (const a of arts) {
      const evs = kb.events.filter((x) => {
        const p = kb.paragraphs[x.paragraph];
        return p.article === a && g.citations.some((c) => c.article === a && c.paragraph === p.n);
      });
      const ofKind = evs.filter((x) => group(x.kind) === group(g.kind));
      const dated = ofKind.filter((x) => x.date && g.date && x.date.value.slice(0, g.date.value.length) === g.date.value);
      right.push(dated.map((x) => storyOf[x.id]));
      const k = !evs.length ? 'no event' : !ofKind.length ? 'other kinds only' : !dated.length ? 'of the kind, dated otherwise' : 'right';
      inc(counts, k);
      const pub = kb.byArticle.get(a)?.published?.slice(0, 10);
      if (k === 'other kinds only') {
        inc(wrongKind, `${g.kind} <- ${[...new Set(evs.map((x) => x.kind))].sort().join('/')}`);
        if (argv.includes('--kinds')) for (const x of evs) console.log(`${set.gold.set} ${g.id}: want ${g.kind}, got ${x.kind}: ${x.summary.slice(0, 160)}`);
      }
      if (k === 'of the kind, dated otherwise' && argv.includes('--dates')) {
        const x = ofKind[0];
        console.log(`${set.gold.set} ${g.id}: want ${g.date?.value}, got ${x.date?.value}/${x.date?.source} [${x.when}] pub ${pub}: ${x.summary.slice(0, 160)}`);
      }
    }
    if (right.every((l) => l.length)) {
      rightEverywhere++;
      if ([...new Set(right[0])].some((st) => right.every((l) => l.includes(st)))) oneStory++;
    }
  }
}
console.log(`\ngold events several articles report: ${several}; with a right report in every article: ${rightEverywhere}, of them one story: ${oneStory}`);
console.log('reports per article:', Object.fromEntries(counts));
console.log('other kinds only (gold <- extracted):', [...wrongKind].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, n]) => `${k} ${n}`).join(', '));

/** How long grouping events into stories takes on a synthetic base: npx tsx bench/dev/stories-speed.ts [paragraphs] */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../lib/synthetic.ts';
import { buildKnowledgeBase } from '../../src/knowledge/build.ts';
import { STORIES } from '../../src/knowledge/event-stories.ts';
const dir = mkdtempSync(path.join(os.tmpdir(), 'ks-'));
generateCorpus(dir, Number(process.argv[2] ?? 10000), 7);
const kb = await buildKnowledgeBase(dir);
const t0 = performance.now();
const s = kb.derive(STORIES);
console.log(kb.events.length, 'events', s.members.length, 'stories', (performance.now() - t0).toFixed(0), 'ms', s.buckets.size, 'buckets');
for (let r = 0; r < 3; r++) {
  const t1 = performance.now();
  STORIES.make(kb);
  console.log('again', (performance.now() - t1).toFixed(0), 'ms');
}

/**
 * A fresh process that starts from the cache of `dir`, as a serving bot does, and tells what it had
 * loaded when it was ready, how the warm-up went and how many turns the event loop took meanwhile,
 * and what the first added article then cost: one JSON line. Run by tests/warm-up.test.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeService, type WarmUpReport } from '../../src/knowledge/service.ts';
import { modelsLoaded } from '../../src/extract/ner/tagger.ts';

const [dir, cacheFile, warmUp] = process.argv.slice(2);
const svc = new KnowledgeService(dir, { cacheFile, readOnlyCache: true, warmUp: warmUp === 'warm' });
let turns = 0;
let ticking = true;
const tick = () => {
  turns++;
  if (ticking) setImmediate(tick);
};
const warmed = new Promise<WarmUpReport | null>((resolve) => {
  svc.on('warmed', resolve);
  // Without a warm-up nothing is ever reported: give up after a while rather than hang.
  setTimeout(() => resolve(null), warmUp === 'warm' ? 10_000 : 1_000).unref();
});
const first = await svc.reload();
const loadedAtReady = modelsLoaded();
setImmediate(tick);
const report = await warmed;
ticking = false;
const loadedAfter = modelsLoaded();
// Taken away again, so the next start finds the cache as it was written.
const file = path.join(dir, 'added.md');
writeFileSync(file, '---\ntitle: Added\n---\n\nA paragraph added later.\n');
const added = await svc.reload();
rmSync(file);
svc.close();
console.log(JSON.stringify({ mode: first.mode, loadedAtReady, warmed: report, turns, loadedAfter, addedMode: added.mode }));

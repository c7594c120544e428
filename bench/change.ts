/**
 * npm run bench:change — after `npm run bench` has written the 100,000-paragraph knowledge base:
 * one article is changed (a paragraph appended) while a loop keeps answering queries, and the reload
 * (a rebuild in steps) is timed, then writing the cache of the new base. Prints two lines; the article
 * is put back afterwards.
 */
import path from 'node:path';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { KnowledgeService } from '../src/knowledge/service.ts';
import { runCommand } from '../src/answers/index.ts';
import { topicChoices } from '../src/discord/suggest.ts';
import { answeringDuring, slowest } from './lib/timing.ts';

const OUT = path.resolve(import.meta.dirname, 'out');
const size = process.argv[2] ?? '100000';
const dir = path.join(OUT, `kb-${size}`);
if (!existsSync(dir)) throw new Error(`${dir} is missing: run npm run bench first`);
// A copy of the benchmark's cache: this run writes the cache of the changed base, which must not replace it.
const cache = path.join(OUT, `cache-${size}.v8`);
const cacheFile = path.join(OUT, `cache-${size}-change.v8`);
if (existsSync(cache)) copyFileSync(cache, cacheFile);
const svc = new KnowledgeService(dir, { cacheFile });
await svc.reload();
// Queries of every kind first, so the base has its derived values, as a serving bot's does.
for (const [c, q] of [['who', ''], ['quote', ''], ['events', ''], ['events', 'strikes'], ['ask', 'drones'], ['brief', '']] as const) runCommand(svc.current!, c, q);
topicChoices(svc.current!, 'dro');

const file = path.join(dir, 'a000100.md');
const original = readFileSync(file, 'utf8');
const { atime, mtime } = statSync(file);
writeFileSync(file, `${original}\nSpecial envoy Zorana Quillfeather met officials in Geneva on Friday.\n`);
const answerOne = () => runCommand(svc.current!, 'who', 'Berg');
const { result: r, ms, waits } = await answeringDuring(() => svc.reload(), answerOne);
const t1 = performance.now();
topicChoices(svc.current!, 'dro');
runCommand(svc.current!, 'events', 'strikes');
const firstAfter = performance.now() - t1;
const found = runCommand(svc.current!, 'who', 'Quillfeather').results.length > 0;
// Writing the cache of the new base (the service does it after a rebuild): the answers go on meanwhile.
const { ms: saveMs, waits: saveWaits } = await answeringDuring(() => svc.saveNow(), answerOne);
// Put the article back as it was, time included, so the benchmark's cache stays valid.
writeFileSync(file, original);
utimesSync(file, atime, mtime);
rmSync(cacheFile, { force: true });
console.log(`cache written in ${Math.round(saveMs)} ms, ${saveWaits.length} queries answered meanwhile, slowest waited ${slowest(saveWaits).toFixed(0)} ms`);
console.log(`changed article at ${size} paragraphs: ${r.mode} in ${Math.round(ms)} ms, ${waits.length} queries answered meanwhile, slowest waited ${slowest(waits).toFixed(0)} ms, ${waits.filter((w) => w > 50).length} waited over 50 ms; first topic autocomplete + events after it: ${firstAfter.toFixed(1)} ms; new text found: ${found}`);
process.exit(0);

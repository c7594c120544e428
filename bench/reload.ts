/**
 * npm run bench:reload -- [--size 100000] [--idle-ms 3000] [--profile file.cpuprofile]
 *
 * The "reload +1 article" of bench/run.ts alone, in a fresh process, without building the base
 * again: after `npm run bench` (or `bench/run.ts --sizes N`) has written bench/out/kb-N and its
 * cache, this restores the base from the cache as the bot does, answers queries for --idle-ms (what
 * a serving bot does between its start and the first new article; bench/run.ts times its query
 * rounds then), adds one article while a loop keeps answering, and prints one JSON line:
 * ready ms, the slowest query while idle, the warm-up's report (null without one), the reload's ms,
 * the CPU time the process took meanwhile (queries included: less moved by other work on the machine
 * than the wall clock) and the slowest query meanwhile.
 * The article is removed afterwards and the cache is not written, so runs can follow each other.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { KnowledgeService } from '../src/knowledge/service.ts';
import { ANSWER_DERIVED, runCommand } from '../src/answers/index.ts';
import type { CommandName } from '../src/answers/types.ts';
import { TOPICS, peopleChoices } from '../src/discord/suggest.ts';
import { answeringDuring, slowest } from './lib/timing.ts';
import { arg, option } from './lib/args.ts';

const OUT = path.resolve(import.meta.dirname, 'out');
const size = arg('size', '100000');
const idleMs = Number(arg('idle-ms', '3000'));
const profile = option('profile');
const dir = path.join(OUT, `kb-${size}`);
const cacheFile = path.join(OUT, `cache-${size}.v8`);
if (!existsSync(cacheFile)) throw new Error(`${cacheFile} is missing: run bench/run.ts --sizes ${size} first`);

const t0 = performance.now();
// The options of a serving process (src/discord/serving.ts), and a cache that is never rewritten here.
const svc = new KnowledgeService(dir, { cacheFile, readOnlyCache: true, derived: [...ANSWER_DERIVED, TOPICS], warmUp: true });
let warmed: unknown = null;
svc.on('warmed', (r: unknown) => (warmed = r));
const first = await svc.reload();
const readyMs = performance.now() - t0;
if (first.mode !== 'cache') throw new Error(`not restored from the cache (${first.mode}): the cache is stale`);

// Queries the base itself suggests: people by surname, a word of a paragraph, every command.
const kb = svc.current!;
const surnames = kb.people.slice(0, 400).map((p) => p.name.split(' ').pop()!);
const words = kb.paragraphs.slice(0, 400).map((p, i) => p.text.split(/\s+/).slice(i % 10, (i % 10) + 2).join(' '));
const commands: CommandName[] = ['who', 'quote', 'events', 'ask', 'brief'];
const answer = (i: number) => {
  const c = commands[i % commands.length];
  if (i % 7 === 0) return void peopleChoices(svc.current!, surnames[i % surnames.length].slice(0, 4));
  runCommand(svc.current!, c, c === 'who' || c === 'quote' ? surnames[i % surnames.length] : c === 'brief' ? '' : words[i % words.length]);
};

// Idle time as a serving bot has it: queries keep coming, anything running in the background shares the loop.
const { waits: idleWaits } = await answeringDuring(() => new Promise<void>((r) => setTimeout(r, idleMs)), answer);

const file = path.join(dir, 'zz-added.md');
writeFileSync(file, `---\ntitle: Added during the benchmark\npublished: 2027-01-01\n---\n\nSpecial envoy Zorana Quillfeather met officials in Geneva on Friday.\n\n“We will meet again,” Quillfeather said.\n`);
let session: Session | null = null;
if (profile) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
try {
  const cpu0 = process.cpuUsage();
  const { result: report, ms, waits } = await answeringDuring(() => svc.reload(), answer);
  const cpu = process.cpuUsage(cpu0);
  if (session) {
    const { profile: p } = await session.post('Profiler.stop');
    await writeFile(profile!, JSON.stringify(p));
  }
  const found = runCommand(svc.current!, 'who', 'Quillfeather').results.length > 0;
  console.log(JSON.stringify({
    size: Number(size), readyMs: Math.round(readyMs), idleQueries: idleWaits.length, idleSlowestMs: +slowest(idleWaits).toFixed(1),
    warmed, reloadMs: +ms.toFixed(1), cpuMs: Math.round((cpu.user + cpu.system) / 1000), mode: report.mode, found, queriesDuring: waits.length, slowestDuringMs: +slowest(waits).toFixed(1),
  }));
} finally {
  rmSync(file, { force: true });
  svc.close();
}
process.exit(0);

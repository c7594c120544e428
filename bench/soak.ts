/**
 * npm run soak: bursts of mixed interactions against the bot on the loopback Discord, measuring
 * what the burst test only counts: first-response latency, and memory after each burst against the
 * baseline (heap and RSS, after a full GC, the loopback Discord's own records dropped).
 * Usage: npm run soak -- [--rounds 5] [--size 1000] [--spread 10000] [--faults]
 * Exits 1 if an interaction went unanswered or the heap ends more than 25% above its baseline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FakeDiscord, APP_ID, TOKEN } from '../tests/support/fake-discord.ts';
import { startBot } from '../src/discord/bot.ts';
import { setLogSink } from '../src/log.ts';
import { runBurst, type BurstResult } from './lib/burst.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, size: { type: 'string', default: '1000' }, spread: { type: 'string', default: '10000' }, faults: { type: 'boolean', default: false } } });
const rounds = Number(values.rounds);
const size = Number(values.size);
const spread = Number(values.spread);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run soak does)');

let errors = 0;
setLogSink((l) => {
  if (l.includes('"level":"error"') || l.includes('interaction not answered')) errors++;
});

const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
async function memory(fake: FakeDiscord) {
  fake.forget();
  await new Promise((r) => setTimeout(r, 1000));
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { heapMB: mb(m.heapUsed), rssMB: mb(m.rss) };
}

const fake = await new FakeDiscord().start();
const bot = await startBot({ env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, KNOWLEDGE_DIR: path.join(PROJECT_ROOT, 'knowledge'), LOG_LEVEL: 'info', KEYSTONE_CACHE_DIR: 'off' } });
await runBurst(fake, 200, 2000); // warm-up: code paths compiled, caches filled
const baseline = await memory(fake);
const rows: (BurstResult & { heapMB: number; rssMB: number })[] = [];
for (let i = 0; i < rounds; i++) {
  const r = await runBurst(fake, size, spread, {
    beforeDispatch: values.faults ? () => {
      fake.fault('any', { rateLimit: { retryAfter: 0.2, global: true }, times: 3 });
      let k = 0;
      const t = setInterval(() => (++k > 20 ? clearInterval(t) : fake.fault('callback', k % 4 ? { status: 500 } : { hang: true })), 400);
    } : undefined,
  });
  rows.push({ ...r, ...(await memory(fake)) });
}
await bot.stop();
await fake.stop();

const lines = [
  `npm run soak -- --rounds ${rounds} --size ${size} --spread ${spread}${values.faults ? ' --faults' : ''}   (${new Date().toISOString().slice(0, 10)}, node ${process.version}, seed article)`,
  `baseline after warm-up and GC: heap ${baseline.heapMB} MB, rss ${baseline.rssMB} MB`,
  'round  sent  answered  deferred/completed  first response ms (median / p99 / max)  wall s  heap MB  rss MB',
  ...rows.map((r, i) => `${String(i + 1).padStart(5)}  ${String(r.sent).padStart(4)}  ${String(r.answered).padStart(8)}  ${`${r.deferred}/${r.completed}`.padStart(18)}  ${`${r.firstResponse.median.toFixed(1)} / ${r.firstResponse.p99.toFixed(1)} / ${r.firstResponse.max.toFixed(1)}`.padStart(39)}  ${(r.wallMs / 1000).toFixed(1).padStart(6)}  ${String(r.heapMB).padStart(7)}  ${String(r.rssMB).padStart(6)}`),
  `error or not-answered log lines: ${errors}`,
];
console.log(lines.join('\n'));
mkdirSync(path.join(PROJECT_ROOT, 'bench', 'out'), { recursive: true });
writeFileSync(path.join(PROJECT_ROOT, 'bench', 'out', `soak${values.faults ? '-faults' : ''}.txt`), `${lines.join('\n')}\n`);
const last = rows.at(-1)!;
const ok = rows.every((r) => r.answered === r.sent && r.completed === r.deferred) && last.heapMB <= baseline.heapMB * 1.25;
if (!ok) console.error('soak FAILED: an interaction went unanswered, or the heap did not come back near its baseline');
process.exit(ok ? 0 : 1);

/**
 * The seed corpus in one fresh process: queries a user would type, on every command and
 * autocomplete, after a warm-up; prints one JSON line (a SeedRun). Run by bench/run.ts, several times.
 */
import path from 'node:path';
import { KnowledgeService } from '../src/knowledge/service.ts';
import type { Query } from './lib/queries.ts';
import { median, pct, stealMs, time } from './lib/timing.ts';

export interface SeedRun {
  paragraphs: number;
  queries: number;
  /** Per command: the median over rounds of each round's p50 and p99, in ms. */
  lat: Record<string, { p50: number; p99: number }>;
  /** CPU time the host took from this machine while the rounds ran. */
  stealMs: number;
}

const ROUNDS = Number(process.argv[2] ?? 3);
const svc = new KnowledgeService(path.resolve(import.meta.dirname, '..', 'knowledge'));
await svc.reload();
const kb = svc.current!;
const article = kb.articles[0]?.id ?? '';
const qs: Query[] = [
  ...['Witkoff', 'Witkof', 'Umerov', 'Zelenskyy', 'Store', 'Jurgen', "Putin's advisor", 'special envoy', 'who led the Russian delegation', ''].map((q) => ({ command: 'who' as const, q })),
  ...['Dmitriev', 'Zelensky', 'productive and constructive', 'next time moscow', ''].map((q) => ({ command: 'quote' as const, q })),
  ...['airstrikes', 'loan', 'call', 'talks', ''].map((q) => ({ command: 'events' as const, q })),
  ...['How long did the talks last?', 'What did the EU promise?', 'drone strikes on pipelines', 'Who will review the proposals in Moscow?'].map((q) => ({ command: 'ask' as const, q })),
  ...['', article, 'miami'].map((q) => ({ command: 'brief' as const, q })),
  { command: 'sources', q: '' },
];
// 50 repetitions: hundreds of samples a command a round, so a p99 is more than the one slowest query.
const many = Array.from({ length: 50 }, () => qs).flat();
for (let i = 0; i < 5; i++) time(kb, many);
(globalThis as { gc?: () => void }).gc?.();
const steal0 = stealMs();
const rounds = Array.from({ length: ROUNDS }, () => time(kb, many));
const lat: SeedRun['lat'] = {};
for (const c of Object.keys(rounds[0])) lat[c] = { p50: median(rounds.map((r) => pct(r[c], 0.5))), p99: median(rounds.map((r) => pct(r[c], 0.99))) };
const run: SeedRun = { paragraphs: kb.paragraphs.length, queries: many.length, lat, stealMs: stealMs() - steal0 };
console.log(JSON.stringify(run));
process.exit(0);

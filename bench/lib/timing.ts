import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../../src/knowledge/base.ts';
import { runCommand } from '../../src/answers/index.ts';
import { articleChoices, peopleChoices, topicChoices } from '../../src/discord/suggest.ts';
import type { Query } from './queries.ts';

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};
export const median = (xs: number[]) => pct(xs, 0.5);

/** Per command, the milliseconds of each answer (process.hrtime.bigint around one call). */
export function time(kb: KnowledgeBase, qs: Query[]): Record<string, number[]> {
  const lat: Record<string, number[]> = {};
  const timed = (name: string, run: () => unknown) => {
    const t0 = process.hrtime.bigint();
    run();
    (lat[name] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e6);
  };
  for (const q of qs) timed(q.command, () => runCommand(kb, q.command, q.q, q.opts));
  // Autocomplete as it is typed: a name's first letters (people, speakers), a topic's, an article's.
  for (const q of qs.filter((x) => x.command === 'who' && x.q)) {
    for (const prefix of [q.q.slice(0, 3), q.q.slice(0, 5)]) timed('autocomplete', () => peopleChoices(kb, prefix));
    timed('autocomplete', () => peopleChoices(kb, q.q.slice(0, 4), true));
    timed('autocomplete', () => topicChoices(kb, q.q.slice(0, 4)));
  }
  for (const q of qs.filter((x) => x.command === 'brief' && x.q)) timed('autocomplete', () => articleChoices(kb, q.q.slice(0, 6)));
  return lat;
}

/**
 * CPU time the hypervisor gave to other machines (the "steal" column of /proc/stat), in ms.
 * A query that waits while it grows was paused by the machine, not slowed by its own work.
 */
export function stealMs(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    return Number(cpu[8] ?? 0) * 10;
  } catch {
    return NaN;
  }
}

/**
 * Runs `work` while answering one query after another, each after giving the event loop a turn,
 * as a bot's users would: how long the work took, and how long each query waited and ran.
 */
export async function answeringDuring<T>(work: () => Promise<T>, answer: (i: number) => void): Promise<{ result: T; ms: number; waits: number[] }> {
  const waits: number[] = [];
  let running = true;
  const probe = (async () => {
    for (let i = 0; running; i++) {
      const t0 = process.hrtime.bigint();
      await new Promise((r) => setImmediate(r));
      answer(i);
      waits.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  })();
  const t0 = process.hrtime.bigint();
  const result = await work();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  running = false;
  await probe;
  return { result, ms, waits };
}

export const slowest = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);

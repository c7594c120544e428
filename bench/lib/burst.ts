/**
 * A burst of mixed interactions on the loopback Discord: slash commands of every kind, autocomplete
 * and button clicks, dispatched at a steady rate. Shared by the burst test (is every one answered in
 * its window?) and `npm run soak` (latencies and memory over several bursts).
 */
import type { FakeDiscord } from '../../tests/support/fake-discord.ts';
import { pct } from './timing.ts';

export interface BurstResult {
  sent: number;
  /** Interactions with a first response that Discord accepted (within its 3-second window). */
  answered: number;
  /** Deferred ones whose answer (edit or follow-up) arrived. */
  completed: number;
  deferred: number;
  /** ms from dispatch to the first response. */
  firstResponse: { median: number; p99: number; max: number };
  /** ms from the first dispatch to the last answer. */
  wallMs: number;
  byKind: Record<string, number>;
}

type Send = (fake: FakeDiscord) => string;

const WHO = ['Witkoff', 'Dmitriev', 'Zelensky', 'Umerov', 'Rubio', 'special envoy', 'Witkof', '', 'Nobody Atall', '@everyone <@1>'];
const TOPICS = ['airstrikes', 'talks', 'loan', '', 'strikes on energy', 'casualties'];
const QUESTIONS = ['How long did the talks last?', 'who led the Russian delegation', 'what did Zelensky say', 'Miami', 'x'.repeat(200)];

/** The mix: mostly lookups, as a channel sends them, with autocomplete and paging between. */
function mix(pages: { who: any; events: any }): [string, Send][] {
  const pick = <T>(xs: T[], k: number) => xs[k % xs.length];
  let k = 0;
  const next = () => k++;
  const nextButton = (msg: any) => (msg.components ?? []).flatMap((r: any) => r.components).find((b: any) => b.label === 'Next ▶')?.custom_id;
  return [
    ['who', (f) => f.slash('who', { person: pick(WHO, next()) })],
    ['who', (f) => f.slash('who', { person: pick(WHO, next()), private: true })],
    ['quote', (f) => f.slash('quote', { speaker: pick(['Dmitriev', 'Zelensky', 'Witkoff'], next()) })],
    ['quote', (f) => f.slash('quote', { words: pick(['productive and constructive', 'Moscow', 'peace'], next()) })],
    ['events', (f) => f.slash('events', { topic: pick(TOPICS, next()) })],
    ['ask', (f) => f.slash('ask', { question: pick(QUESTIONS, next()) })],
    ['brief', (f) => f.slash('brief', {})],
    ['sources', (f) => f.slash('sources', {})],
    ['help', (f) => f.slash('help', {})],
    ['autocomplete', (f) => f.autocomplete('who', { person: pick(['Wi', 'Dm', 'Zel', '', 'Um'], next()) }, 'person')],
    ['autocomplete', (f) => f.autocomplete('events', { topic: pick(['stri', 'ta', ''], next()) }, 'topic')],
    ['autocomplete', (f) => f.autocomplete('brief', { article: '' }, 'article')],
    ['button', (f) => f.click(nextButton(pages.who), pages.who)],
    ['button', (f) => f.click(nextButton(pages.events), pages.events)],
  ];
}

/** Sends `n` interactions over `spreadMs`, then waits for every answer; counts what Discord accepted. */
export async function runBurst(fake: FakeDiscord, n: number, spreadMs: number, opts: { beforeDispatch?: () => void } = {}): Promise<BurstResult> {
  const pages = { who: await fake.finalMessage(fake.slash('who', {})), events: await fake.finalMessage(fake.slash('events', {})) };
  opts.beforeDispatch?.();
  const kinds = mix(pages);
  const ids: { id: string; kind: string }[] = [];
  const t0 = Date.now();
  const perTick = Math.max(1, Math.ceil(n / (spreadMs / 50)));
  while (ids.length < n) {
    for (let j = 0; j < perTick && ids.length < n; j++) {
      const [kind, send] = kinds[ids.length % kinds.length];
      ids.push({ id: send(fake), kind });
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const byId = new Map(ids.map((x) => [x.id, x.kind]));
  // Every interaction gets a first response or a refusal (10062) within its window: wait for all of them.
  const settled = () => ids.every(({ id }) => fake.callbacks.some((c) => c.interactionId === id) || fake.interactions.get(id)!.dispatchedAt < performance.now() - 4000);
  await fake.waitFor(settled, 60_000, 'every first response');
  const callbacks = fake.callbacks.filter((c) => byId.has(c.interactionId));
  const deferred = callbacks.filter((c) => c.type === 5);
  await fake.waitFor(() => deferred.every((c) => fake.interactions.get(c.interactionId)!.original || fake.followups(c.interactionId).length), 30_000, 'every deferred answer').catch(() => undefined);
  const completed = deferred.filter((c) => fake.interactions.get(c.interactionId)!.original || fake.followups(c.interactionId).length).length;
  const lat = callbacks.map((c) => c.latency);
  const byKind: Record<string, number> = {};
  for (const c of callbacks) byKind[byId.get(c.interactionId)!] = (byKind[byId.get(c.interactionId)!] ?? 0) + 1;
  return {
    sent: n,
    answered: new Set(callbacks.map((c) => c.interactionId)).size,
    completed,
    deferred: deferred.length,
    firstResponse: { median: pct(lat, 0.5), p99: pct(lat, 0.99), max: Math.max(...lat) },
    wallMs: Date.now() - t0,
    byKind,
  };
}

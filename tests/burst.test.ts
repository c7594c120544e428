import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './support/fake-discord.ts';
import { botAgainst, copyKnowledge, logLines } from './support/bot-harness.ts';
import type { BotHandle } from '../src/discord/bot.ts';
import { runBurst } from '../bench/lib/burst.ts';

/**
 * 1,000 interactions of mixed commands, autocomplete and paging in 10 seconds: every one is
 * answered (the callbacks are counted; the loopback Discord refuses any after its 3-second window
 * with 10062), and every deferred one completes. Latency and memory figures: `npm run soak`.
 */
let fake: FakeDiscord;
let bot: BotHandle;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
  bot = await botAgainst(fake, { KNOWLEDGE_DIR: copyKnowledge(), LOG_LEVEL: 'info' });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('a burst of 1,000 interactions in 10 seconds', () => {
  it('answers every one within its window, and completes every deferred one', async () => {
    const r = await runBurst(fake, 1000, 10_000);
    expect(r.answered).toBe(1000);
    expect(r.firstResponse.max).toBeLessThan(3000);
    expect(r.completed).toBe(r.deferred);
    expect(Object.keys(r.byKind).sort()).toEqual(['ask', 'autocomplete', 'brief', 'button', 'events', 'help', 'quote', 'sources', 'who']);
    expect(fake.requests.filter((q) => q.route === 'callback' && q.status === 404)).toEqual([]);
    expect(fake.violations).toEqual([]);
    expect(logLines.filter((l) => /"level":"error"|interaction not answered/.test(l))).toEqual([]);
  }, 90_000);

  it('survives the same burst through a global 429 and lost callbacks, still answering all', async () => {
    fake.forget();
    // Spread through the burst: a global 429 now, then single lost callbacks (each retried once, in its window).
    const r = await runBurst(fake, 1000, 10_000, {
      beforeDispatch: () => {
        fake.fault('any', { rateLimit: { retryAfter: 0.2, global: true }, times: 3 });
        let k = 0;
        const t = setInterval(() => (++k > 20 ? clearInterval(t) : fake.fault('callback', k % 4 ? { status: 500 } : { hang: true })), 400);
      },
    });
    expect(r.answered).toBe(1000);
    expect(r.completed).toBe(r.deferred);
    const met = fake.requests.filter((q) => q.how === 'fault' || q.how === 'hang' || q.how === 'ratelimit');
    expect(met.length).toBeGreaterThanOrEqual(15); // the faults did land in the burst
  }, 90_000);
});

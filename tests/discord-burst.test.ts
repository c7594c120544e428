import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { REST, Routes, type RateLimitData } from 'discord.js';
import { FakeDiscord } from './support/fake-discord.ts';
import { botAgainst } from './support/bot-harness.ts';
import { KnowledgeService } from '../src/knowledge/service.ts';
import { KnowledgeBase } from '../src/knowledge/base.ts';
import type { BotHandle } from '../src/discord/bot.ts';

/**
 * A burst of interactions on the loopback Discord: every one answered within Discord's window,
 * and no request of the bot's ever waited on a client-side limiter (the REST clients report each
 * such wait as a `rateLimited` event; the loopback Discord never asks for one).
 */

const BURST = 300;

/** Sends `n` interactions over 3 seconds, 15 every 150 ms: the 100 a second, as Discord would deliver them. */
async function overThreeSeconds<T>(n: number, send: (k: number) => T): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    for (let j = 0; j < 15 && out.length < n; j++) out.push(send(out.length));
    if (out.length < n) await new Promise((r) => setTimeout(r, 150));
  }
  return out;
}
const buttons = (msg: any) => (msg.components ?? []).flatMap((r: any) => r.components);

/** Records every wait the REST clients of a bot make on their own. */
function waits(bot: BotHandle): RateLimitData[] {
  const seen: RateLimitData[] = [];
  bot.interactionRest.on('rateLimited', (d) => seen.push(d));
  bot.client.rest.on('rateLimited', (d) => seen.push(d));
  return seen;
}

/** Dispatches one of a mix of commands, autocompletes and button clicks; says what it was. */
function mixed(fake: FakeDiscord, k: number, pageable: any): { id: string; kind: 'command' | 'autocomplete' | 'button' } {
  const next = buttons(pageable).find((b: any) => b.label === 'Next ▶');
  const mix: (() => { id: string; kind: 'command' | 'autocomplete' | 'button' })[] = [
    () => ({ id: fake.slash('who', { person: 'Witkoff' }), kind: 'command' }),
    () => ({ id: fake.slash('quote', { speaker: 'Dmitriev' }), kind: 'command' }),
    () => ({ id: fake.slash('events', { topic: 'airstrikes' }), kind: 'command' }),
    () => ({ id: fake.slash('ask', { question: 'How long did the talks last?' }), kind: 'command' }),
    () => ({ id: fake.slash('brief'), kind: 'command' }),
    () => ({ id: fake.slash('sources', { private: true }), kind: 'command' }),
    () => ({ id: fake.slash('who', { person: 'Nobody Atall' }), kind: 'command' }), // a miss: private
    () => ({ id: fake.autocomplete('who', { person: 'Wit' }, 'person'), kind: 'autocomplete' }),
    () => ({ id: fake.click(next.custom_id, pageable), kind: 'button' }),
    () => ({ id: fake.slash('help'), kind: 'command' }),
  ];
  return mix[k % mix.length]();
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(async () => {
  await fake.stop();
  expect(fake.violations).toEqual([]);
});

describe(`a burst of ${BURST} interactions`, () => {
  it('answers every one inline, in the first response, with no client-side wait', async () => {
    const bot = await botAgainst(fake);
    const seen = waits(bot);
    try {
      const pageable = await fake.finalMessage(fake.slash('who'));
      const sent = await overThreeSeconds(BURST, (k) => mixed(fake, k, pageable));
      const first = await Promise.all(sent.map((s) => fake.response(s.id, 15_000)));
      // Every first response came within the window (the loopback Discord refuses a late one) and was the answer itself.
      expect(first.map((c) => c.type).sort()).toEqual(sent.map((s) => ({ command: 4, autocomplete: 8, button: 7 })[s.kind]).sort());
      for (const c of first.filter((x) => x.type === 4)) expect(c.data.embeds.length).toBeGreaterThan(0);
      expect(seen).toEqual([]);
    } finally {
      await bot.stop();
    }
  });

  it('completes as many deferred answers at once through the interaction webhook, with no client-side wait', async () => {
    // The knowledge base is still loading: every answer is deferred, then completed by webhook edits.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new KnowledgeService(path.resolve('knowledge'), { build: async (a, p) => { await gate; return new KnowledgeBase(a, p); } });
    void slow.reload();
    const bot = await botAgainst(fake, {}, { knowledge: slow, waitForKnowledge: false });
    const seen = waits(bot);
    try {
      const before = fake.requests.length;
      const sent = await overThreeSeconds(BURST, (k) => fake.slash((['who', 'quote', 'events', 'ask', 'sources'] as const)[k % 5], k % 5 === 3 ? { question: 'talks' } : {}));
      const first = await Promise.all(sent.map((id) => fake.response(id, 15_000)));
      expect(new Set(first.map((c) => c.type))).toEqual(new Set([5]));
      release();
      const answers = await Promise.all(sent.map((id) => fake.finalMessage(id, 15_000)));
      expect(answers.every((m) => m.embeds.length > 0)).toBe(true);
      const edits = fake.requests.slice(before).filter((r) => r.method === 'PATCH' && r.path.startsWith('/webhooks/'));
      expect(edits.length).toBeGreaterThanOrEqual(BURST * 0.8);
      expect(edits.every((r) => r.status === 200)).toBe(true);
      // discord.js's REST would have held every edit past the 50th in a second back (see the control below).
      expect(seen).toEqual([]);

      // The control: the same kind of edits through a REST client with discord.js's defaults do wait,
      // so the assertion above can fail. (60 edits: ten past the default limit of 50 a second.)
      const stock = new REST({ api: fake.apiUrl });
      const stockWaits: RateLimitData[] = [];
      stock.on('rateLimited', (d) => stockWaits.push(d));
      const tokens = sent.slice(0, 60).map((id) => fake.interactions.get(id)!.token);
      await Promise.all(tokens.map((t) => stock.patch(Routes.webhookMessage(bot.config.clientId, t, '@original'), { body: { content: 'edited again', allowed_mentions: { parse: [] } }, auth: false })));
      stock.clearHashSweeper();
      stock.clearHandlerSweeper();
      expect(stockWaits.length).toBeGreaterThan(0);
      expect(stockWaits.every((w) => w.global)).toBe(true);
    } finally {
      await bot.stop();
    }
  });
});

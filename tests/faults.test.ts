import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REST } from 'discord.js';
import { APP_ID, BRIEF_CHANNEL_ID, FakeDiscord, TOKEN, type Fault } from './support/fake-discord.ts';
import { botAgainst, copyKnowledge, logLines } from './support/bot-harness.ts';
import type { BotHandle } from '../src/discord/bot.ts';
import { InteractionWebhook } from '../src/discord/interaction-rest.ts';
import { NotAnswered, sendFirstResponse } from '../src/discord/delivery.ts';
import { runBurst } from '../bench/lib/burst.ts';

/**
 * The faults a bot meets on Discord, one test each, on the misbehaving loopback Discord: none stops
 * the process; what can still be answered is answered (retried within the window when that helps,
 * never twice); what cannot is logged once, with the reason.
 */

const rejections: unknown[] = [];
process.on('unhandledRejection', (r) => rejections.push(r));

const callbacksTo = (fake: FakeDiscord, id: string) => fake.requests.filter((r) => r.route === 'callback' && r.path.startsWith(`/interactions/${id}/`));
const linesAbout = (id: string) => logLines.filter((l) => l.includes(id)).map((l) => JSON.parse(l));
const text = (msg: any) => JSON.stringify(msg?.embeds ?? []);

let fake: FakeDiscord;
let bot: BotHandle;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
  bot = await botAgainst(fake, { KNOWLEDGE_DIR: copyKnowledge() });
});
afterEach(() => {
  fake.clearFaults();
  fake.responseWindowMs = 3000;
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  expect(rejections).toEqual([]);
  expect(fake.violations).toEqual([]);
  // No log line carries the bot token or an interaction token (both let anyone post as the bot).
  expect(logLines.filter((l) => l.includes(TOKEN) || l.includes('itok-'))).toEqual([]);
});

/** Asks /who and returns the interaction id once its answer is in. */
async function asksWho(person = 'Witkoff'): Promise<{ id: string; msg: any }> {
  const id = fake.slash('who', { person });
  const msg = await fake.finalMessage(id, 8000);
  return { id, msg };
}

describe('the first response (callback)', () => {
  for (const status of [500, 502, 503]) {
    it(`a ${status} is retried once within the window and the answer lands`, async () => {
      fake.fault('callback', { status });
      const { id, msg } = await asksWho();
      expect(msg.embeds[0].title).toBe('Steve Witkoff — US special envoy');
      expect(callbacksTo(fake, id).map((r) => r.status)).toEqual([status, 204]);
      expect((await fake.response(id)).latency).toBeLessThan(3000);
    });
  }

  it('a response that never comes is retried inside the 3-second window (not after 15 s), once', async () => {
    fake.fault('callback', { hang: true });
    const { id } = await asksWho();
    const cb = await fake.response(id);
    expect(cb.latency).toBeLessThan(3000);
    expect(callbacksTo(fake, id).map((r) => r.how)).toEqual(['hang', 'ok']);
  });

  it('when Discord took the first try but its answer was lost, the retry’s 40060 counts as answered, not as a failure', async () => {
    for (const fault of [{ hang: true, afterAccepting: true }, { status: 500, afterAccepting: true }] satisfies Fault[]) {
      fake.fault('callback', fault);
      const { id, msg } = await asksWho();
      expect(msg.embeds[0].title).toBe('Steve Witkoff — US special envoy');
      expect(fake.callbacks.filter((c) => c.interactionId === id)).toHaveLength(1);
      await fake.waitFor(() => callbacksTo(fake, id).length === 2, 5000, 'the retry');
      await fake.waitFor(() => linesAbout(id).some((l) => l.msg === 'interaction'), 3000, 'the log line');
      const lines = linesAbout(id);
      expect(lines.filter((l) => l.level === 'error' || l.msg === 'interaction not answered')).toEqual([]);
      expect(lines.find((l) => l.msg === 'interaction')).toMatchObject({ outcome: 'answered' });
      expect(lines.some((l) => /40060/.test(l.msg))).toBe(true);
    }
  });

  it('two failures: no third try; logged once with the reason; the next interaction is answered', async () => {
    fake.fault('callback', { status: 500, times: 2 });
    const id = fake.slash('who', { person: 'Witkoff' });
    await fake.waitFor(() => linesAbout(id).some((l) => l.msg === 'interaction not answered'), 5000, 'the log line');
    await new Promise((r) => setTimeout(r, 300));
    expect(callbacksTo(fake, id)).toHaveLength(2);
    const lines = linesAbout(id).filter((l) => l.level === 'warn' || l.level === 'error');
    expect(lines).toHaveLength(1);
    expect(lines[0].reason).toMatch(/HTTP 500.*retry did not land/);
    expect((await asksWho()).msg.embeds[0].title).toBe('Steve Witkoff — US special envoy');
  });

  it('an interaction whose window has passed (10062) is not retried, and is logged once as such', async () => {
    fake.responseWindowMs = 0;
    const id = fake.slash('who', { person: 'Witkoff' });
    await fake.waitFor(() => linesAbout(id).some((l) => l.msg === 'interaction not answered'), 5000, 'the log line');
    await new Promise((r) => setTimeout(r, 200));
    expect(callbacksTo(fake, id)).toHaveLength(1);
    expect(linesAbout(id).filter((l) => l.level !== 'debug' && l.level !== 'info')).toMatchObject([{ reason: expect.stringMatching(/10062/) }]);
  });

  it('429s on the callback, route or global, body or header, are waited out and answered in the window', async () => {
    const limits: Fault['rateLimit'][] = [{ retryAfter: 0.3 }, { retryAfter: 0.3, global: true }, { retryAfter: 0.3, in: 'header' }, { retryAfter: 0.3, in: 'body' }];
    for (const rateLimit of limits) {
      fake.fault('callback', { rateLimit });
      const { id, msg } = await asksWho();
      expect(msg.embeds[0].title).toBe('Steve Witkoff — US special envoy');
      expect(callbacksTo(fake, id).map((r) => r.status)).toEqual([429, 204]);
      expect((await fake.response(id)).latency).toBeLessThan(3000);
    }
  });

  it('autocomplete survives a lost callback too', async () => {
    fake.fault('callback', { status: 502 });
    const r = await fake.response(fake.autocomplete('who', { person: 'Witk' }, 'person'));
    expect(r.data.choices[0].value).toBe('Steve Witkoff');
  });

  it('the retry budget: a first try never takes the whole window, and nothing is sent once it is gone', async () => {
    let clock = 0;
    const budgets: number[] = [];
    const tries = async (signal: AbortSignal) => {
      budgets.push(clock);
      clock += 1400;
      expect(signal.aborted).toBe(false);
      throw Object.assign(new Error('timed out'), { name: 'AbortError' });
    };
    await expect(sendFirstResponse(tries, 0, () => clock)).rejects.toBeInstanceOf(NotAnswered);
    expect(budgets).toEqual([0, 1400]); // two tries, then the window is spent
    clock = 2900;
    const none: number[] = [];
    await expect(sendFirstResponse(async () => none.push(1), 0, () => clock)).rejects.toThrow(/window had passed/);
    expect(none).toEqual([]);
  });
});

describe('edits of @original and follow-ups', () => {
  it('an edit that fails (5xx, no answer, 429) is retried until it lands: /reload reports', async () => {
    for (const fault of [{ status: 500 }, { status: 503, times: 2 }, { rateLimit: { retryAfter: 0.2 } }, { hang: true }] satisfies Fault[]) {
      fake.fault('original', fault);
      const id = fake.slash('reload');
      const msg = await fake.finalMessage(id, 25_000); // an edit that hangs is retried after 15 s
      expect(text(msg)).toMatch(/Reloaded: 1 article/);
      expect(fake.requests.filter((r) => r.route === 'original' && r.path.includes(fake.interactions.get(id)!.token)).length).toBe(1 + (fault.times ?? 1));
    }
  }, 60_000);

  it('a 400 / 50035 is logged once with Discord’s errors tree, and the user gets an apology', async () => {
    fake.fault('original', { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: { embeds: { 0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }] } } } } } });
    const id = fake.slash('reload');
    const msg = await fake.finalMessage(id, 8000);
    expect(text(msg)).toMatch(/Sorry, something went wrong/);
    const failed = linesAbout(id).filter((l) => l.level === 'error');
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(failed[0])).toMatch(/Invalid Form Body.*embeds\[0\]\.description\[BASE_TYPE_MAX_LENGTH\]: Must be 4096 or fewer in length/);
  });

  it('a follow-up that may have been posted is never posted again; one that was refused is reported', async () => {
    const id = fake.slash('who', { person: 'Witkoff' });
    await fake.response(id);
    const hook = new InteractionWebhook(new REST({ api: fake.apiUrl, retries: 0 }), APP_ID, fake.interactions.get(id)!.token);
    const body = { content: 'a follow-up', allowed_mentions: { parse: [] } };
    for (const fault of [{ status: 500, afterAccepting: true }, { status: 502 }] satisfies Fault[]) {
      fake.fault('followup', fault);
      await expect(hook.followUp(body)).rejects.toThrow(/may not have been posted.*never posted twice/);
    }
    expect(fake.followups(id)).toHaveLength(1); // the accepted one, once
    await hook.followUp(body);
    expect(fake.followups(id)).toHaveLength(2);
  });
});

describe('briefing posts', () => {
  const faults: [string, Fault][] = [
    ['a 500 after Discord posted it', { status: 500, afterAccepting: true }],
    ['a 503', { status: 503 }],
    ['a 429', { rateLimit: { retryAfter: 0.2 } }],
    ['a global 429', { rateLimit: { retryAfter: 0.2, global: true } }],
    ['no answer after Discord posted it', { hang: true, afterAccepting: true }],
    ['no answer', { hang: true }],
  ];
  for (const [what, fault] of faults) {
    it(`after ${what}, is retried and posted exactly once`, async () => {
      const dir = copyKnowledge();
      const f = await new FakeDiscord().start();
      const b = await botAgainst(f, { KNOWLEDGE_DIR: dir, BRIEFING_CHANNEL_ID: BRIEF_CHANNEL_ID }, { restTimeoutMs: 800 });
      try {
        const reloaded = new Promise((r) => b.knowledge.once('reload', r));
        writeFileSync(path.join(dir, 'geneva.md'), '---\ntitle: Envoys meet in Geneva\npublished: 2026-11-25\n---\n\nSpecial envoy Anna Berg met officials in Geneva on Tuesday.\n');
        await reloaded;
        f.fault('channel', fault);
        expect(await b.postBriefing()).toMatch(/posted a briefing of 1 new article/);
        expect(f.channelMessages).toHaveLength(1);
        expect(f.requests.filter((r) => r.route === 'channel').length).toBeGreaterThanOrEqual(2);
        expect(f.channelMessages[0].body).toMatchObject({ enforce_nonce: true, nonce: expect.any(String) });
        expect(await b.postBriefing()).toBe('nothing new');
        expect(f.channelMessages).toHaveLength(1);
      } finally {
        await b.stop();
        await f.stop();
      }
    });
  }
});

describe('gateway trouble', () => {
  let g: FakeDiscord;
  let gb: BotHandle;
  beforeAll(async () => {
    g = await new FakeDiscord().start();
    g.heartbeatIntervalMs = 400; // a zombie shows within a second
    gb = await botAgainst(g);
  });
  afterAll(async () => {
    await gb?.stop();
    await g?.stop();
  });

  const answered = async () => (await g.finalMessage(g.slash('who', { person: 'Witkoff' }), 10_000)).embeds[0].title;

  const cases: [string, () => void, 'resume' | 'identify'][] = [
    ['close 4000 (unknown error, resumable)', () => g.closeGateway(4000), 'resume'],
    ['close 1006 (connection dropped, no close frame)', () => g.closeGateway(1006), 'resume'],
    ['op 7 Reconnect', () => g.reconnect(), 'resume'],
    ['op 9 Invalid Session, resumable', () => g.invalidSession(true), 'resume'],
    ['close 4007 (invalid seq: the session is gone)', () => g.closeGateway(4007), 'identify'],
    ['close 4009 (session timed out)', () => g.closeGateway(4009), 'identify'],
    ['op 9 Invalid Session, not resumable', () => g.invalidSession(false), 'identify'],
  ];
  for (const [what, trouble, how] of cases) {
    it(`${what}: reconnects (${how === 'resume' ? 'resuming' : 'identifying again'}) and answers the next interaction`, async () => {
      const before = { resumes: g.resumes.length, identifies: g.identifies.length };
      trouble();
      if (how === 'resume') await g.waitFor(() => g.resumes.length > before.resumes, 15_000, 'a RESUME');
      else await g.waitFor(() => g.identifies.length > before.identifies, 15_000, 'an IDENTIFY');
      expect(await answered()).toBe('Steve Witkoff — US special envoy');
      if (how === 'identify') expect(g.resumes.length - before.resumes).toBeLessThanOrEqual(1); // at most one refused try
      else expect(g.identifies.length).toBe(before.identifies);
    }, 30_000);
  }

  it('RESUME replays what was dispatched while the connection was down, and the bot answers it', async () => {
    const before = g.resumes.length;
    g.closeGateway(4000);
    await g.waitFor(() => !g.connected, 5000, 'the drop');
    const missed = g.slash('who', { person: 'Witkoff' }); // sent while nobody is connected
    await g.waitFor(() => g.resumes.length > before, 10_000, 'a RESUME');
    const cb = await g.response(missed, 5000);
    expect(cb.latency).toBeLessThan(3000);
  }, 20_000);

  it('while interactions keep arriving, a drop (4000) and an op 7 lose none: what came meanwhile is replayed and answered in its window', async () => {
    const resumes = g.resumes.length;
    const r = await runBurst(g, 200, 2500, {
      beforeDispatch: () => {
        setTimeout(() => g.closeGateway(4000), 600);
        setTimeout(() => g.reconnect(), 1600);
      },
    });
    expect(g.resumes.length).toBeGreaterThanOrEqual(resumes + 2);
    expect(r.answered).toBe(200);
    expect(r.completed).toBe(r.deferred);
    expect(r.firstResponse.max).toBeLessThan(3000);
  }, 60_000);

  it('a zombie connection (heartbeats never acknowledged, close never answered) is replaced in seconds, not ~33 s', async () => {
    const connections = g.connections;
    const t0 = Date.now();
    g.zombie();
    await g.waitFor(() => g.connections > connections, 10_000, 'a new connection');
    const ms = Date.now() - t0;
    expect(ms).toBeLessThan(10_000);
    expect(logLines.some((l) => l.includes('stuck closing (zombie)'))).toBe(true);
    expect(await answered()).toBe('Steve Witkoff — US special envoy');
  }, 20_000);
});

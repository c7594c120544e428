import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, TOKEN, errorsTree } from './support/fake-discord.ts';

/** The misbehaving loopback Discord, checked on its own with plain HTTP: it must fail the way Discord does. */
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(() => fake.stop());

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${fake.apiUrl}/v10${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bot ${TOKEN}`, ...init.headers } });
const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });
const msg = (extra: object = {}) => ({ content: 'hello', allowed_mentions: { parse: [] }, ...extra });

describe('the loopback Discord misbehaves on purpose', () => {
  it('429s like Discord: route and global, retry_after in the body and Retry-After in the header', async () => {
    fake.fault('channel', { rateLimit: { retryAfter: 1.5 } });
    const r = await post('/channels/1300000000000000004/messages', msg());
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(r.headers.get('x-ratelimit-scope')).toBe('user');
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await r.json()).toMatchObject({ retry_after: 1.5, global: false });
    fake.fault('any', { rateLimit: { retryAfter: 0.25, global: true, in: 'header' } });
    const g = await api('/users/@me');
    expect(g.status).toBe(429);
    expect(g.headers.get('x-ratelimit-global')).toBe('true');
    expect(await g.json()).not.toHaveProperty('retry_after');
    expect((await api('/users/@me')).status).toBe(200);
  });

  it('keeps X-RateLimit buckets per channel and answers 429 when one is spent', async () => {
    fake.bucket('channel', 2, 400);
    const a = await post('/channels/1300000000000000004/messages', msg());
    expect(a.headers.get('x-ratelimit-limit')).toBe('2');
    expect(a.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(a.headers.get('x-ratelimit-bucket')).toBe('bucket-channel');
    await post('/channels/1300000000000000004/messages', msg());
    const c = await post('/channels/1300000000000000004/messages', msg());
    expect(c.status).toBe(429);
    expect((await c.json()).retry_after).toBeGreaterThan(0);
    expect((await post('/channels/1300000000000000009/messages', msg())).status).toBe(200); // another channel, another bucket
    await new Promise((r) => setTimeout(r, 450));
    expect((await post('/channels/1300000000000000004/messages', msg())).status).toBe(200);
    fake.clearFaults();
  });

  it('fails with 5xx, hangs, or does the work and then fails', async () => {
    fake.fault('channel', { status: 503 });
    expect((await post('/channels/1300000000000000004/messages', msg())).status).toBe(503);
    const before = fake.channelMessages.length;
    fake.fault('channel', { status: 500, afterAccepting: true });
    expect((await post('/channels/1300000000000000004/messages', msg({ content: 'accepted' }))).status).toBe(500);
    expect(fake.channelMessages.length).toBe(before + 1);
    fake.fault('channel', { hang: true });
    const hung = await Promise.race([post('/channels/1300000000000000004/messages', msg()).then(() => 'answered'), new Promise((r) => setTimeout(() => r('hanging'), 300))]);
    expect(hung).toBe('hanging');
    expect(fake.hangingRequests).toBe(1);
  });

  it('returns the first message for a repeated nonce with enforce_nonce', async () => {
    const n = fake.channelMessages.length;
    const a = await (await post('/channels/1300000000000000004/messages', msg({ nonce: 'n-1', enforce_nonce: true }))).json();
    const b = await (await post('/channels/1300000000000000004/messages', msg({ nonce: 'n-1', enforce_nonce: true }))).json();
    expect(b.id).toBe(a.id);
    expect(fake.channelMessages.length).toBe(n + 1);
  });

  it('refuses a payload that breaks a rule with 400 / 50035 and an errors tree', async () => {
    const r = await post('/channels/1300000000000000004/messages', msg({ embeds: [{ description: 'x'.repeat(4097) }] }));
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      message: 'Invalid Form Body', code: 50035,
      errors: { embeds: { 0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }] } } } },
    });
    expect(errorsTree([{ path: 'a.0.b', code: 'C', message: 'M' }, { path: 'a.0.b', code: 'D', message: 'N' }])).toEqual({ a: { 0: { b: { _errors: [{ code: 'C', message: 'M' }, { code: 'D', message: 'N' }] } } } });
    fake.violations.length = 0;
  });

  it('keeps the interaction lifecycle: 10008 before a response, 40060 for a second callback, 10062 after 3 s, 50027 after the token’s life', async () => {
    // No bot is connected: the interactions are recorded, and answered here by hand.
    const id = fake.slash('who', { person: 'x' });
    const p = fake.interactions.get(id)!;
    const original = (method: string, body?: unknown) => fetch(`${fake.apiUrl}/v10/webhooks/1100000000000000001/${p.token}/messages/@original`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(await (await original('PATCH', msg())).json()).toMatchObject({ code: 10008 });
    const cb = (i: string, token: string) => post(`/interactions/${i}/${token}/callback`, { type: 5 });
    expect((await cb(id, p.token)).status).toBe(204);
    expect(await (await cb(id, p.token)).json()).toMatchObject({ code: 40060 });
    expect((await original('PATCH', msg())).status).toBe(200);
    fake.tokenLifeMs = 0;
    expect(await (await original('PATCH', msg())).json()).toMatchObject({ code: 50027 });
    fake.tokenLifeMs = 15 * 60_000;
    const late = fake.slash('who', { person: 'y' });
    fake.interactions.get(late)!.dispatchedAt -= 3100;
    expect(await (await cb(late, fake.interactions.get(late)!.token)).json()).toMatchObject({ code: 10062 });
  });
});

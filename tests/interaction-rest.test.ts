import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { RateLimitData } from 'discord.js';
import { InteractionWebhook, interactionRest } from '../src/discord/interaction-rest.ts';

/**
 * The interaction REST client drops only the client-side global limit Discord does not apply to
 * interaction endpoints: the rate limits Discord does announce are still waited out.
 */

type Scripted = { status: number; headers?: Record<string, string>; body?: unknown };
let script: Scripted[] = [];
const hits: { method: string; url: string }[] = [];
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    hits.push({ method: req.method!, url: req.url! });
    const next = script.shift() ?? { status: 200, body: { id: '1' } };
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    res.end(JSON.stringify(next.body ?? {}));
  });
});
let api = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as { port: number }).port}/api`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function client() {
  const rest = interactionRest(api);
  const waits: RateLimitData[] = [];
  rest.on('rateLimited', (d) => waits.push(d));
  const webhook = new InteractionWebhook(rest, '1100000000000000001', 'itok-abc');
  const done = () => {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  };
  return { webhook, waits, done };
}

const limited = (after: string, extra: Record<string, string> = {}) => ({
  'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': after, 'x-ratelimit-bucket': 'webhook-bucket', ...extra,
});

describe('the interaction REST client', () => {
  it('sends edits with no client-side global limit: 120 at once, no wait', async () => {
    const { webhook, waits, done } = client();
    hits.length = 0;
    await Promise.all(Array.from({ length: 120 }, () => webhook.editOriginal({ content: 'x' })));
    done();
    expect(hits).toHaveLength(120);
    expect(waits).toEqual([]);
  });

  it('waits out a per-route bucket Discord announces before the next request on that route', async () => {
    const { webhook, waits, done } = client();
    hits.length = 0;
    // The first answer names the bucket (discord.js then files the route under it); the second empties it.
    script = [{ status: 200, headers: limited('0.2', { 'x-ratelimit-remaining': '1' }) }, { status: 200, headers: limited('0.2') }];
    for (const content of ['one', 'two', 'three']) await webhook.editOriginal({ content });
    done();
    expect(hits).toHaveLength(3);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toEqual(expect.objectContaining({ global: false, route: expect.stringMatching(/^\/webhooks\/:id\/:token\/messages\/(@|%40)original$/) }));
  });

  it('retries a 429 after its retry_after, and honours a global 429', async () => {
    const { webhook, waits, done } = client();
    hits.length = 0;
    script = [
      { status: 429, headers: { ...limited('0.2'), 'retry-after': '0.2' }, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false } },
      { status: 200, body: { id: '1' } },
      { status: 429, headers: { 'retry-after': '0.2', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' }, body: { message: 'You are being rate limited.', retry_after: 0.2, global: true } },
      { status: 200, body: { id: '2' } },
    ];
    await webhook.followUp({ content: 'a' });
    await webhook.followUp({ content: 'b' });
    done();
    expect(hits.map((h) => h.method)).toEqual(['POST', 'POST', 'POST', 'POST']);
    expect(waits.some((w) => !w.global)).toBe(true);
    expect(waits.some((w) => w.global)).toBe(true);
  });
});

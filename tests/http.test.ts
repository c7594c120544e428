import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { FakeDiscord, TOKEN, APP_ID } from './support/fake-discord.ts';
import { botAgainst, copyKnowledge, logLines } from './support/bot-harness.ts';
import { deliver, post, signatureHeaders, signingKeys, type SigningKeys } from './support/signed-http.ts';
import { startServer, MAX_BODY_BYTES, type ServerHandle, type ServerOptions } from '../src/http/server.ts';
import { KnowledgeService } from '../src/knowledge/service.ts';
import { KnowledgeBase } from '../src/knowledge/base.ts';
import { KNOWLEDGE } from './helpers.ts';
import type { BotHandle } from '../src/discord/bot.ts';

const EPHEMERAL = 64;
const buttons = (msg: any) => (msg.components ?? []).flatMap((r: any) => r.components);

let fake: FakeDiscord;
let keys: SigningKeys;
let server: ServerHandle;
let endpoint: string;

function serverAgainst(env: Record<string, string> = {}, opts: ServerOptions = {}): Promise<ServerHandle> {
  return startServer({
    env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fake.apiUrl, KNOWLEDGE_DIR: KNOWLEDGE, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'debug', ...env },
    ...opts,
  });
}

beforeAll(async () => {
  fake = await new FakeDiscord().start();
  keys = signingKeys();
  server = await serverAgainst();
  await server.knowledge.ready;
  endpoint = `${server.url}/interactions`;
});
afterAll(async () => {
  await server?.stop();
  await fake?.stop();
  expect(fake.violations).toEqual([]);
  expect(logLines.some((l) => l.includes(keys.publicKeyHex))).toBe(false);
});

/** Signs and sends any body, valid JSON or not. */
const signed = (body: string) => post(endpoint, body, signatureHeaders(keys, body));

describe('signature checks (before anything is parsed)', () => {
  const body = () => JSON.stringify(fake.slashPayload('who', { person: 'Witkoff' }));

  it('answers PING with PONG', async () => {
    const r = await signed(JSON.stringify({ type: 1, id: '1', application_id: APP_ID, token: 't' }));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ type: 1 });
  });

  it('refuses a tampered body, a wrong key, a stale timestamp and missing headers with 401', async () => {
    const b = body();
    const good = signatureHeaders(keys, b);
    expect((await post(endpoint, b, good)).status).toBe(200);
    expect((await post(endpoint, b.replace('Witkoff', 'Witkofff'), good)).status).toBe(401);
    expect((await post(endpoint, body(), signatureHeaders(signingKeys(), body()))).status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 301;
    const stale = await post(endpoint, b, signatureHeaders(keys, b, old));
    expect(stale.status).toBe(401);
    expect(stale.json.error).toMatch(/stale/);
    expect((await post(endpoint, b, {})).status).toBe(401);
    expect((await post(endpoint, b, { 'x-signature-ed25519': good['x-signature-ed25519'] })).status).toBe(401);
    expect((await post(endpoint, b, { 'x-signature-timestamp': good['x-signature-timestamp'] })).status).toBe(401);
    expect((await post(endpoint, b, { ...good, 'x-signature-ed25519': 'zz' })).status).toBe(401);
    // The timestamp is part of what is signed: a fresh timestamp on an old signature fails too.
    expect((await post(endpoint, b, { ...good, 'x-signature-timestamp': String(Number(good['x-signature-timestamp']) + 1) })).status).toBe(401);
  });
});

describe('refusals that never crash it', () => {
  it('answers malformed JSON, wrong types and unknown commands with 400 and a reason', async () => {
    expect((await signed('{"type": 2, "data": ')).status).toBe(400);
    const wrongType = { ...fake.slashPayload('who'), data: { name: 'who', type: 1, options: [{ name: 'person', type: 3, value: 42 }] } };
    const r = await signed(JSON.stringify(wrongType));
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/person: expected a string value, got number/);
    const unknown = await signed(JSON.stringify(fake.slashPayload('launch')));
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatch(/unknown command \/launch/);
    for (const junk of ['null', '[]', '"text"', '{}', '{"type":2}', '{"type":99,"id":"1","application_id":"1","token":"t","user":{"id":"1"},"data":{}}']) {
      expect((await signed(junk)).status).toBe(400);
    }
    // Still serving.
    expect((await deliver(fake, endpoint, keys, fake.slashPayload('sources'))).status).toBe(200);
  });

  it('reads no body over the limit, and answers other paths and methods', async () => {
    const big = JSON.stringify({ ...fake.slashPayload('who'), pad: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await signed(big)).status).toBe(413);
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
    const get = await fetch(endpoint);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('cuts off a client that never finishes its request', async () => {
    const quick = await serverAgainst({}, { requestTimeoutMs: 300 });
    try {
      const socket = net.connect(quick.port, '127.0.0.1');
      let received = '';
      socket.on('data', (d) => (received += d));
      const closed = new Promise<void>((r) => socket.on('close', () => r()));
      socket.write('POST /interactions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"type":');
      await closed;
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await quick.stop();
    }
  });
});

describe('answers over HTTP', () => {
  let bot: BotHandle;
  beforeAll(async () => {
    bot = await botAgainst(fake);
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('sends the very payloads the gateway bot sends, in the HTTP response', async () => {
    const asked: [string, Record<string, string | boolean>][] = [
      ['who', { person: 'Witkoff' }], ['quote', { speaker: 'Dmitriev' }], ['events', { topic: 'airstrikes' }],
      ['ask', { question: 'How long did the talks last?' }], ['brief', {}], ['sources', {}], ['help', {}],
      ['who', { person: 'Nobody Atall' }], ['who', { private: true }],
    ];
    for (const [name, options] of asked) {
      const viaGateway = await fake.response(fake.slash(name, options));
      const viaHttp = await deliver(fake, endpoint, keys, fake.slashPayload(name, options));
      expect(viaHttp.status).toBe(200);
      expect(viaHttp.json.type).toBe(4);
      expect(viaHttp.json.data, `/${name}`).toEqual(viaGateway.data);
    }
    const ac = await deliver(fake, endpoint, keys, fake.autocompletePayload('who', { person: 'Witk' }, 'person'));
    expect(ac.json).toEqual({ type: 8, data: { choices: (await fake.response(fake.autocomplete('who', { person: 'Witk' }, 'person'))).data.choices } });
    expect(ac.json.data.choices[0].value).toBe('Steve Witkoff');
  });

  it('pages with buttons, and lets only the asker page a private answer', async () => {
    const first = await deliver(fake, endpoint, keys, fake.slashPayload('who'));
    const next = buttons(first.json.data).find((b: any) => b.label === 'Next ▶');
    const page = await deliver(fake, endpoint, keys, fake.clickPayload(next.custom_id, first.json.data));
    expect(page.json.type).toBe(7);
    expect(page.json.data.embeds[0].footer.text).toMatch(/page 2\/2/);

    const mine = await deliver(fake, endpoint, keys, fake.slashPayload('who', { private: true }));
    expect(mine.json.data.flags).toBe(EPHEMERAL);
    const mineNext = buttons(mine.json.data).find((b: any) => b.label === 'Next ▶');
    const { OTHER_USER } = await import('./support/fake-discord.ts');
    const denied = await deliver(fake, endpoint, keys, fake.clickPayload(mineNext.custom_id, mine.json.data, { user: OTHER_USER, ephemeral: true }));
    expect(denied.json.type).toBe(4);
    expect(denied.json.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(denied.json.data)).toMatch(/Only the person who asked/);
  });
});

describe('loading, deferral and reload', () => {
  it('says it is loading on /healthz, defers while loading, and completes the answer by a webhook PATCH', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new KnowledgeService(path.resolve('knowledge'), { build: async (a, p) => { await gate; return new KnowledgeBase(a, p); } });
    void slow.reload();
    const s = await serverAgainst({}, { knowledge: slow });
    try {
      const health = await fetch(`${s.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'loading' });
      const payload = fake.slashPayload('who', { person: 'Witkoff' });
      const r = await deliver(fake, `${s.url}/interactions`, keys, payload);
      expect(r.json).toEqual({ type: 5, data: {} });
      release();
      const msg = await fake.finalMessage(payload.id);
      expect(msg.embeds[0].title).toBe('Steve Witkoff — US special envoy');
      const token = fake.interactions.get(payload.id)!.token;
      expect(fake.requests.some((q) => q.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/(@|%40)original$/.test(q.path) && q.path.includes(`/${APP_ID}/${token}/`) && q.status === 200)).toBe(true);
      const ready = await fetch(`${s.url}/healthz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', articles: 1, paragraphs: 15 });
    } finally {
      await s.stop();
    }
  });

  it('reloads when a file is added (watcher) and on /reload, which is for server managers only', async () => {
    const dir = copyKnowledge();
    const s = await serverAgainst({ KNOWLEDGE_DIR: dir });
    const url = `${s.url}/interactions`;
    try {
      await s.knowledge.ready;
      const reloaded = new Promise((r) => s.knowledge.once('reload', r));
      writeFileSync(path.join(dir, 'geneva.md'), '---\ntitle: Envoys meet in Geneva\npublished: 2026-01-10\n---\n\nSpecial envoy Anna Berg met officials in Geneva on Friday.\n');
      await reloaded;
      const sources = await deliver(fake, url, keys, fake.slashPayload('sources'));
      expect(JSON.stringify(sources.json.data)).toContain('Envoys meet in Geneva');
      const denied = await deliver(fake, url, keys, fake.slashPayload('reload', {}, { permissions: '0' }));
      expect(JSON.stringify(denied.json.data)).toMatch(/needs the Manage Server permission/);
      const payload = fake.slashPayload('reload');
      const r = await deliver(fake, url, keys, payload);
      expect(r.json).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      const msg = await fake.finalMessage(payload.id);
      expect(JSON.stringify(msg.embeds)).toMatch(/Reloaded: 2 article\(s\)/);
    } finally {
      await s.stop();
    }
  });
});

describe('settings', () => {
  it('needs DISCORD_PUBLIC_KEY, and a real one, named in one clear line', async () => {
    await expect(serverAgainst({ DISCORD_PUBLIC_KEY: '' })).rejects.toThrow(/DISCORD_PUBLIC_KEY is not set/);
    await expect(serverAgainst({ DISCORD_PUBLIC_KEY: 'abc' })).rejects.toThrow(/64 hexadecimal characters/);
    await expect(serverAgainst({ PORT: 'eighty' })).rejects.toThrow(/PORT must be a port number/);
    await expect(serverAgainst({ BRIEFING_CHANNEL_ID: '1300000000000000004' })).rejects.toThrow(/needs the bot token/);
    await expect(serverAgainst({ DISCORD_TOKEN: TOKEN, BRIEFING_CHANNEL_ID: '1300000000000000004', KEYSTONE_CACHE_DIR: 'off' }, { stateFile: path.join(copyKnowledge(), '.state.json') }).then((s) => s.stop())).resolves.toBeUndefined();
  });
});

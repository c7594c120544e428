import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FakeDiscord, APP_ID } from './support/fake-discord.ts';
import { post, signatureHeaders, signingKeys, type SigningKeys } from './support/signed-http.ts';
import { startServer, MAX_BODY_BYTES, type ServerHandle } from '../src/http/server.ts';
import { KNOWLEDGE } from './helpers.ts';
import { hostileText, payloadProblems } from './support/hostile.ts';
import { setLogSink } from '../src/log.ts';

const logLines: string[] = [];
setLogSink((l) => logLines.push(l));

/**
 * The HTTP interactions endpoint with anything in the body (fast-check): malformed JSON, wrong
 * types, unknown commands and options, huge bodies. A 4xx or an answer, never a 5xx, never a
 * crash; and it keeps answering real requests afterwards.
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201), numRuns: Number(process.env.FC_RUNS ?? 100) });

let fake: FakeDiscord;
let keys: SigningKeys;
let server: ServerHandle;
let endpoint: string;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
  keys = signingKeys();
  server = await startServer({ env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fake.apiUrl, KNOWLEDGE_DIR: KNOWLEDGE, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' } });
  await server.knowledge.ready;
  endpoint = `${server.url}/interactions`;
});
afterAll(async () => {
  await server?.stop();
  await fake?.stop();
  // What a request says about itself is cut short in the log: hostile input cannot flood it.
  expect(logLines.filter((l) => l.length > 2000).map((l) => l.slice(0, 200))).toEqual([]);
});

const signed = (body: string | Buffer) => post(endpoint, body, signatureHeaders(keys, body));

/** A real request still gets its answer: the endpoint survived what came before. */
async function stillAnswers() {
  const r = await signed(JSON.stringify(fake.slashPayload('who', { person: 'Witkoff' })));
  expect(r.status).toBe(200);
  expect(r.json.type).toBe(4);
  expect(payloadProblems(r.json.data)).toEqual([]);
}

/** Sets a value at a path of an object (creating what is missing), for breaking one field of a good interaction. */
function setAt(obj: any, path: (string | number)[], value: unknown): any {
  const copy = structuredClone(obj);
  let node = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k];
  }
  node[path.at(-1)!] = value;
  return copy;
}

const json = fc.jsonValue({ maxDepth: 4 });
const FIELDS: (string | number)[][] = [['type'], ['id'], ['token'], ['application_id'], ['data'], ['data', 'name'], ['data', 'type'], ['data', 'options'], ['data', 'options', 0], ['data', 'options', 0, 'value'], ['data', 'options', 0, 'type'], ['data', 'options', 0, 'name'], ['data', 'options', 0, 'focused'], ['data', 'custom_id'], ['data', 'component_type'], ['member'], ['member', 'permissions'], ['member', 'user', 'id'], ['user'], ['guild_id'], ['message', 'embeds', 0, 'footer', 'text']];

describe('the HTTP endpoint with anything (fast-check)', () => {
  it('unsigned bytes are refused with 401 before anything is read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expect((await post(endpoint, Buffer.from(bytes))).status).toBe(401);
      }),
      { numRuns: 30 },
    );
  });

  it('signed bodies that are not JSON, or JSON that is not an interaction: 400, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, json.map((v) => JSON.stringify(v))), async (body) => {
        const r = await signed(body);
        if (body.trim() === '' || !isJson(body)) expect(r.status).toBe(400);
        else expect(r.status === 200 || (r.status >= 400 && r.status < 500), `${r.status} ${r.text}`).toBe(true);
      }),
    );
    await stillAnswers();
  });

  it('a good interaction with one field broken, a command or option that does not exist, a hostile value: a 4xx or an answer within the limits', async () => {
    const kinds = fc.constantFrom(
      () => fake.slashPayload('who', { person: 'Witkoff' }),
      () => fake.slashPayload('quote', { speaker: 'Dmitriev', words: 'Moscow' }),
      () => fake.slashPayload('brief', { since: '2025-12-01' }),
      () => fake.autocompletePayload('who', { person: 'Wi' }, 'person'),
      () => fake.clickPayload('ks1|page|who|1|-|', { embeds: [{ footer: { text: '/who · page 1/2' } }] }),
    );
    await fc.assert(
      fc.asyncProperty(kinds, fc.constantFrom(...FIELDS), fc.oneof(json, hostileText, fc.constantFrom('nope', 'who', 'reload', 'add', '0', '-1', 99, 1e309, null)), async (make, field, value) => {
        const body = JSON.stringify(setAt(make(), field, value));
        const r = await signed(body);
        expect(r.status === 200 || (r.status >= 400 && r.status < 500), `${r.status} ${r.text.slice(0, 200)}`).toBe(true);
        if (r.status === 200 && r.json?.data && (r.json.type === 4 || r.json.type === 7)) expect(payloadProblems(r.json.data)).toEqual([]);
      }),
      { numRuns: 150 },
    );
    await stillAnswers();
  }, 120_000);

  it('any option values: answered within the limits, pinging nobody', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('who', 'quote', 'events', 'ask', 'brief'), hostileText, async (command, value) => {
        const option = { who: 'person', quote: 'speaker', events: 'topic', ask: 'question', brief: 'article' }[command]!;
        const r = await signed(JSON.stringify(fake.slashPayload(command, { [option]: value })));
        expect(r.status).toBeLessThan(500);
        if (r.status === 200 && r.json.type === 4) expect(payloadProblems(r.json.data)).toEqual([]);
      }),
    );
  }, 120_000);

  it('any button custom_id and any autocomplete text go through the handler: answered in time, within the limits', async () => {
    const pageable = JSON.parse((await signed(JSON.stringify(fake.slashPayload('who', {})))).text).data;
    const ids = fc.oneof(
      hostileText.map((t) => t.slice(0, 100)),
      fc.array(fc.oneof(fc.constantFrom('ks1', 'page', 'full', 'add', 'remove', 'cancel', 'who', 'events', 'miami-talks', '-', '0', '3', '-1', '1e9', 'NaN', '@', '1400000000000000005'), hostileText), { maxLength: 7 }).map((a) => a.join('|').slice(0, 100)),
    ).filter((id) => id.length > 0);
    await fc.assert(
      fc.asyncProperty(ids, async (customId) => {
        const t0 = performance.now();
        const r = await signed(JSON.stringify(fake.clickPayload(customId, pageable)));
        expect(performance.now() - t0).toBeLessThan(3000);
        expect(r.status, r.text.slice(0, 200)).toBe(200);
        expect([4, 6, 7]).toContain(r.json.type);
        if (r.json.data && r.json.type !== 6) expect(payloadProblems(r.json.data)).toEqual([]);
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(['who', 'person'], ['quote', 'speaker'], ['events', 'topic'], ['brief', 'article']), hostileText.map((t) => t.slice(0, 6000)), async ([command, option], typed) => {
        const r = await signed(JSON.stringify(fake.autocompletePayload(command, { [option]: typed }, option)));
        expect(r.status).toBe(200);
        expect(r.json.type).toBe(8);
        const choices = r.json.data.choices as { name: string; value: string }[];
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) expect(c.name.length >= 1 && c.name.length <= 100 && c.value.length <= 100).toBe(true);
      }),
    );
  }, 120_000);

  it('a body over the limit is refused with 413, whatever it holds, and the endpoint stays up', async () => {
    for (const size of [MAX_BODY_BYTES + 1, 4 * MAX_BODY_BYTES, 16 * 1024 * 1024]) {
      const big = JSON.stringify({ type: 2, id: '1', application_id: APP_ID, token: 't', data: { name: 'who', options: [{ name: 'person', type: 3, value: 'x'.repeat(size) }] } });
      const r = await post(endpoint, big, signatureHeaders(keys, big)).catch((e) => ({ status: 413, json: null, text: String(e) }));
      expect(r.status).toBe(413);
    }
    await stillAnswers();
  }, 60_000);
});

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

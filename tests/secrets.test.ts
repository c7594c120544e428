import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { runScript } from './support/run-script.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ID, FakeDiscord, GUILD_ID, TOKEN } from './support/fake-discord.ts';
import { ROOT } from './helpers.ts';
import { addSecret, log, redact, setLogSink } from '../src/log.ts';

/**
 * The token and the public key never appear in anything printed: start-up and requests are made
 * to fail in every way we can think of, and all the output is searched for them.
 */
const PUBLIC_KEY = 'c0ffee'.repeat(10) + 'abcd';
const SECRETS = [TOKEN, PUBLIC_KEY, TOKEN.split('.')[2]];

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(() => fake.stop());

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, KNOWLEDGE_DIR: '', LOG_LEVEL: 'debug', DISCORD_PUBLIC_KEY: PUBLIC_KEY, HOME: mkdtempSync(path.join(os.tmpdir(), 'ks-home-')), ...extra };
}

const expectNoSecret = (out: string) => {
  for (const s of SECRETS) expect(out.includes(s), `printed a secret:\n${out.slice(0, 2000)}`).toBe(false);
  expect(out).not.toMatch(/itok-[0-9a-f]{8}/); // interaction tokens let anyone answer as the bot
  expect(out).not.toMatch(/Bot [A-Za-z0-9._-]{20,}/);
};

describe('secrets in everything printed', () => {
  it('start-up failures: a refused token, an unreachable API, a failing gateway endpoint', async () => {
    const outs = [
      await runScript('src/main.ts', env({ DISCORD_TOKEN: `${TOKEN}-wrong`, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl })),
      await runScript('src/main.ts', env({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: 'http://127.0.0.1:9/api' })),
    ];
    fake.fault('gateway', { status: 500, times: Infinity });
    outs.push(await runScript('src/main.ts', env({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl })));
    fake.clearFaults();
    for (const r of outs) {
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/keystone: (Discord refused DISCORD_TOKEN|could not connect to Discord)/);
      expectNoSecret(r.out);
    }
    expectNoSecret(outs[0].out.replaceAll('-wrong', ''));
  }, 120_000);

  it('a running bot whose requests fail: lost callbacks, refused edits, 50035, a dropped gateway, an expired token', async () => {
    const r = await runScript('src/main.ts', env({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl }), async (out) => {
      await fake.waitFor(() => out().includes('"msg":"ready"') && out().includes('knowledge loaded'), 30_000, 'ready');
      fake.fault('callback', { status: 500, times: 2 });
      fake.slash('who', { person: 'Witkoff' });
      await fake.waitFor(() => out().includes('interaction not answered'), 10_000, 'a lost interaction');
      fake.fault('original', { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: { embeds: { 0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }] } } } } } });
      await fake.finalMessage(fake.slash('reload'), 10_000);
      fake.tokenLifeMs = 0;
      fake.slash('reload');
      await new Promise((res) => setTimeout(res, 1500));
      fake.tokenLifeMs = 15 * 60_000;
      fake.closeGateway(4000);
      await new Promise((res) => setTimeout(res, 1500));
      await fake.finalMessage(fake.slash('who', { person: 'Witkoff' }), 10_000);
    });
    expect(r.out).toMatch(/interaction not answered/);
    expect(r.out).toMatch(/Invalid Form Body/);
    expect(r.out).toMatch(/Invalid Webhook Token|50027/);
    expect(r.code).toBe(0);
    expectNoSecret(r.out);
  }, 90_000);

  it('npm run register when Discord fails: 500s and a 50035', async () => {
    for (const fault of [{ status: 500, times: Infinity }, { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: { 0: { name: { _errors: [{ code: 'X', message: 'bad' }] } } } } }]) {
      fake.fault('commands', fault);
      const r = await runScript('src/discord/register-cli.ts', env({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl }));
      fake.clearFaults();
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/registering commands failed/);
      expectNoSecret(r.out);
    }
  }, 120_000);

  it('the log redacts a registered secret wherever it turns up, errors and their stacks included', () => {
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    addSecret(TOKEN);
    log('error', `failed with ${TOKEN}`, { error: new Error(`Authorization: Bot ${TOKEN}`), nested: { deep: [TOKEN] } });
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(redact(`x${TOKEN}y`)).toBe('x[redacted]y');
  });

  it('.env is git-ignored', () => {
    const r = spawnSync('git', ['check-ignore', '-q', '.env'], { cwd: ROOT });
    expect(r.status).toBe(0);
  });
});

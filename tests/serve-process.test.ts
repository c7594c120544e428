import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { FakeDiscord, TOKEN } from './support/fake-discord.ts';
import { deliver, signingKeys } from './support/signed-http.ts';
import { ROOT } from './helpers.ts';

// node itself with tsx's loader (not the tsx command, which would put a second process between): signals and memory are the server's.
const TSX = ['--import', 'tsx'];

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Everything set, so the checkout's .env cannot leak in (the real environment wins over it).
  return { ...process.env, KNOWLEDGE_DIR: '', LOG_LEVEL: 'info', DISCORD_TOKEN: '', BRIEFING_CHANNEL_ID: '', BRIEFING_SCHEDULE: '', PORT: '', HOST: '', KEYSTONE_WORKERS: '', ...extra };
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(async () => {
  await fake.stop();
});

describe('keystone serve (child process)', () => {
  it('listens on --port, answers signed interactions, says on /healthz it is ready, and exits 0 on SIGTERM', async () => {
    const keys = signingKeys();
    const child = spawn(process.execPath, [...TSX, 'src/cli.ts', 'serve', '--port', '0'], {
      cwd: ROOT,
      env: env({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fake.apiUrl, HOST: '127.0.0.1' }),
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const url = (await fake.waitFor(() => /"url":"(http:\/\/127\.0\.0\.1:\d+)\/interactions"/.exec(out)?.[1], 30_000, 'the endpoint to listen'))!;
      await fake.waitFor(() => out.includes('knowledge loaded'), 30_000, 'the knowledge base');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const r = await deliver(fake, `${url}/interactions`, keys, fake.slashPayload('who', { person: 'Witkoff' }));
      expect(r.json.data.embeds[0].title).toBe('Steve Witkoff — US special envoy');
      await fake.waitFor(() => /"msg":"interaction".*"command":"who"/.test(out), 5_000, 'the interaction log line');
      const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).not.toContain(keys.publicKeyHex);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('runs --workers 2 on one port, both answering, and stops them all on SIGTERM', async () => {
    const keys = signingKeys();
    const child = spawn(process.execPath, [...TSX, 'src/cli.ts', 'serve', '--port', '0', '--workers', '2'], {
      cwd: ROOT,
      env: env({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fake.apiUrl, HOST: '127.0.0.1' }),
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const lines = () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    try {
      await fake.waitFor(() => lines().filter((l) => l.msg === 'knowledge loaded').length === 2 && lines().some((l) => l.msg === 'workers listening'), 30_000, 'both workers');
      const urls = new Set(lines().filter((l) => l.msg === 'http endpoint listening').map((l) => l.url));
      expect(urls.size).toBe(1); // one port for both
      const [url] = urls;
      // Concurrent requests open several connections, which the primary hands to the workers in turn.
      const replies = await Promise.all(Array.from({ length: 20 }, () => deliver(fake, url, keys, fake.slashPayload('sources'))));
      expect(replies.every((r) => r.status === 200 && r.json.type === 4)).toBe(true);
      await fake.waitFor(() => lines().filter((l) => l.msg === 'interaction').length === 20, 5_000, 'the interaction lines');
      expect(new Set(lines().filter((l) => l.msg === 'interaction').map((l) => l.worker))).toEqual(new Set([1, 2]));
      const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(lines().filter((l) => l.msg === 'stopped').map((l) => l.worker).sort()).toEqual([1, 2]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('stops with one clear line when DISCORD_PUBLIC_KEY is missing, never echoing a secret', async () => {
    const child = spawn(process.execPath, [...TSX, 'src/cli.ts', 'serve'], { cwd: ROOT, env: env({ DISCORD_PUBLIC_KEY: '', DISCORD_TOKEN: TOKEN }) });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^keystone serve: DISCORD_PUBLIC_KEY is not set/)]);
    expect(stderr).not.toContain(TOKEN);
  }, 60_000);
});

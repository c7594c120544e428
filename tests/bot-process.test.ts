import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ID, FakeDiscord, GUILD_ID, TOKEN } from './support/fake-discord.ts';
import { ROOT } from './helpers.ts';
import { runScript } from './support/run-script.ts';

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function env(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, KNOWLEDGE_DIR: '', LOG_LEVEL: 'info', ...extra };
  for (const [k, v] of Object.entries(e)) if (v === undefined) delete e[k];
  // The checkout's .env must not leak into these runs: the real environment wins, so set everything.
  return e;
}

const run = async (args: string[], e: NodeJS.ProcessEnv) => {
  const r = await runScript(args[0], e);
  return { ...r, status: r.code };
};

function collect(child: ChildProcess) {
  const out = { text: '' };
  child.stdout?.on('data', (d) => (out.text += d));
  child.stderr?.on('data', (d) => (out.text += d));
  return out;
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(async () => {
  await fake.stop();
});

describe('npm start with a token (child process)', () => {
  it('logs in, answers an interaction, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [TSX, 'src/main.ts'], {
      cwd: ROOT,
      env: env({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, HOME: mkdtempSync(path.join(os.tmpdir(), 'ks-home-')) }),
    });
    const out = collect(child);
    try {
      await fake.waitFor(() => out.text.includes('"msg":"ready"') && out.text.includes('knowledge loaded'), 30_000, 'the bot to be ready');
      expect(fake.identifies.at(-1).intents).toBe(1);
      const msg = await fake.finalMessage(fake.slash('who', { person: 'Witkoff' }));
      expect(msg.embeds[0].title).toBe('Steve Witkoff — US special envoy');
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out.text).toContain('"signal":"SIGTERM"');
      await fake.waitFor(() => !fake.connected, 5000, 'the gateway socket to close');
      expect(out.text).not.toContain(TOKEN);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('stops with one clear line naming a missing or malformed setting, never the token', async () => {
    const start = (extra: Record<string, string | undefined>) => run(['src/main.ts'], env(extra));
    const noClient = await start({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '' });
    expect(noClient.status).toBe(1);
    expect(noClient.stderr.trim().split('\n')).toHaveLength(1);
    expect(noClient.stderr).toMatch(/DISCORD_CLIENT_ID is not set/);
    const badGuild = await start({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_GUILD_ID: 'my-server' });
    expect(badGuild.stderr).toMatch(/DISCORD_GUILD_ID must be a numeric server id/);
    const badSchedule = await start({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, BRIEFING_CHANNEL_ID: '1300000000000000004', BRIEFING_SCHEDULE: '25:00' });
    expect(badSchedule.stderr).toMatch(/BRIEFING_SCHEDULE/);
    const refused = await start({ DISCORD_TOKEN: `${TOKEN}-wrong`, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Discord refused DISCORD_TOKEN/);
    for (const r of [noClient, badGuild, badSchedule, refused]) expect(r.stdout + r.stderr).not.toContain(TOKEN);
  }, 60_000);
});

describe('npm run register (child process)', () => {
  it('puts the commands in the guild and says what it did', async () => {
    const r = await run(['src/discord/register-cli.ts'], env({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl }));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Registered 10 commands in server 1200000000000000002: \/who, \/quote, \/events, \/ask, \/brief, \/sources, \/help, \/reload, \/add, \/remove/);
    expect(fake.commands.get(`guild:${GUILD_ID}`)?.map((c) => c.name)).toContain('who');
  }, 60_000);
});

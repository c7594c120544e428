import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ID, BRIEF_CHANNEL_ID, FakeDiscord, GUILD_ID, SECOND_GUILD_ID, TOKEN, shardOfGuild } from './support/fake-discord.ts';
import { botAgainst, copyKnowledge, logLines, ManualClock } from './support/bot-harness.ts';
import { startShards, type ShardsHandle } from '../src/discord/shards.ts';
import { readShardSetting } from '../src/discord/config.ts';

/**
 * Gateway mode with KEYSTONE_SHARDS=auto against a loopback Discord whose /gateway/bot asks for
 * two shards: two shard processes, each identifying as its shard, each answering its servers.
 */

const lines = () => logLines.map((l) => JSON.parse(l));
const text = (msg: any) => JSON.stringify(msg.embeds ?? []);

let fake: FakeDiscord;
let shards: ShardsHandle;
let dir: string;
const clock = new ManualClock(Date.parse('2026-11-26T07:30:00Z'));

beforeAll(async () => {
  fake = await new FakeDiscord().start();
  fake.gatewayShards = 2;
  fake.maxConcurrency = 16; // both may identify at once, as for a large bot
  fake.guilds = [GUILD_ID, SECOND_GUILD_ID];
  dir = copyKnowledge();
  shards = await startShards({
    env: {
      DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, KNOWLEDGE_DIR: dir, LOG_LEVEL: 'debug',
      KEYSTONE_SHARDS: 'auto', KEYSTONE_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'ks-shards-')),
      BRIEFING_CHANNEL_ID: BRIEF_CHANNEL_ID, BRIEFING_SCHEDULE: '08:00 UTC',
    },
    clock,
  });
  // Both shards have their knowledge (the lead one has also seeded the briefing state).
  await fake.waitFor(() => lines().filter((l) => l.msg === 'knowledge loaded').length >= 2 && lines().some((l) => l.msg === 'briefing: first run, current articles marked as known'), 30_000, 'both shards to load');
}, 90_000);
afterAll(async () => {
  await shards?.stop();
  await fake?.stop();
  expect(fake.violations).toEqual([]);
  expect(logLines.some((l) => l.includes(TOKEN))).toBe(false);
});

describe('KEYSTONE_SHARDS=auto with /gateway/bot asking for 2 shards', () => {
  it('runs two shard processes that identify with the right shard ids and name their shard in the logs', () => {
    expect(shards.count).toBe(2);
    expect(fake.identifies.map((d) => d.shard).sort()).toEqual([[0, 2], [1, 2]]);
    const ready = lines().filter((l) => l.msg === 'ready');
    expect(ready.map((l) => [l.shard, l.guilds]).sort()).toEqual([[0, 1], [1, 1]]);
    expect(lines().some((l) => l.msg === 'shards ready' && l.shard === 'manager' && l.shards === 2)).toBe(true);
  });

  it('answers interactions on both shards, each from the shard that owns the server', async () => {
    expect([shardOfGuild(SECOND_GUILD_ID, 2), shardOfGuild(GUILD_ID, 2)]).toEqual([0, 1]);
    const ids = [fake.slash('who', { person: 'Witkoff' }, { guild: SECOND_GUILD_ID }), fake.slash('who', { person: 'Witkoff' }, { guild: GUILD_ID })];
    for (const id of ids) expect((await fake.finalMessage(id)).embeds[0].title).toBe('Steve Witkoff — US special envoy');
    await fake.waitFor(() => ids.every((id) => lines().some((l) => l.msg === 'interaction' && l.interaction === id)), 5_000, 'the interaction log lines');
    const by = ids.map((id) => lines().find((l) => l.msg === 'interaction' && l.interaction === id)!.shard);
    expect(by).toEqual([0, 1]);
  });

  it('reloads every shard: the watcher in each, and /reload on one reaches the other', async () => {
    writeFileSync(path.join(dir, 'geneva.md'), '---\ntitle: Envoys meet in Geneva\npublished: 2026-11-25\n---\n\nSpecial envoy Anna Berg met officials in Geneva on Tuesday.\n\n“We made progress,” Berg said.\n');
    await fake.waitFor(() => lines().filter((l) => l.msg === 'knowledge loaded' && l.articles === 2).length >= 2, 15_000, 'both watchers to reload');
    for (const guild of [SECOND_GUILD_ID, GUILD_ID]) expect(text(await fake.finalMessage(fake.slash('sources', {}, { guild })))).toContain('Envoys meet in Geneva');
    const before = lines().filter((l) => l.msg === 'knowledge loaded' && l.shard === 0).length;
    const r = await fake.finalMessage(fake.slash('reload', {}, { guild: GUILD_ID }), 30_000);
    expect(text(r)).toMatch(/Reloaded: 2 article\(s\)/);
    expect(text(r)).toMatch(/Shard 0: 2 article\(s\)/);
    await fake.waitFor(() => lines().filter((l) => l.msg === 'knowledge loaded' && l.shard === 0).length > before, 5_000, 'shard 0 to log its reload');
  }, 60_000);

  it('posts the scheduled briefing once, from shard 0', async () => {
    expect(lines().filter((l) => l.msg === 'briefing: first run, current articles marked as known').map((l) => l.shard)).toEqual([0]);
    expect(lines().filter((l) => l.msg === 'ready').map((l) => l.briefing).sort()).toEqual(['posted by shard 0', 'posted by this shard when the shard manager says']);
    await clock.advanceTo(new Date('2026-11-26T08:00:01Z'));
    await fake.waitFor(() => fake.channelMessages.length > 0, 15_000, 'the briefing');
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.channelMessages).toHaveLength(1);
    expect(JSON.stringify(fake.channelMessages[0].body)).toContain('Envoys meet in Geneva');
    expect(lines().find((l) => l.msg === 'briefing posted')?.shard).toBe(0);
  }, 30_000);
});

describe('without KEYSTONE_SHARDS', () => {
  it('reads KEYSTONE_SHARDS as auto, a number, or nothing, and names a bad value', () => {
    expect(readShardSetting({})).toBeNull();
    expect(readShardSetting({ KEYSTONE_SHARDS: 'Auto' })).toBe('auto');
    expect(readShardSetting({ KEYSTONE_SHARDS: '4' })).toBe(4);
    for (const bad of ['two', '0', '-1', '1.5']) expect(() => readShardSetting({ KEYSTONE_SHARDS: bad })).toThrow(/KEYSTONE_SHARDS must be "auto" or a number/);
  });

  it('ignores discord.js’s own SHARDS variable instead of identifying as an invalid shard', async () => {
    const f = await new FakeDiscord().start();
    process.env.SHARDS = '2';
    try {
      const bot = await botAgainst(f, { SHARDS: '2' });
      try {
        expect(f.identifies.map((d) => d.shard)).toEqual([[0, 1]]);
        expect((await f.finalMessage(f.slash('sources'))).embeds[0].description).toContain('15 paragraphs');
        expect(lines().some((l) => l.msg.startsWith('SHARDS is discord.js’s own setting'))).toBe(true);
      } finally {
        await bot.stop();
      }
    } finally {
      delete process.env.SHARDS;
      await f.stop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BRIEF_CHANNEL_ID, FakeDiscord, TOKEN } from './support/fake-discord.ts';
import { copyKnowledge } from './support/bot-harness.ts';
import { briefer, defaultBriefingStateFile } from '../src/discord/briefing.ts';
import { makeRest } from '../src/discord/register.ts';
import { KnowledgeService } from '../src/knowledge/service.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(async () => {
  await fake.stop();
});

describe('briefings with several replicas', () => {
  it('posts a scheduled briefing once across processes sharing the state, and never repeats what another posted', async () => {
    const dir = copyKnowledge();
    const stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'ks-brief-')), 'state.json');
    // Two replicas: each its own knowledge service and REST client, one state directory.
    const replicas = [0, 1].map(() => {
      const knowledge = new KnowledgeService(dir);
      return { knowledge, b: briefer({ rest: makeRest(TOKEN, fake.apiUrl), channelId: BRIEF_CHANNEL_ID, knowledge, stateFile }) };
    });
    for (const r of replicas) await r.knowledge.reload();
    expect(await replicas[0].b.post()).toBe('nothing new'); // the first run marks what is there as known
    expect(replicas[1].b.firstRun).toBe(false);

    writeFileSync(path.join(dir, 'geneva.md'), '---\ntitle: Envoys meet in Geneva\npublished: 2026-11-25\n---\n\nSpecial envoy Anna Berg met officials in Geneva on Tuesday.\n');
    for (const r of replicas) await r.knowledge.reload();
    const at = new Date('2026-11-26T08:00:00Z');
    const said = await Promise.all(replicas.map((r) => r.b.post(at)));
    expect(said.sort()).toEqual(['another process posts this briefing', 'posted a briefing of 1 new article(s)']);
    expect(fake.channelMessages.filter((m) => JSON.stringify(m.body).includes('Envoys meet in Geneva'))).toHaveLength(1);

    // The next day, whichever replica claims it reads what the other one briefed: nothing new.
    const next = new Date('2026-11-27T08:00:00Z');
    expect(await replicas[1].b.post(next)).toBe('nothing new');
    expect(await replicas[0].b.post(next)).toBe('another process posts this briefing');
    expect(fake.channelMessages).toHaveLength(1);
    expect(readdirSync(path.dirname(stateFile)).filter((f) => f.endsWith('.claim'))).toHaveLength(2);
    for (const r of replicas) r.knowledge.close();
  });

  it('keeps the state beside the knowledge cache, so replicas sharing KEYSTONE_CACHE_DIR share it', () => {
    expect(defaultBriefingStateFile('/srv/knowledge', { KEYSTONE_CACHE_DIR: '/shared/cache' })).toMatch(/^\/shared\/cache\/briefing-state-/);
    expect(defaultBriefingStateFile('/srv/knowledge', { KEYSTONE_CACHE_DIR: 'off' })).toMatch(/\.cache\/briefing-state-/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebServer, standardSite } from './support/web-server.ts';
import { FakeDiscord, BRIEF_CHANNEL_ID } from './support/fake-discord.ts';
import { botAgainst, copyKnowledge, ManualClock } from './support/bot-harness.ts';

let web: WebServer;
let base = '';
beforeAll(async () => {
  web = standardSite(await new WebServer().start());
  base = `http://127.0.0.1:${web.port}`;
  web.route('/feeds/world.rss', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
      <item><title>Envoys agree to resume talks in Istanbul</title><link>${base}/world/envoys-resume-istanbul-talks</link><guid>a1</guid><pubDate>Sat, 14 Feb 2026 08:30:00 GMT</pubDate></item>
      <item><title>Ukraine peace talks live</title><link>${base}/live/geneva</link><guid>a2</guid><pubDate>Tue, 03 Mar 2026 07:00:00 GMT</pubDate></item>
      <item><title>World news front page</title><link>${base}/world</link><guid>a3</guid><pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate></item>
      <item><title>Cup final</title><link>${base}/sport/cup-final</link><guid>a4</guid></item>
    </channel></rss>`);
  });
});
afterAll(() => web?.stop());

describe('the bot polls the feeds', () => {
  it('adds what the feeds bring without a restart, and the next briefing reports it', async () => {
    const dir = copyKnowledge();
    const fake = await new FakeDiscord().start();
    const clock = new ManualClock(Date.parse('2026-03-03T07:30:00Z'));
    const bot = await botAgainst(fake, {
      KNOWLEDGE_DIR: dir, BRIEFING_CHANNEL_ID: BRIEF_CHANNEL_ID, BRIEFING_SCHEDULE: '08:00 UTC',
      FEEDS: `${base}/feeds/world.rss`, FEED_FILTER: 'talks, world', FEED_SCHEDULE: 'every 15 minutes',
      FEED_STATE_FILE: path.join(mkdtempSync(path.join(os.tmpdir(), 'keystone-feeds-')), 'feeds.json'), KEYSTONE_ALLOW_PRIVATE_FETCH: '1',
    }, { clock });
    try {
      expect(bot.feeds).not.toBeNull();
      await fake.waitFor(() => bot.knowledge.current?.articles.length === 3, 15_000, 'the feed articles to be live');
      expect(bot.knowledge.current!.articles.map((a) => a.title).sort()).toEqual(['Envoys agree to resume talks in Istanbul after prisoner exchange', 'Miami talks on ending the war in Ukraine', 'Ukraine peace talks live: delegations meet in Geneva']);
      const who = await fake.finalMessage(fake.slash('who', { person: 'Sybiha' }));
      expect(who.embeds[0].title).toMatch(/Andrii Sybiha/);
      await clock.advanceTo(new Date('2026-03-03T08:00:01Z'));
      await fake.waitFor(() => fake.channelMessages.length > 0, 10_000, 'the briefing');
      const post = fake.channelMessages[0].body;
      expect(post.content).toBe('From the news feeds since the last briefing: 2 articles added, 1 refused (`npx keystone feeds` says why).');
      expect(JSON.stringify(post.embeds)).toContain('Envoys agree to resume talks in Istanbul');
      expect(bot.feeds!.status()[0]).toMatchObject({ added: 2, refused: 1, offTopic: 1 });
      expect(web.hits('/sport/cup-final')).toBe(0);
    } finally {
      await bot.stop();
      await fake.stop();
      expect(fake.violations).toEqual([]);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FakeDiscord, APP_ID, GUILD_ID, OTHER_USER, TOKEN, BRIEF_CHANNEL_ID } from './support/fake-discord.ts';
import { botAgainst, copyKnowledge, logLines, ManualClock } from './support/bot-harness.ts';
import type { BotHandle } from '../src/discord/bot.ts';
import { KnowledgeService } from '../src/knowledge/service.ts';
import { KnowledgeBase } from '../src/knowledge/base.ts';
import { registerCommands, makeRest } from '../src/discord/register.ts';
import { COMMAND_MODULES } from '../src/discord/commands/index.ts';

const EPHEMERAL = 64;
const isEphemeral = (data: any) => ((data?.flags ?? 0) & EPHEMERAL) !== 0;
const text = (msg: any) => JSON.stringify(msg.embeds ?? []);
const buttons = (msg: any) => (msg.components ?? []).flatMap((r: any) => r.components);

let fake: FakeDiscord;
let bot: BotHandle;

beforeAll(async () => {
  fake = await new FakeDiscord().start();
  bot = await botAgainst(fake);
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  // Nothing the bot sent broke a Discord limit or its mention rule, in any test of this file.
  expect(fake.violations).toEqual([]);
  expect(logLines.some((l) => l.includes(TOKEN))).toBe(false);
});

describe('login and registration', () => {
  it('logs in through GET /gateway/bot with the Guilds intent only', () => {
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(fake.identifies[0].intents).toBe(1);
    expect(fake.identifies[0].token).toBe(TOKEN);
    expect(bot.client.guilds.cache.has(GUILD_ID)).toBe(true);
  });

  it('registers the command set in a guild and globally, within Discord’s schema limits', async () => {
    const rest = makeRest(TOKEN, fake.apiUrl);
    const g = await registerCommands(rest, APP_ID, GUILD_ID);
    expect(g.scope).toBe('guild');
    expect(g.names.sort()).toEqual(['add', 'ask', 'brief', 'events', 'help', 'quote', 'reload', 'remove', 'sources', 'who']);
    expect((await registerCommands(rest, APP_ID, null)).scope).toBe('global');
    expect(fake.commands.get(`guild:${GUILD_ID}`)).toHaveLength(10);
    for (const c of COMMAND_MODULES.map((m) => m.data)) {
      // Queries stay short; a web address (/add url:) may be longer.
      for (const o of (c.options ?? []) as any[]) if (o.type === 3) expect(o.max_length).toBeLessThanOrEqual(o.name === 'url' ? 1000 : 300);
    }
    expect(COMMAND_MODULES.find((c) => c.data.name === 'reload')!.data.default_member_permissions).toBe('32');
  });
});

describe('commands on the Miami article', () => {
  it('/who answers with name, role, affiliation, other names and cited passages', async () => {
    const msg = await fake.finalMessage(fake.slash('who', { person: 'Witkoff' }));
    const e = msg.embeds[0];
    expect(e.title).toBe('Steve Witkoff — US special envoy');
    expect(e.fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Role', value: 'US special envoy' }),
      expect.objectContaining({ name: 'Affiliation', value: 'United States' }),
      expect.objectContaining({ name: 'Other names', value: 'Witkoff' }),
    ]));
    expect(e.description).toMatch(/Productive Talks: A New Glimmer of Hope · ¶2/);
    expect(isEphemeral(msg)).toBe(false);
  });

  it('/quote by speaker gives the quote with its speaker and citation', async () => {
    const msg = await fake.finalMessage(fake.slash('quote', { speaker: 'Dmitriev' }));
    expect(text(msg)).toContain('“Thank you, Miami. Next time: Moscow.”');
    expect(text(msg)).toContain('¶6');
  });

  it('/quote by words finds it despite curly quotes and a typo', async () => {
    const msg = await fake.finalMessage(fake.slash('quote', { words: '"productive and constructve"' }));
    expect(text(msg)).toContain('Steve Witkoff');
  });

  it('/events finds the strikes', async () => {
    const msg = await fake.finalMessage(fake.slash('events', { topic: 'airstrikes' }));
    expect(msg.embeds[0].description).toMatch(/airstrikes targeting Ukrainian ports/);
  });

  it('/ask answers inline, in the first response, with the three-day passage first', async () => {
    const id = fake.slash('ask', { question: 'How long did the talks last?' });
    const cb = await fake.response(id);
    expect(cb.type).toBe(4);
    expect(cb.data.embeds[0].description).toMatch(/^\*\*1\.\*\* Recent three-day negotiations/);
    expect(fake.requests.some((r) => r.path.startsWith('/webhooks/') && r.path.includes(fake.interactions.get(id)!.token))).toBe(false);
  });

  it('/brief fits one message and cites everything', async () => {
    const msg = await fake.finalMessage(fake.slash('brief'));
    const e = msg.embeds[0];
    expect(e.title).toMatch(/^Briefing/);
    expect(e.fields.map((f: any) => f.name)).toEqual(['Who is involved', 'What was said', 'What happened', 'Sources']);
    for (const f of e.fields.slice(0, 3)) for (const line of f.value.split('\n')) expect(line).toMatch(/¶\d+/);
  });

  it('/sources and /help answer; help is private', async () => {
    const s = await fake.finalMessage(fake.slash('sources'));
    expect(s.embeds[0].description).toContain('15 paragraphs');
    const h = await fake.finalMessage(fake.slash('help'));
    expect(isEphemeral(h)).toBe(true);
    expect(h.embeds[0].fields.map((f: any) => f.name)).toContain('/who [name or role]');
  });
});

describe('autocomplete', () => {
  it('ranks exact and prefix before fuzzy, answers an empty box, and stays within 25', async () => {
    const r = await fake.response(fake.autocomplete('who', { person: 'Witk' }, 'person'));
    expect(r.type).toBe(8);
    expect(r.data.choices[0]).toEqual({ name: 'Steve Witkoff — US special envoy', value: 'Steve Witkoff' });
    expect(r.latency).toBeLessThan(1000);
    const empty = await fake.response(fake.autocomplete('who', { person: '' }, 'person'));
    expect(empty.data.choices.length).toBeGreaterThan(5);
    expect(empty.data.choices.length).toBeLessThanOrEqual(25);
    const typo = await fake.response(fake.autocomplete('who', { person: 'Zelenskyy' }, 'person'));
    expect(typo.data.choices[0].value).toBe('Volodymyr Zelensky');
  });

  it('suggests speakers, topics and articles', async () => {
    const sp = await fake.response(fake.autocomplete('quote', { speaker: 'dm' }, 'speaker'));
    expect(sp.data.choices[0].value).toBe('Kirill Dmitriev');
    const t = await fake.response(fake.autocomplete('events', { topic: 'stri' }, 'topic'));
    expect(t.data.choices.map((c: any) => c.name)).toContain('strikes and attacks');
    const a = await fake.response(fake.autocomplete('brief', { article: '' }, 'article'));
    expect(a.data.choices[0].value).toBe('miami-talks');
  });
});

describe('paging, privacy and full paragraphs', () => {
  it('pages with Previous/Next carried in custom_id', async () => {
    const first = await fake.finalMessage(fake.slash('who'));
    const next = buttons(first).find((b: any) => b.label === 'Next ▶');
    expect(next.custom_id).toMatch(/^ks1\|page\|who\|1\|-\|/);
    const upd = await fake.response(fake.click(next.custom_id, first));
    expect(upd.type).toBe(7);
    expect(upd.data.embeds[0].footer.text).toMatch(/page 2\/2/);
    const prev = buttons(upd.data).find((b: any) => b.label === '◀ Previous');
    expect(prev.disabled).toBe(false);
    expect(buttons(upd.data).find((b: any) => b.label === 'Next ▶').disabled).toBe(true);
  });

  it('keeps paging after a restart (no server-side state)', async () => {
    const first = await fake.finalMessage(fake.slash('events'));
    const next = buttons(first).find((b: any) => b.label === 'Next ▶');
    await bot.stop();
    bot = await botAgainst(fake);
    const upd = await fake.response(fake.click(next.custom_id, first));
    expect(upd.type).toBe(7);
    expect(upd.data.embeds[0].footer.text).toMatch(/page 2\//);
  });

  it('lets only the asker page a private answer', async () => {
    const first = await fake.finalMessage(fake.slash('who', { private: true }));
    expect(isEphemeral(first)).toBe(true);
    const next = buttons(first).find((b: any) => b.label === 'Next ▶');
    const denied = await fake.response(fake.click(next.custom_id, first, { user: OTHER_USER, ephemeral: true }));
    expect(denied.type).toBe(4);
    expect(isEphemeral(denied.data)).toBe(true);
    expect(text(denied.data)).toMatch(/Only the person who asked/);
    const ok = await fake.response(fake.click(next.custom_id, first, { ephemeral: true }));
    expect(ok.type).toBe(7);
  });

  it('offers the full paragraph where a passage was trimmed', async () => {
    const msg = await fake.finalMessage(fake.slash('quote', { speaker: 'Zelensky' }));
    const full = buttons(msg).find((b: any) => b.custom_id.startsWith('ks1|full|'));
    expect(full).toBeTruthy();
    const r = await fake.response(fake.click(full.custom_id, msg));
    expect(isEphemeral(r.data)).toBe(true);
    expect(r.data.embeds[0].description).toMatch(/¶\d+/);
  });

  it('answers a miss privately with a suggestion', async () => {
    const msg = await fake.finalMessage(fake.slash('who', { person: 'Witkof Umarov' }));
    expect(isEphemeral(msg)).toBe(true);
    expect(text(msg)).toMatch(/No one called/);
  });

  it('never pings and escapes what the user typed', async () => {
    const msg = await fake.finalMessage(fake.slash('who', { person: '@everyone <@1400000000000000006> **x**' }));
    const d = msg.embeds[0].description as string;
    expect(d).not.toMatch(/@everyone/);
    expect(d).toContain('@\u200beveryone');
    expect(d).toContain('<@\u200b1400000000000000006>');
    expect(d).toContain('\\*\\*x\\*\\*');
  });
});

describe('failure and reload', () => {
  it('apologises privately when a handler throws, logs the interaction id, and stays up', async () => {
    const service = bot.knowledge as any;
    const real = service.kb;
    service.kb = new Proxy({}, { get() { throw new Error('simulated failure'); } });
    const id = fake.slash('who', { person: 'Hardt' });
    const r = await fake.finalMessage(id);
    service.kb = real;
    expect(isEphemeral(r)).toBe(true);
    expect(text(r)).toMatch(/Sorry, something went wrong/);
    expect(logLines.some((l) => l.includes('interaction failed') && l.includes(id))).toBe(true);
    const after = await fake.finalMessage(fake.slash('who', { person: 'Hardt' }));
    expect(after.embeds[0].title).toMatch(/Jürgen Hardt/);
  });

  it('answers a command it does not know (a stale registration) privately, instead of leaving it unanswered', async () => {
    const r = await fake.finalMessage(fake.slash('launch'));
    expect(isEphemeral(r)).toBe(true);
    expect(text(r)).toMatch(/does not know that command/);
    expect(logLines.some((l) => l.includes('interaction refused') && l.includes('unknown command /launch'))).toBe(true);
  });

  it('logs one line per interaction with command, latency, results and outcome', () => {
    const lines = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'interaction');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines[0]).toEqual(expect.objectContaining({ command: expect.any(String), ms: expect.any(Number), outcome: expect.any(String), interaction: expect.any(String) }));
  });

  it('reloads on a new file, keeps the last good index on a bad file, and /reload says what it loaded', async () => {
    const dir = copyKnowledge();
    const f2 = await new FakeDiscord().start();
    const b2 = await botAgainst(f2, { KNOWLEDGE_DIR: dir });
    try {
      const reloaded = new Promise((r) => b2.knowledge.once('reload', r));
      writeFileSync(path.join(dir, 'geneva.md'), '---\ntitle: Envoys meet in Geneva\npublished: 2026-01-10\n---\n\nSpecial envoy Anna Berg met officials in Geneva on Friday.\n');
      await reloaded;
      const s = await f2.finalMessage(f2.slash('sources'));
      expect(s.embeds[0].description).toContain('Envoys meet in Geneva');

      const again = new Promise((r) => b2.knowledge.once('reload', r));
      writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\nText.\n');
      writeFileSync(path.join(dir, 'geneva.md'), '---\ntitle broken now\n');
      await again;
      const s2 = await f2.finalMessage(f2.slash('sources'));
      expect(s2.embeds[0].description).toContain('Envoys meet in Geneva');
      expect(logLines.filter((l) => l.includes('broken.md') && l.includes('"knowledge problem"')), logLines.filter((l) => l.includes('knowledge')).join('\n')).toHaveLength(1);

      const denied = await f2.finalMessage(f2.slash('reload', {}, { permissions: '0' }));
      expect(text(denied)).toMatch(/needs the Manage Server permission/);
      const ok = await f2.finalMessage(f2.slash('reload'));
      expect(isEphemeral(ok)).toBe(true);
      expect(text(ok)).toMatch(/Reloaded: 2 article\(s\)/);
      expect(text(ok)).toMatch(/geneva\.md/);
    } finally {
      await b2.stop();
      await f2.stop();
      expect(f2.violations).toEqual([]);
    }
  });

  it('defers while the knowledge base is still loading, then answers within the token’s life', async () => {
    const f3 = await new FakeDiscord().start();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new KnowledgeService(path.resolve('knowledge'), { build: async (a, p) => { await gate; return new KnowledgeBase(a, p); } });
    void slow.reload();
    const b3 = await botAgainst(f3, {}, { knowledge: slow, waitForKnowledge: false });
    try {
      const id = f3.slash('who', { person: 'Witkoff' });
      const click = f3.click('ks1|page|who|1|-|', { embeds: [] });
      const cb = await f3.response(id);
      expect(cb.type).toBe(5);
      expect(cb.latency).toBeLessThan(3000);
      expect((await f3.response(click)).type).toBe(6); // a page turn defers its update
      setTimeout(release, 3500); // past the 3-second window: only a deferred reply survives this
      const msg = await f3.finalMessage(id, 15_000);
      expect(msg.embeds[0].title).toBe('Steve Witkoff — US special envoy');
      const page = await f3.finalMessage(click, 15_000);
      expect(page.embeds[0].footer.text).toMatch(/page 2\//);
    } finally {
      await b3.stop();
      await f3.stop();
    }
  });
});

describe('scheduled briefings', () => {
  it('posts what is new at the scheduled time, and nothing when nothing is new', async () => {
    const dir = copyKnowledge();
    const f4 = await new FakeDiscord().start();
    const clock = new ManualClock(Date.parse('2026-11-26T07:30:00Z'));
    const b4 = await botAgainst(f4, { KNOWLEDGE_DIR: dir, BRIEFING_CHANNEL_ID: BRIEF_CHANNEL_ID, BRIEFING_SCHEDULE: '08:00 UTC' }, { clock });
    try {
      expect(b4.scheduler?.next?.toISOString()).toBe('2026-11-26T08:00:00.000Z');
      const reloaded = new Promise((r) => b4.knowledge.once('reload', r));
      writeFileSync(path.join(dir, 'geneva.md'), '---\ntitle: Envoys meet in Geneva\npublished: 2026-11-25\n---\n\nSpecial envoy Anna Berg met officials in Geneva on Tuesday.\n\n“We made progress,” Berg said.\n');
      await reloaded;
      expect(f4.channelMessages).toEqual([]);
      await clock.advanceTo(new Date('2026-11-26T08:00:01Z'));
      await f4.waitFor(() => f4.channelMessages.length > 0, 5000, 'briefing');
      const post = f4.channelMessages[0];
      expect(post.channel).toBe(BRIEF_CHANNEL_ID);
      expect(JSON.stringify(post.body)).toContain('Envoys meet in Geneva');
      expect(JSON.stringify(post.body)).not.toContain('Miami talks');
      expect(post.body.allowed_mentions).toEqual({ parse: [] });
      await clock.advanceTo(new Date('2026-11-27T08:00:01Z'));
      await new Promise((r) => setTimeout(r, 100));
      expect(f4.channelMessages).toHaveLength(1);
    } finally {
      await b4.stop();
      await f4.stop();
    }
  });
});

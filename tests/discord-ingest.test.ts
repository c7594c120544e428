import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FakeDiscord, OTHER_USER } from './support/fake-discord.ts';
import { botAgainst, copyKnowledge } from './support/bot-harness.ts';
import { WebServer, standardSite } from './support/web-server.ts';
import type { BotHandle } from '../src/discord/bot.ts';
import { COMMAND_MODULES } from '../src/discord/commands/index.ts';

const EPHEMERAL = 64;
const isEphemeral = (m: any) => ((m?.flags ?? 0) & EPHEMERAL) !== 0;
const text = (m: any) => JSON.stringify([m.content ?? '', m.embeds ?? []]);
const buttons = (m: any) => (m.components ?? []).flatMap((r: any) => r.components);
const button = (m: any, label: RegExp) => buttons(m).find((b: any) => label.test(b.label));
/** Manage Server (0x20) and Send Messages, no Administrator. */
const MANAGER = String(0x20n | 0x800n);
const MEMBER = String(0x800n);

const NOTES = `---
title: Envoys agree a timetable for prisoner exchanges
published: 2026-02-18
source: Desk notes
---

Negotiators meeting in Istanbul agreed on Wednesday on a timetable for three further exchanges of prisoners of war, the first of them within ten days, officials from both delegations said after the session.

“We have a calendar now, and that matters more than any communiqué,” said Liisa Korhonen, a Finnish mediator who has attended every round of the talks since January.

The Red Cross will inspect the lists of prisoners before each exchange, Korhonen said. The delegations will meet again at the end of the month to review how the first exchange went.
`;

let web: WebServer;
let fake: FakeDiscord;
let bot: BotHandle;
let dir: string;

beforeAll(async () => {
  web = standardSite(await new WebServer().start());
  // Discord's CDN as the test serves it: a generic type, the file name says what it is.
  web.page('/attachments/1/2/timetable-notes.md', NOTES, 'application/octet-stream');
  web.page('/attachments/1/3/slides.pdf', '%PDF-1.4 slides', 'application/pdf');
  fake = await new FakeDiscord().start();
  dir = copyKnowledge();
  bot = await botAgainst(fake, { KNOWLEDGE_DIR: dir, KEYSTONE_ALLOW_PRIVATE_FETCH: '1' });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await web?.stop();
  expect(fake.violations).toEqual([]);
});

const articleFiles = () => readdirSync(dir).filter((f) => !f.startsWith('.') && f !== 'miami-talks.md').sort();
const ARTICLE = '/world/envoys-resume-istanbul-talks';

async function preview(options: Record<string, string | boolean>, extra: Parameters<FakeDiscord['slash']>[2] = {}) {
  const id = fake.slash('add', options, { permissions: MANAGER, ...extra });
  const cb = await fake.response(id);
  return { id, cb, msg: await fake.finalMessage(id) };
}

describe('/add and /remove', () => {
  it('are registered for server managers only', () => {
    for (const name of ['add', 'remove']) expect(COMMAND_MODULES.find((c) => c.data.name === name)!.data.default_member_permissions).toBe('32');
  });

  it('/add url: shows a private preview with Confirm and Cancel; Cancel writes nothing', async () => {
    const { cb, msg } = await preview({ url: web.url(ARTICLE) });
    expect(cb.type).toBe(5);
    expect(isEphemeral(cb.data)).toBe(true);
    const e = msg.embeds[0];
    expect(e.title).toBe('Envoys agree to resume talks in Istanbul after prisoner exchange');
    expect(e.url).toBe('https://www.northern-ledger.example/world/2026/02/14/envoys-resume-istanbul-talks');
    expect(e.description).toMatch(/^Negotiators from Ukraine and Russia agreed on Friday/);
    expect(e.description).toMatch(/11 paragraph\(s\), 2 section heading\(s\)/);
    expect(e.fields).toEqual(expect.arrayContaining([
      { name: 'Published', value: '2026-02-14', inline: true },
      { name: 'Source', value: 'Northern Ledger', inline: true },
      expect.objectContaining({ name: expect.stringMatching(/^People \(\d+\)$/), value: expect.stringContaining('Hakan Fidan — Turkish Foreign Minister') }),
      expect.objectContaining({ name: expect.stringMatching(/^Quotes \(\d+\)$/), value: expect.stringContaining('Volodymyr Zelensky') }),
      expect.objectContaining({ name: expect.stringMatching(/^Events \(\d+\)$/) }),
    ]));
    expect(buttons(msg).map((b: any) => b.label)).toEqual(['Confirm: add it', 'Cancel']);
    const cancel = await fake.response(fake.click(button(msg, /Cancel/).custom_id, msg, { ephemeral: true, permissions: MANAGER }));
    expect(cancel.type).toBe(7);
    expect(text(cancel.data)).toMatch(/Cancelled: nothing was changed/);
    expect(cancel.data.components).toEqual([]);
    expect(articleFiles()).toEqual([]);
  });

  it('Confirm writes the article, it is live without a restart, and the reply cites it; /who then finds its people', async () => {
    const { msg } = await preview({ url: web.url(ARTICLE) });
    const confirm = button(msg, /Confirm/);
    expect(confirm.custom_id).toMatch(/^ks1\|add\|1400000000000000005\|-\|http:\/\/127\.0\.0\.1:\d+\/world\/envoys-resume-istanbul-talks$/);
    // Someone else cannot confirm it, nor a member without Manage Server.
    const other = await fake.response(fake.click(confirm.custom_id, msg, { ephemeral: true, user: OTHER_USER, permissions: MANAGER }));
    expect(text(other.data)).toMatch(/Only the member who asked for this preview can confirm it/);
    const demoted = await fake.response(fake.click(confirm.custom_id, msg, { ephemeral: true, permissions: MEMBER }));
    expect(text(demoted.data)).toMatch(/Only members with Manage Server can add articles/);
    expect(articleFiles()).toEqual([]);

    const id = fake.click(confirm.custom_id, msg, { ephemeral: true, permissions: MANAGER });
    expect((await fake.response(id)).type).toBe(6);
    const done = await fake.finalMessage(id, 20_000);
    expect(done.embeds[0].description).toMatch(/^Added \*\*Envoys agree to resume talks in Istanbul after prisoner exchange\*\* as `2026-02-14-envoys-agree-to-resume-talks-in-istanbul[a-z-]*` \(11 paragraphs\); it is live now\./);
    expect(done.embeds[0].description).toMatch(/— \[Envoys agree to resume talks in Istanbul after prisoner exchange\]\(https:\/\/www\.northern-ledger\.example\/[^)]+\) · ¶1 · 2026-02-14/);
    expect(done.components).toEqual([]);
    expect(articleFiles()).toHaveLength(1);
    const who = await fake.finalMessage(fake.slash('who', { person: 'Hakan Fidan' }));
    expect(who.embeds[0].title).toBe('Hakan Fidan — Turkish Foreign Minister');
    expect(who.embeds[0].description).toContain('Envoys agree to resume talks in Istanbul');
  });

  it('refuses privately, saying why: a duplicate names the article, a page that is not an article, a PDF', async () => {
    const dup = await preview({ url: web.url('/short/1') });
    expect(isEphemeral(dup.msg)).toBe(true);
    expect(text(dup.msg)).toMatch(/Not added: .*duplicates “Envoys agree to resume talks in Istanbul after prisoner exchange” \(2026-02-14-envoys/);
    expect(buttons(dup.msg)).toEqual([]);
    expect(text((await preview({ url: web.url('/world') })).msg)).toMatch(/does not look like an article/);
    expect(text((await preview({}, { attachments: { file: { url: web.url('/attachments/1/3/slides.pdf'), filename: 'slides.pdf', size: 15 } } })).msg)).toMatch(/only \.txt, \.md and \.html files can be added/);
    expect(articleFiles()).toHaveLength(1);
  });

  it('/add file: takes an attachment, read back from the message on Confirm', async () => {
    const file = { url: web.url('/attachments/1/2/timetable-notes.md'), filename: 'timetable-notes.md', size: NOTES.length };
    const { msg } = await preview({}, { attachments: { file } });
    expect(msg.embeds[0].title).toBe('Envoys agree a timetable for prisoner exchanges');
    expect(msg.embeds[0].footer.text).toBe(`/add file “timetable-notes.md” ${file.url}`);
    const confirm = button(msg, /Confirm/);
    expect(confirm.custom_id).toBe('ks1|add|1400000000000000005|-|@');
    const done = await fake.finalMessage(fake.click(confirm.custom_id, msg, { ephemeral: true, permissions: MANAGER }), 20_000);
    expect(done.embeds[0].description).toMatch(/^Added \*\*Envoys agree a timetable for prisoner exchanges\*\* as `2026-02-18-envoys-agree-a-timetable-for-prisoner-exchanges`/);
    const who = await fake.finalMessage(fake.slash('who', { person: 'Korhonen' }));
    expect(who.embeds[0].title).toMatch(/^Liisa Korhonen/);
  });

  it('a member without Manage Server is refused, and nothing is fetched', async () => {
    const before = web.hits('/live/geneva');
    const id = fake.slash('add', { url: web.url('/live/geneva') }, { permissions: MEMBER });
    const r = await fake.finalMessage(id);
    expect(isEphemeral(r)).toBe(true);
    expect(text(r)).toMatch(/add needs the Manage Server permission/);
    expect(web.hits('/live/geneva')).toBe(before);
    expect(text(await fake.finalMessage(fake.slash('remove', { article: 'miami-talks' }, { permissions: MEMBER })))).toMatch(/remove needs the Manage Server permission/);
  });

  it('/remove autocompletes articles, asks, and on Confirm takes the article out (one step to undo an add)', async () => {
    const ac = await fake.response(fake.autocomplete('remove', { article: 'timetable' }, 'article'));
    expect(ac.data.choices[0]).toEqual({ name: 'Envoys agree a timetable for prisoner exchanges (2026-02-18)', value: '2026-02-18-envoys-agree-a-timetable-for-prisoner-exchanges' });
    const ask = await fake.finalMessage(fake.slash('remove', { article: ac.data.choices[0].value }, { permissions: MANAGER }));
    expect(isEphemeral(ask)).toBe(true);
    expect(ask.embeds[0].title).toBe('Remove “Envoys agree a timetable for prisoner exchanges”?');
    const confirm = button(ask, /Confirm/);
    expect(confirm.custom_id).toBe('ks1|rm|1400000000000000005|2026-02-18-envoys-agree-a-timetable-for-prisoner-exchanges');
    const done = await fake.finalMessage(fake.click(confirm.custom_id, ask, { ephemeral: true, permissions: MANAGER }), 20_000);
    expect(done.embeds[0].description).toMatch(/^Removed \*\*Envoys agree a timetable for prisoner exchanges\*\* .*no longer in the answers\. Its file is now `\.removed\/[^`]+timetable[^`]*\.md`/);
    expect(bot.knowledge.current!.byArticle.has('2026-02-18-envoys-agree-a-timetable-for-prisoner-exchanges')).toBe(false);
    expect(readdirSync(path.join(dir, '.removed'))).toHaveLength(1);
    expect(existsSync(path.join(dir, '2026-02-18-envoys-agree-a-timetable-for-prisoner-exchanges.md'))).toBe(false);
    const who = await fake.finalMessage(fake.slash('who', { person: 'Korhonen' }));
    expect(text(who)).toMatch(/No one called/);
    const unknown = await fake.finalMessage(fake.slash('remove', { article: 'no-such-article' }, { permissions: MANAGER }));
    expect(text(unknown)).toMatch(/No article “no-such-article”/);
  });
});

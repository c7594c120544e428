import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { FakeDiscord } from './support/fake-discord.ts';
import { botAgainst, copyKnowledge } from './support/bot-harness.ts';
import type { BotHandle } from '../src/discord/bot.ts';
import { COMMAND_MODULES } from '../src/discord/commands/index.ts';
import { mayRun } from '../src/discord/permissions.ts';

/** Commands that change the knowledge base or reload it: on this branch /reload; /add and /remove where they exist. */
const MANAGING = ['reload', 'add', 'remove'];
const managing = COMMAND_MODULES.filter((c) => MANAGING.includes(c.data.name));
const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild);

let fake: FakeDiscord;
let bot: BotHandle;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
  bot = await botAgainst(fake, { KNOWLEDGE_DIR: copyKnowledge() });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('commands that change or reload knowledge', () => {
  it('carry default_member_permissions (Manage Server) and are offered in servers only', () => {
    expect(managing.map((c) => c.data.name)).toContain('reload');
    for (const c of managing) {
      expect(c.data.default_member_permissions, c.data.name).toBe(MANAGE_GUILD);
      expect(c.data.contexts, c.data.name).toEqual([0]);
    }
    // Everyone may look things up.
    for (const c of COMMAND_MODULES.filter((x) => !MANAGING.includes(x.data.name))) expect(c.data.default_member_permissions ?? null, c.data.name).toBeNull();
  });

  it('are checked again by the handler: a member without the permission, or a direct message, is refused and nothing reloads', async () => {
    let reloads = 0;
    bot.knowledge.on('reload', () => reloads++);
    for (const permissions of ['0', String(PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageMessages)]) {
      const msg = await fake.finalMessage(fake.slash('reload', {}, { permissions }));
      expect(msg.flags & 64).toBe(64);
      expect(JSON.stringify(msg.embeds)).toMatch(/needs the Manage Server permission/);
    }
    const dm = await fake.finalMessage(fake.slash('reload', {}, { dm: true }));
    expect(JSON.stringify(dm.embeds)).toMatch(/works in a server only/);
    expect(reloads).toBe(0);
    const ok = await fake.finalMessage(fake.slash('reload', {}, { permissions: String(PermissionFlagsBits.Administrator) }));
    expect(JSON.stringify(ok.embeds)).toMatch(/Reloaded/);
    expect(reloads).toBe(1);
  });

  it('mayRun: in a server with the permission only', () => {
    const data = COMMAND_MODULES.find((c) => c.data.name === 'reload')!.data;
    expect(mayRun(data, { guildId: '1', memberPermissions: PermissionFlagsBits.ManageGuild })).toBe(true);
    expect(mayRun(data, { guildId: '1', memberPermissions: PermissionFlagsBits.Administrator })).toBe(true);
    expect(mayRun(data, { guildId: '1', memberPermissions: 0n })).toBe(false);
    expect(mayRun(data, { guildId: null, memberPermissions: null })).toBe(false); // a direct message
    expect(mayRun(COMMAND_MODULES.find((c) => c.data.name === 'who')!.data, { guildId: null, memberPermissions: null })).toBe(true);
  });
});

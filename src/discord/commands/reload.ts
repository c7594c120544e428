import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { describeReload } from '../../knowledge/service.ts';
import { messagePayload } from '../../render/discord.ts';
import { respond } from '../respond.ts';
import { hasPermission } from '../request.ts';
import type { BotCommand } from '../types.ts';

export const reload: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('reload')
    .setDescription('Reload the knowledge files now and say what was loaded (server managers only)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    // Servers only: in a direct message Discord checks no permission at all.
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  async execute(ctx, i) {
    // Discord hides the command from others, but a stale client or an API call could still send it.
    if (i.guildId && !hasPermission(i.memberPermissions, PermissionFlagsBits.ManageGuild)) {
      await respond(i, messagePayload('Only server managers can reload the knowledge base.'), { ephemeral: true });
      return { outcome: 'denied' };
    }
    await i.defer({ ephemeral: true });
    const report = await ctx.knowledge.reload();
    const others = ctx.reloadOthers ? `\n${await ctx.reloadOthers()}` : '';
    await respond(i, messagePayload(`Reloaded: ${describeReload(report)}${others}`, 'brief'), { ephemeral: true });
    return { outcome: 'answered', results: report.articles, deferred: true };
  },
};

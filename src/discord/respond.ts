import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type InteractionReplyOptions } from 'discord.js';
import type { DiscordPayload } from '../render/discord.ts';
import { messagePayload } from '../render/discord.ts';

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/**
 * The one way the bot answers an interaction: mentions never parsed, ephemeral set with flags,
 * and the right call for the interaction's state (reply, edit after defer, or follow-up).
 */
export async function respond(interaction: Repliable, payload: DiscordPayload, opts: { ephemeral: boolean }): Promise<void> {
  const body: InteractionReplyOptions = {
    embeds: payload.embeds,
    components: payload.components as InteractionReplyOptions['components'],
    content: payload.content,
    allowedMentions: { parse: [] },
  };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...body, flags: opts.ephemeral ? MessageFlags.Ephemeral : undefined });
    return;
  }
  const wasEphemeral = interaction.ephemeral ?? false;
  if (interaction.deferred && !interaction.replied && wasEphemeral === opts.ephemeral) {
    await interaction.editReply({ embeds: body.embeds, components: body.components, content: body.content ?? null, allowedMentions: { parse: [] } });
    return;
  }
  // Deferred publicly but the answer must be private (a miss, an error): drop the public placeholder.
  if (interaction.deferred && !interaction.replied && !wasEphemeral) await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp({ ...body, flags: opts.ephemeral ? MessageFlags.Ephemeral : undefined });
}

/** An ephemeral apology or notice; never throws (the interaction may already be gone). */
export async function respondError(interaction: Repliable, text: string): Promise<void> {
  await respond(interaction, messagePayload(text), { ephemeral: true }).catch(() => undefined);
}

import type { DiscordPayload } from '../render/discord.ts';
import { messagePayload } from '../render/discord.ts';
import type { Repliable } from './request.ts';

/**
 * The one way the bot answers an interaction: the right call for the interaction's state (reply,
 * edit after defer, or follow-up), ephemeral set with flags. The payloads (render/discord.ts)
 * already carry `allowed_mentions: { parse: [] }`.
 */
export async function respond(interaction: Repliable, payload: DiscordPayload, opts: { ephemeral: boolean }): Promise<void> {
  if (!interaction.acknowledged) {
    await interaction.reply(payload, opts);
    return;
  }
  if (interaction.deferred && !interaction.replied && interaction.ephemeral === opts.ephemeral) {
    await interaction.editReply(payload);
    return;
  }
  // Deferred publicly but the answer must be private (a miss, an error): drop the public placeholder.
  // (After a button's deferred update there is no placeholder: the message is the one the button is on.)
  if (interaction.deferred && !interaction.replied && !interaction.ephemeral) await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp(payload, opts);
}

/** An ephemeral apology or notice; never throws (the interaction may already be gone). */
export async function respondError(interaction: Repliable, text: string): Promise<void> {
  await respond(interaction, messagePayload(text), { ephemeral: true }).catch(() => undefined);
}

import { SlashCommandBuilder, type SlashCommandOptionsOnlyBuilder } from 'discord.js';
import type { CommandName } from '../answers/types.ts';
import { runCommand, type RunOptions } from '../answers/index.ts';
import { answerPayload } from '../render/discord.ts';
import type { PageQuery } from './custom-id.ts';
import type { BotCommand, BotContext, Outcome } from './types.ts';
import { respond } from './respond.ts';
import type { CommandRequest } from './request.ts';
import { answerInTime } from './deadline.ts';

export const PRIVATE_OPTION = 'private';

/** Adds the `private` option every lookup has. */
export function withPrivate<B extends SlashCommandBuilder | SlashCommandOptionsOnlyBuilder>(b: B): B {
  b.addBooleanOption((o) => o.setName(PRIVATE_OPTION).setDescription('Show the answer only to you (default: everyone in the channel sees it)'));
  return b;
}

export function isPrivate(i: CommandRequest): boolean {
  return i.options.boolean(PRIVATE_OPTION) ?? false;
}

/** Results fetched for paging: ten pages of five. */
export const DISCORD_RESULTS = 50;

/**
 * The shared flow of every answering command: read the options, answer, render, reply. The answer
 * goes inline (answers take milliseconds); it is deferred only while the knowledge base is still
 * loading, or when it is not ready within the deadline (deadline.ts). A miss is private.
 */
export async function executeAnswer(
  ctx: BotContext,
  interaction: CommandRequest,
  command: CommandName,
  query: PageQuery,
  extra: RunOptions = {},
): Promise<Outcome> {
  const ephemeral = command === 'help' ? true : isPrivate(interaction);
  const defer = () => interaction.defer({ ephemeral });
  const { result, deferred } = await answerInTime(interaction, defer, async () => {
    if (!ctx.knowledge.current && !interaction.acknowledged) await defer();
    const kb = ctx.knowledge.current ?? (await ctx.knowledge.ready);
    const answer = runCommand(kb, command, query.q, { limit: DISCORD_RESULTS, ...extra, speaker: query.speaker, words: query.words });
    const empty = answer.results.length === 0 && !answer.help;
    const payload = answerPayload(answer, { page: 0, owner: ephemeral ? interaction.userId : null, query });
    await respond(interaction, payload, { ephemeral: ephemeral || empty });
    return { outcome: empty ? 'miss' : 'answered', results: answer.results.length } as const;
  });
  return { ...result, deferred: deferred || interaction.deferred };
}

export function builder(name: CommandName, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder().setName(name).setDescription(description);
}

export type { BotCommand };

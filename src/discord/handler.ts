import { runCommand } from '../answers/index.ts';
import { citationOf } from '../knowledge/types.ts';
import { answerPayload, citationLine, queryFromFooter, safe } from '../render/discord.ts';
import { LIMITS } from '../render/discord-limits.ts';
import { logger } from '../log.ts';
import { NotAnswered } from './delivery.ts';
import { mayRun, permissionNames, requiredPermissions } from './permissions.ts';
import { commandByName } from './commands/index.ts';
import { decodeId, type ButtonState, type PageQuery } from './custom-id.ts';
import { answerInTime } from './deadline.ts';
import { respond, respondError } from './respond.ts';
import { DISCORD_RESULTS } from './answer-command.ts';
import { cancelChange, confirmAdd } from './commands/add.ts';
import { confirmRemove } from './commands/remove.ts';
import type { ButtonRequest, Request } from './request.ts';
import type { BotContext, Outcome } from './types.ts';

/** Recovers a query too long for custom_id from the footer the renderer wrote. */
function pageQueryOf(i: ButtonRequest): PageQuery | null {
  const q = queryFromFooter(i.messageFooter);
  return q === null ? null : { q };
}

/** The knowledge base, deferring first (with `defer`) while it is still loading. */
async function knowledgeFor(ctx: BotContext, i: ButtonRequest, defer: () => Promise<void>) {
  if (!ctx.knowledge.current && !i.acknowledged) await defer();
  return ctx.knowledge.current ?? (await ctx.knowledge.ready);
}

async function showFull(ctx: BotContext, i: ButtonRequest, article: string, paragraph: number): Promise<Outcome> {
  const defer = () => i.defer({ ephemeral: true });
  const { result, deferred } = await answerInTime(i, defer, async (): Promise<Outcome> => {
    const kb = await knowledgeFor(ctx, i, defer);
    const found = kb.byArticle.get(article);
    const p = found?.paragraphs[paragraph - 1];
    if (!found || !p) {
      await respondError(i, 'That paragraph is no longer in the knowledge base (the article was changed or removed).');
      return { outcome: 'miss' };
    }
    const text = `${safe(p.text)}\n${citationLine(citationOf(found, p))}`;
    await respond(i, { embeds: [{ description: text.slice(0, LIMITS.description), color: 0x2b6cb0 }], components: [], allowed_mentions: { parse: [] } }, { ephemeral: true });
    return { outcome: 'answered', results: 1 };
  });
  return { ...result, deferred };
}

async function turnPage(ctx: BotContext, i: ButtonRequest, state: Extract<ButtonState, { kind: 'page' }>): Promise<Outcome> {
  if (state.owner && state.owner !== i.userId) {
    await respondError(i, 'Only the person who asked can page through this answer. Run the command yourself to get your own.');
    return { outcome: 'denied' };
  }
  const query = state.query.q === '@' ? pageQueryOf(i) : state.query;
  if (!query) {
    await respondError(i, 'This answer can no longer be paged; please ask again.');
    return { outcome: 'miss' };
  }
  const defer = () => i.deferUpdate();
  const { result, deferred } = await answerInTime(i, defer, async (): Promise<Outcome> => {
    const kb = await knowledgeFor(ctx, i, defer);
    const answer = runCommand(kb, state.command, query.q, { limit: DISCORD_RESULTS, speaker: query.speaker, words: query.words });
    const payload = answerPayload(answer, { page: state.page, owner: state.owner, query: state.query.q === '@' ? { q: '@' } : query });
    await i.update(payload);
    return { outcome: answer.results.length ? 'answered' : 'miss', results: answer.results.length };
  });
  return { ...result, deferred };
}

async function onButton(ctx: BotContext, i: ButtonRequest): Promise<Outcome> {
  const state = decodeId(i.customId);
  if (!state) {
    await i.deferUpdate().catch(() => undefined);
    return { outcome: 'answered' };
  }
  switch (state.kind) {
    case 'full':
      return showFull(ctx, i, state.article, state.paragraph);
    case 'page':
      return turnPage(ctx, i, state);
    case 'add':
      return confirmAdd(ctx, i, state);
    case 'remove':
      return confirmRemove(ctx, i, state);
    case 'cancel':
      return cancelChange(i, state);
  }
}

/**
 * Every interaction comes through here, from either transport: routed to its command, timed, logged
 * as one line, and never allowed to take the process down. A handler that throws costs the user an
 * apology, not the bot.
 */
export async function handleInteraction(ctx: BotContext, i: Request): Promise<void> {
  const t0 = performance.now();
  const base: Record<string, unknown> = { interaction: i.id, user: i.userId, guild: i.guildId };
  try {
    if (i.kind === 'autocomplete') {
      const cmd = commandByName.get(i.commandName);
      const choices = cmd?.autocomplete?.(ctx, i) ?? [];
      await i.respond(choices);
      logger.debug('autocomplete', { ...base, command: i.commandName, choices: choices.length, ms: Math.round(performance.now() - t0) });
      return;
    }
    let out: Outcome;
    let command: string;
    if (i.kind === 'command') {
      command = i.commandName;
      const cmd = commandByName.get(i.commandName);
      if (!cmd) {
        await respondError(i, `Keystone does not know /${i.commandName} (yet). Try /help.`);
        out = { outcome: 'error' };
      } else if (!mayRun(cmd.data, i)) {
        const needed = permissionNames(requiredPermissions(cmd.data)!);
        await respondError(i, i.guildId ? `/${i.commandName} needs the ${needed} permission in this server.` : `/${i.commandName} works in a server only, for members with the ${needed} permission.`);
        out = { outcome: 'denied' };
      } else out = await cmd.execute(ctx, i);
    } else {
      command = `button:${i.customId.split('|')[1] ?? '?'}`;
      out = await onButton(ctx, i);
    }
    logger.info('interaction', { ...base, command, ...out, ms: Math.round(performance.now() - t0) });
  } catch (error) {
    // Nothing reaches the user once the first response is lost: say why, once, and send nothing more.
    if (error instanceof NotAnswered) return logger.warn('interaction not answered', { ...base, reason: error.reason, ms: Math.round(performance.now() - t0) });
    logger.error('interaction failed', { ...base, error, ms: Math.round(performance.now() - t0) });
    if (i.kind !== 'autocomplete') await respondError(i, 'Sorry, something went wrong answering that. It has been logged; please try again or rephrase.');
    else if (!i.responded) await i.respond([]).catch(() => undefined);
  }
}

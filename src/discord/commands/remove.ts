import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import path from 'node:path';
import { relativeFileOf } from '../../ingest/ingest.ts';
import { removeArticleFile } from '../../ingest/write.ts';
import type { Article } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../knowledge/base.ts';
import { fold } from '../../text/normalize.ts';
import { safe } from '../../render/discord.ts';
import { confirmPayload, outcomePayload } from '../../render/ingest-discord.ts';
import { articleChoices } from '../suggest.ts';
import { cancelId, removeId, type ButtonState } from '../custom-id.ts';
import { deniedUnlessManager, MANAGE, untilServing } from '../manage.ts';
import { respond, respondError } from '../respond.ts';
import type { ButtonRequest } from '../request.ts';
import type { BotCommand, BotContext, Outcome } from '../types.ts';

/** The article an option names: its id (what autocomplete sends), else its exact title. */
function articleNamed(kb: KnowledgeBase, value: string): Article | null {
  const v = value.trim();
  return kb.byArticle.get(v) ?? kb.articles.find((a) => fold(a.title) === fold(v)) ?? null;
}

export const remove: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('remove')
    .setDescription('Take an article out of the knowledge base, after a confirmation (server managers only)')
    .addStringOption((o) => o.setName('article').setDescription('The article to remove (pick from the list)').setRequired(true).setMaxLength(100).setAutocomplete(true))
    .setDefaultMemberPermissions(MANAGE)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  async execute(ctx, i) {
    if (await deniedUnlessManager(i, 'remove articles')) return { outcome: 'denied' };
    if (!ctx.knowledge.current) await i.defer({ ephemeral: true });
    const kb = ctx.knowledge.current ?? (await ctx.knowledge.ready);
    const value = i.options.string('article') ?? '';
    const a = articleNamed(kb, value);
    if (!a) {
      await respondError(i, `No article “${value}” in the knowledge base; pick one from the list.`);
      return { outcome: 'miss' };
    }
    const text = [
      `\`${a.id}\` · ${a.published ? `published ${a.published.slice(0, 10)} · ` : ''}${a.paragraphs.length} paragraphs · file \`${a.file}\``,
      'Its file moves to `.removed/` in the knowledge folder, so it can be put back.',
    ].join('\n');
    await respond(i, confirmPayload(`Remove “${a.title}”?`, text, { confirm: removeId(i.userId, a.id), cancel: cancelId(i.userId), label: 'Confirm: remove it' }, `/remove ${a.id}`), { ephemeral: true });
    return { outcome: 'answered', results: 1 };
  },
  autocomplete: (ctx, i) => articleChoices(ctx.knowledge.current, i.focused),
};

/** Confirm on a /remove question: the file moves out, and the article is gone from the answers. */
export async function confirmRemove(ctx: BotContext, i: ButtonRequest, state: Extract<ButtonState, { kind: 'remove' }>): Promise<Outcome> {
  if (state.owner !== i.userId) {
    await respondError(i, 'Only the member who asked can confirm this.');
    return { outcome: 'denied' };
  }
  if (await deniedUnlessManager(i, 'remove articles')) return { outcome: 'denied' };
  const id = state.article === '@' ? /^\/remove (\S+)$/.exec(i.messageFooter)?.[1] : state.article;
  await i.deferUpdate();
  const kb = ctx.knowledge.current ?? (await ctx.knowledge.ready);
  const a = id ? kb.byArticle.get(id) : undefined;
  if (!a) {
    await i.update(outcomePayload('That article is no longer in the knowledge base: nothing was removed.', false));
    return { outcome: 'miss', deferred: true };
  }
  let moved: string;
  try {
    moved = await removeArticleFile(ctx.knowledge.dir, relativeFileOf(a));
  } catch (e) {
    await i.update(outcomePayload(`Not removed: ${safe((e as Error).message)}`, false));
    return { outcome: 'error', deferred: true };
  }
  const gone = await untilServing(ctx.knowledge, (now) => !now.byArticle.has(a.id));
  const where = path.relative(ctx.knowledge.dir, moved);
  await i.update(outcomePayload(`Removed **${safe(a.title)}** (\`${a.id}\`)${gone ? '; it is no longer in the answers' : ''}. Its file is now \`${where}\` in the knowledge folder: move it back to restore it.`, true));
  return { outcome: 'answered', results: 1, deferred: true };
}

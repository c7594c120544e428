import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { checkSource, kindOfName } from '../../ingest/ingest.ts';
import { writeArticle } from '../../ingest/write.ts';
import type { IngestResult, IngestSource } from '../../ingest/types.ts';
import { citationOf } from '../../knowledge/types.ts';
import { citationLine, messagePayload, safe } from '../../render/discord.ts';
import { outcomePayload, previewPayload } from '../../render/ingest-discord.ts';
import { addId, cancelId, type ButtonState } from '../custom-id.ts';
import { deniedUnlessManager, ingestSettings, MANAGE, untilServing } from '../manage.ts';
import { respond, respondError } from '../respond.ts';
import type { ButtonRequest } from '../request.ts';
import type { BotCommand, BotContext, Outcome } from '../types.ts';

/** The source as the preview's footer carries it, so Confirm can read back what custom_id cannot hold. */
function footerOf(source: Extract<IngestSource, { kind: 'url' }>): string {
  return source.name ? `/add file “${source.name}” ${source.url}` : `/add ${source.url}`;
}

export function sourceFromFooter(footer: string): Extract<IngestSource, { kind: 'url' }> | null {
  const m = /^\/add (?:file “(.+?)” )?(https?:\/\/\S+)$/s.exec(footer);
  return m ? { kind: 'url', url: m[2], ...(m[1] ? { name: m[1] } : {}) } : null;
}

function check(ctx: BotContext, source: IngestSource, replace: boolean): Promise<IngestResult> {
  const { policy, limits } = ingestSettings(ctx);
  return checkSource(source, { replace }, { dir: ctx.knowledge.dir, existing: () => ctx.knowledge.current?.articles ?? [], policy, limits });
}

export const add: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('add')
    .setDescription('Add an article from a web page or a file, after a preview (server managers only)')
    .addStringOption((o) => o.setName('url').setDescription('The article’s web page (http or https)').setMaxLength(1000))
    .addAttachmentOption((o) => o.setName('file').setDescription('The article as a .txt, .md or .html file'))
    .addBooleanOption((o) => o.setName('replace').setDescription('Update the article this one duplicates (its text changed)'))
    .setDefaultMemberPermissions(MANAGE)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  async execute(ctx, i) {
    if (await deniedUnlessManager(i, 'add articles')) return { outcome: 'denied' };
    const url = i.options.string('url')?.trim() || null;
    const file = i.options.attachment('file');
    const replace = i.options.boolean('replace') ?? false;
    if (!url === !file) {
      await respondError(i, 'Give either url: (the article’s web page) or file: (a .txt, .md or .html file), not both.');
      return { outcome: 'miss' };
    }
    if (file && !kindOfName(file.filename)) {
      await respondError(i, `Not added: ${file.filename}: only .txt, .md and .html files can be added.`);
      return { outcome: 'miss' };
    }
    const source: Extract<IngestSource, { kind: 'url' }> = file ? { kind: 'url', url: file.url, name: file.filename } : { kind: 'url', url: url! };
    // Fetching a page can take seconds: say "thinking" privately first.
    await i.defer({ ephemeral: true });
    const r = await check(ctx, source, replace);
    if (!r.ok) {
      await respond(i, messagePayload(`Not added: ${r.message}`), { ephemeral: true });
      return { outcome: 'miss', deferred: true };
    }
    const ids = { confirm: addId(i.userId, replace, file ? '@' : source.url), cancel: cancelId(i.userId) };
    await respond(i, previewPayload(r.preview, ids, footerOf(source)), { ephemeral: true });
    return { outcome: 'answered', results: 1, deferred: true };
  },
};

/** Confirm on an /add preview: checked again (something may have come in since), written, live, cited. */
export async function confirmAdd(ctx: BotContext, i: ButtonRequest, state: Extract<ButtonState, { kind: 'add' }>): Promise<Outcome> {
  if (state.owner !== i.userId) {
    await respondError(i, 'Only the member who asked for this preview can confirm it.');
    return { outcome: 'denied' };
  }
  if (await deniedUnlessManager(i, 'add articles')) return { outcome: 'denied' };
  const source = state.source === '@' ? sourceFromFooter(i.messageFooter) : { kind: 'url' as const, url: state.source };
  if (!source) {
    await respondError(i, 'This preview can no longer be confirmed; run /add again.');
    return { outcome: 'miss' };
  }
  await i.deferUpdate();
  const r = await check(ctx, source, state.replace);
  if (!r.ok) {
    await i.update(outcomePayload(`Not added: ${safe(r.message)}`, false));
    return { outcome: 'miss', deferred: true };
  }
  try {
    await writeArticle(ctx.knowledge.dir, r);
  } catch (e) {
    await i.update(outcomePayload(`Not added: ${safe((e as Error).message)}`, false));
    return { outcome: 'error', deferred: true };
  }
  const text = (ps: { text: string }[]) => ps.map((p) => p.text).join('\n');
  const live = await untilServing(ctx.knowledge, (kb) => {
    const a = kb.byArticle.get(r.article.id);
    return !!a && a.title === r.article.title && text(a.paragraphs) === text(r.article.paragraphs);
  });
  const first = r.article.paragraphs[0];
  const verb = r.replaces ? 'Replaced' : 'Added';
  const when = live ? 'it is live now' : 'it will be live after the next reload';
  await i.update(outcomePayload(`${verb} **${safe(r.article.title)}** as \`${r.article.id}\` (${r.article.paragraphs.length} paragraphs); ${when}.\n${safe(first.text.slice(0, 300))}${first.text.length > 300 ? '…' : ''}\n${citationLine(citationOf(r.article, first))}`, true));
  return { outcome: 'answered', results: 1, deferred: true };
}

/** Cancel on an /add or /remove confirmation. */
export async function cancelChange(i: ButtonRequest, state: Extract<ButtonState, { kind: 'cancel' }>): Promise<Outcome> {
  if (state.owner !== i.userId) {
    await respondError(i, 'Only the member who asked can cancel this.');
    return { outcome: 'denied' };
  }
  await i.update(outcomePayload('Cancelled: nothing was changed.', false));
  return { outcome: 'answered' };
}

import { builder, executeAnswer, withPrivate, type BotCommand } from '../answer-command.ts';
import { articleChoices } from '../suggest.ts';

export const brief: BotCommand = {
  data: withPrivate(
    builder('brief', 'A briefing: the key development, who is involved, quotes, events and sources')
      .addStringOption((o) => o.setName('article').setDescription('Brief one article only (pick from the list)').setMaxLength(100).setAutocomplete(true))
      .addStringOption((o) => o.setName('since').setDescription('Only articles published on or after this date, as YYYY-MM-DD').setMinLength(10).setMaxLength(10)),
  ).toJSON(),
  execute: (ctx, i) =>
    executeAnswer(ctx, i, 'brief', { q: '' }, { article: i.options.string('article') ?? undefined, since: i.options.string('since') ?? undefined }),
  autocomplete: (ctx, i) => articleChoices(ctx.knowledge.current, i.focused),
};

import { builder, executeAnswer, withPrivate, type BotCommand } from '../answer-command.ts';
import { peopleChoices } from '../suggest.ts';

export const quote: BotCommand = {
  data: withPrivate(
    builder('quote', 'What someone said, in their own words, with the source')
      .addStringOption((o) => o.setName('speaker').setDescription('Who said it (any spelling); leave empty to search by words').setMaxLength(100).setAutocomplete(true))
      .addStringOption((o) => o.setName('words').setDescription('Words from the quote, e.g. "productive and constructive"').setMaxLength(200)),
  ).toJSON(),
  execute: (ctx, i) => {
    const speaker = i.options.string('speaker') ?? undefined;
    const words = i.options.string('words') ?? undefined;
    return executeAnswer(ctx, i, 'quote', { q: '', speaker, words });
  },
  autocomplete: (ctx, i) => peopleChoices(ctx.knowledge.current, i.focused, true),
};

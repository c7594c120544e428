import { builder, executeAnswer, withPrivate, type BotCommand } from '../answer-command.ts';
import { peopleChoices } from '../suggest.ts';

export const who: BotCommand = {
  data: withPrivate(
    builder('who', 'Who is someone in the news: name, role, other names, and the passages about them').addStringOption((o) =>
      o.setName('person').setDescription('A name in any spelling, a surname, or a role such as "special envoy"; empty lists everyone').setMaxLength(100).setAutocomplete(true),
    ),
  ).toJSON(),
  execute: (ctx, i) => executeAnswer(ctx, i, 'who', { q: i.options.string('person') ?? '' }),
  autocomplete: (ctx, i) => peopleChoices(ctx.knowledge.current, i.focused),
};

import { builder, executeAnswer, withPrivate, type BotCommand } from '../answer-command.ts';
import { topicChoices } from '../suggest.ts';

export const events: BotCommand = {
  data: withPrivate(
    builder('events', 'What happened: talks, statements, strikes, aid, calls, decisions; each with its source').addStringOption((o) =>
      o.setName('topic').setDescription('A kind of event, a person or a place, e.g. "airstrikes"; empty gives the timeline').setMaxLength(100).setAutocomplete(true),
    ),
  ).toJSON(),
  execute: (ctx, i) => executeAnswer(ctx, i, 'events', { q: i.options.string('topic') ?? '' }),
  autocomplete: (ctx, i) => topicChoices(ctx.knowledge.current, i.focused),
};

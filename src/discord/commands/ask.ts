import { builder, executeAnswer, withPrivate, type BotCommand } from '../answer-command.ts';

export const ask: BotCommand = {
  data: withPrivate(
    builder('ask', 'Ask a question; get the best passages from the articles, each cited').addStringOption((o) =>
      o.setName('question').setDescription('Your question, e.g. "How long did the talks last?"').setRequired(true).setMaxLength(300),
    ),
  ).toJSON(),
  execute: (ctx, i) => executeAnswer(ctx, i, 'ask', { q: i.options.string('question') ?? '' }),
};

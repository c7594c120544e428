import { builder, executeAnswer, withPrivate, type BotCommand } from '../answer-command.ts';

export const sources: BotCommand = {
  data: withPrivate(builder('sources', 'The articles Keystone knows: title, date, source, paragraphs')).toJSON(),
  execute: (ctx, i) => executeAnswer(ctx, i, 'sources', { q: '' }),
};

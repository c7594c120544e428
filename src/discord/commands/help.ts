import { builder, executeAnswer, type BotCommand } from '../answer-command.ts';

export const help: BotCommand = {
  data: builder('help', 'What Keystone can answer, and how to ask').toJSON(),
  execute: (ctx, i) => executeAnswer(ctx, i, 'help', { q: '' }),
};

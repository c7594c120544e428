import type { BotCommand } from '../types.ts';
import { who } from './who.ts';
import { quote } from './quote.ts';
import { events } from './events.ts';
import { ask } from './ask.ts';
import { brief } from './brief.ts';
import { sources } from './sources.ts';
import { help } from './help.ts';
import { reload } from './reload.ts';
import { add } from './add.ts';
import { remove } from './remove.ts';

export const COMMAND_MODULES: BotCommand[] = [who, quote, events, ask, brief, sources, help, reload, add, remove];
export const commandByName = new Map(COMMAND_MODULES.map((c) => [c.data.name, c]));

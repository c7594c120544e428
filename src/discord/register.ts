import { REST, Routes } from 'discord.js';
import { COMMAND_MODULES } from './commands/index.ts';

export interface RegisterResult {
  scope: 'guild' | 'global';
  names: string[];
}

/** Puts the whole command set, replacing what was there: in one server (instant) or globally. */
export async function registerCommands(rest: REST, clientId: string, guildId: string | null): Promise<RegisterResult> {
  const body = COMMAND_MODULES.map((c) => c.data);
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const saved = (await rest.put(route, { body })) as { name: string }[];
  return { scope: guildId ? 'guild' : 'global', names: saved.map((c) => c.name) };
}

export function makeRest(token: string, apiUrl: string | null): REST {
  return new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
}

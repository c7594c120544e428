import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { KnowledgeService } from '../knowledge/service.ts';
import type { AutocompleteRequest, Choice, CommandRequest } from './request.ts';
import type { IngestSettings } from './manage.ts';

/** What a command reports for the interaction log line. */
export interface Outcome {
  outcome: 'answered' | 'miss' | 'error' | 'denied';
  results?: number;
  deferred?: boolean;
}

export interface BotContext {
  knowledge: KnowledgeService;
  /** Posts the briefing of what is new to the briefing channel; null when none is configured. */
  postBriefing: (() => Promise<string>) | null;
  /** How /add fetches (address policy, limits); the environment's when not given. */
  ingest?: IngestSettings;
  /** When this process is one shard of several: reloads the others and says how each did. */
  reloadOthers?: () => Promise<string>;
}

/** One slash command: its schema, what it does, and its autocomplete. One file each under commands/. */
export interface BotCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(ctx: BotContext, request: CommandRequest): Promise<Outcome>;
  autocomplete?(ctx: BotContext, request: AutocompleteRequest): Choice[];
}

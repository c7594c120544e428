import { PermissionFlagsBits } from 'discord.js';
import type { KnowledgeBase } from '../knowledge/base.ts';
import type { KnowledgeService } from '../knowledge/service.ts';
import { addressPolicy, type AddressPolicy } from '../ingest/address-policy.ts';
import { fetchLimitsFromEnv, type FetchLimits } from '../ingest/fetch.ts';
import { hasPermission, type Repliable } from './request.ts';
import { respondError } from './respond.ts';
import type { BotContext } from './types.ts';
import { ConfigError } from './config.ts';

/** Who may change the knowledge base from Discord: members with Manage Server. */
export const MANAGE = PermissionFlagsBits.ManageGuild;

/**
 * Discord hides a command from members without its default permission, but a stale client or a
 * direct API call can still send it, and anyone who sees a message can press its buttons: checked
 * again on every command and every button.
 */
export async function deniedUnlessManager(i: Repliable, what: string): Promise<boolean> {
  if (!i.guildId || !hasPermission(i.memberPermissions, MANAGE)) {
    await respondError(i, `Only members with Manage Server can ${what}${i.guildId ? '' : ', in a server'}.`);
    return true;
  }
  return false;
}

export interface IngestSettings {
  policy: AddressPolicy;
  limits: Partial<FetchLimits>;
}

/** How the bot fetches what members and feeds give it (KEYSTONE_ALLOW_PRIVATE_FETCH, KEYSTONE_FETCH_TIMEOUT_MS). */
export function ingestFrom(env: NodeJS.ProcessEnv): IngestSettings {
  try {
    return { policy: addressPolicy(env.KEYSTONE_ALLOW_PRIVATE_FETCH), limits: fetchLimitsFromEnv(env) };
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
}

/** The fetch settings /add uses: what the bot was started with, else the environment's. */
export function ingestSettings(ctx: BotContext): IngestSettings {
  return ctx.ingest ?? ingestFrom(process.env);
}

/** Reloads until the serving base shows the change (a file just written or moved), or gives up after `ms`. */
export async function untilServing(knowledge: KnowledgeService, done: (kb: KnowledgeBase) => boolean, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await knowledge.reload();
    if (knowledge.current && done(knowledge.current)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

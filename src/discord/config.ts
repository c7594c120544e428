import { knowledgeDir } from '../paths.ts';
import type { Level } from '../log.ts';
import { parseSchedule, type Schedule } from '../schedule.ts';

export interface BotConfig extends ServingConfig {
  token: string;
  clientId: string;
  guildId: string | null;
}

/** A setting that stops start-up: one line naming the variable and what is wrong, never its secret value. */
export class ConfigError extends Error {}

const SNOWFLAKE = /^\d{17,20}$/;

/** The settings every serving process reads: gateway bot, shard, HTTP endpoint. */
export interface ServingConfig {
  apiUrl: string | null;
  knowledgeDir: string;
  briefingChannelId: string | null;
  briefingSchedule: Schedule | null;
  logLevel: Level;
}

export const envReader = (env: NodeJS.ProcessEnv) => (k: string) => (env[k] ?? '').trim() || null;

/** Reads and checks the settings shared by every serving process. Pure: pass process.env. */
export function readServingConfig(env: NodeJS.ProcessEnv): ServingConfig {
  const get = envReader(env);
  const apiUrl = get('DISCORD_API_URL');
  if (apiUrl && !/^https?:\/\/[^\s]+$/.test(apiUrl)) throw new ConfigError(`DISCORD_API_URL must be an http(s) URL such as https://discord.com/api; got "${apiUrl.slice(0, 60)}"`);
  const briefingChannelId = get('BRIEFING_CHANNEL_ID');
  if (briefingChannelId && !SNOWFLAKE.test(briefingChannelId)) throw new ConfigError(`BRIEFING_CHANNEL_ID must be a numeric channel id (17–20 digits); got "${briefingChannelId.slice(0, 30)}"`);
  const scheduleText = get('BRIEFING_SCHEDULE');
  let briefingSchedule: Schedule | null = null;
  if (scheduleText) {
    try {
      briefingSchedule = parseSchedule(scheduleText);
    } catch (e) {
      throw new ConfigError(`BRIEFING_SCHEDULE ${(e as Error).message}`);
    }
  }
  if (briefingSchedule && !briefingChannelId) throw new ConfigError('BRIEFING_SCHEDULE is set but BRIEFING_CHANNEL_ID is not: say which channel gets the briefing');
  const level = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new ConfigError(`LOG_LEVEL must be one of debug, info, warn, error; got "${level}"`);
  return {
    apiUrl: apiUrl ? apiUrl.replace(/\/+$/, '') : null,
    knowledgeDir: knowledgeDir(get('KNOWLEDGE_DIR')),
    briefingChannelId,
    briefingSchedule,
    logLevel: level as Level,
  };
}

/** The bot token, checked; null when it is not set. */
export function readToken(env: NodeJS.ProcessEnv): string | null {
  const token = envReader(env)('DISCORD_TOKEN');
  if (token && (/\s/.test(token) || token.length < 20)) throw new ConfigError('DISCORD_TOKEN does not look like a bot token (too short or contains spaces); copy it again from the Developer Portal');
  return token;
}

/** Reads and checks the bot's settings from an environment. Pure: pass process.env. */
export function readBotConfig(env: NodeJS.ProcessEnv): BotConfig {
  const get = envReader(env);
  const token = readToken(env);
  if (!token) throw new ConfigError('DISCORD_TOKEN is not set: copy it from the Developer Portal (Bot → Reset Token) into .env');
  const clientId = get('DISCORD_CLIENT_ID');
  if (!clientId) throw new ConfigError('DISCORD_CLIENT_ID is not set: it is the Application ID on the Developer Portal’s General Information page');
  if (!SNOWFLAKE.test(clientId)) throw new ConfigError(`DISCORD_CLIENT_ID must be a numeric application id (17–20 digits); got "${clientId.slice(0, 30)}"`);
  const guildId = get('DISCORD_GUILD_ID');
  if (guildId && !SNOWFLAKE.test(guildId)) throw new ConfigError(`DISCORD_GUILD_ID must be a numeric server id (17–20 digits); got "${guildId.slice(0, 30)}"`);
  return { token, clientId, guildId, ...readServingConfig(env) };
}

/**
 * KEYSTONE_SHARDS: unset runs one gateway session in this process; `auto` (Discord's recommended
 * count) or a number runs that many shards under the shard manager. (Not SHARDS: discord.js reads
 * that one itself, as the shard ids of a process the manager started.)
 */
export function readShardSetting(env: NodeJS.ProcessEnv): 'auto' | number | null {
  const v = envReader(env)('KEYSTONE_SHARDS');
  if (!v) return null;
  if (v.toLowerCase() === 'auto') return 'auto';
  if (!/^\d{1,4}$/.test(v) || Number(v) < 1) throw new ConfigError(`KEYSTONE_SHARDS must be "auto" or a number of shards (1 or more); got "${v.slice(0, 20)}"`);
  return Number(v);
}

/** What a failed login or gateway lookup means for the user: a refused token, or no connection. */
export function connectionError(error: unknown): ConfigError {
  const e = error as { status?: number; code?: string; message?: string };
  return new ConfigError(
    e.status === 401 || e.code === 'TokenInvalid'
      ? 'Discord refused DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal and update .env'
      : `could not connect to Discord: ${e.message ?? String(error)}`,
  );
}

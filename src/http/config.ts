import { ConfigError, envReader, readServingConfig, readToken, type ServingConfig } from '../discord/config.ts';
import { publicKeyFromHex } from './verify.ts';
import type { KeyObject } from 'node:crypto';

export interface ServeConfig extends ServingConfig {
  port: number;
  host: string;
  publicKey: KeyObject;
  /** Only needed to post briefings (the interaction webhook needs no token). */
  token: string | null;
}

function readPort(text: string, from: string): number {
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65535) throw new ConfigError(`${from} must be a port number from 0 to 65535; got "${text.slice(0, 20)}"`);
  return port;
}

/** Reads and checks the HTTP endpoint's settings; `port` (from --port) wins over PORT. Pure: pass process.env. */
export function readServeConfig(env: NodeJS.ProcessEnv, flags: { port?: string } = {}): ServeConfig {
  const get = envReader(env);
  const hex = get('DISCORD_PUBLIC_KEY');
  if (!hex) throw new ConfigError('DISCORD_PUBLIC_KEY is not set: copy the Public Key from the Developer Portal’s General Information page into .env');
  const publicKey = publicKeyFromHex(hex);
  if (!publicKey) throw new ConfigError('DISCORD_PUBLIC_KEY must be the application’s public key: 64 hexadecimal characters (General Information → Public Key)');
  const port = flags.port != null ? readPort(flags.port, '--port') : get('PORT') ? readPort(get('PORT')!, 'PORT') : 8080;
  const host = get('HOST') ?? '0.0.0.0';
  const serving = readServingConfig(env);
  const token = readToken(env);
  if (serving.briefingChannelId && !token) throw new ConfigError('BRIEFING_CHANNEL_ID is set but DISCORD_TOKEN is not: posting a briefing needs the bot token');
  return { ...serving, port, host, publicKey, token };
}

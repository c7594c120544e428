import { loadEnv } from '../config.ts';
import { ConfigError, readBotConfig } from './config.ts';
import { addSecret, redact } from '../log.ts';
import { makeRest, registerCommands } from './register.ts';

/** npm run register: puts the slash commands and says what it did. */
async function main(): Promise<number> {
  loadEnv();
  let config;
  try {
    config = readBotConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`keystone: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  addSecret(config.token);
  try {
    const r = await registerCommands(makeRest(config.token, config.apiUrl), config.clientId, config.guildId);
    process.stdout.write(
      r.scope === 'guild'
        ? `Registered ${r.names.length} commands in server ${config.guildId}: /${r.names.join(', /')}. They are available now.\n`
        : `Registered ${r.names.length} global commands: /${r.names.join(', /')}. Discord may take up to an hour to show them everywhere; set DISCORD_GUILD_ID for instant registration while developing.\n`,
    );
    return 0;
  } catch (e) {
    const status = (e as { status?: number }).status;
    const hint = status === 401 ? ' (the token was refused: check DISCORD_TOKEN)' : status === 403 || status === 404 ? ' (check DISCORD_CLIENT_ID and that the bot is in DISCORD_GUILD_ID)' : '';
    process.stderr.write(`keystone: registering commands failed${hint}: ${redact((e as Error).message)}\n`);
    return 1;
  }
}

main().then((code) => (process.exitCode = code));

import { loadEnv } from './config.ts';
import { redact } from './log.ts';
import { knowledgeDir } from './paths.ts';
import { openKnowledge } from './knowledge/open.ts';
import { ANSWER_DERIVED } from './answers/index.ts';
import { runConsole } from './console.ts';

/** npm start: the Discord bot when a token is set (sharded with KEYSTONE_SHARDS), else the local console. */
async function start(): Promise<void> {
  loadEnv();
  if (process.env.DISCORD_TOKEN) {
    const { ConfigError, readShardSetting } = await import('./discord/config.ts');
    try {
      if (readShardSetting(process.env) !== null) {
        const { startShards } = await import('./discord/shards.ts');
        await startShards({ handleSignals: true });
      } else {
        const { startBot } = await import('./discord/bot.ts');
        await startBot({ handleSignals: true });
      }
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      // A setting that stops start-up: one clear line, no stack, no secret.
      process.stderr.write(`keystone: ${e.message}\n`);
      process.exit(1);
    }
    return;
  }
  // The console answers many questions: what they read is computed before the prompt, not on the first one.
  const kb = await openKnowledge(knowledgeDir(), { derived: ANSWER_DERIVED });
  await runConsole({
    input: process.stdin,
    output: process.stdout,
    kb: () => kb,
    banner: [
      `Keystone — ${kb.articles.length} article(s), ${kb.paragraphs.length} paragraphs, ${kb.people.length} people.`,
      'No DISCORD_TOKEN is set, so Keystone is answering locally in this console.',
      'To connect to Discord, set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (README: "Connecting to Discord").',
      'Type /help for the commands, /exit or Ctrl-D to leave.',
    ].join('\n'),
  });
  // "/exit" closes the prompt but not stdin, which would keep the process waiting.
  process.stdin.destroy();
}

// Whatever takes the process down says so in one line, with every registered secret redacted.
const fatal = (e: unknown) => {
  process.stderr.write(`keystone: ${redact((e as Error)?.message ?? String(e))}\n`);
  process.exit(1);
};
process.on('uncaughtException', fatal);
start().catch(fatal);

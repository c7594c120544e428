import { parseArgs } from 'node:util';
import { knowledgeDir } from './paths.ts';
import { openKnowledge } from './knowledge/open.ts';
import { formatProblem } from './knowledge/types.ts';
import { COMMANDS, isCommand, runCommand } from './answers/index.ts';
import { renderText } from './render/text.ts';
import { toJson } from './render/json.ts';
import { factsReport, renderFacts } from './facts-report.ts';
import { checkKnowledge } from './check.ts';
import { addCommand } from './cli-add.ts';
import { feedsCommand } from './cli-feeds.ts';
import { loadEnv } from './config.ts';

const USAGE = `Usage: keystone <command> [query…] [--json] [--limit N] [--knowledge DIR]

Commands:
${COMMANDS.map((c) => `  ${c.usage.padEnd(26)} ${c.description}`).join('\n')}
  ${'facts'.padEnd(26)} Everything extracted, article by article (people, quotes, events).
  ${'check [DIR]'.padEnd(26)} Validate a knowledge directory (front matter, dates, ids, empty, duplicates).
  ${'serve [--port N]'.padEnd(26)} The HTTP interactions endpoint for Discord (needs DISCORD_PUBLIC_KEY).
  ${'add <file|url>…'.padEnd(26)} Add an article from a .txt/.md/.html file or a web page (keystone add --help).
  ${'feeds [--poll]'.padEnd(26)} The news feeds and what they brought; --poll polls them now.

Options:
  --json            print one JSON object
  --limit N         at most N results (1-100, default 10)
  --knowledge DIR   knowledge directory (default: $KNOWLEDGE_DIR, else ./knowledge)
  --article A       brief: one article (id or title words)
  --since DATE      brief: only articles published since DATE (YYYY-MM-DD)
  --speaker NAME    quote: only this speaker;  --words TEXT: quote words
  --port N          serve: the port to listen on (default $PORT, else 8080; the address is $HOST)
  --workers N       serve: N processes on the one port, or "auto" for one per core (default 1)

Exit codes: 0 results, 1 no results, 2 usage error; check: 0 valid, 1 errors found.`;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Asks a yes/no question (keystone add); by default on stderr, answered on stdin. */
  ask?: (question: string) => Promise<string | null>;
}

/** The keystone command. Returns the exit code; never calls process.exit itself (tests run it in-process too). */
export async function main(argv: string[], io: CliIO = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) }): Promise<number> {
  // Commands that change the knowledge base have options of their own.
  if (argv[0] === 'add') return addCommand(argv.slice(1), io);
  if (argv[0] === 'feeds') return feedsCommand(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        limit: { type: 'string' },
        knowledge: { type: 'string' },
        article: { type: 'string' },
        since: { type: 'string' },
        speaker: { type: 'string' },
        words: { type: 'string' },
        port: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const [command, ...rest] = positionals;
  const name = command.replace(/^\//, '').toLowerCase();
  if (name === 'check') return runCheck(rest[0] ?? values.knowledge, values.json ?? false, io);
  if (name === 'serve') return serve(values.port, values.workers, io);
  if (name !== 'facts' && !isCommand(name)) {
    io.err(`Unknown command “${command}”.\n\n${USAGE}`);
    return 2;
  }
  let limit: number | undefined;
  if (values.limit != null) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      io.err(`--limit takes a whole number from 1 to 100 (got “${values.limit}”).`);
      return 2;
    }
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  const query = rest.join(' ');
  if (cmd?.needsQuery && !query.trim()) {
    io.err(`keystone ${name} needs a query: keystone ${cmd.usage}`);
    return 2;
  }

  const kb = await openKnowledge(knowledgeDir(values.knowledge));
  for (const p of kb.problems) io.err(`warning: ${formatProblem(p)}`);

  if (name === 'facts') {
    const report = factsReport(kb);
    io.out(values.json ? JSON.stringify(report, null, 2) : renderFacts(report));
    return report.articles.length ? 0 : 1;
  }
  const answer = runCommand(kb, name as Parameters<typeof runCommand>[1], query, {
    limit, article: values.article, since: values.since, speaker: values.speaker, words: values.words,
  });
  io.out(values.json ? JSON.stringify(toJson(answer), null, 2) : renderText(answer));
  return answer.results.length > 0 || name === 'help' ? 0 : 1;
}

/** keystone serve: runs until SIGINT/SIGTERM; a setting that stops start-up is one line and exit code 2. */
async function serve(port: string | undefined, workers: string | undefined, io: CliIO): Promise<number> {
  const { serveHttp, readWorkers } = await import('./http/workers.ts');
  const { ConfigError } = await import('./discord/config.ts');
  try {
    await serveHttp({ port, workers: readWorkers(workers, process.env) });
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(`keystone serve: ${e.message}`);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(`keystone serve: the port is already in use (${(e as Error).message}); pick another with --port or PORT`);
      return 2;
    }
    throw e;
  }
  // The server keeps the process alive; the signal handlers exit it.
  return new Promise<number>(() => undefined);
}

/** keystone check: every problem on its own line, then a count; exit 1 when any is an error. */
async function runCheck(dir: string | undefined, json: boolean, io: CliIO): Promise<number> {
  const report = await checkKnowledge(knowledgeDir(dir));
  if (json) io.out(JSON.stringify(report, null, 2));
  else {
    for (const p of report.problems) (p.severity === 'error' ? io.err : io.out)(`${p.severity}: ${formatProblem(p)}`);
    const verdict = report.errors ? 'FAILED' : 'ok';
    io.out(`keystone check ${verdict}: ${report.files} file(s), ${report.articles} article(s), ${report.errors} error(s), ${report.warnings} warning(s) in ${report.dir}`);
  }
  return report.errors ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli.ts')) {
  loadEnv();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`keystone: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}

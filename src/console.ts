import readline from 'node:readline';
import type { KnowledgeBase } from './knowledge/base.ts';
import { formatProblem } from './knowledge/types.ts';
import { isCommand, runCommand } from './answers/index.ts';
import { renderText } from './render/text.ts';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  kb: () => KnowledgeBase;
  banner?: string;
}

/** Parses one console line: "/who Berg", "who Berg", "/exit". */
export function parseLine(line: string): { command: string; query: string } | null {
  const t = line.trim();
  if (!t) return null;
  const m = /^\/?(\S+)\s*(.*)$/s.exec(t)!;
  return { command: m[1].toLowerCase(), query: m[2] };
}

/** Answers one console line; returns the text to print, or null to leave. */
export function answerLine(kb: KnowledgeBase, line: string): string | null {
  const parsed = parseLine(line);
  if (!parsed) return '';
  const { command, query } = parsed;
  if (command === 'exit' || command === 'quit') return null;
  if (!isCommand(command)) return `Unknown command “${command}”. Type /help for the list of commands.`;
  try {
    return renderText(runCommand(kb, command, query));
  } catch (e) {
    // One bad answer must not end the session.
    return `Something went wrong answering that (${(e as Error).message}). Try another query.`;
  }
}

/** The local console: the bot's answers in a terminal, for trying Keystone without Discord. */
export function runConsole(opts: ConsoleOptions): Promise<void> {
  const { input, output } = opts;
  const interactive = (input as NodeJS.ReadStream).isTTY === true;
  const rl = readline.createInterface({ input, output, terminal: interactive, prompt: 'keystone> ' });
  const write = (s: string) => output.write(`${s}\n`);
  if (opts.banner) write(opts.banner);
  const problems = opts.kb().problems;
  for (const p of problems) write(`  ! ${formatProblem(p)}`);
  rl.prompt();
  return new Promise((resolve) => {
    let closed = false;
    rl.on('line', (line) => {
      const out = answerLine(opts.kb(), line);
      if (out === null) {
        write('Bye.');
        closed = true;
        rl.close();
        return;
      }
      if (out) write(`${out}\n`);
      rl.prompt();
    });
    rl.on('close', () => {
      if (!closed && interactive) write('');
      resolve();
    });
  });
}

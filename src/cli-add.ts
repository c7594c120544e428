import { parseArgs } from 'node:util';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { knowledgeDir } from './paths.ts';
import { loadKnowledge } from './knowledge/load.ts';
import type { Article } from './knowledge/types.ts';
import { addressPolicy } from './ingest/address-policy.ts';
import { checkSource, type IngestContext } from './ingest/ingest.ts';
import { fetchLimitsFromEnv } from './ingest/fetch.ts';
import { isoDay } from './ingest/dates.ts';
import { renderPreview, type Preview } from './ingest/preview.ts';
import { writeArticle } from './ingest/write.ts';
import type { ArticleMeta, IngestSource, RefusalKind } from './ingest/types.ts';

export const ADD_USAGE = `Usage: keystone add <file|url>… [--title T] [--published DATE] [--source S] [--yes] [--dry-run] [--json] [--replace] [--knowledge DIR]

Turns a .txt, .md or .html file, or a web page, into a knowledge file, after a preview.
  --title T         the title (one source at a time); wins over the page's own
  --published DATE  publication date, YYYY-MM-DD
  --source S        the outlet's name
  --yes             add without asking
  --dry-run         only preview; write nothing
  --json            print the previews (and what happened) as one JSON object
  --replace         update the article this one duplicates (its text changed)
  --knowledge DIR   knowledge directory (default: $KNOWLEDGE_DIR, else ./knowledge)

Exit codes: 0 every source added (or previewed), 1 one or more refused or not confirmed, 2 usage error.`;

export interface AddIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Asks a yes/no question; null when there is no one to answer (stdin closed). */
  ask?: (question: string) => Promise<string | null>;
}

export interface AddOutcome {
  source: string;
  status: 'added' | 'previewed' | 'refused' | 'declined';
  id?: string;
  file?: string;
  preview?: Preview;
  refusal?: { kind: RefusalKind; message: string; duplicateOf?: { id: string; title: string } };
}

export function sourceOf(arg: string): IngestSource {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? { kind: 'url', url: arg } : { kind: 'file', path: path.resolve(arg) };
}

/** Questions on stderr, answers from stdin, one line each; null once stdin has ended. */
function stdinAsker(): { ask: (q: string) => Promise<string | null>; close: () => void } {
  let rl: ReturnType<typeof createInterface> | null = null;
  let lines: AsyncIterator<string> | null = null;
  return {
    async ask(q) {
      process.stderr.write(q);
      rl ??= createInterface({ input: process.stdin, terminal: false });
      lines ??= rl[Symbol.asyncIterator]();
      const next = await lines.next();
      return next.done ? null : next.value;
    },
    close: () => rl?.close(),
  };
}

/** keystone add: check, preview, confirm, write; each source on its own. */
export async function addCommand(argv: string[], io: AddIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        published: { type: 'string' },
        source: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        replace: { type: 'boolean' },
        knowledge: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${ADD_USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    io.out(ADD_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(`keystone add needs a file or a web address.\n\n${ADD_USAGE}`);
    return 2;
  }
  if (v.title != null && positionals.length > 1) {
    io.err('--title names one article: add one source at a time when you give a title.');
    return 2;
  }
  const overrides: ArticleMeta = {};
  if (v.title != null) {
    if (!v.title.trim()) return (io.err('--title is empty.'), 2);
    overrides.title = v.title.trim();
  }
  if (v.published != null) {
    const day = isoDay(v.published);
    if (!day) return (io.err(`--published takes a date like 2026-02-14 (got “${v.published}”).`), 2);
    overrides.published = day;
  }
  if (v.source != null && v.source.trim()) overrides.source = v.source.trim();
  let policy;
  try {
    policy = addressPolicy();
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }

  const dir = knowledgeDir(v.knowledge);
  const loaded = await loadKnowledge(dir);
  const added: Article[] = [];
  const ctx: IngestContext = { dir, existing: () => [...loaded.articles, ...added], policy, limits: fetchLimitsFromEnv() };
  const asker = io.ask ? null : stdinAsker();
  const ask = io.ask ?? asker!.ask;
  const results: AddOutcome[] = [];
  const say = (s: string) => (v.json ? io.err(s) : io.out(s));
  try {
    for (const arg of positionals) {
      const r = await checkSource(sourceOf(arg), { overrides, replace: v.replace }, ctx);
      if (!r.ok) {
        io.err(`refused: ${r.message}`);
        results.push({ source: arg, status: 'refused', refusal: { kind: r.kind, message: r.message, ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}) } });
        continue;
      }
      const base = { source: arg, id: r.article.id, file: r.fileName, preview: r.preview };
      if (!v.json) io.out(renderPreview(r.preview));
      if (v['dry-run']) {
        say('(dry run: nothing written)');
        results.push({ ...base, status: 'previewed' });
        continue;
      }
      if (!v.yes) {
        const answer = await ask(`\n${r.replaces ? 'Replace' : 'Add'} “${r.article.title}” as ${r.fileName}? [y/N] `);
        if (!/^\s*y(es)?\s*$/i.test(answer ?? '')) {
          io.err(answer == null ? 'not added: no answer (use --yes to add without asking)' : 'not added.');
          results.push({ ...base, status: 'declined' });
          continue;
        }
      }
      try {
        const written = await writeArticle(dir, r);
        added.push(r.article);
        say(`${r.replaces ? 'Replaced' : 'Added'}: ${path.relative(process.cwd(), written) || written} — a running bot picks it up by itself.`);
        results.push({ ...base, status: 'added' });
      } catch (e) {
        io.err(`not added: ${(e as Error).message}`);
        results.push({ ...base, status: 'refused', refusal: { kind: 'exists', message: (e as Error).message } });
      }
      if (!v.json && positionals.length > 1) io.out('');
    }
  } finally {
    asker?.close();
  }
  if (v.json) io.out(JSON.stringify({ command: 'add', results }, null, 2));
  return results.every((r) => r.status === 'added' || r.status === 'previewed') ? 0 : 1;
}

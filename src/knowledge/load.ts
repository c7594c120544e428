import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, LoadProblem } from './types.ts';
import { parseArticle } from './parse.ts';
import { codePointOrder } from '../text/normalize.ts';

export const KNOWLEDGE_EXTENSIONS = /\.(md|markdown|txt)$/i;
/** Knowledge files larger than this are skipped without being read: an article is a few hundred kilobytes at most. */
export const MAX_KNOWLEDGE_BYTES = 5_000_000;

export interface LoadedKnowledge {
  articles: Article[];
  problems: LoadProblem[];
  /** Fingerprint of every file read (path, size, mtime): a cache built from other files is stale. */
  fingerprint: string;
  /** What each file gave, so the next load reads only files that changed. */
  files: Map<string, FileResult>;
  /** Files still being written (changed too recently, or during the read): their previous version, if any, stands in. */
  unsettled: string[];
}

export interface LoadOptions {
  /** A file modified less than this long ago is taken as still being written and not read yet (default 0). */
  settleMs?: number;
  now?: () => number;
}

export interface FileResult {
  size: number;
  mtimeMs: number;
  article: Article | null;
  problems: LoadProblem[];
}

export interface FileStat {
  rel: string;
  size: number;
  mtimeMs: number;
}

/** The knowledge files with their size and modification time, without reading them. */
export async function scanKnowledge(dir: string): Promise<FileStat[]> {
  const files = await listFiles(dir);
  const out: FileStat[] = [];
  // Stat in batches: thousands of files, one at a time, would take seconds.
  for (let i = 0; i < files.length; i += 256) {
    const batch = files.slice(i, i + 256);
    const stats = await Promise.all(batch.map((rel) => stat(path.join(dir, rel)).catch(() => null)));
    stats.forEach((st, k) => out.push({ rel: batch[k], size: st?.size ?? -1, mtimeMs: st?.mtimeMs ?? -1 }));
  }
  return out;
}

export function fingerprintOf(files: FileStat[]): string {
  return files.map((f) => `${f.rel}:${f.size}:${f.mtimeMs}`).join('|');
}

async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => codePointOrder(a.name, b.name))) {
    if (e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, r)));
    else if (KNOWLEDGE_EXTENSIONS.test(e.name)) out.push(r);
  }
  return out;
}

export function articleIdOf(relPath: string): string {
  return relPath
    .replace(KNOWLEDGE_EXTENSIONS, '')
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, '-')
    .replace(/(^-|-$)/g, '');
}

/**
 * Reads every knowledge file under dir. A bad file becomes a problem; the rest still load.
 * With the previous load, a file whose size and time are unchanged is not read again.
 * A file that vanishes while the directory is read was removed: it is left out, not reported.
 */
export async function loadKnowledge(dir: string, previous?: LoadedKnowledge, opts: LoadOptions = {}): Promise<LoadedKnowledge> {
  const problems: LoadProblem[] = [];
  const articles: Article[] = [];
  const files = new Map<string, FileResult>();
  const unsettled: string[] = [];
  const label = (rel: string) => path.join(path.basename(path.resolve(dir)), rel);
  let stats: FileStat[];
  try {
    stats = await scanKnowledge(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push({
      file: dir,
      line: null,
      severity: 'error',
      message: code === 'ENOENT' ? 'knowledge directory does not exist (set KNOWLEDGE_DIR or --knowledge)' : `cannot read the knowledge directory (${code ?? String(e)})`,
    });
    return { articles, problems, fingerprint: '', files, unsettled };
  }
  const now = opts.now ?? Date.now;
  const settleMs = opts.settleMs ?? 0;
  const seen = new Map<string, string>();
  const present: FileStat[] = [];
  for (const f of stats) {
    const before = previous?.files.get(f.rel);
    let result: FileResult | null | 'unsettled';
    if (before && before.size === f.size && before.mtimeMs === f.mtimeMs && f.size >= 0) result = before;
    else if (settleMs > 0 && f.mtimeMs >= 0 && now() - f.mtimeMs < settleMs) result = 'unsettled';
    else result = await readOne(dir, f, label(f.rel));
    if (result === 'unsettled') {
      // Half a file must not replace a whole one: keep what it was until it has settled.
      unsettled.push(f.rel);
      if (!before) continue;
      result = before;
      f.size = before.size;
      f.mtimeMs = before.mtimeMs;
    }
    if (result === null) continue;
    present.push(f);
    files.set(f.rel, result);
    problems.push(...result.problems);
    const a = result.article;
    if (!a) continue;
    const clash = seen.get(a.id);
    if (clash) {
      problems.push({ file: label(f.rel), line: null, severity: 'error', message: `has the same article id "${a.id}" as ${clash}; rename one of them` });
      continue;
    }
    seen.set(a.id, label(f.rel));
    articles.push(a);
  }
  return { articles, problems, fingerprint: fingerprintOf(present), files, unsettled };
}

/** One file's article or problem; null when it was removed meanwhile, 'unsettled' when it changed while being read. */
async function readOne(dir: string, f: FileStat, file: string): Promise<FileResult | null | 'unsettled'> {
  const fail = (message: string): FileResult => ({ size: f.size, mtimeMs: f.mtimeMs, article: null, problems: [{ file, line: null, severity: 'error', message }] });
  if (f.size > MAX_KNOWLEDGE_BYTES) return fail(`is ${Math.round(f.size / 1e6)} MB; knowledge files over ${MAX_KNOWLEDGE_BYTES / 1e6} MB are skipped`);
  const full = path.join(dir, f.rel);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Gone since the directory was listed: removed, not broken (a dangling link still has its entry).
    if (code === 'ENOENT' && !(await lstat(full).catch(() => null))) return null;
    return fail(`cannot be read (${code ?? String(e)})`);
  }
  const after = await stat(full).catch(() => null);
  if (!after) return null;
  if (after.size !== f.size || after.mtimeMs !== f.mtimeMs) return 'unsettled';
  const r = parseArticle(file, articleIdOf(f.rel), text);
  if (!r.ok) return { size: f.size, mtimeMs: f.mtimeMs, article: null, problems: [r.problem] };
  return { size: f.size, mtimeMs: f.mtimeMs, article: r.article, problems: r.warnings };
}

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, LoadProblem } from './types.ts';
import { parseArticle } from './parse.ts';

export const KNOWLEDGE_EXTENSIONS = /\.(md|markdown|txt)$/i;

export interface LoadedKnowledge {
  articles: Article[];
  problems: LoadProblem[];
  /** Fingerprint of every file read (path, size, mtime): a cache built from other files is stale. */
  fingerprint: string;
}

async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
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

/** Reads every knowledge file under dir. A bad file becomes a problem; the rest still load. */
export async function loadKnowledge(dir: string): Promise<LoadedKnowledge> {
  const problems: LoadProblem[] = [];
  const articles: Article[] = [];
  const label = (rel: string) => path.join(path.basename(path.resolve(dir)), rel);
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push({
      file: dir,
      line: null,
      severity: 'error',
      message: code === 'ENOENT' ? 'knowledge directory does not exist (set KNOWLEDGE_DIR or --knowledge)' : `cannot read the knowledge directory (${code ?? String(e)})`,
    });
    return { articles, problems, fingerprint: '' };
  }
  const seen = new Map<string, string>();
  const prints: string[] = [];
  for (const rel of files) {
    const full = path.join(dir, rel);
    let text: string;
    try {
      const st = await stat(full);
      prints.push(`${rel}:${st.size}:${st.mtimeMs}`);
      if (st.size > 5_000_000) {
        problems.push({ file: label(rel), line: null, severity: 'error', message: `is ${Math.round(st.size / 1e6)} MB; knowledge files over 5 MB are skipped` });
        continue;
      }
      text = await readFile(full, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ file: label(rel), line: null, severity: 'error', message: `cannot be read (${code ?? String(e)})` });
      continue;
    }
    const id = articleIdOf(rel);
    const r = parseArticle(label(rel), id, text);
    if (!r.ok) {
      problems.push(r.problem);
      continue;
    }
    problems.push(...r.warnings);
    const clash = seen.get(id);
    if (clash) {
      problems.push({ file: label(rel), line: null, severity: 'error', message: `has the same article id "${id}" as ${clash}; rename one of them` });
      continue;
    }
    seen.set(id, label(rel));
    articles.push(r.article);
  }
  return { articles, problems, fingerprint: prints.join('|') };
}

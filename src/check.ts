import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { loadKnowledge } from './knowledge/load.ts';
import { splitFrontMatter } from './knowledge/frontmatter.ts';
import type { Article, LoadProblem } from './knowledge/types.ts';
import { fullId } from './discord/custom-id.ts';

/** What `keystone check` found in a knowledge directory. */
export interface CheckReport {
  dir: string;
  files: number;
  articles: number;
  problems: LoadProblem[];
  errors: number;
  warnings: number;
}

const KNOWN_KEYS = new Set(['title', 'published', 'date', 'source', 'url', 'tags']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** A YYYY-MM-DD that names a real day (2025-02-30 does not). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Checks on one parsed article that the loader lets pass but an editor should hear about. */
function articleProblems(a: Article, raw: string, today: string): LoadProblem[] {
  const out: LoadProblem[] = [];
  const problem = (severity: LoadProblem['severity'], message: string, line: number | null = null) => out.push({ file: a.file, line, severity, message });
  let fm = null;
  try {
    fm = splitFrontMatter(raw.replace(/^\uFEFF/, ''));
  } catch {
    // The loader already reported it.
  }
  if (fm) {
    const lines = raw.split(/\r?\n/);
    for (const key of Object.keys(fm.data)) {
      if (KNOWN_KEYS.has(key)) continue;
      const line = lines.findIndex((l) => l.startsWith(`${key}:`));
      problem('warning', `front matter key "${key}" is not one Keystone reads (title, published, source, url, tags); a typo?`, line >= 0 ? line + 1 : null);
    }
    const given = fm.data.published ?? fm.data.date;
    const text = given instanceof Date ? given.toISOString().slice(0, 10) : given == null ? null : String(given).trim();
    if (text && !a.published) problem('error', `published "${text}" is not a date like 2025-12-01`);
  }
  if (a.published) {
    if (!isCalendarDate(a.published)) problem('error', `published "${a.published}" is not a real calendar date`);
    else if (a.published.slice(0, 10) > today) problem('warning', `published ${a.published.slice(0, 10)} is in the future`);
  }
  if (!a.id) problem('error', 'its file name gives an empty article id; name it with letters or digits, e.g. geneva-talks.md');
  else if (!fullId(a.id, a.paragraphs.length)) problem('warning', `article id "${a.id}" is too long for Discord's buttons (Show full paragraph is left out); use a shorter file name`);
  return out;
}

const digestOf = (a: Article) => createHash('sha1').update(a.paragraphs.map((p) => p.text).join('\n')).digest('hex');

/**
 * Validates a knowledge directory as CI and editors need: everything the loader reports (front
 * matter, empty or binary files, duplicate ids, unreadable files) and what it tolerates (dates that
 * are not dates, unknown front-matter keys, duplicate texts, titles and URLs). Reads, never builds.
 */
export async function checkKnowledge(dir: string, opts: { today?: string } = {}): Promise<CheckReport> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const loaded = await loadKnowledge(dir);
  const problems = [...loaded.problems.filter((p) => !/is not a date like/.test(p.message))];
  const root = path.dirname(path.resolve(dir));
  const firstBy = new Map<string, Article>();
  const seen = (key: string, a: Article): Article | null => {
    const other = firstBy.get(key);
    if (!other) firstBy.set(key, a);
    return other ?? null;
  };
  for (const a of loaded.articles) {
    const raw = await readFile(path.join(root, a.file), 'utf8').catch(() => '');
    problems.push(...articleProblems(a, raw, today));
    const sameText = seen(`text:${digestOf(a)}`, a);
    if (sameText) problems.push({ file: a.file, line: null, severity: 'error', message: `has the same text as ${sameText.file}; remove one (answers would cite both)` });
    const sameTitle = seen(`title:${a.title.toLowerCase()}`, a);
    if (sameTitle && !sameText) problems.push({ file: a.file, line: null, severity: 'warning', message: `has the same title as ${sameTitle.file}` });
    const sameUrl = a.url ? seen(`url:${a.url}`, a) : null;
    if (sameUrl && !sameText) problems.push({ file: a.file, line: null, severity: 'warning', message: `has the same url as ${sameUrl.file}` });
  }
  if (loaded.files.size === 0 && problems.length === 0) problems.push({ file: dir, line: null, severity: 'error', message: 'has no knowledge files (.md, .markdown or .txt)' });
  problems.sort((x, y) => (x.file === y.file ? (x.line ?? 0) - (y.line ?? 0) : x.file < y.file ? -1 : 1));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { dir, files: loaded.files.size, articles: loaded.articles.length, problems, errors, warnings: problems.length - errors };
}

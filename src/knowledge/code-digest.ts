import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A digest of the code that turns extracted facts into a base (merging people, their roles over
 * time, grouping events into stories) and of the word lists it reads. A cache keeps the results of
 * that code, so they hold only for the same code: a change to any module it imports makes a cache
 * of an older version fall back to redoing that work (the facts still hold), without anyone having
 * to remember to bump a version number.
 */
const ROOTS = ['base.ts', 'event-stories.ts', 'roles.ts', 'derived.ts'].map((f) => path.join(import.meta.dirname, f));
const WORD_LISTS = path.resolve(import.meta.dirname, '../../data/gazetteers');

let digest: string | undefined;

export function assemblyDigest(): string {
  if (digest !== undefined) return digest;
  const h = createHash('sha1');
  for (const file of [...importedBy(ROOTS)].sort()) h.update(`${path.relative(import.meta.dirname, file)}\u0000`).update(readFileSync(file)).update('\u0000');
  for (const name of listing(WORD_LISTS)) h.update(`${name}\u0000`).update(readFileSync(path.join(WORD_LISTS, name))).update('\u0000');
  return (digest = h.digest('base64url'));
}

/** The modules given and every module of ours they import, followed through relative specifiers. */
function importedBy(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) visit(path.resolve(path.dirname(file), m[1]));
  };
  roots.forEach(visit);
  return seen;
}

function listing(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

import path from 'node:path';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import type { KnowledgeBase } from '../src/knowledge/base.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const KNOWLEDGE = path.join(ROOT, 'knowledge');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
/** The seed corpus as shared with the team; present beside the checkout on dev machines and CI. */
export const SHARED_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'miami-talks.txt');
export const hasSharedCorpus = existsSync(SHARED_CORPUS);

let miami: Promise<KnowledgeBase> | null = null;
export function miamiKb(): Promise<KnowledgeBase> {
  miami ??= buildKnowledgeBase(KNOWLEDGE);
  return miami;
}

/** A temporary knowledge directory with the given files. */
export function tempKnowledge(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

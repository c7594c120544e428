import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { KnowledgeBase, type IndexSegments } from './base.ts';
import { EXTRACTION_VERSION, FactsCache, articleDigest, primeDigest } from './facts-cache.ts';
import { fingerprintOf, scanKnowledge, type FileResult, type LoadedKnowledge } from './load.ts';
import type { Article, LoadProblem } from './types.ts';
import { reviveParagraph } from './paragraph-store.ts';

/**
 * A built knowledge base on disk, so a large base is ready in a second or two instead of being
 * read, extracted and indexed again. Valid only for the exact files it was built from (path, size,
 * modification time) and for the same code version; anything else is stale and rebuilt, never served.
 */
const SNAPSHOT_VERSION = 5;

interface Snapshot {
  version: number;
  extraction: number;
  fingerprint: string;
  articles: Article[];
  problems: LoadProblem[];
  facts: [string, Buffer][];
  /** Digest of each article, in `articles` order. */
  digests: string[];
  segments: IndexSegments;
  files: [string, FileResult][];
}

export async function saveSnapshot(file: string, kb: KnowledgeBase, loaded: LoadedKnowledge, facts: FactsCache): Promise<number> {
  facts.retain(kb.articles);
  const snap: Snapshot = {
    version: SNAPSHOT_VERSION,
    extraction: EXTRACTION_VERSION,
    fingerprint: loaded.fingerprint,
    articles: kb.buildOrder,
    problems: kb.problems,
    facts: facts.entries(),
    digests: kb.buildOrder.map(articleDigest),
    segments: kb.segments(),
    files: [...loaded.files.entries()],
  };
  const buf = serialize(snap);
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, buf);
  await rename(tmp, file); // readers see the old snapshot or the new one, never half of one
  return buf.length;
}

export interface Restored {
  kb: KnowledgeBase;
  loaded: LoadedKnowledge;
  facts: FactsCache;
}

/** The snapshot's base if it matches the directory as it is now; null if missing, stale or unreadable. */
export async function loadSnapshot(file: string, dir: string): Promise<Restored | null> {
  let snap: Snapshot;
  try {
    snap = deserialize(await readFile(file)) as Snapshot;
  } catch {
    return null;
  }
  if (snap?.version !== SNAPSHOT_VERSION || snap.extraction !== EXTRACTION_VERSION) return null;
  const now = fingerprintOf(await scanKnowledge(dir).catch(() => []));
  if (now !== snap.fingerprint) return null;
  const revived = new Set<Article>();
  for (const a of [...snap.articles, ...snap.files.map(([, f]) => f.article)]) {
    if (!a || revived.has(a)) continue;
    a.paragraphs = a.paragraphs.map(reviveParagraph);
    revived.add(a);
  }
  snap.articles.forEach((a, i) => primeDigest(a, snap.digests[i]));
  const facts = new FactsCache(snap.facts);
  const kb = new KnowledgeBase(snap.articles, snap.problems, { facts, segments: snap.segments, keepOrder: true });
  const loaded: LoadedKnowledge = { articles: snap.articles, problems: snap.problems, fingerprint: snap.fingerprint, files: new Map(snap.files) };
  return { kb, loaded, facts };
}

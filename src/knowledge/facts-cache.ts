import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Article } from './types.ts';
import type { ArticleFacts } from '../extract/types.ts';
import { extractFacts } from '../extract/facts.ts';
import { log } from '../log.ts';

/**
 * An article's facts, or none when extraction fails on it: one odd article must not stop a build
 * (its paragraphs stay searchable; the log says which article and why).
 */
function factsOrNone(a: Article): ArticleFacts {
  try {
    return extractFacts(a);
  } catch (e) {
    log('warn', 'extraction failed; the article is searchable but gives no people, quotes or events', { file: a.file, error: e instanceof Error ? e.message : String(e) });
    return { article: a.id, people: [], mentions: [], quotes: [], events: [], recalls: [] };
  }
}

/** Bump when extraction changes, so cached facts from older rules are never served. */
export const EXTRACTION_VERSION = 188;

const digests = new WeakMap<Article, string>();

/** A digest of everything extraction reads from an article (articles are immutable once parsed). */
export function articleDigest(a: Article): string {
  const known = digests.get(a);
  if (known) return known;
  const h = createHash('sha1');
  h.update(`${EXTRACTION_VERSION}\u0000${a.id}\u0000${a.published ?? ''}\u0000`);
  for (const p of a.paragraphs) h.update(`${p.section ?? ''}\u0001${p.text}\u0002`);
  const d = h.digest('base64url');
  digests.set(a, d);
  return d;
}

/** Tells the digest of an article restored from a cache, so it is not computed again. */
export function primeDigest(a: Article, digest: string): void {
  digests.set(a, digest);
}

/**
 * Facts per article, keyed by the article's digest: extraction runs once per version of an
 * article, so a reload re-reads only what changed and a cache restores a base without extracting.
 */
export class FactsCache {
  // Kept serialised: outside the JS heap, written to the cache as they are, decoded when a build needs them.
  private readonly map = new Map<string, Buffer>();

  constructor(entries: Iterable<[string, Buffer]> = []) {
    for (const [k, v] of entries) this.map.set(k, v);
  }

  factsOf(a: Article): ArticleFacts {
    const key = articleDigest(a);
    const stored = this.map.get(key);
    if (stored) return deserialize(stored) as ArticleFacts;
    // Mention spans serve extraction only; the base keeps paragraph numbers, so drop them.
    const buf = serialize({ ...factsOrNone(a), mentions: [] });
    this.map.set(key, buf);
    // Hand out the decoded copy: extracted strings are slices that would pin whole paragraphs in memory.
    return deserialize(buf) as ArticleFacts;
  }

  /** Drops facts of article versions not in `keep` (digests), so the cache does not grow forever. */
  retain(articles: Article[]): void {
    const keep = new Set(articles.map(articleDigest));
    for (const k of this.map.keys()) if (!keep.has(k)) this.map.delete(k);
  }

  entries(): [string, Buffer][] {
    return [...this.map.entries()];
  }
}

import { createHash } from 'node:crypto';
import type { Article } from './types.ts';
import type { ArticleFacts } from '../extract/types.ts';
import { extractFacts } from '../extract/facts.ts';

/** Bump when extraction changes, so cached facts from older rules are never served. */
export const EXTRACTION_VERSION = 1;

/** A digest of everything extraction reads from an article. */
export function articleDigest(a: Article): string {
  const h = createHash('sha1');
  h.update(`${EXTRACTION_VERSION}\u0000${a.id}\u0000${a.published ?? ''}\u0000`);
  for (const p of a.paragraphs) h.update(`${p.section ?? ''}\u0001${p.text}\u0002`);
  return h.digest('base64url');
}

/**
 * Facts per article, keyed by the article's digest: extraction runs once per version of an
 * article, so a reload re-reads only what changed and a cache restores a base without extracting.
 */
export class FactsCache {
  private readonly map = new Map<string, ArticleFacts>();

  constructor(entries: Iterable<[string, ArticleFacts]> = []) {
    for (const [k, v] of entries) this.map.set(k, v);
  }

  factsOf(a: Article): ArticleFacts {
    const key = articleDigest(a);
    let f = this.map.get(key);
    if (!f) {
      // Mention spans serve extraction only; the base keeps paragraph numbers, so drop them.
      f = { ...extractFacts(a), mentions: [] };
      this.map.set(key, f);
    }
    return f;
  }

  /** Drops facts of article versions not in `keep` (digests), so the cache does not grow forever. */
  retain(articles: Article[]): void {
    const keep = new Set(articles.map(articleDigest));
    for (const k of this.map.keys()) if (!keep.has(k)) this.map.delete(k);
  }

  entries(): [string, ArticleFacts][] {
    return [...this.map.entries()];
  }
}

import { MAX_LIMIT, DEFAULT_LIMIT, MAX_QUERY_LENGTH } from './types.ts';

/** User text made safe to search: no control characters, one space between words, bounded length. */
export function cleanQuery(raw: string | null | undefined): string {
  return String(raw ?? '')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g, ' ')
    // Half of a surrogate pair is no character: echoed back, it would make the message invalid text.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

export function clampLimit(limit: number | undefined): number {
  if (limit == null || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

/** "who is the special envoy?" -> "the special envoy": the question frame carries no name. */
export function stripQuestion(q: string): string {
  return q
    .replace(/[?!.]+$/g, '')
    .replace(/^(?:who|what|whom)\s+(?:is|was|are|were)\s+/i, '')
    .replace(/^who\s+/i, '')
    .trim();
}

import { fold } from '../../text/normalize.ts';

/**
 * FEED_FILTER: which items are on topic. `/pattern/flags` is a regular expression; otherwise
 * alternatives separated by commas or `|`, each a set of words that must all appear (each as the
 * start of a word: "talk" matches "talks"), case and accents ignored. Empty: every item.
 */
export interface FeedFilter {
  text: string;
  matches(title: string | null, summary: string | null): boolean;
}

export function compileFilter(text: string | undefined | null): FeedFilter {
  const t = (text ?? '').trim();
  if (!t) return { text: '', matches: () => true };
  const re = /^\/(.+)\/([a-z]*)$/s.exec(t);
  if (re) {
    let rx: RegExp;
    try {
      rx = new RegExp(re[1], re[2].includes('i') ? re[2] : `${re[2]}i`);
    } catch (e) {
      throw new Error(`FEED_FILTER is not a valid regular expression: ${(e as Error).message}`);
    }
    return { text: t, matches: (title, summary) => rx.test(title ?? '') || rx.test(summary ?? '') };
  }
  const alternatives = t.split(/[,|]/).map((a) => fold(a).split(/[^\p{L}\p{N}]+/u).filter(Boolean)).filter((a) => a.length > 0);
  return {
    text: t,
    matches(title, summary) {
      const words = new Set(fold(`${title ?? ''} ${summary ?? ''}`).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
      const has = (w: string) => words.has(w) || [...words].some((x) => x.startsWith(w));
      return alternatives.some((all) => all.every(has));
    },
  };
}

import { fold } from './normalize.ts';
import porter2 from 'wink-porter2-stemmer';
import { STOPWORDS } from './stopwords.ts';

/** Words of folded text; possessive 's dropped so "Berg's" indexes as "berg". */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(/[a-z0-9]+(?:['.-][a-z0-9]+)*/g)) {
    let w = m[0].replace(/'s$/, '').replace(/'/g, '');
    // "U.S." and "three-day": keep the joined form, index parts too via terms().
    if (w) out.push(w);
  }
  return out;
}

const memo = new Map<string, string>();

/**
 * English stems: Porter2 (wink-porter2-stemmer), so occupy / occupied and negotiations /
 * negotiators meet, then -ism and -ist to one stem (tourism / tourist, terrorism / terrorist).
 * Numbers and short words stay as they are.
 */
export function stem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  let s = memo.get(w);
  if (s === undefined) {
    s = porter2(w);
    if (s.length >= 7 && /is[mt]$/.test(s)) s = s.slice(0, -3);
    if (memo.size > 200_000) memo.clear();
    memo.set(w, s);
  }
  return s;
}

/**
 * Index terms of a text: folded, stop words out, stemmed. Compound words ("three-day", "U.S.")
 * yield the compound and its parts, so either spelling of the query finds them.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (/[.-]/.test(w)) {
      const joined = w.replace(/[.-]/g, '');
      if (!STOPWORDS.has(joined)) out.push(stem(joined));
      for (const part of w.split(/[.-]/)) if (part && !STOPWORDS.has(part) && part.length > 1) out.push(stem(part));
    } else if (!STOPWORDS.has(w)) {
      out.push(stem(w));
    }
  }
  return out;
}

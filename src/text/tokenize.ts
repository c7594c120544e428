import { fold } from './normalize.ts';
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

/** A light English stemmer: plurals and a few inflections, enough to meet "strikes" and "strike". */
export function stem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/[^su]s$/.test(w) && !w.endsWith('ous') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
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

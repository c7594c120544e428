import { fold } from '../text/normalize.ts';

/** A word of the original text with its span; `possessive` when it ended in ’s. */
export interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
  capitalized: boolean;
  possessive: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.\-]*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let t = m[0];
    const start = m.index!;
    // A trailing full stop belongs to the sentence, except in abbreviations like "U.S.".
    if (t.endsWith('.') && !/^(\p{Lu}\.)+$/u.test(t)) t = t.replace(/\.+$/, '');
    t = t.replace(/[-'’]+$/, '');
    let possessive = false;
    if (/['’]s$/.test(t)) {
      possessive = true;
      t = t.slice(0, -2);
    }
    if (!t) continue;
    out.push({
      text: t,
      folded: fold(t),
      start,
      end: start + t.length,
      capitalized: /^\p{Lu}/u.test(t),
      possessive,
    });
  }
  return out;
}

/** True when only spaces separate a and b in text (no comma, no full stop). */
export function adjacent(text: string, a: Token, b: Token, possessiveEnds = true): boolean {
  if (possessiveEnds && a.possessive) return false;
  const gap = text.slice(a.end, b.start);
  return /^\s+$/.test(gap) && gap.length <= 2;
}

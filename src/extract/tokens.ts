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
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let t = m[0];
    const start = m.index;
    // A trailing full stop belongs to the sentence, except in abbreviations like "U.S.".
    if (t.charCodeAt(t.length - 1) === 46 /* . */ && !ABBREV.test(t)) t = t.replace(/\.+$/, '');
    const last = t[t.length - 1];
    if (last === '-' || last === "'" || last === '’') t = t.replace(/[-'’]+$/, '');
    let possessive = false;
    if (t.length > 2 && t[t.length - 1] === 's' && (t[t.length - 2] === '’' || t[t.length - 2] === "'")) {
      possessive = true;
      t = t.slice(0, -2);
    }
    if (!t) continue;
    const c = t.charCodeAt(0);
    const capitalized = c >= 65 && c <= 90 ? true : c < 128 ? false : UPPER.test(t[0]);
    out.push({ text: t, folded: fold(t), start, end: start + t.length, capitalized, possessive });
  }
  return out;
}

const ABBREV = /^(\p{Lu}\.)+$/u;
const UPPER = /^\p{Lu}/u;

/** True when only spaces separate a and b in text (no comma, no full stop). */
export function adjacent(text: string, a: Token, b: Token, possessiveEnds = true): boolean {
  if (possessiveEnds && a.possessive) return false;
  const gap = text.slice(a.end, b.start);
  return /^\s+$/.test(gap) && gap.length <= 2;
}

/**
 * Text folding shared by indexing and querying: whatever folds one side must fold the other,
 * or a diacritic or a curly quote silently breaks a match.
 */

const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ß: 'ss', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L',
  þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D', ı: 'i', ħ: 'h',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/** Curly quotes and apostrophes to straight ones, dashes to hyphens. */
export function straightenQuotes(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Lower case, no diacritics, straight quotes: "Østergård’s" -> "ostergard's". */
export function fold(s: string): string {
  // Plain ASCII (most words) needs only lower-casing; the full path normalises Unicode.
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase();
  return straightenQuotes(s)
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * A spelling-independent key for one name word, so transliterations meet:
 * Kowalenko / Kovalenko, Tschernow / Chernov, Aleksejew / Alekseyev / Alexeev, Yuri / Yury,
 * Oumarov / Umarov, Iaroslav / Yaroslav, Chevchenko / Shevchenko.
 * Deliberately coarse; callers use it to find candidates, not as proof of identity.
 */
const keyMemo = new Map<string, string>();

export function nameKey(word: string): string {
  const known = keyMemo.get(word);
  if (known !== undefined) return known;
  const key = computeNameKey(word);
  // Names repeat across thousands of articles; a bounded memo keeps this cheap.
  if (keyMemo.size > 100_000) keyMemo.clear();
  keyMemo.set(word, key);
  return key;
}

function computeNameKey(word: string): string {
  let s = fold(word).replace(/[^a-z]/g, '');
  if (!s) return '';
  s = s
    // French spellings of Slavic names: Oumierov, Iermak, Ioulia (u for ou, y for an opening i).
    // Russian zh is French j (Merezhko / Merejko, Zhukov / Joukov).
    .replace(/zh/g, 'j')
    .replace(/ou/g, 'u')
    .replace(/^i(?=[aeou])/, 'y')
    .replace(/tsch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/tch/g, 'ch')
    // French writes sh as ch (Chmyhal), German as sch, English as sh: one sound, one key.
    .replace(/ch/g, 'sh')
    .replace(/kh/g, 'h')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/j/g, 'y')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k');
  if (s.length > 3) s = s.replace(/[iy]+$/, '');
  s = s[0] + s.slice(1).replace(/y/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

/** Key for a whole name: the key of each word. */
export function fullNameKey(name: string): string {
  return name.split(/[\s-]+/).map(nameKey).filter(Boolean).join(' ');
}

/** Plain code-point order: the same on every machine and locale, and cheap enough to sort thousands. */
export function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether two name keys may be one name spelled two ways: equal, or (both of four letters or more,
 * with the same first letter) one letter added, dropped, changed or two swapped: Petrov / Pietrov,
 * Sergeev / Sergeyev after keying. Petrov / Pankov are not.
 */
export function similarKeys(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4 || a[0] !== b[0] || Math.abs(a.length - b.length) > 1) return false;
  return editDistanceAtMostOne(a, b);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length) return true;
  if (a.length === b.length) {
    // One change, or two neighbours swapped.
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.slice(i) === b.slice(i + 1);
}

/** A key and the keys one letter shorter: two similar keys share one of these (an index for similarKeys). */
export function keyNeighbourhood(key: string): string[] {
  const out = [key];
  if (key.length >= 4) for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

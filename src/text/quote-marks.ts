/**
 * Quotation marks of every style, made one: German „…“ and ‚…‘, French « … » and ‹…›, German
 * »…«, British ‘…’ with “…” inside, and straight '…' become English “…” with ‘…’ inside, each mark
 * replaced by one of the same length, so every offset into the text stays valid. Extraction reads
 * the canonical text to find quotations and slices the original for their words.
 */

const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (c: string | undefined) => c !== undefined && LETTER.test(c);
const isSpace = (c: string | undefined) => c === undefined || /[\s(\[{—–-]/.test(c);

function replaceAt(chars: string[], i: number, c: string): void {
  chars[i] = c;
}

/** The text with its quotation marks in one style, same length. */
export function canonicalQuotes(text: string): string {
  // “…," and "…”: a paragraph that mixes curly and straight double marks (copied text, an edit) pairs
  // each straight one by where it stands, so a curly one does not pair with a mark far off.
  if (text.includes('"') && /[“”]/.test(text)) text = curlyDoubles(text);
  if (!/[„‚«»‹›‘']/.test(text)) return text;
  const chars = [...text];
  // [...text] splits by code point; all marks are one code unit, but other characters may not be.
  if (chars.length !== text.length) return canonicalQuotesSlow(text);
  if (text.includes('„') || text.includes('‚')) {
    // German: „ opens and “ closes (or ” in Polish style); ‚ opens and ‘ closes inside.
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === '„') replaceAt(chars, i, '“');
      else if (c === '“') replaceAt(chars, i, '”');
      else if (c === '‚') replaceAt(chars, i, '‘');
      else if (c === '‘') replaceAt(chars, i, '’');
    }
    return chars.join('');
  }
  const firstGuillemet = text.search(/[«»]/);
  if (firstGuillemet >= 0) {
    // French « … » (German »…« when the first one points right).
    const [open, close] = text[firstGuillemet] === '«' ? ['«', '»'] : ['»', '«'];
    const [innerOpen, innerClose] = open === '«' ? ['‹', '›'] : ['›', '‹'];
    // English marks inside guillemets are the inner quotation (« … “paper bears” … »): made single,
    // so the outer pair still closes where it does.
    let depth = 0;
    let inner = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === open) {
        replaceAt(chars, i, '“');
        depth++;
      } else if (c === close) {
        replaceAt(chars, i, '”');
        depth = Math.max(0, depth - 1);
        inner = false;
      } else if (c === innerOpen) replaceAt(chars, i, '‘');
      else if (c === innerClose) replaceAt(chars, i, '’');
      else if (depth > 0 && (c === '“' || (c === '"' && !inner))) {
        replaceAt(chars, i, '‘');
        inner = true;
      } else if (depth > 0 && inner && (c === '”' || c === '"')) {
        replaceAt(chars, i, '’');
        inner = false;
      }
    }
    return chars.join('');
  }
  if (singleQuotesLead(text)) return britishToEnglish(chars);
  return text;
}

/** Straight double marks as curly ones: opening at a word's start, closing after a word or a stop. */
function curlyDoubles(text: string): string {
  return text.replace(/"/g, (_, i: number) => (isSpace(text[i - 1]) && !isSpace(text[i + 1]) ? '“' : '”'));
}

function canonicalQuotesSlow(text: string): string {
  // Rare: astral characters (emoji) in the paragraph. Work on code units, which keeps the length.
  const units = text.split('');
  return canonicalQuotes(units.map((u) => (/[\uD800-\uDFFF]/.test(u) ? 'x' : u)).join('')).split('').map((c, i) => (/[\uD800-\uDFFF]/.test(units[i]) ? units[i] : c)).join('');
}

/** An opening single mark: at a word's start, with a word after it. */
const opensSingle = (chars: string[], i: number, mark: string) => chars[i] === mark && isSpace(chars[i - 1]) && !isSpace(chars[i + 1]);
/** A closing single mark: after a word or punctuation, with no letter after it (not "don’t", "Russia’s"). */
const closesSingle = (chars: string[], i: number) => (chars[i] === '’' || chars[i] === "'") && !isSpace(chars[i - 1]) && !isLetter(chars[i + 1]);

/** Whether single marks are the paragraph's quotation marks: one opens before any double mark does. */
function singleQuotesLead(text: string): boolean {
  const chars = [...text];
  const firstDouble = text.search(/[“"]/);
  for (let i = 0; i < chars.length && (firstDouble < 0 || i < firstDouble); i++) {
    if (opensSingle(chars, i, '‘') || (opensSingle(chars, i, "'") && firstDouble < 0)) {
      // …and closes somewhere after.
      for (let k = i + 2; k < chars.length; k++) if (closesSingle(chars, k)) return true;
      // A quotation left open runs on into the next paragraph.
      return chars[i] === '‘';
    }
  }
  return false;
}

/** British style: ‘…’ outside, “…” inside, becomes “…” outside, ‘…’ inside. */
function britishToEnglish(chars: string[]): string {
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (depth === 0 && (opensSingle(chars, i, '‘') || opensSingle(chars, i, "'"))) {
      replaceAt(chars, i, '“');
      depth = 1;
    } else if (depth >= 1 && (c === '“' || (c === '"' && isSpace(chars[i - 1])))) {
      replaceAt(chars, i, '‘');
      depth = 2;
    } else if (depth === 2 && (c === '”' || c === '"')) {
      replaceAt(chars, i, '’');
      depth = 1;
    } else if (depth === 1 && closesSingle(chars, i)) {
      replaceAt(chars, i, '”');
      depth = 0;
    }
  }
  return chars.join('');
}

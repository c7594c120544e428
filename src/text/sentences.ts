/**
 * Sentence boundaries for news English. Abbreviations ("U.S.", "Mr.", "Gen.") and initials
 * ("J. Smith") do not end a sentence; a full stop inside a quotation does not end the
 * sentence that quotes it when the quote closes with a comma.
 */
export interface Sentence {
  text: string;
  /** Character offset in the paragraph. */
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st jr sr inc ltd co corp dept no vs etc approx est
  jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s u.k u.n e.u a.m p.m i.e e.g`.split(/\s+/),
);

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') inQuote = true;
    else if (c === '”') inQuote = false;
    else if (c === '"') inQuote = !inQuote;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Take any closing quotes/brackets that belong to this sentence.
    let j = i + 1;
    while (j < text.length && /["”’')\]]/.test(text[j])) {
      if (text[j] === '”' || text[j] === '"') inQuote = false;
      j++;
    }
    if (j < text.length && !/\s/.test(text[j])) continue;
    // Inside an open quote, a stop ends a sentence of the quote, not of the paragraph.
    if (inQuote) continue;
    let k = j;
    while (k < text.length && /\s/.test(text[k])) k++;
    const rest = text.slice(k, k + 12);
    if (rest && !/^[\p{Lu}\p{N}"“‘'(\[]/u.test(rest)) continue;
    if (c === '.') {
      // The word before the stop, scanned backwards (an end-anchored regex would rescan the sentence).
      let b = i;
      while (b > start && /[\p{L}.]/u.test(text[b - 1])) b--;
      const before = text.slice(b, i);
      const lower = before.toLowerCase();
      // "No. 2" is a number; "shaking his head no." ends a sentence.
      if (ABBREVIATIONS.has(lower) && !(lower === 'no' && !/^\d/.test(rest))) {
        // "U.S." ends a sentence only when what follows cannot continue it; we cannot tell, so
        // we keep going unless the next word is a typical sentence opener.
        if (!/^(The|A|An|In|On|At|But|And|He|She|They|It|This|That|We|I)\b/.test(rest)) continue;
      }
      if (/^\p{Lu}$/u.test(before)) continue; // an initial
    }
    out.push({ text: text.slice(start, j).trim(), start, end: j });
    start = j;
    while (start < text.length && /\s/.test(text[start])) start++;
    i = start - 1;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ text: text.slice(start).trim(), start, end: text.length });
  return out;
}

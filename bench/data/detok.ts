/** Joins tokenized text (CoNLL-style) back into ordinary prose, so extraction reads it as a reader would. */
export function detokenize(tokens: string[]): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let quoteOpen = false;
  let glueNext = false;
  for (const t of tokens) {
    let glue = glueNext;
    glueNext = false;
    if (/^[.,;:!?%)\]}]$/.test(t) || /^'(s|re|ve|d|ll|m)?$/i.test(t) || /^n't$/i.test(t) || t === '...') glue = true;
    if (t === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    if (t === '(' || t === '[' || t === '$') glueNext = true;
    if (text && !glue) text += ' ';
    offsets.push(text.length);
    text += t;
  }
  return { text, offsets };
}

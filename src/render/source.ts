/**
 * A source described rather than named ("a senior official", "officials in Kyiv", "one of the
 * officials briefing reporters"), as opposed to a body named as such ("the Kremlin", "TASS"): the
 * former is shown as "not named", so a channel never reads it as a person's words.
 */
export function isUnnamedSource(source: string | null | undefined): boolean {
  if (!source) return false;
  if (/^(?:a|an|one|two|three|several|some|many|other|senior|unnamed|anonymous)\b/i.test(source)) return true;
  // "officials in Kyiv", "the officials": described; "the Kremlin", "TASS": named bodies.
  return /^\p{Ll}/u.test(source) && !/^the\s+\p{Lu}/u.test(source);
}

/**
 * Where a paragraph's dateline ends ("LISBON, Feb 18 (Wire) —", "OSLO/HELSINKI —"): the city it was
 * filed from and the agency are no part of what it reports (no actor of an event, no words of a
 * statement). 0 when there is none.
 */
export function datelineEnd(text: string): number {
  const m = /^\s*\p{Lu}[\p{Lu}\s.'’\/-]+(?:,\s*[\p{L}\s.]+?)?(?:,\s*[\p{L}]+\.?\s*\d{1,2})?\s*(?:\([^)]*\)\s*)?[—–-]\s/u.exec(text);
  return m && /\p{Lu}{2}/u.test(m[0]) ? m[0].length : 0;
}

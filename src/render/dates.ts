import type { EventDate } from '../extract/types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Parts {
  y: string;
  m: string | null;
  d: number | null;
}
const parts = (value: string): Parts => ({ y: value.slice(0, 4), m: value.length >= 7 ? MONTHS[+value.slice(5, 7) - 1] : null, d: value.length >= 10 ? +value.slice(8, 10) : null });

function one(p: Parts): string {
  return [p.d, p.m, p.y].filter((x) => x != null).join(' ');
}

/**
 * An event date as precise as it is known, never more: "19–21 Dec 2025", "30 Nov – 2 Dec 2025",
 * "Dec 2025", "2022". A date taken from the publication date says so ("reported 5 Dec 2025"): the
 * text gave no day of its own.
 */
export function formatEventDate(date: EventDate | null): string | null {
  if (!date) return null;
  const a = parts(date.value);
  let out = one(a);
  if (date.end && date.end.value !== date.value) {
    const b = parts(date.end.value);
    if (a.y === b.y && a.m === b.m && a.d != null && b.d != null) out = `${a.d}–${one(b)}`;
    else if (a.y === b.y && a.d != null && b.d != null) out = `${a.d} ${a.m} – ${one(b)}`;
    else if (a.y === b.y && a.m && b.m && a.d == null) out = `${a.m}–${b.m} ${a.y}`;
    else out = `${one(a)} – ${one(b)}`;
  }
  return date.source === 'published' ? `reported ${out}` : out;
}

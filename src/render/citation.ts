import { cutAt } from './discord-limits.ts';
import type { Citation } from '../knowledge/types.ts';

/** "Geneva talks · The President’s Optimism · ¶8 · 2025-12-01" */
export function formatCitation(c: Citation, opts: { title?: boolean; date?: boolean } = {}): string {
  const parts: string[] = [];
  if (opts.title !== false) parts.push(c.title);
  if (c.section) parts.push(c.section);
  parts.push(`¶${c.paragraph}`);
  if (opts.date !== false && c.published) parts.push(c.published.slice(0, 10));
  return parts.join(' · ');
}

/** Shorten at a word boundary, never mid-word, with an ellipsis. */
export function trimText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = cutAt(s, Math.max(1, max - 1));
  const at = cut.search(/\s\S*$/);
  const base = at > max * 0.5 ? cut.slice(0, at) : cut;
  return `${base.replace(/[\s,;:–—-]+$/, '')}…`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-07-17" -> "17 Jul 2025", "2025-07" -> "Jul 2025", "2025" -> "2025": as precise as it is known. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  if (!m[2]) return m[1];
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** "formerly defence minister, until 17 Jul 2025" / "also head of the delegation": a role of someone's history. */
export function earlierRoleLine(r: { role: string; until: string | null; ended?: boolean }): string {
  if (r.ended === false) return `also ${r.role}`;
  return `formerly ${r.role.replace(/^former\s+/i, '')}${r.until ? `, until ${formatDay(r.until)}` : ''}`;
}

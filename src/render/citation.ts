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

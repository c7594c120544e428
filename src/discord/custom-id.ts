import type { CommandName } from '../answers/types.ts';
import { LIMITS } from '../render/discord-limits.ts';

/**
 * Button state travels in custom_id, so paging works without server-side sessions and after a
 * restart. `ks1|page|<command>|<page>|<owner or ->|<query>` where query is the command's options;
 * `ks1|full|<article>|<paragraph>` shows one whole paragraph.
 */
export type ButtonState =
  | { kind: 'page'; command: CommandName; page: number; owner: string | null; query: PageQuery }
  | { kind: 'full'; article: string; paragraph: number }
  /** Confirm an /add: `ks1|add|<owner>|<r or ->|<url>`; the url is `@` when it is read from the footer. */
  | { kind: 'add'; owner: string; replace: boolean; source: string }
  /** Confirm a /remove: `ks1|rm|<owner>|<article id or @>`. */
  | { kind: 'remove'; owner: string; article: string }
  /** Cancel an /add or /remove: `ks1|no|<owner>`. */
  | { kind: 'cancel'; owner: string };

/** The options a pageable answer was asked with. */
export interface PageQuery {
  q: string;
  speaker?: string;
  words?: string;
}

const SEP = '|';
const FIELD_SEP = '\u001f'; // never in cleaned queries (control characters are stripped)
const clean = (s: string) => s.replaceAll(SEP, ' ').replaceAll(FIELD_SEP, ' ');

export function encodeQuery(q: PageQuery): string {
  if (q.speaker == null && q.words == null) return clean(q.q);
  return [clean(q.q), clean(q.speaker ?? ''), clean(q.words ?? '')].join(FIELD_SEP);
}

function decodeQuery(s: string): PageQuery {
  if (!s.includes(FIELD_SEP)) return { q: s };
  const [q, speaker, words] = s.split(FIELD_SEP);
  return { q, speaker: speaker || undefined, words: words || undefined };
}

/** A page button's custom_id, or null when the query is too long to carry (the caller then offers no paging). */
export function pageId(command: CommandName, page: number, owner: string | null, query: PageQuery): string | null {
  const id = ['ks1', 'page', command, String(page), owner ?? '-', encodeQuery(query)].join(SEP);
  return id.length <= LIMITS.customId ? id : null;
}

export function fullId(article: string, paragraph: number): string | null {
  const id = ['ks1', 'full', article, String(paragraph)].join(SEP);
  return id.length <= LIMITS.customId ? id : null;
}

/** The custom_id of an /add confirmation; a source too long to carry is `@` (the footer has it). */
export function addId(owner: string, replace: boolean, source: string): string {
  const id = ['ks1', 'add', owner, replace ? 'r' : '-', source].join(SEP);
  return id.length <= LIMITS.customId && !source.includes(SEP) ? id : ['ks1', 'add', owner, replace ? 'r' : '-', '@'].join(SEP);
}

export function removeId(owner: string, article: string): string {
  const id = ['ks1', 'rm', owner, article].join(SEP);
  return id.length <= LIMITS.customId ? id : ['ks1', 'rm', owner, '@'].join(SEP);
}

export function cancelId(owner: string): string {
  return ['ks1', 'no', owner].join(SEP);
}

export function decodeId(id: string): ButtonState | null {
  const parts = id.split(SEP);
  if (parts[0] !== 'ks1') return null;
  if (parts[1] === 'add' && parts.length === 5 && parts[2]) return { kind: 'add', owner: parts[2], replace: parts[3] === 'r', source: parts[4] };
  if (parts[1] === 'rm' && parts.length === 4 && parts[2] && parts[3]) return { kind: 'remove', owner: parts[2], article: parts[3] };
  if (parts[1] === 'no' && parts.length === 3 && parts[2]) return { kind: 'cancel', owner: parts[2] };
  if (parts[1] === 'page' && parts.length >= 6) {
    const page = Number(parts[3]);
    if (!Number.isInteger(page) || page < 0) return null;
    return { kind: 'page', command: parts[2] as CommandName, page, owner: parts[4] === '-' ? null : parts[4], query: decodeQuery(parts.slice(5).join(SEP)) };
  }
  if (parts[1] === 'full' && parts.length === 4) {
    const n = Number(parts[3]);
    return Number.isInteger(n) && n > 0 ? { kind: 'full', article: parts[2], paragraph: n } : null;
  }
  return null;
}

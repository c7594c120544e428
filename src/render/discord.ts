import { isUnnamedSource } from './source.ts';
import type { Answer, Result } from '../answers/types.ts';
import type { Citation } from '../knowledge/types.ts';
import { earlierRoleLine, trimText } from './citation.ts';
import { formatEventDate } from './dates.ts';
import { LIMITS, cap } from './discord-limits.ts';
import { fullId, pageId, type PageQuery } from '../discord/custom-id.ts';

/**
 * Answer -> Discord message payload (plain API JSON). Knows the platform's limits and nothing of
 * search: every payload it returns fits, whatever the answer holds.
 */
export interface DiscordPayload {
  content?: string;
  embeds: Embed[];
  components: Row[];
  allowed_mentions: { parse: [] };
}

export interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

export interface Button {
  type: 2;
  style: 1 | 2 | 3 | 4;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface Row {
  type: 1;
  components: Button[];
}

export const PAGE_SIZE = 5;
const PASSAGE_MAX = 700;
const COLORS = { answer: 0x2b6cb0, miss: 0x718096, brief: 0x2f855a, error: 0xc53030 };

/** Mentions made inert (a zero-width space breaks them); for titles and footers, which show markdown as typed. */
export function inert(s: string): string {
  return s.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}

/**
 * Text from articles or users, made inert: no formatting, no links, no pings. Every Markdown marker
 * is escaped one by one (discord.js escapeMarkdown misses runs like `_____` and leaves links, quotes
 * and lists alone), and so is whatever starts a line as a quote, heading, subtext or list item.
 * Two linear passes (escapeMarkdown's look-behinds rescan the string from every position: quadratic).
 */
export function safe(s: string): string {
  return inert(s.replace(/[\\*_~|`[\]]/g, '\\$&').replace(/^([ \t]*)(>|#|-|\+|\d+\.)/gm, (_m, sp: string, mark: string) => `${sp}${mark.replace(/[>#\-+.]/, '\\$&')}`));
}

export function citationLine(c: Citation): string {
  const title = safe(c.title);
  const link = c.url ? `[${title}](${c.url})` : title;
  return ['— ' + link, c.section ? safe(c.section) : null, `¶${c.paragraph}`, c.published?.slice(0, 10) ?? null].filter(Boolean).join(' · ');
}

function passage(r: Result, index: number, max: number, showPerson: boolean): { text: string; trimmed: boolean } {
  const head = `**${index}.** `;
  let lead = '';
  let body = r.text;
  if (r.quote) {
    lead = `**${safe(r.quote.speaker ?? 'Speaker not named')}**${isUnnamedSource(r.quote.source) ? ' (source not named)' : ''}${r.quote.cue ? ` (${safe(r.quote.cue)})` : ''}${r.quote.kind === 'reported' ? ', reported' : ''}:\n`;
    body = r.quote.kind === 'direct' ? `“${r.quote.text}”` : r.quote.text;
  } else if (r.event) {
    const when = formatEventDate(r.event.date);
    lead = `**${r.event.kind}**${r.event.background ? ' (background)' : ''}${when ? ` · ${safe(when)}` : ''}${r.event.place ? ` · ${safe(r.event.place)}` : ''}\n`;
  } else if (r.article) {
    const a = r.article;
    const title = a.url ? `[${safe(a.title)}](${a.url})` : safe(a.title);
    return { text: `${head}${title}\n${[a.published ?? 'date unknown', a.source ? safe(a.source) : 'source unknown', `${a.paragraphs} paragraphs`].join(' · ')}`, trimmed: false };
  } else if (r.person && showPerson) {
    lead = `**${safe(r.person.name)}**${r.person.role ? ` — ${safe(r.person.role)}` : ''}\n`;
  }
  const short = trimText(body, max);
  return { text: `${head}${lead}${safe(short)}\n${citationLine(r.citation)}`, trimmed: short !== body || (!!r.paragraph && r.paragraph !== r.text) };
}

function personFields(r: Result): Embed['fields'] {
  const p = r.person!;
  const fields = [];
  if (p.role) fields.push({ name: 'Role', value: cap(safe(p.role), LIMITS.fieldValue), inline: true });
  if (p.affiliation) fields.push({ name: 'Affiliation', value: cap(safe(p.affiliation), LIMITS.fieldValue), inline: true });
  if (p.aliases.length) fields.push({ name: 'Other names', value: cap(safe(p.aliases.join(', ')), LIMITS.fieldValue), inline: true });
  const earlier = p.roles.filter((x) => !x.current);
  if (earlier.length) fields.push({ name: 'Earlier roles', value: cap(earlier.map((x) => `${safe(cap(earlierRoleLine(x), 200))} · ${safe(cap(x.citation.title, 60))} ¶${x.citation.paragraph}`).join('\n'), LIMITS.fieldValue), inline: false });
  return fields;
}

export interface RenderOptions {
  page: number;
  /** Who may page an ephemeral answer; null for a public one. */
  owner: string | null;
  query: PageQuery;
  pageSize?: number;
}

/** A "nothing found" or error reply: helpful, short, no buttons. */
export function missPayload(a: Answer): DiscordPayload {
  const lines = [safe(a.message ?? 'Nothing found.')];
  if (a.suggestions?.length) lines.push(`Did you mean: ${a.suggestions.map((s) => `**${safe(s)}**`).join(', ')}?`);
  return { embeds: [{ description: cap(lines.join('\n'), LIMITS.description), color: COLORS.miss }], components: [], allowed_mentions: { parse: [] } };
}

export function messagePayload(text: string, color: keyof typeof COLORS = 'error'): DiscordPayload {
  return { embeds: [{ description: cap(safe(text), LIMITS.description), color: COLORS[color] }], components: [], allowed_mentions: { parse: [] } };
}

export function helpPayload(a: Answer): DiscordPayload {
  return {
    embeds: [{
      title: 'Keystone',
      description: cap(safe(a.title ?? ''), LIMITS.description),
      color: COLORS.answer,
      fields: (a.help ?? []).slice(0, LIMITS.fields).map((h) => ({ name: cap(`/${h.usage}`, LIMITS.fieldName), value: cap(safe(h.description), LIMITS.fieldValue) })),
      footer: { text: 'Every answer is cited: article · section · ¶paragraph. Add private: True to see an answer only yourself.' },
    }],
    components: [],
    allowed_mentions: { parse: [] },
  };
}

/** Lines for one brief section, as many as fit a field. */
function sectionValue(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    const next = out ? `${out}\n${l}` : l;
    if (next.length > LIMITS.fieldValue) break;
    out = next;
  }
  return out || cap(lines[0] ?? '—', LIMITS.fieldValue);
}

const short = (c: Citation) => `¶${c.paragraph}${c.section ? ` (${safe(cap(c.section, 40))})` : ''}`;

export function briefPayload(a: Answer): DiscordPayload {
  const b = a.brief;
  if (!b || !b.headline) return missPayload(a);
  const fields: NonNullable<Embed['fields']> = [];
  fields.push({ name: 'Who is involved', value: sectionValue(b.people.map((r) => `**${safe(r.person!.name)}**${r.person!.role ? ` — ${safe(cap(r.person!.role, 80))}` : ''} · ${short(r.citation)}`)) });
  if (b.quotes.length) fields.push({ name: 'What was said', value: sectionValue(b.quotes.map((r) => `**${safe(r.quote!.speaker ?? '?')}**: “${safe(trimText(r.quote!.text, 200))}” · ${short(r.citation)}`)) });
  if (b.events.length) fields.push({ name: 'What happened', value: sectionValue(b.events.map((r) => `**${r.event!.kind}**${r.event!.date ? ` ${formatEventDate(r.event!.date)}` : ''}: ${safe(trimText(r.text, 160))} · ${short(r.citation)}`)) });
  fields.push({ name: 'Sources', value: sectionValue(b.sources.map((r) => `${r.article!.url ? `[${safe(r.article!.title)}](${r.article!.url})` : safe(r.article!.title)}${r.article!.published ? ` · ${r.article!.published}` : ''}`)) });
  const embed: Embed = {
    title: cap(safe(a.title ?? 'Briefing'), LIMITS.title),
    description: `${safe(b.headline.text)}\n${citationLine(b.headline.citation)}`,
    color: COLORS.brief,
    fields,
    footer: { text: `Keystone briefing · ${b.sources.length} source${b.sources.length === 1 ? '' : 's'}` },
  };
  return fit({ embeds: [embed], components: [], allowed_mentions: { parse: [] } });
}

/** `/who “query” · page 2/5`: also where paging reads back a query too long for a custom_id. */
function pageFooter(command: string, query: string, page: number, pages: number): string {
  return `/${command}${query ? inert(` “${query}”`) : ''} · page ${page + 1}/${pages}`;
}

/** The query a page footer carries, or null. */
export function queryFromFooter(footer: string): string | null {
  return /^\/\S+ “(.*)” · page \d+\/\d+/s.exec(footer)?.[1] ?? null;
}

/** One page of an answer with Previous/Next and "full paragraph" buttons. */
export function answerPayload(a: Answer, opts: RenderOptions): DiscordPayload {
  if (a.help) return helpPayload(a);
  if (a.brief) return briefPayload(a);
  if (a.results.length === 0) return missPayload(a);
  const size = opts.pageSize ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(a.results.length / size));
  const page = Math.min(Math.max(0, opts.page), pages - 1);
  const slice = a.results.slice(page * size, page * size + size);
  const single = a.command === 'who' && a.results.every((r) => r.person && r.person.id === a.results[0].person?.id);

  const fields = single ? personFields(a.results[0]) : undefined;
  const budget = Math.min(PASSAGE_MAX, Math.floor((LIMITS.description - 200) / slice.length) - 150);
  const blocks = slice.map((r, i) => passage(r, page * size + i + 1, Math.max(120, budget), !single));
  const title = single ? `${a.results[0].person!.name}${a.results[0].person!.role ? ` — ${a.results[0].person!.role}` : ''}` : a.title ?? `${a.command} ${a.query}`;
  const embed: Embed = {
    // Embed titles show Markdown, and they echo the query: escaped like any text.
    title: cap(safe(title.replace(/\s+/g, ' ')), LIMITS.title),
    description: blocks.map((b) => b.text).join('\n\n'),
    color: COLORS.answer,
    fields,
    footer: { text: `${pageFooter(a.command, a.query, page, pages)} · ${a.results.length} result${a.results.length === 1 ? '' : 's'}${a.total > a.results.length ? ` of ${a.total}` : ''}` },
  };
  if (a.message) embed.description = `${safe(a.message)}\n\n${embed.description}`;

  const rows: Row[] = [];
  if (pages > 1) {
    const prev = pageId(a.command, page - 1, opts.owner, opts.query) ?? pageId(a.command, page - 1, opts.owner, { q: '@' });
    const next = pageId(a.command, page + 1, opts.owner, opts.query) ?? pageId(a.command, page + 1, opts.owner, { q: '@' });
    if (prev && next) {
      rows.push({ type: 1, components: [
        { type: 2, style: 2, label: '◀ Previous', custom_id: prev, disabled: page === 0 },
        { type: 2, style: 2, label: `${page + 1} / ${pages}`, custom_id: 'ks1|noop', disabled: true },
        { type: 2, style: 1, label: 'Next ▶', custom_id: next, disabled: page >= pages - 1 },
      ] });
    }
  }
  const fullButtons = blocks
    .map((b, i) => (b.trimmed ? { b, r: slice[i], n: page * size + i + 1 } : null))
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .map(({ r, n }) => {
      const id = fullId(r.citation.article, r.citation.paragraph);
      return id ? ({ type: 2, style: 2, label: `Show full paragraph ${n} (¶${r.citation.paragraph})`, custom_id: id } as Button) : null;
    })
    .filter((x): x is Button => x !== null && x.custom_id.length <= LIMITS.customId);
  // Two results citing one paragraph need one button, and custom_ids must be unique.
  const seen = new Set<string>();
  const unique = fullButtons.filter((b) => {
    if (seen.has(b.custom_id)) return false;
    seen.add(b.custom_id);
    return true;
  });
  if (unique.length) rows.push({ type: 1, components: unique.slice(0, LIMITS.buttonsPerRow) });
  return fit({ embeds: [embed], components: rows, allowed_mentions: { parse: [] } });
}

/** The last line of defence: whatever was built, cut it down until it fits every limit. */
export function fit(p: DiscordPayload): DiscordPayload {
  for (const e of p.embeds) {
    if (e.title) e.title = cap(e.title, LIMITS.title);
    if (e.description) e.description = cap(e.description, LIMITS.description);
    if (e.footer) e.footer.text = cap(e.footer.text, LIMITS.footer);
    if (e.fields) e.fields = e.fields.slice(0, LIMITS.fields).map((f) => ({ ...f, name: cap(f.name, LIMITS.fieldName) || '—', value: cap(f.value, LIMITS.fieldValue) || '—' }));
  }
  const size = () => p.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0), 0);
  while (size() > LIMITS.embedTotal) {
    const e = p.embeds[p.embeds.length - 1];
    if (e.fields?.length) e.fields.pop();
    else if (e.description && e.description.length > 100) e.description = cap(e.description, e.description.length - (size() - LIMITS.embedTotal) - 1);
    else p.embeds.pop();
  }
  if (p.content) p.content = cap(p.content, LIMITS.content);
  p.embeds = p.embeds.slice(0, LIMITS.embeds);
  p.components = p.components.slice(0, LIMITS.rows).map((r) => ({ ...r, components: r.components.slice(0, LIMITS.buttonsPerRow).map((b) => ({ ...b, label: cap(b.label, LIMITS.label) })) }));
  return p;
}

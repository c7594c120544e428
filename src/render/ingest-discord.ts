import type { Preview } from '../ingest/preview.ts';
import { eventLine, personLine, quoteLine } from '../ingest/preview.ts';
import type { DiscordPayload, Embed, Row } from './discord.ts';
import { fit, inert, safe } from './discord.ts';
import { LIMITS, cap } from './discord-limits.ts';

const COLORS = { preview: 0xb7791f, done: 0x2f855a, off: 0x718096 };

function listValue(count: number, lines: string[]): string {
  if (count === 0) return 'none found';
  const more = count > lines.length ? `\n… and ${count - lines.length} more` : '';
  return cap(lines.map((l) => `• ${safe(l)}`).join('\n'), LIMITS.fieldValue - more.length) + more;
}

/** An article's preview with Confirm / Cancel, before it goes live. `footer` carries the source (buttons may read it back). */
export function previewPayload(p: Preview, ids: { confirm: string; cancel: string }, footer: string): DiscordPayload {
  const facts = [`${p.paragraphs} paragraph(s), ${p.sections} section heading(s), ${p.words} words`, `id \`${p.id}\``];
  if (p.replaces) facts.push(`replaces \`${p.replaces.id}\``);
  const embed: Embed = {
    title: cap(inert(p.title), LIMITS.title),
    ...(p.url ? { url: p.url } : {}),
    description: `${safe(cap(p.firstParagraph, 600))}\n\n${facts.join(' · ')}`,
    color: COLORS.preview,
    fields: [
      { name: 'Published', value: p.published ?? 'not known', inline: true },
      { name: 'Source', value: cap(safe(p.source ?? 'not known'), 200), inline: true },
      { name: `People (${p.people.count})`, value: listValue(p.people.count, p.people.first.map(personLine)) },
      { name: `Quotes (${p.quotes.count})`, value: listValue(p.quotes.count, p.quotes.first.map((q) => quoteLine(q, 160))) },
      { name: `Events (${p.events.count})`, value: listValue(p.events.count, p.events.first.map((e) => eventLine(e, 160))) },
    ],
    footer: { text: cap(footer, LIMITS.footer) },
  };
  const row: Row = {
    type: 1,
    components: [
      { type: 2, style: 3, label: p.replaces ? 'Confirm: replace it' : 'Confirm: add it', custom_id: ids.confirm },
      { type: 2, style: 2, label: 'Cancel', custom_id: ids.cancel },
    ],
  };
  return fit({ content: 'Check what Keystone found, then confirm.', embeds: [embed], components: [row], allowed_mentions: { parse: [] } });
}

/** A question with Confirm / Cancel (removing an article). */
export function confirmPayload(title: string, text: string, ids: { confirm: string; cancel: string; label: string }, footer: string): DiscordPayload {
  return fit({
    embeds: [{ title: cap(inert(title), LIMITS.title), description: text, color: COLORS.preview, footer: { text: cap(footer, LIMITS.footer) } }],
    components: [{ type: 1, components: [{ type: 2, style: 4, label: ids.label, custom_id: ids.confirm }, { type: 2, style: 2, label: 'Cancel', custom_id: ids.cancel }] }],
    allowed_mentions: { parse: [] },
  });
}

/** The end of a confirmation: what was done (or not), buttons gone. */
export function outcomePayload(text: string, done: boolean): DiscordPayload {
  return fit({ content: '', embeds: [{ description: cap(text, LIMITS.description), color: done ? COLORS.done : COLORS.off }], components: [], allowed_mentions: { parse: [] } });
}

import { isUnnamedSource } from './source.ts';
import type { Answer, Result } from '../answers/types.ts';
import { earlierRoleLine, formatCitation } from './citation.ts';
import { formatEventDate } from './dates.ts';

/** Terminal rendering: plain text, wrapped for reading, every passage followed by its citation. */

const WIDTH = 100;

function wrap(text: string, indent: string, width = WIDTH): string {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if (line && line.length + 1 + w.length > width - indent.length) {
      out.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(indent + line);
  return out.join('\n');
}

function personLine(r: Result): string | null {
  const p = r.person;
  if (!p) return null;
  const bits = [p.role, p.affiliation && !(p.role ?? '').includes(p.affiliation) ? p.affiliation : null].filter(Boolean);
  const aka = p.aliases.length ? ` (also: ${p.aliases.join(', ')})` : '';
  return `${p.name}${bits.length ? ` — ${bits.join(', ')}` : ''}${aka}`;
}

function renderResult(r: Result, i: number, showPerson: boolean): string {
  const lines: string[] = [];
  const head = `[${i + 1}] `;
  if (showPerson && r.person) lines.push(`${head}${personLine(r)}`);
  if (r.quote) {
    const who = r.quote.speaker ? `${r.quote.speaker}${isUnnamedSource(r.quote.source) ? ' (not named)' : ''}` : 'speaker not named';
    const mark = r.quote.kind === 'direct' ? `“${r.quote.text}”` : r.quote.text;
    lines.push(`${lines.length ? '    ' : head}${who}${r.quote.cue ? ` (${r.quote.cue})` : ''}${r.quote.kind === 'reported' ? ', reported' : ''}:`);
    lines.push(wrap(mark, '    '));
  } else if (r.event) {
    const when = formatEventDate(r.event.date);
    lines.push(`${head}${r.event.kind}${r.event.background ? ' (background)' : ''}${when ? ` · ${when}` : ''}${r.event.place ? ` · ${r.event.place}` : ''}${r.event.actors.length ? ` · ${r.event.actors.join(', ')}` : ''}`);
    lines.push(wrap(r.text, '    '));
  } else if (r.article) {
    const a = r.article;
    lines.push(`${head}${a.title}`);
    lines.push(`    ${[a.published ?? 'date unknown', a.source ?? 'source unknown', `${a.paragraphs} paragraphs`, a.id].join(' · ')}${a.url ? `\n    ${a.url}` : ''}`);
    return lines.join('\n');
  } else {
    lines.push(wrap(r.text, '    ').replace(/^ {4}/, lines.length ? '    ' : head));
  }
  lines.push(`    — ${formatCitation(r.citation)}`);
  for (const c of r.event?.alsoReported ?? []) lines.push(`    — also ${formatCitation(c)}`);
  for (const c of r.event?.recalledIn ?? []) lines.push(`    — also named in ${formatCitation(c)}`);
  return lines.join('\n');
}

export function renderText(a: Answer): string {
  const out: string[] = [];
  if (a.help) {
    out.push(a.title ?? '');
    out.push('');
    for (const h of a.help) out.push(`  /${h.usage.padEnd(26)} ${h.description}`);
    out.push('');
    out.push('  Options on the command line: --json, --limit N, --knowledge DIR.');
    return out.join('\n');
  }
  if (a.brief) {
    const b = a.brief;
    out.push(a.title ?? 'Briefing');
    if (a.message) out.push(a.message);
    if (b.headline) out.push('', 'Key development', wrap(b.headline.text, '  '), `  — ${formatCitation(b.headline.citation)}`);
    const section = (name: string, rs: Result[], person = false) => {
      if (!rs.length) return;
      out.push('', name);
      rs.forEach((r, i) => out.push(renderResult(r, i, person)));
    };
    section('Who is involved', b.people, true);
    section('What was said', b.quotes);
    section('What happened', b.events);
    section('Sources', b.sources);
    return out.join('\n');
  }
  if (a.title) out.push(a.title);
  if (a.results.length === 0) {
    out.push(a.message ?? 'Nothing found.');
    if (a.suggestions?.length) out.push(`Did you mean: ${a.suggestions.join(', ')}?`);
    return out.join('\n');
  }
  // A person answer states who they are once, at the top, instead of on every passage.
  const single = a.command === 'who' && a.results.every((r) => r.person?.id === a.results[0].person?.id);
  if (single && a.results[0].person) {
    out.length = 0;
    out.push(personLine(a.results[0])!);
    // Roles over time: what they were before, each with the passage that says it.
    for (const r of a.results[0].person.roles.filter((x) => !x.current)) out.push(`  ${earlierRoleLine(r)} — ${formatCitation(r.citation, { title: true })}`);
  }
  if (a.message) out.push(a.message);
  out.push('');
  a.results.forEach((r, i) => out.push(renderResult(r, i, !single), ''));
  if (a.total > a.results.length) out.push(`${a.total - a.results.length} more; use --limit to see more.`);
  return out.join('\n').trimEnd();
}

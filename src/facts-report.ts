import type { KnowledgeBase } from './knowledge/base.ts';
import { citationOf, type Citation } from './knowledge/types.ts';
import { joinNames } from './answers/views.ts';
import { formatCitation } from './render/citation.ts';

/** What extraction learned, article by article: how an editor checks a new article, and how we measure. */
export interface FactsReport {
  articles: {
    id: string;
    title: string;
    people: { name: string; role: string | null; affiliation: string | null; aliases: string[]; paragraphs: number[] }[];
    quotes: { text: string; speaker: string | null; speakers: string[]; source: string | null; cue: string | null; kind: string; citation: Citation }[];
    events: { kind: string; summary: string; actors: string[]; place: string | null; when: string | null; date: string | null; precision: string | null; end: string | null; dateSource: string | null; background: boolean; citation: Citation }[];
  }[];
  problems: string[];
}

export function factsReport(kb: KnowledgeBase): FactsReport {
  return {
    problems: kb.problems.map((p) => `${p.file}${p.line != null ? ` line ${p.line}` : ''}: ${p.message}`),
    articles: kb.articles.map((a) => {
      const inArticle = (pid: number) => kb.paragraphs[pid].article === a.id;
      const cite = (pid: number) => citationOf(a, kb.paragraphs[pid]);
      return {
        id: a.id,
        title: a.title,
        people: kb.people
          .filter((p) => p.paragraphs.some(inArticle))
          .map((p) => ({ name: p.name, role: p.role, affiliation: p.affiliation, aliases: p.aliases, paragraphs: p.paragraphs.filter(inArticle).map((pid) => kb.paragraphs[pid].n) })),
        quotes: kb.quotes.filter((q) => inArticle(q.paragraph)).map((q) => {
          const speakers = kb.speakerNames(q);
          const source = speakers.length ? null : q.source ?? null;
          return { text: q.text, speaker: joinNames(speakers) ?? source, speakers, source, cue: q.cue, kind: q.kind, citation: cite(q.paragraph) };
        }),
        events: kb.events.filter((e) => inArticle(e.paragraph)).map((e) => ({
          kind: e.kind, summary: e.summary, actors: kb.actorNames(e), place: e.place, when: e.when, date: e.date?.value ?? null, precision: e.date?.precision ?? null, end: e.date?.end?.value ?? null,
          dateSource: e.date?.source ?? null, background: e.background, citation: cite(e.paragraph),
        })),
      };
    }),
  };
}

export function renderFacts(r: FactsReport): string {
  const out: string[] = [];
  for (const p of r.problems) out.push(`! ${p}`);
  for (const a of r.articles) {
    out.push(`# ${a.title} (${a.id})`, '', `People (${a.people.length})`);
    for (const p of a.people) out.push(`  - ${p.name}${p.role ? ` — ${p.role}` : ''}${p.affiliation ? ` [${p.affiliation}]` : ''}${p.aliases.length ? ` (also: ${p.aliases.join(', ')})` : ''} ¶${p.paragraphs.join(',')}`);
    out.push('', `Quotes (${a.quotes.length})`);
    for (const q of a.quotes) out.push(`  - ${q.kind === 'direct' ? `“${q.text}”` : q.text} — ${q.speaker ?? 'speaker unknown'}${q.cue ? ` (${q.cue})` : ''}, ${q.kind} · ${formatCitation(q.citation, { title: false })}`);
    out.push('', `Events (${a.events.length})`);
    for (const e of a.events) out.push(`  - [${e.kind}${e.date ? ` ${e.date}${e.end ? `–${e.end}` : ''}${e.dateSource === 'published' ? ' (published)' : ''}` : ''}${e.background ? ' background' : ''}] ${e.summary}${e.actors.length ? ` {${e.actors.join(', ')}}` : ''} · ${formatCitation(e.citation, { title: false })}`);
    out.push('');
  }
  return out.join('\n');
}

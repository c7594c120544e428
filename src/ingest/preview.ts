import type { Article } from '../knowledge/types.ts';
import { factsPreview, type FactsPreview } from './preview-facts.ts';

/** What a person checks before an article goes live. Plain data: the CLI, JSON and Discord render it. */
export interface Preview {
  id: string;
  file: string;
  title: string;
  published: string | null;
  source: string | null;
  url: string | null;
  paragraphs: number;
  sections: number;
  words: number;
  firstParagraph: string;
  people: { count: number; first: FactsPreview['people'] };
  quotes: { count: number; first: FactsPreview['quotes'] };
  events: { count: number; first: FactsPreview['events'] };
  /** The article this one replaces (--replace). */
  replaces: { id: string; title: string } | null;
}

/** How many of each kind of fact a preview lists. */
export const PREVIEW_FIRST = { people: 6, quotes: 3, events: 3 };

export function buildPreview(article: Article, file: string, replaces: Article | null): Preview {
  const facts = factsPreview(article);
  return {
    id: article.id,
    file,
    title: article.title,
    published: article.published,
    source: article.source,
    url: article.url,
    paragraphs: article.paragraphs.length,
    sections: article.sections.length,
    words: article.paragraphs.reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0),
    firstParagraph: article.paragraphs[0]?.text ?? '',
    people: { count: facts.people.length, first: facts.people.slice(0, PREVIEW_FIRST.people) },
    quotes: { count: facts.quotes.length, first: facts.quotes.slice(0, PREVIEW_FIRST.quotes) },
    events: { count: facts.events.length, first: facts.events.slice(0, PREVIEW_FIRST.events) },
    replaces: replaces ? { id: replaces.id, title: replaces.title } : null,
  };
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).replace(/\s+\S*$/, '')}…`);

export function personLine(p: FactsPreview['people'][number]): string {
  return `${p.name}${p.role ? ` — ${p.role}` : ''}${p.affiliation ? ` [${p.affiliation}]` : ''}`;
}
export function quoteLine(q: FactsPreview['quotes'][number], max = 140): string {
  const text = clip(q.text, max);
  return `${q.kind === 'direct' ? `“${text}”` : text} — ${q.speakers.length ? q.speakers.join(' and ') : q.source ?? 'speaker unknown'}`;
}
export function eventLine(e: FactsPreview['events'][number], max = 140): string {
  return `[${e.kind}${e.date ? ` ${e.date}` : ''}] ${clip(e.summary, max)}`;
}

/** The preview as terminal text. */
export function renderPreview(p: Preview): string {
  const out = [p.title];
  const row = (k: string, v: string | null) => out.push(`  ${k.padEnd(10)} ${v ?? '(not known)'}`);
  row('published', p.published);
  row('source', p.source);
  row('url', p.url);
  row('id', `${p.id} (${p.file})`);
  if (p.replaces) row('replaces', `${p.replaces.id} (${p.replaces.title})`);
  row('body', `${p.paragraphs} paragraph(s), ${p.sections} section heading(s), ${p.words} words`);
  out.push('', `  ${clip(p.firstParagraph, 400)}`, '');
  const list = (label: string, count: number, lines: string[]) => {
    out.push(`${label} (${count})${count === 0 ? ': none found' : ''}`);
    for (const l of lines) out.push(`  - ${l}`);
    if (count > lines.length) out.push(`  … and ${count - lines.length} more`);
  };
  list('People', p.people.count, p.people.first.map(personLine));
  list('Quotes', p.quotes.count, p.quotes.first.map((q) => quoteLine(q)));
  list('Events', p.events.count, p.events.first.map((e) => eventLine(e)));
  return out.join('\n');
}

import type { KnowledgeBase, Person, Quote, Event } from '../knowledge/base.ts';
import { otherReports, recalledIn } from '../knowledge/event-stories.ts';
import { citationOf, type Article, type Paragraph } from '../knowledge/types.ts';
import type { ArticleView, EventView, PersonView, QuoteView, Result } from './types.ts';

/** Conversions from the knowledge base to the Answer model: one place, so every command cites alike. */
export function personView(kb: KnowledgeBase, p: Person): PersonView {
  const roles = p.roles.map((r) => {
    const para = kb.paragraphs[r.paragraph];
    return { role: r.role, since: r.since?.slice(0, 10) ?? null, until: r.until?.slice(0, 10) ?? null, current: r.current, ended: r.ended, citation: citationOf(kb.article(para), para) };
  });
  return { id: p.id, name: p.name, role: p.role, roles, affiliation: p.affiliation, aliases: [...p.aliases] };
}

export function joinNames(names: string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function quoteView(kb: KnowledgeBase, q: Quote): QuoteView {
  const speakers = kb.speakerNames(q);
  const source = speakers.length ? null : q.source ?? null;
  return { text: q.text, speaker: joinNames(speakers) ?? source, speakers, source, cue: q.cue, kind: q.kind };
}

export function eventView(kb: KnowledgeBase, e: Event): EventView {
  return {
    kind: e.kind,
    summary: e.summary,
    actors: kb.actorNames(e),
    place: e.place,
    when: e.when,
    date: e.date,
    background: e.background,
  };
}

/**
 * An event as one entry of a timeline: with every other article's passage that reports it
 * (alsoReported) or names it (recalledIn), each cited.
 */
export function storyView(kb: KnowledgeBase, e: Event): EventView {
  const view = eventView(kb, e);
  const cite = (pid: number) => citationOf(kb.article(kb.paragraphs[pid]), kb.paragraphs[pid]);
  const others = otherReports(kb, e);
  if (others.length) view.alsoReported = others.map((o) => cite(o.paragraph));
  const named = recalledIn(kb, e);
  if (named.length) view.recalledIn = named.map(cite);
  return view;
}

export function articleView(a: Article): ArticleView {
  return { id: a.id, title: a.title, published: a.published, source: a.source, url: a.url, paragraphs: a.paragraphs.length, file: a.file };
}

export function paragraphResult(kb: KnowledgeBase, p: Paragraph, score: number, extra: Partial<Result> = {}): Result {
  return { text: p.text, score: round(score), citation: citationOf(kb.article(p), p), ...extra };
}

export const round = (x: number) => Math.round(x * 1000) / 1000;


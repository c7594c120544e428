import type { Article } from '../knowledge/types.ts';
import { extractFacts } from '../extract/facts.ts';
import { formatEventDate } from '../render/dates.ts';

/** What extraction found in an article, as a preview shows it. */
export interface FactsPreview {
  people: { name: string; role: string | null; affiliation: string | null }[];
  /** Direct quotes first (what a reader checks first), then reported statements. */
  quotes: { text: string; speakers: string[]; source: string | null; kind: string }[];
  /** `date` as precise as the text makes it ("19–21 Dec 2025", "Dec 2025"), for showing. */
  events: { kind: string; date: string | null; when: string | null; summary: string }[];
}

/**
 * The one place ingest reads extraction output, through extraction's own entry point. Extraction
 * is changing (dated roles, dates with a precision): only fields that exist today are read, here.
 */
export function factsPreview(article: Article): FactsPreview {
  const facts = extractFacts(article);
  return {
    people: facts.people.map((p) => ({ name: p.name, role: p.role, affiliation: p.affiliation })),
    quotes: [...facts.quotes]
      .sort((a, b) => Number(a.kind !== 'direct') - Number(b.kind !== 'direct') || a.paragraph - b.paragraph)
      .map((q) => ({ text: q.text, speakers: q.speakers, source: q.source ?? null, kind: q.kind })),
    events: facts.events.map((e) => ({ kind: e.kind, date: formatEventDate(e.date), when: e.when, summary: e.summary })),
  };
}

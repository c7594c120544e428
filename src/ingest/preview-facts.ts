import type { Article } from '../knowledge/types.ts';
import { extractFacts } from '../extract/facts.ts';

/** What extraction found in an article, as a preview shows it. */
export interface FactsPreview {
  people: { name: string; role: string | null; affiliation: string | null }[];
  quotes: { text: string; speakers: string[]; kind: string }[];
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
    quotes: facts.quotes.map((q) => ({ text: q.text, speakers: q.speakers, kind: q.kind })),
    events: facts.events.map((e) => ({ kind: e.kind, date: e.date, when: e.when?.text ?? null, summary: e.summary })),
  };
}

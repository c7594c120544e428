import type { Answer, Result, RoleView } from '../answers/types.ts';
import { isUnnamedSource } from './source.ts';

/** The CLI's JSON contract: stable field names, best result first, citations as data. */
export function toJson(a: Answer): object {
  return {
    command: a.command,
    query: a.query,
    total: a.total,
    ...(a.title ? { title: a.title } : {}),
    ...(a.message ? { message: a.message } : {}),
    ...(a.suggestions ? { suggestions: a.suggestions } : {}),
    ...(a.help ? { help: a.help } : {}),
    results: a.results.map(resultJson),
  };
}

function resultJson(r: Result): object {
  const c = r.citation;
  return {
    text: r.text,
    score: r.score,
    citation: { article: c.article, title: c.title, section: c.section, paragraph: c.paragraph, published: c.published, url: c.url },
    ...(r.person ? { person: { name: r.person.name, role: r.person.role, roles: r.person.roles.map(roleJson), affiliation: r.person.affiliation, aliases: r.person.aliases } } : {}),
    ...(r.quote ? { quote: { text: r.quote.text, speaker: r.quote.speaker, speakers: r.quote.speakers, ...(r.quote.source ? { source: r.quote.source, unnamed: isUnnamedSource(r.quote.source) } : {}), cue: r.quote.cue, kind: r.quote.kind } } : {}),
    ...(r.event ? { event: { kind: r.event.kind, summary: r.event.summary, actors: r.event.actors, place: r.event.place, when: r.event.when, date: r.event.date, background: r.event.background, ...(r.event.alsoReported ? { alsoReported: r.event.alsoReported } : {}), ...(r.event.recalledIn ? { recalledIn: r.event.recalledIn } : {}) } } : {}),
    ...(r.article ? { article: r.article } : {}),
    ...(r.paragraph && r.paragraph !== r.text ? { paragraph: r.paragraph } : {}),
  };
}

function roleJson(r: RoleView): object {
  const c = r.citation;
  return {
    role: r.role,
    ...(r.since ? { since: r.since } : {}),
    ...(r.until ? { until: r.until } : {}),
    current: r.current,
    ended: r.ended,
    citation: { article: c.article, title: c.title, section: c.section, paragraph: c.paragraph, published: c.published, url: c.url },
  };
}

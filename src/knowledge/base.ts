import type { Article, LoadProblem, Paragraph } from './types.ts';
import type { EventFact, QuoteKind } from '../extract/types.ts';
import type { TimeExpression } from '../extract/dates.ts';
import type { EventKind } from '../extract/lexicon/events.ts';
import { extractFacts } from '../extract/facts.ts';
import { fullNameKey, nameKey } from '../text/normalize.ts';
import { TextIndex } from '../search/text-index.ts';
import { PeopleIndex } from '../search/people-index.ts';

/** A person across the whole knowledge base. */
export interface Person {
  id: string;
  name: string;
  role: string | null;
  roles: string[];
  affiliation: string | null;
  aliases: string[];
  /** Paragraph ids (KnowledgeBase.paragraphs) that mention them, in reading order. */
  paragraphs: number[];
  articles: string[];
}

export interface Quote {
  id: number;
  text: string;
  /** Person ids; empty when the text names no speaker. */
  speakers: string[];
  cue: string | null;
  kind: QuoteKind;
  paragraph: number;
  lastParagraph: number;
}

export interface Event {
  id: number;
  kind: EventKind;
  summary: string;
  actors: string[];
  place: string | null;
  when: TimeExpression | null;
  date: string | null;
  paragraph: number;
}

/**
 * Everything the answers need, built once from the loaded articles: paragraphs with global ids,
 * merged people, quotes, events, and their indexes. Immutable: a reload builds a new one.
 */
export class KnowledgeBase {
  readonly articles: Article[];
  readonly byArticle: Map<string, Article>;
  readonly paragraphs: Paragraph[] = [];
  readonly people: Person[] = [];
  readonly personById = new Map<string, Person>();
  readonly quotes: Quote[] = [];
  readonly events: Event[] = [];
  readonly paragraphIndex: TextIndex;
  readonly quoteIndex: TextIndex;
  readonly eventIndex: TextIndex;
  readonly peopleIndex: PeopleIndex;
  readonly builtAt = new Date();

  constructor(articles: Article[], readonly problems: LoadProblem[] = []) {
    this.articles = [...articles].sort(compareArticles);
    this.byArticle = new Map(this.articles.map((a) => [a.id, a]));
    for (const a of this.articles) {
      for (const p of a.paragraphs) {
        p.id = this.paragraphs.length;
        this.paragraphs.push(p);
      }
    }
    const merger = new PersonMerger();
    for (const a of this.articles) {
      const facts = extractFacts(a);
      const base = a.paragraphs[0]?.id ?? 0;
      const pid = (n: number) => base + n - 1;
      const ids = facts.people.map((p) => merger.add(p, a.id, p.paragraphs.map(pid)));
      const idOfName = new Map(facts.people.map((p, i) => [p.name, ids[i]]));
      for (const q of facts.quotes) {
        this.quotes.push({
          id: this.quotes.length,
          text: q.text,
          speakers: q.speakers.map((n) => idOfName.get(n)!).filter(Boolean),
          cue: q.cue,
          kind: q.kind,
          paragraph: pid(q.paragraph),
          lastParagraph: pid(q.lastParagraph),
        });
      }
      for (const e of facts.events) this.events.push(eventOf(e, this.events.length, pid, idOfName));
    }
    this.people.push(...merger.people());
    for (const p of this.people) this.personById.set(p.id, p);
    // Actors were recorded by article-local name; show the merged person's name.
    for (const e of this.events) e.actors = e.actors.map((a) => this.personById.get(a)?.name ?? a);
    this.paragraphIndex = new TextIndex(this.paragraphs.map((p) => `${p.text} ${p.section ?? ''}`));
    this.quoteIndex = new TextIndex(this.quotes.map((q) => q.text));
    this.eventIndex = new TextIndex(this.events.map((e) => `${e.summary} ${e.kind} ${e.actors.join(' ')} ${e.place ?? ''}`));
    this.peopleIndex = new PeopleIndex(this.people);
  }

  article(p: Paragraph): Article {
    return this.byArticle.get(p.article)!;
  }

  speakerNames(q: Quote): string[] {
    return q.speakers.map((s) => this.personById.get(s)?.name ?? s);
  }
}

function eventOf(e: EventFact, id: number, pid: (n: number) => number, idOfName: Map<string, string>): Event {
  return { id, kind: e.kind, summary: e.summary, actors: e.actors.map((a) => idOfName.get(a) ?? a), place: e.place, when: e.when, date: e.date, paragraph: pid(e.paragraph) };
}

/** Newest first is for briefings; the base keeps a stable order: dated oldest first, then undated, by id. */
function compareArticles(a: Article, b: Article): number {
  if (a.published && b.published) return a.published.localeCompare(b.published) || a.id.localeCompare(b.id);
  if (a.published) return -1;
  if (b.published) return 1;
  return a.id.localeCompare(b.id);
}

/**
 * One person, one entry across articles. Same name key (transliterations included) merges;
 * a single name joins the one full name it is the surname of; anything less certain stays apart.
 */
class PersonMerger {
  private readonly list: Person[] = [];
  private readonly byFull = new Map<string, Person>();

  add(p: { name: string; role: string | null; roles: string[]; affiliation: string | null; aliases: string[] }, article: string, paragraphs: number[]): string {
    const key = fullNameKey(p.name);
    let person = this.byFull.get(key);
    const parts = key.split(' ');
    if (!person && parts.length === 1) {
      // "Berg" in one article, "Anna Berg" in another: join when exactly one full name fits.
      const fits = this.list.filter((x) => fullNameKey(x.name).split(' ').pop() === parts[0] && x.name.includes(' '));
      if (fits.length === 1) person = fits[0];
    }
    if (!person && parts.length > 1) {
      // A full name arriving after a surname-only entry absorbs it.
      const solo = this.byFull.get(parts[parts.length - 1]);
      const others = this.list.filter((x) => x.name.includes(' ') && fullNameKey(x.name).split(' ').pop() === parts[parts.length - 1]);
      if (solo && others.length === 0) {
        person = solo;
        this.byFull.delete(parts[parts.length - 1]);
        person.aliases.push(person.name);
        person.name = p.name;
        this.byFull.set(key, person);
      }
    }
    if (!person) {
      person = { id: slug(p.name, this.list), name: p.name, role: null, roles: [], affiliation: null, aliases: [], paragraphs: [], articles: [] };
      this.list.push(person);
      this.byFull.set(key, person);
    }
    if (p.name !== person.name && !person.aliases.includes(p.name)) person.aliases.push(p.name);
    for (const a of p.aliases) if (a !== person.name && !person.aliases.includes(a)) person.aliases.push(a);
    for (const r of p.roles) if (!person.roles.some((x) => x.toLowerCase() === r.toLowerCase())) person.roles.push(r);
    person.role ??= p.role;
    person.affiliation ??= p.affiliation;
    person.paragraphs.push(...paragraphs);
    if (!person.articles.includes(article)) person.articles.push(article);
    return person.id;
  }

  people(): Person[] {
    for (const p of this.list) p.paragraphs = [...new Set(p.paragraphs)].sort((a, b) => a - b);
    return this.list;
  }
}

function slug(name: string, existing: Person[]): string {
  const base = fullNameKey(name).replace(/\s+/g, '-') || nameKey(name) || 'person';
  let id = base;
  for (let i = 2; existing.some((p) => p.id === id); i++) id = `${base}-${i}`;
  return id;
}

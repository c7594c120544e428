import type { Article, LoadProblem, Paragraph } from './types.ts';
import type { ArticleFacts, ArticlePerson, EventFact, QuoteFact } from '../extract/types.ts';
import { fullNameKey, nameKey } from '../text/normalize.ts';
import { Segment, TextIndex, type SegmentState } from '../search/text-index.ts';
import { PeopleIndex } from '../search/people-index.ts';
import { FactsCache } from './facts-cache.ts';

/** A person across the whole knowledge base: an article's person, merged over articles. */
export interface Person extends ArticlePerson {
  id: string;
  /** Paragraph ids (KnowledgeBase.paragraphs) that mention them, in reading order. */
  paragraphs: number[];
  articles: string[];
}

/** A quote of the base: an article's quote with its speakers as person ids and global paragraph ids. */
export interface Quote extends QuoteFact {
  id: number;
  /** Person ids; empty when the text names no speaker. */
  speakers: string[];
}

/** An event of the base: an article's event with a global paragraph id; actors are names. */
export interface Event extends EventFact {
  id: number;
}

/** The text indexes, as segments: what a cache stores and an added article extends. */
export interface IndexSegments {
  paragraphs: SegmentState[];
  quotes: SegmentState[];
}

/** The mutable part of a build; a KnowledgeBase is a frozen snapshot of one. */
interface Parts {
  /** Articles in the order their paragraphs were numbered (ids only ever grow). */
  added: Article[];
  paragraphs: Paragraph[];
  merger: PersonMerger;
  quotes: Quote[];
  events: Event[];
}

const quoteText = (q: Quote) => q.text;
const paragraphText = (p: Paragraph) => `${p.text} ${p.section ?? ''}`;

/** Adds one article's paragraphs, people, quotes and events to the parts. */
function addArticle(parts: Parts, a: Article, facts: ArticleFacts): { quotes: Quote[]; events: Event[] } {
  const base = parts.paragraphs.length;
  parts.added.push(a);
  for (const p of a.paragraphs) parts.paragraphs.push(p);
  const pid = (n: number) => base + n - 1;
  const ids = facts.people.map((p) => parts.merger.add(p, a.id, p.paragraphs.map(pid)));
  const idOfName = new Map(facts.people.map((p, i) => [p.name, ids[i]]));
  const quotes = facts.quotes.map((q, i): Quote => ({
    id: parts.quotes.length + i,
    text: q.text,
    speakers: q.speakers.map((n) => idOfName.get(n)!).filter(Boolean),
    cue: q.cue,
    kind: q.kind,
    paragraph: pid(q.paragraph),
    lastParagraph: pid(q.lastParagraph),
  }));
  parts.quotes.push(...quotes);
  const events = facts.events.map((e, i) => eventOf(e, parts.events.length + i, pid, idOfName));
  parts.events.push(...events);
  return { quotes, events };
}

/** Newest first is for briefings; the base lists dated articles oldest first, then undated, by id. */
function compareArticles(a: Article, b: Article): number {
  if (a.published && b.published) return a.published.localeCompare(b.published) || a.id.localeCompare(b.id);
  if (a.published) return -1;
  if (b.published) return 1;
  return a.id.localeCompare(b.id);
}

function eventOf(e: EventFact, id: number, pid: (n: number) => number, idOfName: Map<string, string>): Event {
  return { id, kind: e.kind, summary: e.summary, actors: e.actors.map((a) => idOfName.get(a) ?? a), place: e.place, when: e.when, date: e.date, paragraph: pid(e.paragraph) };
}

export interface BuildOptions {
  facts?: FactsCache;
  /** Index segments from a cache, matching these articles in this order. */
  segments?: IndexSegments;
  /** Number paragraphs in the order given (a cache restores a base built incrementally). */
  keepOrder?: boolean;
}

/** Index texts in chunks, yielding between them, then one segment. */
function* buildIndex(texts: string[]): Generator<void, TextIndex> {
  const CHUNK = 2000;
  if (texts.length <= CHUNK) return new TextIndex(texts);
  const segs: Segment[] = [];
  for (let i = 0; i < texts.length; i += CHUNK) {
    segs.push(Segment.build(texts.slice(i, i + CHUNK)));
    yield;
  }
  return new TextIndex([Segment.merge(segs)]);
}

/** The whole build as steps: run straight through (runSync) or with pauses (runAsync). */
function* assemble(articles: Article[], problems: LoadProblem[], opts: BuildOptions): Generator<void, object> {
  const facts = opts.facts ?? new FactsCache();
  const parts: Parts = { added: [], paragraphs: [], merger: new PersonMerger(), quotes: [], events: [] };
  for (const a of opts.keepOrder ? articles : [...articles].sort(compareArticles)) {
    addArticle(parts, a, facts.factsOf(a));
    yield;
  }
  const seg = opts.segments;
  const paragraphIndex = seg ? new TextIndex(seg.paragraphs.map((x) => new Segment(x))) : yield* buildIndex(parts.paragraphs.map(paragraphText));
  const quoteIndex = seg ? new TextIndex(seg.quotes.map((x) => new Segment(x))) : yield* buildIndex(parts.quotes.map(quoteText));
  return finish(parts, problems, paragraphIndex, quoteIndex, parts.events);
}

/** The fields of a base from its parts and indexes; `unnamed` are events whose actors are still person ids. */
function finish(parts: Parts, problems: LoadProblem[], paragraphIndex: TextIndex, quoteIndex: TextIndex, unnamed: Event[]): object {
  const people = parts.merger.people();
  const personById = new Map(people.map((p) => [p.id, p]));
  for (const e of unnamed) e.actors = e.actors.map((a) => personById.get(a)?.name ?? a);
  const articles = [...parts.added].sort(compareArticles);
  return {
    problems,
    builtAt: new Date(),
    parts,
    paragraphs: parts.paragraphs,
    quotes: parts.quotes,
    events: parts.events,
    people,
    personById,
    paragraphIndex,
    quoteIndex,
    peopleIndex: new PeopleIndex(people),
    articles,
    byArticle: new Map(articles.map((a) => [a.id, a])),
    memo: new Map(),
  };
}

function runSync<T>(g: Generator<void, T>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, yielding to the event loop whenever a slice of about 8 ms is used up. */
async function runAsync<T>(g: Generator<void, T>): Promise<T> {
  let slice = performance.now();
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    if (performance.now() - slice > 8) {
      await new Promise((res) => setImmediate(res));
      slice = performance.now();
    }
  }
}

/**
 * Everything the answers need, built from the loaded articles: paragraphs with global ids,
 * merged people, quotes, events, and their indexes. Immutable: a reload builds a new one, or
 * extends this one (withAdded) sharing everything that did not change.
 */
export class KnowledgeBase {
  readonly articles!: Article[];
  readonly byArticle!: Map<string, Article>;
  readonly paragraphs!: Paragraph[];
  readonly people!: Person[];
  readonly personById!: Map<string, Person>;
  readonly quotes!: Quote[];
  readonly events!: Event[];
  readonly paragraphIndex!: TextIndex;
  readonly quoteIndex!: TextIndex;
  readonly peopleIndex!: PeopleIndex;
  readonly builtAt!: Date;
  readonly problems!: LoadProblem[];
  private readonly parts!: Parts;
  private memo!: Map<string, unknown>;

  constructor(articles: Article[], problems: LoadProblem[] = [], opts: BuildOptions = {}) {
    Object.assign(this, runSync(assemble(articles, problems, opts)));
  }

  /** The same build, giving the event loop back every few milliseconds so queries keep being answered. */
  static async build(articles: Article[], problems: LoadProblem[] = [], opts: BuildOptions = {}): Promise<KnowledgeBase> {
    const kb = Object.create(KnowledgeBase.prototype) as KnowledgeBase;
    return Object.assign(kb, await runAsync(assemble(articles, problems, opts)));
  }

  /**
   * A new base with these articles added, sharing this one's indexes and facts: the work is
   * proportional to what was added, not to the size of the base. This base is left unchanged.
   */
  withAdded(articles: Article[], problems: LoadProblem[], facts: FactsCache = new FactsCache()): KnowledgeBase {
    const parts: Parts = {
      added: [...this.parts.added],
      paragraphs: [...this.parts.paragraphs],
      merger: this.parts.merger.clone(),
      quotes: [...this.parts.quotes],
      events: [...this.parts.events],
    };
    const newQuotes: Quote[] = [];
    const newEvents: Event[] = [];
    const firstParagraph = parts.paragraphs.length;
    for (const a of [...articles].sort(compareArticles)) {
      const r = addArticle(parts, a, facts.factsOf(a));
      newQuotes.push(...r.quotes);
      newEvents.push(...r.events);
    }
    const kb = Object.create(KnowledgeBase.prototype) as KnowledgeBase;
    return Object.assign(
      kb,
      finish(
        parts,
        problems,
        this.paragraphIndex.withAdded(parts.paragraphs.slice(firstParagraph).map(paragraphText)),
        this.quoteIndex.withAdded(newQuotes.map(quoteText)),
        newEvents,
      ),
    );
  }

  /** The index segments, for a cache. */
  segments(): IndexSegments {
    return {
      paragraphs: this.paragraphIndex.segments.map((s) => s.state),
      quotes: this.quoteIndex.segments.map((s) => s.state),
    };
  }

  /** Articles in the order their paragraphs are numbered: a cache must rebuild in this order. */
  get buildOrder(): Article[] {
    return this.parts.added;
  }

  article(p: Paragraph): Article {
    return this.byArticle.get(p.article)!;
  }

  speakerNames(q: Quote): string[] {
    return q.speakers.map((s) => this.personById.get(s)?.name ?? s);
  }

  /** Computed once per base on first use: orders and groupings the answers read often. */
  cached<T>(key: string, make: () => T): T {
    let v = this.memo.get(key) as T | undefined;
    if (v === undefined) {
      v = make();
      this.memo.set(key, v);
    }
    return v;
  }
}

/**
 * One person, one entry across articles. Same name key (transliterations included) merges;
 * a single name joins the one full name it is the surname of; anything less certain stays apart.
 */
class PersonMerger {
  private list: Person[] = [];
  private ids = new Set<string>();
  private byFull = new Map<string, Person>();
  /** Surname key -> full-name people with that surname: how a lone surname finds its person. */
  private bySurname = new Map<string, Person[]>();

  clone(): PersonMerger {
    const m = new PersonMerger();
    const copy = new Map<Person, Person>();
    m.list = this.list.map((p) => {
      const c = { ...p, roles: [...p.roles], aliases: [...p.aliases], paragraphs: [...p.paragraphs], articles: [...p.articles] };
      copy.set(p, c);
      return c;
    });
    m.ids = new Set(this.ids);
    for (const [k, p] of this.byFull) m.byFull.set(k, copy.get(p)!);
    for (const [k, ps] of this.bySurname) m.bySurname.set(k, ps.map((p) => copy.get(p)!));
    return m;
  }

  private indexSurname(p: Person): void {
    if (!p.name.includes(' ')) return;
    const s = fullNameKey(p.name).split(' ').pop()!;
    const list = this.bySurname.get(s) ?? [];
    if (!list.includes(p)) list.push(p);
    this.bySurname.set(s, list);
  }

  add(p: Omit<ArticlePerson, 'paragraphs'>, article: string, paragraphs: number[]): string {
    const key = fullNameKey(p.name);
    let person = this.byFull.get(key);
    const parts = key.split(' ');
    const surname = parts[parts.length - 1];
    if (!person && parts.length === 1) {
      // "Berg" in one article, "Anna Berg" in another: join when exactly one full name fits.
      const fits = this.bySurname.get(surname) ?? [];
      if (fits.length === 1) person = fits[0];
    }
    if (!person && parts.length > 1) {
      // A full name arriving after a surname-only entry absorbs it.
      const solo = this.byFull.get(surname);
      if (solo && (this.bySurname.get(surname) ?? []).length === 0) {
        person = solo;
        this.byFull.delete(surname);
        person.aliases.push(person.name);
        person.name = p.name;
        this.byFull.set(key, person);
      }
    }
    if (!person) {
      person = { id: this.slug(p.name), name: p.name, role: null, roles: [], affiliation: null, aliases: [], paragraphs: [], articles: [] };
      this.list.push(person);
      this.byFull.set(key, person);
    }
    this.indexSurname(person);
    if (p.name !== person.name && !person.aliases.includes(p.name)) person.aliases.push(p.name);
    for (const a of p.aliases) if (a !== person.name && !person.aliases.includes(a)) person.aliases.push(a);
    for (const r of p.roles) if (!person.roles.some((x) => x.toLowerCase() === r.toLowerCase())) person.roles.push(r);
    person.role ??= p.role;
    person.affiliation ??= p.affiliation;
    for (const x of paragraphs) person.paragraphs.push(x);
    if (!person.articles.includes(article)) person.articles.push(article);
    return person.id;
  }

  people(): Person[] {
    for (const p of this.list) {
      // Ids only grow, and articles arrive in order, so the list is sorted unless an article repeats.
      let sorted = true;
      for (let i = 1; i < p.paragraphs.length && sorted; i++) if (p.paragraphs[i] <= p.paragraphs[i - 1]) sorted = false;
      if (!sorted) p.paragraphs = [...new Set(p.paragraphs)].sort((a, b) => a - b);
    }
    return [...this.list];
  }

  private slug(name: string): string {
    const base = fullNameKey(name).replace(/\s+/g, '-') || nameKey(name) || 'person';
    let id = base;
    for (let i = 2; this.ids.has(id); i++) id = `${base}-${i}`;
    this.ids.add(id);
    return id;
  }
}

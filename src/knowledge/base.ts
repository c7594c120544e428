import type { Article, LoadProblem, Paragraph } from './types.ts';
import type { ArticleFacts, ArticlePerson, EventDate, EventFact, QuoteFact, RecallFact } from '../extract/types.ts';
import { codePointOrder, fullNameKey, keyNeighbourhood, nameKey, similarKeys } from '../text/normalize.ts';
import { Segment, TextIndex, type SegmentState } from '../search/text-index.ts';
import { PeopleIndex } from '../search/people-index.ts';
import { FactsCache } from './facts-cache.ts';
import { mergeSorted, type Addition, type Derived } from './derived.ts';
import { runAsync, runSync } from '../steps.ts';
import { officeKeyOf, rolesOverTime, successionOf, type DatedRole, type DatedRoleMention, type Succession } from './roles.ts';
import { affiliationOf } from '../extract/roles.ts';
import { fitsDescription, holdsOffice, namesCountry, readDescription } from '../extract/descriptions.ts';

/** A person across the whole knowledge base: an article's person, merged over articles. */
export interface Person extends Omit<ArticlePerson, 'roles'> {
  id: string;
  /** Every role the articles give them, each with its article's date and paragraph id. */
  roleMentions: DatedRoleMention[];
  /** Their roles over time, oldest first; the current one (also `role`) last. */
  roles: DatedRole[];
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

/**
 * An event of the base: an article's event with a global paragraph id. Its actors are person ids
 * where the text names a person (so a later article that gives a full name renames them everywhere;
 * kb.actorNames reads them), else the words as written (a place, a body).
 */
export interface Event extends EventFact {
  id: number;
}

/** A happening a passage of the base recalls by name (RecallFact), with a global paragraph id. */
export interface Recall extends RecallFact {
  id: number;
}

/** The text indexes, as segments: what a cache stores and an added article extends. */
export interface IndexSegments {
  paragraphs: SegmentState[];
  quotes: SegmentState[];
}

/** Where an article's items are: [first, end) of each list (an article's items are contiguous). */
export interface ArticleSpan {
  paragraphs: [number, number];
  quotes: [number, number];
  events: [number, number];
  /** The people it mentions, with how many of its paragraphs mention each. */
  mentions: [personId: string, paragraphs: number][];
  /** The person id of each person its facts name, in their order: how a cache re-reads the facts without merging people again. */
  personIds: string[];
}

/** The mutable part of a build; a KnowledgeBase is a frozen snapshot of one. */
interface Parts {
  /** Articles in the order their paragraphs were numbered (ids only ever grow). */
  added: Article[];
  paragraphs: Paragraph[];
  merger: PersonMerger;
  quotes: Quote[];
  events: Event[];
  recalls: Recall[];
  spans: Map<string, ArticleSpan>;
}

const quoteText = (q: Quote) => q.text;
const paragraphText = (p: Paragraph) => `${p.text} ${p.section ?? ''}`;

const byParagraph = (a: { paragraph: number }, b: { paragraph: number }) => a.paragraph - b.paragraph;

/**
 * Adds one article's paragraphs, people, quotes and events to the parts. Articles are added with
 * ever larger paragraph ids and their quotes and events in paragraph order, so every list of the
 * base is in paragraph order: an article's items are one span, a paragraph's found by bisection.
 */
function addArticle(parts: Parts, a: Article, facts: ArticleFacts, merged?: readonly string[]): { quotes: Quote[]; events: Event[] } {
  const base = parts.paragraphs.length;
  parts.added.push(a);
  for (const p of a.paragraphs) parts.paragraphs.push(p);
  const pid = (n: number) => base + n - 1;
  // People merged already (a base restored from a cache): their ids, without merging them again.
  if (merged && merged.length !== facts.people.length) throw new Error(`${a.file}: the cache names ${merged.length} people, the facts ${facts.people.length}`);
  const ids = merged ? [...merged] : facts.people.map((p) => parts.merger.add(p, a.id, p.paragraphs.map(pid), p.roles.map((r) => ({ text: r.text, how: r.how, former: r.former, ...(r.fresh ? { fresh: true } : {}), paragraph: pid(r.paragraph), date: a.published }))));
  const idOfName = new Map(facts.people.map((p, i) => [p.name, ids[i]]));
  const quotes = [...facts.quotes].sort(byParagraph).map((q, i): Quote => {
    const speakers = q.speakers.map((n) => idOfName.get(n)!).filter(Boolean);
    return {
      id: parts.quotes.length + i,
      text: q.text,
      speakers,
      ...(q.source && !speakers.length ? { source: q.source } : {}),
      cue: intern(q.cue),
    kind: intern(q.kind),
      paragraph: pid(q.paragraph),
      lastParagraph: pid(q.lastParagraph),
    };
  });
  const events = [...facts.events].sort(byParagraph).map((e, i) => eventOf(e, parts.events.length + i, pid, idOfName));
  const mentions = new Map<string, number>();
  facts.people.forEach((p, i) => mentions.set(ids[i], (mentions.get(ids[i]) ?? 0) + p.paragraphs.length));
  parts.spans.set(a.id, {
    paragraphs: [base, parts.paragraphs.length],
    quotes: [parts.quotes.length, parts.quotes.length + quotes.length],
    events: [parts.events.length, parts.events.length + events.length],
    mentions: [...mentions],
    personIds: ids,
  });
  for (const q of quotes) parts.quotes.push(q);
  for (const e of events) parts.events.push(e);
  for (const r of facts.recalls ?? []) parts.recalls.push({ id: parts.recalls.length, kind: intern(r.kind), place: intern(r.place), text: r.text, date: r.date && internDate(r.date), paragraph: pid(r.paragraph) });
  return { quotes, events };
}

/** Newest first is for briefings; the base lists dated articles oldest first, then undated, by id. */
function compareArticles(a: Article, b: Article): number {
  if (a.published && b.published) return codePointOrder(a.published, b.published) || codePointOrder(a.id, b.id);
  if (a.published) return -1;
  if (b.published) return 1;
  return codePointOrder(a.id, b.id);
}

/**
 * One copy of each short string events and quotes repeat (kinds, dates, places): facts come back
 * from the cache with a string of their own per event, 188,000 of them at 100,000 paragraphs.
 */
const shared = new Map<string, string>();
function intern<T extends string | null>(s: T): T {
  if (s === null || s.length > 64) return s;
  const known = shared.get(s);
  if (known !== undefined) return known as T;
  if (shared.size > 200_000) shared.clear();
  shared.set(s, s);
  return s;
}
/** One frozen object per distinct event date: most events of a day share it. */
const dates = new Map<string, EventDate>();
function internDate(d: EventDate): EventDate {
  const key = `${d.value}|${d.precision}|${d.source}|${d.end?.value ?? ''}|${d.end?.precision ?? ''}`;
  let known = dates.get(key);
  if (!known) {
    if (dates.size > 50_000) dates.clear();
    dates.set(key, (known = Object.freeze({ ...d, ...(d.end ? { end: Object.freeze({ ...d.end }) } : {}) })));
  }
  return known;
}
const NO_ACTORS = Object.freeze([]) as unknown as string[];

/** Whether a sorted list holds x. */
function binaryHas(list: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] === x;
}
/** Memo of KnowledgeBase.sourcePerson, kept with the base like its derived values (never carried over). */
const SOURCE_PEOPLE: Derived<Map<string, Person | null>> = { name: 'people of sources', make: () => new Map() };

function eventOf(e: EventFact, id: number, pid: (n: number) => number, idOfName: Map<string, string>): Event {
  return {
    id,
    kind: intern(e.kind),
    summary: e.summary,
    actors: e.actors.length ? e.actors.map((a) => idOfName.get(a) ?? intern(a)) : NO_ACTORS,
    place: intern(e.place),
    when: intern(e.when),
    date: e.date && internDate(e.date),
    background: e.background,
    paragraph: pid(e.paragraph),
    ...(e.names ? { names: e.names.map(intern) } : {}),
  };
}

export interface BuildOptions {
  facts?: FactsCache;
  /** Index segments from a cache, matching these articles in this order. */
  segments?: IndexSegments;
  /** Number paragraphs in the order given (a cache restores a base built incrementally). */
  keepOrder?: boolean;
  /** The people as a cache kept them, for these articles in this order (with keepOrder): not merged again. */
  people?: MergedPeople;
  /** Derived values a cache kept, computed for this very base. */
  derived?: [Derived<unknown>, unknown][];
}

/**
 * The people of a base as merged, with what merging more articles into it needs: merging reads
 * every role of everyone again (their roles over time) each time an article names them, the
 * costliest part of assembling a large base.
 */
export interface MergedPeople {
  people: Person[];
  /** ArticleSpan.personIds of each article, in build order. */
  personIds: string[][];
  merger: MergerState;
}

/** Index texts in chunks, yielding between them, then merge them into one segment, in steps too. */
function* buildIndex(count: number, textOf: (i: number) => string): Generator<void, TextIndex> {
  // A chunk of paragraphs takes about 15 ms to read and index here: the longest a query waits.
  const CHUNK = 250;
  const segs: Segment[] = [];
  for (let i = 0; i < count; i += CHUNK) {
    const texts: string[] = [];
    for (let k = i; k < Math.min(count, i + CHUNK); k++) texts.push(textOf(k));
    segs.push(Segment.build(texts));
    yield;
  }
  if (segs.length <= 1) return new TextIndex(segs.length ? segs : []);
  return new TextIndex([yield* Segment.merging(segs)]);
}

/** What a base is made of: its fields, before they are frozen into a KnowledgeBase. */
interface Fields {
  problems: LoadProblem[];
  builtAt: Date;
  parts: Parts;
  paragraphs: Paragraph[];
  quotes: Quote[];
  events: Event[];
  recalls: Recall[];
  people: Person[];
  personById: Map<string, Person>;
  paragraphIndex: TextIndex;
  quoteIndex: TextIndex;
  peopleIndex: PeopleIndex;
  articles: Article[];
  byArticle: Map<string, Article>;
  memo: Map<Derived<unknown>, unknown>;
}

/** The whole build as steps: run straight through (runSync) or with pauses (runAsync). */
function* assemble(articles: Article[], problems: LoadProblem[], opts: BuildOptions): Generator<void, KnowledgeBase> {
  const facts = opts.facts ?? new FactsCache();
  const merged = opts.people;
  const parts: Parts = { added: [], paragraphs: [], merger: merged ? PersonMerger.restore(merged.merger, merged.people) : new PersonMerger(), quotes: [], events: [], recalls: [], spans: new Map() };
  const order = opts.keepOrder ? articles : [...articles].sort(compareArticles);
  if (merged && merged.personIds.length !== order.length) throw new Error(`the cache has people for ${merged.personIds.length} articles, not ${order.length}`);
  for (const [i, a] of order.entries()) {
    addArticle(parts, a, facts.factsOf(a), merged?.personIds[i]);
    yield;
  }
  const seg = opts.segments;
  const paragraphIndex = seg ? new TextIndex(seg.paragraphs.map((x) => new Segment(x))) : yield* buildIndex(parts.paragraphs.length, (i) => paragraphText(parts.paragraphs[i]));
  const quoteIndex = seg ? new TextIndex(seg.quotes.map((x) => new Segment(x))) : yield* buildIndex(parts.quotes.length, (i) => quoteText(parts.quotes[i]));
  const people = merged ? [...merged.people] : parts.merger.take().people;
  yield;
  return freeze({
    ...settled(parts, problems, people),
    paragraphIndex,
    quoteIndex,
    peopleIndex: yield* PeopleIndex.building(people),
    articles: [...parts.added].sort(compareArticles),
  }, opts.derived);
}

/** The parts' fields with the people settled. */
function settled(parts: Parts, problems: LoadProblem[], people: Person[]) {
  const personById = new Map(people.map((p) => [p.id, p]));
  return { problems, builtAt: new Date(), parts, paragraphs: parts.paragraphs, quotes: parts.quotes, events: parts.events, recalls: parts.recalls, people, personById };
}

function freeze(f: Omit<Fields, 'byArticle' | 'memo'>, derived: [Derived<unknown>, unknown][] = []): KnowledgeBase {
  const fields: Fields = { ...f, byArticle: new Map(f.articles.map((a) => [a.id, a])), memo: new Map(derived) };
  return Object.assign(Object.create(KnowledgeBase.prototype) as KnowledgeBase, fields);
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
  /** Happenings passages recall by name, in paragraph order. */
  readonly recalls!: Recall[];
  readonly paragraphIndex!: TextIndex;
  readonly quoteIndex!: TextIndex;
  readonly peopleIndex!: PeopleIndex;
  readonly builtAt!: Date;
  readonly problems!: LoadProblem[];
  private readonly parts!: Parts;
  private readonly memo!: Map<Derived<unknown>, unknown>;

  constructor(articles: Article[], problems: LoadProblem[] = [], opts: BuildOptions = {}) {
    Object.assign(this, runSync(assemble(articles, problems, opts)));
  }

  /** The same build, giving the event loop back every few milliseconds so queries keep being answered. */
  static build(articles: Article[], problems: LoadProblem[] = [], opts: BuildOptions = {}): Promise<KnowledgeBase> {
    return runAsync(assemble(articles, problems, opts));
  }

  /**
   * A new base with these articles added, sharing this one's indexes and facts: the work is
   * proportional to what was added, not to the size of the base, and is done in steps between
   * which queries are answered from this base, which is left unchanged.
   */
  withAdded(articles: Article[], problems: LoadProblem[], facts: FactsCache = new FactsCache()): Promise<KnowledgeBase> {
    return runAsync(KnowledgeBase.extend(this, articles, problems, facts));
  }

  /**
   * `prev` with articles added, as steps, none of which touches `prev`: queries keep being answered
   * from it between the steps. Every step costs what was added (or a copy of a list), never a rebuild:
   * indexes get a segment, people a layer, derived values are extended.
   */
  private static *extend(prev: KnowledgeBase, articles: Article[], problems: LoadProblem[], facts: FactsCache): Generator<void, KnowledgeBase> {
    const prevParts = prev.parts;
    // Copies of the lists, each its own step: at 100,000 paragraphs they are a few milliseconds each.
    const paragraphs = prevParts.paragraphs.slice();
    yield;
    const events = prevParts.events.slice();
    yield;
    const merger = prevParts.merger.fork();
    yield;
    const parts: Parts = { added: prevParts.added.slice(), paragraphs, merger, quotes: prevParts.quotes.slice(), events, recalls: prevParts.recalls.slice(), spans: new Map(prevParts.spans) };
    yield;
    const sorted = [...articles].sort(compareArticles);
    const firstParagraph = parts.paragraphs.length;
    const firstQuote = parts.quotes.length;
    const firstEvent = parts.events.length;
    const firstRecall = parts.recalls.length;
    for (const a of sorted) {
      addArticle(parts, a, facts.factsOf(a));
      yield;
    }
    const quotes = parts.quotes.slice(firstQuote);
    const newEvents = parts.events.slice(firstEvent);
    const { people, touched } = parts.merger.take();
    const fields = settled(parts, problems, people);
    yield;
    const paragraphIndex = prev.paragraphIndex.withAdded(parts.paragraphs.slice(firstParagraph).map(paragraphText));
    yield;
    const quoteIndex = prev.quoteIndex.withAdded(quotes.map(quoteText));
    yield;
    const peopleIndex = prev.peopleIndex.withChanged(people, touched);
    yield;
    const kb = freeze({ ...fields, paragraphIndex, quoteIndex, peopleIndex, articles: mergeSorted(prev.articles, sorted, compareArticles) });
    const added: Addition = { articles: sorted, quotes, events: newEvents, recalls: parts.recalls.slice(firstRecall), people: touched.map((i) => people[i]) };
    for (const [def, value] of prev.memo) {
      if (!def.extend) continue;
      yield;
      kb.memo.set(def, def.extend(value, kb, added));
    }
    return kb;
  }

  /** The derived values computed so far: what a base that replaces this one should have too. */
  derivedSoFar(): Derived<unknown>[] {
    return [...this.memo.keys()];
  }

  /**
   * Computes these derived values, one at a time with pauses between them: a base that is about
   * to serve then answers its first queries as fast as its last.
   */
  async warm(defs: Iterable<Derived<unknown>>): Promise<void> {
    for (const def of defs) {
      if (this.memo.has(def)) continue;
      await new Promise((r) => setImmediate(r));
      this.derive(def);
    }
  }

  /** A derived value if it has been computed, without computing it: what a cache keeps. */
  computed<T>(def: Derived<T>): T | undefined {
    return this.memo.get(def) as T | undefined;
  }

  /** The people as merged, for a cache: a base restored with them skips merging. */
  mergedPeople(): MergedPeople {
    return { people: this.people, personIds: this.parts.added.map((a) => this.parts.spans.get(a.id)!.personIds), merger: this.parts.merger.state() };
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
    if (q.speakers.length === 0 && q.source) {
      const p = this.sourcePerson(q.source) ?? this.describedPerson(q.source, q.paragraph);
      return p ? [p.name] : [];
    }
    return q.speakers.map((s) => this.personById.get(s)?.name ?? s);
  }

  /**
   * "…,” the president wrote": the one person named in this paragraph or the one before whose roles
   * (as the whole base knows them) hold that role noun, and nationality if the text gives one.
   */
  describedPerson(source: string, paragraph: number): Person | undefined {
    const d = readDescription(source);
    if (!d) return undefined;
    const article = this.paragraphs[paragraph]?.article;
    const span = article ? this.span(article) : undefined;
    if (!span) return undefined;
    const isNear = (p: Person) => [paragraph, paragraph - 1].some((x) => x >= span.paragraphs[0] && binaryHas(p.paragraphs, x));
    const fitting = (p: Person) => fitsDescription(p.roles.map((r) => r.role), p.affiliation, d);
    const holds = (p: Person) => holdsOffice(p.roles.map((r) => r.role), d);
    const inArticle = span.mentions.map(([id]) => this.personById.get(id)).filter((p): p is Person => !!p);
    const near = inArticle.filter(isNear);
    const fits = near.filter(fitting);
    if (fits.length > 0 || !namesCountry(d)) return fits.length === 1 ? fits[0] : undefined;
    // "…, launched the American president" paragraphs after his name: an office with its country is
    // one person, so the one person of the whole article who holds it is meant.
    const holders = inArticle.filter(fitting);
    if (holders.length === 1) return holders[0];
    // "launched the Ukrainian president" where the base knows him only as "President": the one near
    // holder of the office, when no text gives his country and no other near person holds it.
    // (Not when someone near has no role at all: the president may be the one no text gave a title.)
    if (near.some((p) => p.roles.length === 0)) return undefined;
    // (No one near holds it: the article's one holder of that office, as for a description with its country.)
    let office = near.filter(holds);
    if (office.length === 0) office = inArticle.filter(holds);
    return office.length === 1 && !office[0].affiliation && !office[0].roles.some((r) => affiliationOf(r.role)) ? office[0] : undefined;
  }

  /**
   * The person a source written as a bare name stands for ("Trump said", where the article read
   * "Trump" as no person): the base's one person whose name or surname it is, else undefined.
   * Read from the whole base, so the answer does not depend on the order articles arrived in.
   */
  sourcePerson(source: string): Person | undefined {
    if (!/^\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,2}$/u.test(source)) return undefined;
    let memo = this.memo.get(SOURCE_PEOPLE) as Map<string, Person | null> | undefined;
    if (!memo) this.memo.set(SOURCE_PEOPLE, (memo = new Map()));
    let p = memo.get(source);
    if (p === undefined) {
      const hits = this.peopleIndex.byName(source, 2).filter((m) => m.tier === 'exact' || m.tier === 'name-word');
      p = hits.length === 1 && hits[0].score <= 0.2 ? hits[0].person : null;
      if (memo.size > 10_000) memo.clear();
      memo.set(source, p);
    }
    return p ?? undefined;
  }

  actorNames(e: Event): string[] {
    return e.actors.map((a) => this.personById.get(a)?.name ?? a);
  }

  /** Where an article's paragraphs, quotes, events and people are. */
  span(articleId: string): ArticleSpan | undefined {
    return this.parts.spans.get(articleId);
  }

  /** A derived value (an order, a grouping the answers read often): computed once per base, carried over by withAdded. */
  derive<T>(def: Derived<T>): T {
    let v = this.memo.get(def) as T | undefined;
    if (v === undefined) {
      v = def.make(this);
      this.memo.set(def, v);
    }
    return v;
  }
}

/** A merger's indexes, people given by id: what a cache keeps of it. */
export interface MergerState {
  byFull: [key: string, id: string][];
  bySurname: [surname: string, ids: string[]][];
  /** Offices taken up, by office key: what a later article's people are settled against. */
  successions: [key: string, (Succession & { article: string; person: string })[]][];
}

/**
 * One person, one entry across articles. Same name key (transliterations included) merges;
 * a single name joins the one full name it is the surname of; anything less certain stays apart.
 */
class PersonMerger {
  private list: Person[] = [];
  /** Position in `list` by id. */
  private at = new Map<string, number>();
  private ids = new Set<string>();
  private byFull = new Map<string, Person>();
  /** Surname key -> full-name people with that surname: how a lone surname finds its person. */
  private bySurname = new Map<string, Person[]>();
  /** Each surname key under itself and its one-letter-shorter forms: how a spelling finds its near twins. */
  private surnameNear = new Map<string, string[]>();
  /** People and lists this merger may change; anything else is shared with the merger it was forked from. */
  private owned = new WeakSet<object>();
  /** Positions of the people added or changed since this merger was made. */
  private touched = new Set<number>();
  /** Offices taken up, by office key: each ends the office for an earlier holder the same article names. */
  private successions = new Map<string, (Succession & { article: string; person: string })[]>();

  /** A merger that goes on from this one, copying a person only when it changes them: this one stays as it is. */
  fork(): PersonMerger {
    const m = new PersonMerger();
    m.list = [...this.list];
    m.at = new Map(this.at);
    m.ids = new Set(this.ids);
    m.byFull = new Map(this.byFull);
    m.bySurname = new Map(this.bySurname);
    m.surnameNear = new Map(this.surnameNear);
    m.successions = new Map([...this.successions].map(([k, v]) => [k, [...v]]));
    return m;
  }

  /** The indexes, for a cache. */
  state(): MergerState {
    return {
      byFull: [...this.byFull].map(([k, p]) => [k, p.id]),
      bySurname: [...this.bySurname].map(([k, ps]) => [k, ps.map((p) => p.id)]),
      successions: [...this.successions],
    };
  }

  /** The merger a cache kept, over the people it kept (as take() left them: all shared). */
  static restore(state: MergerState, people: Person[]): PersonMerger {
    const m = new PersonMerger();
    m.list = [...people];
    m.at = new Map(people.map((p, i) => [p.id, i]));
    m.ids = new Set(m.at.keys());
    const person = (id: string) => {
      const i = m.at.get(id);
      if (i === undefined) throw new Error(`the cache's merger names ${id}, who is not among its people`);
      return people[i];
    };
    m.byFull = new Map(state.byFull.map(([k, id]) => [k, person(id)]));
    m.bySurname = new Map(state.bySurname.map(([k, ids]) => [k, ids.map(person)]));
    m.successions = new Map(state.successions.map(([k, v]) => [k, [...v]]));
    // Each surname was filed near when its first person came, in this order: filed again, it is quicker made than read.
    for (const k of m.bySurname.keys()) m.fileNear(k);
    return m;
  }

  /** A person this merger may change: a copy, put everywhere the shared one was, the first time. */
  private own(p: Person): Person {
    const i = this.at.get(p.id)!;
    this.touched.add(i);
    if (this.owned.has(p)) return p;
    const c: Person = { ...p, roleMentions: [...p.roleMentions], roles: [...p.roles], aliases: [...p.aliases], paragraphs: [...p.paragraphs], articles: [...p.articles] };
    this.owned.add(c);
    this.list[i] = c;
    this.byFull.set(fullNameKey(p.name), c);
    const s = this.surnameOf(p);
    const list = s === null ? undefined : this.bySurname.get(s);
    if (list?.includes(p)) this.bySurname.set(s!, list.map((x) => (x === p ? c : x)));
    return c;
  }

  private surnameOf(p: Person): string | null {
    return p.name.includes(' ') ? fullNameKey(p.name).split(' ').pop()! : null;
  }

  private indexSurname(p: Person): void {
    const s = this.surnameOf(p);
    if (s === null) return;
    let list = this.bySurname.get(s) ?? [];
    if (list.includes(p)) return;
    if (!this.owned.has(list)) this.owned.add((list = [...list]));
    list.push(p);
    if (list.length === 1) this.fileNear(s);
    this.bySurname.set(s, list);
  }

  private fileNear(s: string): void {
    for (const n of keyNeighbourhood(s)) {
      const keys = this.surnameNear.get(n) ?? [];
      if (!keys.includes(s)) this.surnameNear.set(n, keys.concat(s));
    }
  }

  /** Full-name people whose surname is this one or a spelling of it (Petrov / Pietrov). */
  private surnamed(s: string): Person[] {
    const keys = new Set<string>();
    for (const n of keyNeighbourhood(s)) for (const k of this.surnameNear.get(n) ?? []) if (similarKeys(s, k)) keys.add(k);
    return [...keys].flatMap((k) => this.bySurname.get(k) ?? []);
  }

  add(p: Omit<ArticlePerson, 'paragraphs' | 'roles'>, article: string, paragraphs: number[], roles: DatedRoleMention[] = []): string {
    const key = fullNameKey(p.name);
    let person = this.byFull.get(key);
    const parts = key.split(' ');
    const surname = parts[parts.length - 1];
    if (!person && parts.length === 1) {
      // "Berg" in one article, "Anna Berg" in another: join when exactly one full name fits.
      const fits = this.surnamed(surname);
      if (fits.length === 1) person = fits[0];
    }
    if (!person && parts.length > 1) {
      // "Yury Petrov" / "Yuri Petrov", "Ivan Petrenko" / "Ivan Pietrenko": one person when the given
      // name and the surname are spellings of each other; "Anna Berg" is not "Olaf Berg".
      const fits = this.surnamed(surname).filter((q) => similarKeys(fullNameKey(q.name).split(' ')[0], parts[0]));
      // (Found this way each time, not stored under this key: byFull holds each person's own name only.)
      if (fits.length === 1) person = fits[0];
    }
    if (!person && parts.length > 1) {
      // A full name arriving after a surname-only entry absorbs it.
      const solo = this.byFull.get(surname);
      if (solo && (this.bySurname.get(surname) ?? []).length === 0) {
        person = this.own(solo);
        this.byFull.delete(surname);
        person.aliases.push(person.name);
        person.name = p.name;
        this.byFull.set(key, person);
      }
    }
    if (person) person = this.own(person);
    else {
      person = { id: this.slug(p.name), name: p.name, role: null, roleMentions: [], roles: [], affiliation: null, aliases: [], paragraphs: [], articles: [] };
      this.owned.add(person);
      this.at.set(person.id, this.list.length);
      this.touched.add(this.list.length);
      this.list.push(person);
      this.byFull.set(key, person);
    }
    this.indexSurname(person);
    if (p.name !== person.name && !person.aliases.includes(p.name)) person.aliases.push(p.name);
    for (const a of p.aliases) if (a !== person.name && !person.aliases.includes(a)) person.aliases.push(a);
    if (roles.length) {
      for (const r of roles) {
        if (person.roleMentions.some((x) => x.paragraph === r.paragraph && x.text === r.text && x.former === r.former)) continue;
        person.roleMentions.push(r);
        const s = successionOf(r);
        if (s) this.successions.set(s.key, [...(this.successions.get(s.key) ?? []), { ...s, article, person: person.id }]);
      }
      this.settle(person, [], p.affiliation);
    } else person.affiliation ??= p.affiliation;
    for (const x of paragraphs) person.paragraphs.push(x);
    if (!person.articles.includes(article)) person.articles.push(article);
    return person.id;
  }

  /** A person's current role, role history and affiliation from their role mentions. */
  private settle(person: Person, successions: Succession[], fallback: string | null): void {
    const settled = rolesOverTime(person.roleMentions, successions);
    person.role = settled.role;
    person.roles = settled.roles;
    // The body or country of a role they hold now; one of a role behind them is no longer theirs.
    const held = settled.roles.filter((r) => r.current || !r.ended).map((r) => affiliationOf(r.role)).find((x) => x != null);
    person.affiliation = affiliationOf(person.role) ?? held ?? (settled.roles.some((r) => r.current) ? null : person.affiliation ?? fallback);
  }

  /**
   * Offices others took up, settled into everyone who held them before: only when the article of the
   * appointment names them too ("Putin moved X and named Y defence minister"), as two countries'
   * defence ministers with no country said are otherwise one office.
   */
  private settleSuccessions(): void {
    if (this.successions.size === 0) return;
    for (let i = 0; i < this.list.length; i++) {
      const p = this.list[i];
      const keys = new Set(p.roleMentions.map((m) => officeKeyOf(m.text)));
      const theirs = [...keys].flatMap((k) => (this.successions.get(k) ?? []).filter((s) => s.person !== p.id && p.articles.includes(s.article)));
      if (theirs.length === 0) continue;
      const before = JSON.stringify([p.role, p.roles, p.affiliation]);
      const copy = { ...p };
      this.settle(copy, theirs, p.affiliation);
      if (JSON.stringify([copy.role, copy.roles, copy.affiliation]) === before) continue;
      const own = this.own(p);
      own.role = copy.role;
      own.roles = copy.roles;
      own.affiliation = copy.affiliation;
    }
  }

  /**
   * Everyone, and the positions of those added or changed since the last take. From here on the
   * people handed out are shared: a later change copies them first.
   */
  take(): { people: Person[]; touched: number[] } {
    this.settleSuccessions();
    const touched = [...this.touched].sort((a, b) => a - b);
    for (const i of touched) {
      const p = this.list[i];
      // Ids only grow, and articles arrive in order, so the list is sorted unless an article repeats.
      let sorted = true;
      for (let k = 1; k < p.paragraphs.length && sorted; k++) if (p.paragraphs[k] <= p.paragraphs[k - 1]) sorted = false;
      if (!sorted) p.paragraphs = [...new Set(p.paragraphs)].sort((a, b) => a - b);
    }
    this.touched = new Set();
    this.owned = new WeakSet();
    return { people: [...this.list], touched };
  }

  private slug(name: string): string {
    const base = fullNameKey(name).replace(/\s+/g, '-') || nameKey(name) || 'person';
    let id = base;
    for (let i = 2; this.ids.has(id); i++) id = `${base}-${i}`;
    this.ids.add(id);
    return id;
  }
}

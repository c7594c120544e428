/**
 * One real-world event, however many articles report it: the events of the base grouped into
 * stories. Two events are one story when they are of one kind (talks and meetings count as one
 * kind here: reporters call the same round either), their dates agree at the precision both know,
 * and they share an actor or a place. The story is shown by its lead: the event whose date is the
 * most certain (from its own sentence, then from the text around it, before the publication date; a day before a month), the first
 * reported among equals.
 *
 * Events are grouped in id order, and an added article's events have the highest ids, so a base
 * extended article by article groups exactly as a base built at once does.
 */
import type { Event, KnowledgeBase } from './base.ts';
import type { Derived } from './derived.ts';
import { dayWindow } from '../extract/dates.ts';
import { COUNTRIES } from '../extract/lexicon/places.ts';

export interface Stories {
  /** Story index of each event id. */
  storyOf: Int32Array;
  /** Event ids of each story, in id order. */
  members: number[][];
  /** The event that shows each story. */
  lead: number[];
  /** Story indexes by bucket key (kind and day or month): where a new event looks for its story. */
  buckets: Map<string, number[]>;
}

const DAY = 86_400_000;

// Casualties are most often those of a strike the same passage reports: one happening.
const kindGroup = (e: Event) => (e.kind === 'meeting' ? 'talks' : e.kind === 'casualties' ? 'attack' : e.kind);

/** How sure an event's date is: text over publication date, then day over month over year. */
function certainty(e: Event): number {
  if (!e.date) return 0;
  const p = e.date.precision === 'day' ? 3 : e.date.precision === 'month' ? 2 : 1;
  // A strike is shown by its report of the strike, not by the toll told with it.
  // A day the sentence gives itself before one borrowed from the story around it.
  return (e.date.source === 'text' ? (e.when ? 4 : 2) : 0) + p - (e.kind === 'casualties' ? 8 : 0);
}

/** [first, last] day an event's date can mean, in ms. */
function span(e: Event): [number, number] | null {
  if (!e.date) return null;
  // Event dates are shared objects (the base interns them): each is read once.
  let w = windows.get(e.date);
  if (!w) windows.set(e.date, (w = dayWindow(e.date, e.date.end)));
  return w;
}
const windows = new WeakMap<object, [number, number]>();

/** Dates that can mean the same happening: overlapping, a day apart at most; a publication date may lag the event by a few days. */
function sameTime(a: Event, b: Event): boolean {
  const x = span(a);
  const y = span(b);
  if (!x || !y) return false;
  if (a.date!.precision === 'year' || b.date!.precision === 'year') return false;
  const before = (a.date!.source === 'published' ? 3 : 1) * DAY;
  const after = (b.date!.source === 'published' ? 3 : 1) * DAY;
  // x reported by publication date may come up to 3 days after y; and the other way round.
  return x[0] <= y[1] + before && y[0] <= x[1] + after;
}

/** Person actors (ids) of an event: the evidence that two reports are of one happening; countries are in every story. */
type PeopleOf = (e: Event) => string[];

/**
 * PeopleOf for one grouping run. Grouping asks at every comparison, so the run keeps the answers;
 * they go with it (kept longer they would cost memory per event).
 */
function peopleLookup(kb: KnowledgeBase): PeopleOf {
  const memo = new Map<Event, string[]>();
  return (e) => {
    let people = memo.get(e);
    if (!people) memo.set(e, (people = e.actors.filter((a) => kb.personById.has(a))));
    return people;
  };
}

const SHARED_HAPPENINGS = new Set(['talks', 'attack', 'exchange']);

/**
 * How two reports' places relate: the same ("Oslo" and "Oslo", or one report's place among the
 * other's actors), different, or not comparable (one names none, or one names the country the
 * other's city is in).
 */
function places(a: Event, b: Event): 'same' | 'differ' | 'unknown' {
  if (!a.place || !b.place) {
    const p = (a.place ?? b.place)?.toLowerCase();
    const other = a.place ? b : a;
    return p && other.actors.some((x) => x.toLowerCase() === p) ? 'same' : 'unknown';
  }
  const x = a.place.toLowerCase();
  const y = b.place.toLowerCase();
  if (x === y || a.actors.some((w) => w.toLowerCase() === y) || b.actors.some((w) => w.toLowerCase() === x)) return 'same';
  return COUNTRIES.has(x) || COUNTRIES.has(y) ? 'unknown' : 'differ';
}

/** Both reports give the same day, read from the text (not the publication date). */
function sameDayTold(a: Event, b: Event): boolean {
  return a.date?.source === 'text' && b.date?.source === 'text' && a.date.precision === 'day' && b.date.precision === 'day' && a.date.value === b.date.value;
}

function sameEvent(kb: KnowledgeBase, peopleOf: PeopleOf, a: Event, b: Event): boolean {
  if (kindGroup(a) !== kindGroup(b) || a.background !== b.background) return false;
  const pa = peopleOf(a);
  const pb = peopleOf(b);
  const shared = pb.filter((x) => pa.includes(x)).length;
  const sharedPerson = shared > 0;
  // A statement is one person's: two statements are one only when the same person makes them.
  if (a.kind === 'statement' && (pa[0] === undefined || pa[0] !== pb[0])) return false;
  // A toll is the strike's when the same passage tells both; elsewhere it is a toll of its own.
  if ((a.kind === 'casualties') !== (b.kind === 'casualties') && a.paragraph !== b.paragraph) return false;
  // Sentences of one paragraph telling of one kind of happening tell of one, unless each gives its own
  // date and they differ ("met in Lisbon on Nov. 23 … in Oslo on Nov. 30"), or each its own place.
  if (a.paragraph === b.paragraph) {
    if (a.when && b.when && !sameTime(a, b)) return false;
    if (a.place && b.place && a.place.toLowerCase() !== b.place.toLowerCase() && !sharedPerson) return false;
    return true;
  }
  if (!sameTime(a, b)) return false;
  const where = places(a, b);
  // Two places named differently ("the port", "the city") are two events, unless two people are in both.
  if (where === 'differ') return shared >= 2;
  if (sharedPerson) return true;
  if (where === 'same' && (pa.length === 0 || pb.length === 0)) return true;
  // A round of talks, a strike or an exchange told on the same day by a report that names no one:
  // the one the other report names the people of, unless their places differ.
  if (SHARED_HAPPENINGS.has(kindGroup(a)) && (pa.length === 0 || pb.length === 0) && sameDayTold(a, b)) return true;
  if (a.place && b.place) return false;
  // Within one article, an event of the same kind and day that names nobody, or gives no time of its
  // own ("at the press conference with X"), is the one already told.
  // (Only for happenings many take part in: an appointment, a statement or a call is someone's own.)
  return kb.paragraphs[a.paragraph].article === kb.paragraphs[b.paragraph].article && (pa.length === 0 || pb.length === 0 || (SHARED_HAPPENINGS.has(kindGroup(a)) && (!a.when || !b.when)));
}

/**
 * Bucket keys: kind, month and one thing a matching report must share (a person, the place, or the
 * article itself). Buckets stay small however many events a month holds; an event files under its
 * first two people, its place and its article, and looks under all of them for the months its date
 * (with the slack a publication date allows) can mean.
 */
function keys(kb: KnowledgeBase, peopleOf: PeopleOf, e: Event): { own: string[]; look: string[] } {
  const t = monthsOf(e);
  if (!t) return { own: [], look: [] };
  const g = kindGroup(e);
  const people = peopleOf(e);
  const article = `a:${kb.paragraphs[e.paragraph].article}`;
  const place = e.place ? `l:${e.place.toLowerCase()}` : null;
  const own: string[] = [];
  const look: string[] = [];
  const add = (to: string[], m: string, id: string) => to.push(`${g}|${m}|${id}`);
  for (let i = 0; i < people.length; i++) {
    if (i < 2) add(own, t.own, `p:${people[i]}`);
    for (const m of t.look) add(look, m, `p:${people[i]}`);
  }
  for (const id of place ? [place, article] : [article]) {
    add(own, t.own, id);
    for (const m of t.look) add(look, m, id);
  }
  // A report that names no one and no place shares nothing else to be found by: a happening many
  // take part in files under its day too, and only such a report looks there (others looking there
  // would meet every report of the day, measured to cost more kinds than it merged).
  if (SHARED_HAPPENINGS.has(g) && e.date!.source === 'text' && e.date!.precision === 'day') {
    own.push(`${g}|d:${e.date!.value}`);
    if (people.length === 0 && !place) look.push(`${g}|d:${e.date!.value}`);
  }
  return { own, look };
}

/** The month an event files under and those it looks in, once per (shared) date object. */
function monthsOf(e: Event): { own: string; look: string[] } | null {
  const d = e.date;
  if (!d || d.precision === 'year') return null;
  let t = months.get(d);
  if (!t) {
    const [a, b] = span(e)!;
    const slack = (d.source === 'published' ? 3 : 1) * DAY;
    const m = (ms: number) => new Date(ms).toISOString().slice(0, 7);
    months.set(d, (t = { own: m(a), look: [...new Set([m(a - slack), m(a), m(b), m(b + slack)])] }));
  }
  return t;
}
const months = new WeakMap<object, { own: string; look: string[] }>();

function file(buckets: Map<string, number[]>, key: string, story: number, copied: Set<string> | null): void {
  let list = buckets.get(key);
  if (!list) buckets.set(key, (list = []));
  else if (copied && !copied.has(key)) buckets.set(key, (list = [...list]));
  copied?.add(key);
  if (!list.includes(story)) list.push(story);
}

/** Groups events (ids in increasing order) into stories, changing `s` in place; copied-on-write where `shared` says. */
function group(kb: KnowledgeBase, s: Stories, events: readonly Event[], shared: { members: Set<number>; buckets: Set<string> } | null): void {
  const peopleOf = peopleLookup(kb);
  for (const e of events) {
    const { own, look } = keys(kb, peopleOf, e);
    let found = -1;
    for (const k of look) {
      for (const st of s.buckets.get(k) ?? []) {
        // Against the story's lead and its first report only: matching any member would chain unrelated events together.
        const lead = kb.events[s.lead[st]];
        const first = kb.events[s.members[st][0]];
        if (sameEvent(kb, peopleOf, lead, e) || (first !== lead && sameEvent(kb, peopleOf, first, e))) {
          found = found < 0 ? st : Math.min(found, st);
          break;
        }
      }
    }
    let story = found;
    if (story < 0) {
      story = s.members.length;
      s.members.push([e.id]);
      s.lead.push(e.id);
    } else {
      if (shared && !shared.members.has(story)) {
        s.members[story] = [...s.members[story]];
        shared.members.add(story);
      }
      s.members[story].push(e.id);
      if (certainty(e) > certainty(kb.events[s.lead[story]])) s.lead[story] = e.id;
    }
    s.storyOf[e.id] = story;
    for (const k of own) file(s.buckets, k, story, shared && shared.buckets);
  }
}

export const STORIES: Derived<Stories> = {
  name: 'events as stories',
  make: (kb) => {
    const s: Stories = { storyOf: new Int32Array(kb.events.length), members: [], lead: [], buckets: new Map() };
    group(kb, s, kb.events, null);
    return s;
  },
  extend: (prev, kb, added) => {
    const storyOf = new Int32Array(kb.events.length);
    storyOf.set(prev.storyOf);
    const s: Stories = { storyOf, members: prev.members.slice(), lead: prev.lead.slice(), buckets: new Map(prev.buckets) };
    group(kb, s, added.events, { members: new Set(), buckets: new Set() });
    return s;
  },
  // Grouping 68,000 events takes a second; the stories read back from a cache in a few milliseconds.
  store: {
    save: (s) => [s.storyOf, Int32Array.from(s.lead), ...packLists(s.members), [...s.buckets.keys()], ...packLists(s.buckets.values())],
    load: ([storyOf, lead, memberIds, memberEnds, keys, bucketStories, bucketEnds]) => {
      const members = unpackLists(memberIds as Int32Array, memberEnds as Int32Array);
      const lists = unpackLists(bucketStories as Int32Array, bucketEnds as Int32Array);
      const buckets = new Map<string, number[]>();
      (keys as string[]).forEach((k, i) => buckets.set(k, lists[i]));
      if (members.length !== (lead as Int32Array).length || lists.length !== buckets.size) throw new Error('stories in the cache do not add up');
      return { storyOf: storyOf as Int32Array, members, lead: Array.from(lead as Int32Array), buckets };
    },
  },
};

/** Lists of numbers as one array of them all and one of where each list ends. */
function packLists(lists: Iterable<number[]>): [Int32Array, Int32Array] {
  const all = [...lists];
  const ends = new Int32Array(all.length);
  let n = 0;
  all.forEach((l, i) => (ends[i] = n += l.length));
  const values = new Int32Array(n);
  let at = 0;
  for (const l of all) for (const x of l) values[at++] = x;
  return [values, ends];
}

function unpackLists(values: Int32Array, ends: Int32Array): number[][] {
  const out: number[][] = new Array(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    const l: number[] = [];
    for (let k = from; k < ends[i]; k++) l.push(values[k]);
    out[i] = l;
    from = ends[i];
  }
  return out;
}

/** The events of an event's story, other than itself: the other reports of one happening. */
export function otherReports(kb: KnowledgeBase, e: Event): Event[] {
  const s = kb.derive(STORIES);
  return s.members[s.storyOf[e.id]].filter((id) => id !== e.id).map((id) => kb.events[id]);
}

/** Whether this event shows its story (the others are the same happening, told elsewhere). */
export function leadsStory(kb: KnowledgeBase, e: Event): boolean {
  const s = kb.derive(STORIES);
  return s.lead[s.storyOf[e.id]] === e.id;
}

/**
 * One real-world event, however many articles report it: the events of the base grouped into
 * stories. Two events are one story when they are of one kind (talks and meetings count as one
 * kind here: reporters call the same round either), their dates agree at the precision both know,
 * and they share an actor or a place. The story is shown by its lead: the event whose date is the
 * most certain (from the text before the publication date; a day before a month), the first
 * reported among equals.
 *
 * Events are grouped in id order, and an added article's events have the highest ids, so a base
 * extended article by article groups exactly as a base built at once does.
 */
import type { Event, KnowledgeBase } from './base.ts';
import type { Derived } from './derived.ts';
import { dayWindow } from '../extract/dates.ts';

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

const kindGroup = (e: Event) => (e.kind === 'meeting' ? 'talks' : e.kind);

/** How sure an event's date is: text over publication date, then day over month over year. */
function certainty(e: Event): number {
  if (!e.date) return 0;
  const p = e.date.precision === 'day' ? 3 : e.date.precision === 'month' ? 2 : 1;
  return (e.date.source === 'text' ? 4 : 0) + p;
}

/** [first, last] day an event's date can mean, in ms. */
function span(e: Event): [number, number] | null {
  return e.date ? dayWindow(e.date, e.date.end) : null;
}

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
function peopleOf(kb: KnowledgeBase, e: Event): string[] {
  return e.actors.filter((a) => kb.personById.has(a));
}

function sameEvent(kb: KnowledgeBase, a: Event, b: Event): boolean {
  if (kindGroup(a) !== kindGroup(b) || a.background !== b.background) return false;
  const pa = peopleOf(kb, a);
  const pb = peopleOf(kb, b);
  const shared = pb.filter((x) => pa.includes(x)).length;
  const sharedPerson = shared > 0;
  // A statement is one person's: two statements are one only when the same person makes them.
  if (a.kind === 'statement' && (pa[0] === undefined || pa[0] !== pb[0])) return false;
  // Sentences of one paragraph telling of one kind of happening, by the same people (or none named), tell of one.
  if (a.paragraph === b.paragraph) return sharedPerson || pa.length === 0 || pb.length === 0;
  if (!sameTime(a, b)) return false;
  // Two places named differently ("Miami", "Florida") are two events, unless two people are in both.
  if (a.place && b.place && a.place.toLowerCase() !== b.place.toLowerCase()) return shared >= 2;
  if (sharedPerson) return true;
  if (a.place && b.place) return pa.length === 0 || pb.length === 0;
  // Within one article, an event of the same kind and day that names nobody is the one already told.
  return kb.paragraphs[a.paragraph].article === kb.paragraphs[b.paragraph].article && (pa.length === 0 || pb.length === 0);
}

/** Bucket keys an event is filed under (its days, or its month) and those it looks in. */
function keys(e: Event): { own: string[]; look: string[] } {
  const s = span(e);
  if (!s || e.date!.precision === 'year') return { own: [], look: [] };
  const g = kindGroup(e);
  const month = (t: number) => `${g}|m|${new Date(t).toISOString().slice(0, 7)}`;
  if (e.date!.precision === 'month') return { own: [month(s[0])], look: [month(s[0])] };
  const own: string[] = [];
  const look = new Set<string>();
  // A range files under each of its days (a week at most: longer ones under their ends).
  for (let t = s[0], n = 0; t <= s[1] && n < 8; t += DAY, n++) own.push(`${g}|d|${new Date(t).toISOString().slice(0, 10)}`);
  const slack = e.date!.source === 'published' ? 3 : 1;
  for (let t = s[0] - slack * DAY; t <= s[1] + slack * DAY; t += DAY) look.add(`${g}|d|${new Date(t).toISOString().slice(0, 10)}`);
  look.add(month(s[0]));
  // Day-dated events are also filed under their month, for month-dated events to find.
  own.push(month(s[0]));
  return { own, look: [...look] };
}

function file(buckets: Map<string, number[]>, key: string, story: number, copied: Set<string> | null): void {
  let list = buckets.get(key);
  if (!list) buckets.set(key, (list = []));
  else if (copied && !copied.has(key)) buckets.set(key, (list = [...list]));
  copied?.add(key);
  if (!list.includes(story)) list.push(story);
}

/** Groups events (ids in increasing order) into stories, changing `s` in place; copied-on-write where `shared` says. */
function group(kb: KnowledgeBase, s: Stories, events: readonly Event[], shared: { members: Set<number>; buckets: Set<string> } | null): void {
  for (const e of events) {
    const { own, look } = keys(e);
    let found = -1;
    for (const k of look) {
      for (const st of s.buckets.get(k) ?? []) {
        // Against the story's lead and its first report only: matching any member would chain unrelated events together.
        const lead = kb.events[s.lead[st]];
        const first = kb.events[s.members[st][0]];
        if (sameEvent(kb, lead, e) || (first !== lead && sameEvent(kb, first, e))) {
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
};

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

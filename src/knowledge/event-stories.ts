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
import type { Event, KnowledgeBase, Recall } from './base.ts';
import type { Derived } from './derived.ts';
import { dayWindow } from '../extract/dates.ts';
import { COUNTRIES } from '../extract/lexicon/places.ts';
import { RECALLED_GROUPS, nameKey } from '../extract/events.ts';

export interface Stories {
  /** Story index of each event id. */
  storyOf: Int32Array;
  /** Event ids of each story, in id order. */
  members: number[][];
  /** The event that shows each story. */
  lead: number[];
  /** Story indexes by bucket key (kind and day or month): where a new event looks for its story. */
  buckets: Map<string, number[]>;
  /** The story each recall (kb.recalls id) names, -1 for none. */
  recallStory: Int32Array;
  /** Recall ids of each story that has some, in id order: passages that name it without reporting it. */
  recalledIn: Map<number, number[]>;
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
  // Unless it follows on in the same passage without a time of its own, naming no one the first does not
  // ("The statement said Nowak had agreed …" after "In a joint statement, Berg and Lund said …").
  const followsOn = a.paragraph === b.paragraph && !b.when && shared === pb.length;
  if (a.kind === 'statement' && !followsOn && (pa[0] === undefined || pa[0] !== pb[0])) return false;
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
  // Other names its sentence calls it by ("the Lisbon talks" held at a palace): where recalls look, never other events.
  // So do the places among its actors ("Lisbon said"), but no country: a happening is not named by one.
  for (const n of e.names ?? []) if (`l:${n}` !== place) add(own, t.own, `n:${n}`);
  for (const a of e.actors) {
    if (kb.personById.has(a)) continue;
    const n = nameKey(a);
    if (!COUNTRIES.has(n) && `l:${n}` !== place && !e.names?.includes(n)) add(own, t.own, `n:${n}`);
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

/** Groups events (ids in increasing order) into stories, changing `s` in place; copied-on-write where `shared` says. Returns the stories it changed. */
function group(kb: KnowledgeBase, s: Stories, events: readonly Event[], shared: { members: Set<number>; buckets: Set<string> } | null): Set<number> {
  const touched = new Set<number>();
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
    touched.add(story);
    for (const k of own) file(s.buckets, k, story, shared && shared.buckets);
  }
  return touched;
}

/** How far back a recall without a date of its own may name a happening. */
const RECALL_MONTHS = 12;

const monthKey = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/**
 * The story a recall names: of those of its kind filed under its place, one another article reports,
 * at the date its words give (else dated no later than its article's publication, within a year
 * before it), the latest; of equals the most reported, then the first. -1 when none fits.
 */
function recallTarget(kb: KnowledgeBase, s: Stories, r: Recall): number {
  const groups = RECALLED_GROUPS[r.kind];
  if (!groups) return -1;
  const p = kb.paragraphs[r.paragraph];
  const published = kb.article(p).published?.slice(0, 10) ?? null;
  if (!r.date && !published) return -1;
  const name = r.place.toLowerCase();
  const key = nameKey(r.place);
  let months: string[];
  let window: [number, number] | null = null;
  if (r.date && r.date.precision !== 'year') {
    window = dayWindow(r.date, r.date.end);
    months = [...new Set([monthKey(window[0] - DAY), monthKey(window[0]), monthKey(window[1]), monthKey(window[1] + DAY)])];
  } else if (r.date) {
    window = dayWindow(r.date, r.date.end);
    months = [];
    for (let m = new Date(window[0]); m.getTime() <= window[1]; m.setUTCMonth(m.getUTCMonth() + 1)) months.push(monthKey(m.getTime()));
  } else {
    const end = new Date(`${published}T00:00:00Z`);
    months = [];
    for (let i = 0; i <= RECALL_MONTHS; i++) months.push(monthKey(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 1)));
  }
  const upTo = published ? new Date(`${published}T00:00:00Z`).getTime() + DAY - 1 : Infinity;
  let best = -1;
  let bestStart = -Infinity;
  for (const g of groups) {
    for (const m of months) {
      for (const st of [...(s.buckets.get(`${g}|${m}|l:${name}`) ?? []), ...(s.buckets.get(`${g}|${m}|n:${key}`) ?? [])]) {
        if (st === best) continue;
        const lead = kb.events[s.lead[st]];
        const w = span(lead);
        if (!w) continue;
        // At the date the recall gives (a day either way), else no later than its article.
        // Without a date, what it names is news, not the history its article recalls.
        if (window ? !(w[0] <= window[1] + DAY && window[0] <= w[1] + DAY) : w[0] > upTo || lead.background) continue;
        if (s.members[st].some((id) => kb.paragraphs[kb.events[id].paragraph].article === p.article)) continue;
        const better = best < 0 || w[0] > bestStart || (w[0] === bestStart && (s.members[st].length > s.members[best].length || (s.members[st].length === s.members[best].length && st < best)));
        if (better) {
          best = st;
          bestStart = w[0];
        }
      }
    }
  }
  return best;
}

/** Resolves these recalls against the stories, changing `s` (copy-on-write of recalledIn's lists when `shared`). */
function link(kb: KnowledgeBase, s: Stories, recalls: Iterable<Recall>, shared: Set<number> | null): void {
  for (const r of recalls) {
    const was = s.recallStory[r.id];
    const now = recallTarget(kb, s, r);
    if (was === now) continue;
    s.recallStory[r.id] = now;
    if (was >= 0) {
      const rest = s.recalledIn.get(was)!.filter((id) => id !== r.id);
      if (rest.length) s.recalledIn.set(was, rest);
      else s.recalledIn.delete(was);
      shared?.add(was);
    }
    if (now >= 0) {
      const list = s.recalledIn.get(now);
      if (!list) s.recalledIn.set(now, [r.id]);
      else {
        const copy = shared && !shared.has(now) ? [...list] : list;
        shared?.add(now);
        // In id order, as a build at once makes them.
        let i = copy.length;
        while (i > 0 && copy[i - 1] > r.id) i--;
        copy.splice(i, 0, r.id);
        s.recalledIn.set(now, copy);
      }
    }
  }
}

export const STORIES: Derived<Stories> = {
  name: 'events as stories',
  make: (kb) => {
    const s: Stories = { storyOf: new Int32Array(kb.events.length), members: [], lead: [], buckets: new Map(), recallStory: new Int32Array(kb.recalls.length).fill(-1), recalledIn: new Map() };
    group(kb, s, kb.events, null);
    link(kb, s, kb.recalls, null);
    return s;
  },
  extend: (prev, kb, added) => {
    const storyOf = new Int32Array(kb.events.length);
    storyOf.set(prev.storyOf);
    const recallStory = new Int32Array(kb.recalls.length).fill(-1);
    recallStory.set(prev.recallStory);
    const s: Stories = { storyOf, members: prev.members.slice(), lead: prev.lead.slice(), buckets: new Map(prev.buckets), recallStory, recalledIn: new Map(prev.recalledIn) };
    const touched = group(kb, s, added.events, { members: new Set(), buckets: new Set() });
    // Recalls made before may now name another story: those filed under a place a changed story is
    // filed under (it may have become the latest there, or been filed there first). The rest name what they named.
    const places = new Set<string>();
    for (const st of touched) {
      for (const id of s.members[st]) {
        const e = kb.events[id];
        if (e.place) places.add(e.place.toLowerCase());
        for (const n of e.names ?? []) places.add(n);
      }
    }
    const again: Recall[] = [];
    const firstAdded = added.recalls.length ? added.recalls[0].id : kb.recalls.length;
    for (let i = 0; i < firstAdded; i++) if (places.has(kb.recalls[i].place.toLowerCase())) again.push(kb.recalls[i]);
    link(kb, s, [...again, ...added.recalls], new Set());
    return s;
  },
  // Grouping 68,000 events takes a second; the stories read back from a cache in a few milliseconds.
  store: {
    save: (s) => [s.storyOf, Int32Array.from(s.lead), ...packLists(s.members), [...s.buckets.keys()], ...packLists(s.buckets.values()), s.recallStory],
    load: ([storyOf, lead, memberIds, memberEnds, keys, bucketStories, bucketEnds, recallStory]) => {
      const members = unpackLists(memberIds as Int32Array, memberEnds as Int32Array);
      const lists = unpackLists(bucketStories as Int32Array, bucketEnds as Int32Array);
      const buckets = new Map<string, number[]>();
      (keys as string[]).forEach((k, i) => buckets.set(k, lists[i]));
      if (members.length !== (lead as Int32Array).length || lists.length !== buckets.size) throw new Error('stories in the cache do not add up');
      // Each story's recalls, from the story of each recall.
      const recalledIn = new Map<number, number[]>();
      (recallStory as Int32Array).forEach((st, id) => {
        if (st < 0) return;
        const list = recalledIn.get(st);
        if (list) list.push(id);
        else recalledIn.set(st, [id]);
      });
      return { storyOf: storyOf as Int32Array, members, lead: Array.from(lead as Int32Array), buckets, recallStory: recallStory as Int32Array, recalledIn };
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

/** The passages (paragraph ids) that name an event's story without reporting it, in reading order, once each. */
export function recalledIn(kb: KnowledgeBase, e: Event): number[] {
  const s = kb.derive(STORIES);
  const ids = s.recalledIn.get(s.storyOf[e.id]);
  if (!ids) return [];
  const out: number[] = [];
  for (const id of ids) if (out[out.length - 1] !== kb.recalls[id].paragraph) out.push(kb.recalls[id].paragraph);
  return out;
}

/** Whether this event shows its story (the others are the same happening, told elsewhere). */
export function leadsStory(kb: KnowledgeBase, e: Event): boolean {
  const s = kb.derive(STORIES);
  return s.lead[s.storyOf[e.id]] === e.id;
}

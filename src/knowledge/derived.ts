import type { Article } from './types.ts';
import type { Event, KnowledgeBase, Person, Quote, Recall } from './base.ts';

/** What one incremental reload added to a base: the only things a derived value needs to look at. */
export interface Addition {
  articles: Article[];
  quotes: Quote[];
  events: Event[];
  recalls: Recall[];
  /** People new to the base or mentioned by an added article, as they are in the new base. */
  people: Person[];
}

/**
 * A value computed from a base on first use (an ordering, a grouping) and kept with it. A big base
 * makes these slow to compute (a sort of every event), so one that knows how to `extend` itself is
 * carried over to a base with articles added, in time proportional to what was added: the first
 * query after a reload is as fast as the one before it.
 */
export interface Derived<T> {
  readonly name: string;
  make(kb: KnowledgeBase): T;
  /** The value for `kb` (this value's base with `added`), without touching `previous`. */
  extend?(previous: T, kb: KnowledgeBase, added: Addition): T;
  /**
   * How a cache keeps the value, for one too slow to make at every start: as a few plain values
   * (typed arrays, lists of strings: quick to write and read back), and the value from them.
   */
  store?: { save(value: T): unknown[]; load(frames: unknown[]): T };
}

/** What a base and an addition to it both have. */
type Items = Pick<Addition, 'quotes' | 'events'>;

/** Some of a base's quotes or events in an order: made by sorting, extended by merging what was added. */
export function sortedList<T>(name: string, itemsOf: (from: Items) => readonly T[], compare: (a: T, b: T) => number): Derived<T[]> {
  return {
    name,
    make: (kb) => [...itemsOf(kb)].sort(compare),
    extend: (prev, _kb, added) => mergeSorted(prev, [...itemsOf(added)].sort(compare), compare),
  };
}

/** A base's quotes or events grouped by key, in reading order: extended by appending what was added. */
export function groupedList<K, V, I>(name: string, itemsOf: (from: Items) => readonly I[], keysOf: (item: I) => Iterable<K>, valueOf: (item: I) => V): Derived<Map<K, V[]>> {
  return {
    name,
    make: (kb) => grouped(itemsOf(kb), keysOf, valueOf),
    extend: (prev, _kb, added) => appendGrouped(prev, itemsOf(added), keysOf, valueOf),
  };
}

/**
 * Both sorted lists as one sorted list; ties keep `a`'s items first. `b` is what was added (a few
 * items), `a` may be every event of the base: each of b's items finds its place by bisection, and
 * the runs of `a` between them are copied whole.
 */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  if (b.length === 0) return a.slice();
  const out: T[] = [];
  let from = 0;
  for (const item of b) {
    const at = partitionPoint(a, (x) => compare(x, item) <= 0, from);
    for (let i = from; i < at; i++) out.push(a[i]);
    out.push(item);
    from = at;
  }
  for (let i = from; i < a.length; i++) out.push(a[i]);
  return out;
}

/**
 * A grouping with more items appended: a new map whose lists are copied only where they grow, so
 * the previous grouping stays as it was.
 */
export function appendGrouped<K, V, I>(previous: ReadonlyMap<K, readonly V[]>, items: Iterable<I>, keysOf: (item: I) => Iterable<K>, valueOf: (item: I) => V): Map<K, V[]> {
  const out = new Map(previous) as Map<K, V[]>;
  const copied = new Set<K>();
  for (const item of items) {
    for (const k of keysOf(item)) {
      let list = out.get(k);
      if (!list) out.set(k, (list = []));
      else if (previous.has(k) && !copied.has(k)) out.set(k, (list = [...list]));
      copied.add(k);
      list.push(valueOf(item));
    }
  }
  return out;
}

/** A grouping of items by key, in the order given. */
export function grouped<K, V, I>(items: Iterable<I>, keysOf: (item: I) => Iterable<K>, valueOf: (item: I) => V): Map<K, V[]> {
  return appendGrouped(new Map(), items, keysOf, valueOf);
}

/** Index of the first item for which `before` is false, in a list where it is true then false. */
export function partitionPoint<T>(list: readonly T[], before: (item: T) => boolean, lo = 0, hi = list.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

import type { KnowledgeBase } from '../knowledge/base.ts';
import { EVENT_KIND_WORDS, type EventKind } from '../extract/lexicon/events.ts';
import { fold } from '../text/normalize.ts';
import { LIMITS, cap } from '../render/discord-limits.ts';
import { FuzzyVocabulary } from '../search/vocabulary.ts';
import type { Event } from '../knowledge/base.ts';
import type { Article } from '../knowledge/types.ts';
import { mergeSorted, type Derived } from '../knowledge/derived.ts';
import { BY_SPEAKER } from '../answers/quote.ts';
import { TITLES } from '../answers/titles.ts';
import { BY_MENTIONS } from '../answers/who.ts';

/**
 * Autocomplete choices, answered from memory: tiers of exact, prefix/alias, then fuzzy; sensible
 * choices when the box is empty; at most 25; names and values within 100 characters.
 */
export interface Choice {
  name: string;
  value: string;
}

const choice = (name: string, value: string): Choice => ({ name: cap(name, LIMITS.choiceName) || '—', value: cap(value, LIMITS.choiceValue) || '—' });

export function peopleChoices(kb: KnowledgeBase | null, typed: string, onlySpeakers = false): Choice[] {
  if (!kb) return [];
  // An empty box offers the most mentioned people.
  let people = typed.trim() ? kb.peopleIndex.suggest(typed, 50) : kb.derive(BY_MENTIONS).slice(0, 50);
  if (onlySpeakers) {
    const speakers = kb.derive(BY_SPEAKER);
    people = people.filter((p) => speakers.has(p.id));
  }
  return people.slice(0, LIMITS.choices).map((p) => choice(p.role ? `${p.name} — ${p.role}` : p.name, p.name));
}

const KIND_LABELS: Record<EventKind, string> = {
  talks: 'rounds of talks', meeting: 'meetings and summits', call: 'calls', statement: 'statements and posts', plan: 'plans and proposals',
  attack: 'strikes and attacks', exchange: 'prisoner exchanges', appointment: 'appointments', resignation: 'resignations and dismissals',
  aid: 'loans, aid and pledges', decision: 'decisions and agreements', casualties: 'casualties',
};

/** Something events can be about: a kind of event, or an actor or place they name. */
interface Topic {
  /** The kind, or the actor (person id, or the words as written). */
  kind: EventKind | null;
  actor: string | null;
  /** Folded words to match what is typed against. */
  key: string;
  words: string[];
}

/**
 * Event topics: the kinds present, then the people and places events name, most frequent first.
 * Grows with the base: an added article appends topics and recounts, the fuzzy vocabulary is extended.
 */
interface Topics {
  /** How many events name each actor or place. */
  counts: Map<string, number>;
  /** Actor -> the order it was first named in (how equally frequent topics are ordered); kinds seen are kept as "\u0000" + kind. */
  seen: Map<string, number>;
  list: Topic[];
  /** Which actor has an entry under which key, so one is added when a person is renamed. */
  keyed: Set<string>;
  /** Entries of a person's former name (a later article gave the full name): never offered. */
  dead: Set<number>;
  /** Positions in `list`, the kinds (in their order) then the most frequent first. */
  order: number[];
  fuzzy: FuzzyVocabulary;
}

const KINDS = Object.keys(KIND_LABELS) as EventKind[];
const KIND_KEYS = Object.fromEntries(KINDS.map((k) => [k, fold(`${KIND_LABELS[k]} ${EVENT_KIND_WORDS[k].join(' ')}`)])) as Record<EventKind, string>;

type Counted = Omit<Topics, 'order' | 'fuzzy'>;

/** Topics new in these events (or renamed people), appended to `list`; counts updated. */
function addTopics(kb: KnowledgeBase, t: Counted, events: Iterable<Event>, people: Iterable<{ id: string; name: string }>): Topic[] {
  const fresh: Topic[] = [];
  const offer = (kind: EventKind | null, actor: string | null, key: string) => {
    const id = `${kind ?? ''}\u0000${actor ?? ''}\u0000${key}`;
    if (t.keyed.has(id)) return;
    t.keyed.add(id);
    fresh.push({ kind, actor, key, words: key.split(/\s+/) });
  };
  for (const e of events) {
    if (!t.seen.has(`\u0000${e.kind}`)) {
      t.seen.set(`\u0000${e.kind}`, -1);
      offer(e.kind, null, KIND_KEYS[e.kind]);
    }
    for (let k = 0; k <= e.actors.length; k++) {
      const a = k < e.actors.length ? e.actors[k] : e.place;
      if (a === null) continue;
      t.counts.set(a, (t.counts.get(a) ?? 0) + 1);
      if (t.seen.has(a)) continue;
      t.seen.set(a, t.seen.size);
      offer(null, a, fold(kb.personById.get(a)?.name ?? a));
    }
  }
  for (const p of people) if (t.counts.has(p.id)) offer(null, p.id, fold(p.name));
  // A new entry for an actor already listed is a new name (a later article gave the full name): the old one goes.
  const renamed = new Set(fresh.map((x) => x.actor).filter((a) => a !== null));
  const gone = t.list.flatMap((x, i) => (x.actor !== null && renamed.has(x.actor) ? [i] : []));
  if (gone.length) t.dead = new Set([...t.dead, ...gone]);
  for (const x of fresh) t.list.push(x);
  return fresh;
}

/** Kinds first (in their order), then the most frequent, then the first named. */
function topicOrder(t: Counted): (a: number, b: number) => number {
  const rank = (x: Topic) => (x.kind ? -1e12 + KINDS.indexOf(x.kind) : -(t.counts.get(x.actor!) ?? 0));
  const first = (x: Topic) => (x.kind ? 0 : t.seen.get(x.actor!)!);
  return (a, b) => rank(t.list[a]) - rank(t.list[b]) || first(t.list[a]) - first(t.list[b]);
}

export const TOPICS: Derived<Topics> = {
  name: 'event topics',
  make: (kb) => {
    const t: Counted = { counts: new Map(), seen: new Map(), list: [], keyed: new Set(), dead: new Set() };
    addTopics(kb, t, kb.events, []);
    const order = t.list.map((_, i) => i).sort(topicOrder(t));
    return { ...t, order, fuzzy: new FuzzyVocabulary(t.list.map((x) => x.key), 0.4) };
  },
  extend: (prev, kb, added) => {
    const t: Counted = { counts: new Map(prev.counts), seen: new Map(prev.seen), list: prev.list.slice(), keyed: new Set(prev.keyed), dead: prev.dead };
    const fresh = addTopics(kb, t, added.events, added.people);
    // Only the topics the added events name have moved: take them out and merge them back in.
    const named = new Set(added.events.flatMap((e) => (e.place ? [...e.actors, e.place] : e.actors)));
    const moved = (i: number) => t.list[i].actor !== null && named.has(t.list[i].actor!);
    const cmp = topicOrder(t);
    const stay = prev.order.filter((i) => !moved(i) && !t.dead.has(i));
    const back = [...prev.order.filter((i) => moved(i) && !t.dead.has(i)), ...fresh.map((_, k) => prev.list.length + k).filter((i) => !t.dead.has(i))];
    return { ...t, order: mergeSorted(stay, back.sort(cmp), cmp), fuzzy: prev.fuzzy.withAdded(fresh.map((x) => x.key)) };
  },
};

function topicChoice(kb: KnowledgeBase, x: Topic): Choice {
  if (x.kind) return choice(KIND_LABELS[x.kind], EVENT_KIND_WORDS[x.kind][0]);
  const name = kb.personById.get(x.actor!)?.name ?? x.actor!;
  return choice(name, name);
}

export function topicChoices(kb: KnowledgeBase | null, typed: string): Choice[] {
  if (!kb) return [];
  const { list, order, fuzzy, dead, seen } = kb.derive(TOPICS);
  const q = fold(typed).trim();
  const picked = new Set<Topic>();
  if (!q) for (let i = 0; i < order.length && picked.size < LIMITS.choices * 2; i++) picked.add(list[order[i]]);
  else {
    // Tiers: exact, then prefix of any word (kinds, then most frequent first), then fuzzy to fill.
    for (const i of order) if (list[i].key === q) picked.add(list[i]);
    for (let k = 0; k < order.length && picked.size < LIMITS.choices * 2; k++) {
      const x = list[order[k]];
      if (x.words.some((w) => w.startsWith(q))) picked.add(x);
    }
    if (picked.size < LIMITS.choices && q.length >= 3) {
      // Equal scores in the order topics were first named, whatever order they were indexed in.
      const seenAt = (i: number) => seen.get(list[i].actor ?? '') ?? -1;
      const close = fuzzy.correct(q, LIMITS.choices + dead.size, { lengthSlack: 40, minShare: 0.5 }).filter((c) => !dead.has(c.index));
      for (const c of close.sort((a, b) => a.score - b.score || seenAt(a.index) - seenAt(b.index)).slice(0, LIMITS.choices)) picked.add(list[c.index]);
    }
  }
  // One choice per name: a renamed person has an entry under each name.
  const out = new Map<string, Choice>();
  for (const x of picked) {
    const c = topicChoice(kb, x);
    if (!out.has(c.value)) out.set(c.value, c);
  }
  const choices = [...out.values()].slice(0, LIMITS.choices);
  // Whatever was typed is itself a valid topic to search for.
  if (q && !choices.some((c) => fold(c.value) === q)) choices.unshift(choice(typed.trim(), typed.trim()));
  return choices.slice(0, LIMITS.choices);
}

export function articleChoices(kb: KnowledgeBase | null, typed: string): Choice[] {
  if (!kb) return [];
  const q = fold(typed).trim();
  const label = (a: Article) => `${a.title}${a.published ? ` (${a.published.slice(0, 10)})` : ''}`;
  if (!q) return kb.articles.slice(-LIMITS.choices).reverse().map((a) => choice(label(a), a.id));
  const { ids, folded, at, fuzzy } = kb.derive(TITLES);
  const picked = new Set<Article>();
  // Newest first.
  for (let i = kb.articles.length - 1; i >= 0 && picked.size < LIMITS.choices; i--) {
    const a = kb.articles[i];
    if (folded[at.get(a.id)!].includes(q) || a.id.includes(q)) picked.add(a);
  }
  if (picked.size < LIMITS.choices && q.length >= 3) for (const c of fuzzy.correct(q, LIMITS.choices, { lengthSlack: 200, minShare: 0.5 })) picked.add(kb.byArticle.get(ids[c.index])!);
  return [...picked].slice(0, LIMITS.choices).map((a) => choice(label(a), a.id));
}

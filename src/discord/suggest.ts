import type { KnowledgeBase } from '../knowledge/base.ts';
import { EVENT_KIND_WORDS, type EventKind } from '../extract/lexicon/events.ts';
import { fold } from '../text/normalize.ts';
import { LIMITS, cap } from '../render/discord-limits.ts';
import { FuzzyVocabulary } from '../search/vocabulary.ts';
import type { Event } from '../knowledge/base.ts';
import type { Article } from '../knowledge/types.ts';
import type { Derived } from '../knowledge/derived.ts';
import { BY_SPEAKER } from '../answers/quote.ts';

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
  let people = kb.peopleIndex.suggest(typed, 50);
  if (onlySpeakers) {
    const speakers = kb.derive(BY_SPEAKER);
    people = people.filter((p) => speakers.has(p.id));
  }
  return people.slice(0, LIMITS.choices).map((p) => choice(p.role ? `${p.name} — ${p.role}` : p.name, p.name));
}

const KIND_LABELS: Record<EventKind, string> = {
  talks: 'talks and meetings', statement: 'statements and posts', attack: 'strikes and attacks', aid: 'loans, aid and pledges',
  call: 'calls', decision: 'decisions and agreements', casualties: 'casualties',
};

interface Topic {
  label: string;
  value: string;
  key: string;
  words: string[];
  weight: number;
}
interface Topics {
  /** How many events name each actor (person id, or words as written) or place. */
  counts: Map<string, number>;
  kinds: Set<EventKind>;
  list: Topic[];
  fuzzy: FuzzyVocabulary;
}

function count(counts: Map<string, number>, kinds: Set<EventKind>, events: Iterable<Event>): void {
  for (const e of events) {
    kinds.add(e.kind);
    for (const a of e.actors) counts.set(a, (counts.get(a) ?? 0) + 1);
    if (e.place) counts.set(e.place, (counts.get(e.place) ?? 0) + 1);
  }
}

/** Event topics: the kinds present, then the people and places events name, most frequent first. */
function topicsFrom(kb: KnowledgeBase, counts: Map<string, number>, kinds: Set<EventKind>): Topics {
  const byName = new Map<string, number>();
  for (const [actor, n] of counts) {
    const name = kb.personById.get(actor)?.name ?? actor;
    byName.set(name, (byName.get(name) ?? 0) + n);
  }
  const list: Topic[] = [
    ...(Object.keys(KIND_LABELS) as EventKind[]).filter((k) => kinds.has(k)).map((k) => ({ label: KIND_LABELS[k], value: EVENT_KIND_WORDS[k][0], key: fold(`${KIND_LABELS[k]} ${EVENT_KIND_WORDS[k].join(' ')}`), weight: 1e9 })),
    ...[...byName].map(([name, n]) => ({ label: name, value: name, key: fold(name), weight: n })),
  ]
    .map((t) => ({ ...t, words: t.key.split(/\s+/) }))
    .sort((a, b) => b.weight - a.weight);
  return { counts, kinds, list, fuzzy: new FuzzyVocabulary(list.map((t) => t.key), 0.4) };
}

const TOPICS: Derived<Topics> = {
  name: 'event topics',
  make: (kb) => {
    const counts = new Map<string, number>();
    const kinds = new Set<EventKind>();
    count(counts, kinds, kb.events);
    return topicsFrom(kb, counts, kinds);
  },
  extend: (prev, kb, added) => {
    const counts = new Map(prev.counts);
    const kinds = new Set(prev.kinds);
    count(counts, kinds, added.events);
    return topicsFrom(kb, counts, kinds);
  },
};

export function topicChoices(kb: KnowledgeBase | null, typed: string): Choice[] {
  if (!kb) return [];
  const { list, fuzzy } = kb.derive(TOPICS);
  const q = fold(typed).trim();
  if (!q) return list.slice(0, LIMITS.choices).map((x) => choice(x.label, x.value));
  const picked = new Set<Topic>();
  // Tiers: exact, then prefix of any word (most frequent first), then fuzzy to fill.
  for (const x of list) if (x.key === q) picked.add(x);
  for (const x of list) {
    if (picked.size >= LIMITS.choices) break;
    if (x.words.some((w) => w.startsWith(q))) picked.add(x);
  }
  if (picked.size < LIMITS.choices && q.length >= 3) for (const c of fuzzy.correct(q, LIMITS.choices, { lengthSlack: 40, minShare: 0.5 })) picked.add(list[c.index]);
  const out = [...picked].slice(0, LIMITS.choices).map((x) => choice(x.label, x.value));
  // Whatever was typed is itself a valid topic to search for.
  if (!out.some((c) => fold(c.value) === q)) out.unshift(choice(typed.trim(), typed.trim()));
  return out.slice(0, LIMITS.choices);
}

/** Articles newest first, with their folded titles for matching. */
const TITLES: Derived<{ newest: Article[]; folded: string[]; fuzzy: FuzzyVocabulary }> = {
  name: 'article titles',
  make: (kb) => {
    const newest = [...kb.articles].reverse();
    const folded = newest.map((a) => fold(a.title));
    return { newest, folded, fuzzy: new FuzzyVocabulary(folded, 0.4) };
  },
};

export function articleChoices(kb: KnowledgeBase | null, typed: string): Choice[] {
  if (!kb) return [];
  const q = fold(typed).trim();
  const label = (a: Article) => `${a.title}${a.published ? ` (${a.published.slice(0, 10)})` : ''}`;
  if (!q) return kb.articles.slice(-LIMITS.choices).reverse().map((a) => choice(label(a), a.id));
  const { newest, folded, fuzzy } = kb.derive(TITLES);
  const picked = new Set<Article>();
  for (let i = 0; i < newest.length && picked.size < LIMITS.choices; i++) if (folded[i].includes(q) || newest[i].id.includes(q)) picked.add(newest[i]);
  if (picked.size < LIMITS.choices && q.length >= 3) for (const c of fuzzy.correct(q, LIMITS.choices, { lengthSlack: 200, minShare: 0.5 })) picked.add(newest[c.index]);
  return [...picked].slice(0, LIMITS.choices).map((a) => choice(label(a), a.id));
}

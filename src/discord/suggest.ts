import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/base.ts';
import { EVENT_KIND_WORDS, type EventKind } from '../extract/lexicon/events.ts';
import { fold } from '../text/normalize.ts';
import { LIMITS } from '../render/discord-limits.ts';

/**
 * Autocomplete choices, answered from memory: tiers of exact, prefix/alias, then fuzzy; sensible
 * choices when the box is empty; at most 25; names and values within 100 characters.
 */
export interface Choice {
  name: string;
  value: string;
}

const cap = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const choice = (name: string, value: string): Choice => ({ name: cap(name, LIMITS.choiceName) || '—', value: cap(value, LIMITS.choiceValue) || '—' });

export function peopleChoices(kb: KnowledgeBase | null, typed: string, onlySpeakers = false): Choice[] {
  if (!kb) return [];
  let people = kb.peopleIndex.suggest(typed, 50);
  if (onlySpeakers) {
    const speakers = new Set(kb.quotes.flatMap((q) => q.speakers));
    people = people.filter((p) => speakers.has(p.id));
  }
  return people.slice(0, LIMITS.choices).map((p) => choice(p.role ? `${p.name} — ${p.role}` : p.name, p.name));
}

const KIND_LABELS: Record<EventKind, string> = {
  talks: 'talks and meetings', statement: 'statements and posts', attack: 'strikes and attacks', aid: 'loans, aid and pledges',
  call: 'calls', decision: 'decisions and agreements', casualties: 'casualties',
};

interface Topics {
  list: { label: string; value: string; key: string; weight: number }[];
  fuse: Fuse<{ label: string; value: string; key: string; weight: number }>;
}
const topicCache = new WeakMap<KnowledgeBase, Topics>();

/** Event topics: the kinds present, then the people and places events name, most frequent first. */
function topicsOf(kb: KnowledgeBase): Topics {
  let t = topicCache.get(kb);
  if (t) return t;
  const counts = new Map<string, number>();
  for (const e of kb.events) for (const a of [...e.actors, ...(e.place ? [e.place] : [])]) counts.set(a, (counts.get(a) ?? 0) + 1);
  const kinds = (Object.keys(KIND_LABELS) as EventKind[]).filter((k) => kb.events.some((e) => e.kind === k));
  const list = [
    ...kinds.map((k) => ({ label: KIND_LABELS[k], value: EVENT_KIND_WORDS[k][0], key: fold(`${KIND_LABELS[k]} ${EVENT_KIND_WORDS[k].join(' ')}`), weight: 1000 })),
    ...[...counts.entries()].map(([name, n]) => ({ label: name, value: name, key: fold(name), weight: n })),
  ].sort((a, b) => b.weight - a.weight);
  t = { list, fuse: new Fuse(list, { keys: ['key'], threshold: 0.4, ignoreLocation: true }) };
  topicCache.set(kb, t);
  return t;
}

export function topicChoices(kb: KnowledgeBase | null, typed: string): Choice[] {
  if (!kb) return [];
  const { list, fuse } = topicsOf(kb);
  const q = fold(typed).trim();
  if (!q) return list.slice(0, LIMITS.choices).map((x) => choice(x.label, x.value));
  const exact = list.filter((x) => x.key === q || fold(x.value) === q);
  const prefix = list.filter((x) => !exact.includes(x) && x.key.split(/\s+/).some((w) => w.startsWith(q)));
  const fuzzy = fuse.search(q, { limit: LIMITS.choices }).map((r) => r.item).filter((x) => !exact.includes(x) && !prefix.includes(x));
  const out = [...exact, ...prefix, ...fuzzy].slice(0, LIMITS.choices).map((x) => choice(x.label, x.value));
  // Whatever was typed is itself a valid topic to search for.
  if (!out.some((c) => fold(c.value) === q)) out.unshift(choice(typed.trim(), typed.trim()));
  return out.slice(0, LIMITS.choices);
}

export function articleChoices(kb: KnowledgeBase | null, typed: string): Choice[] {
  if (!kb) return [];
  const q = fold(typed).trim();
  const newest = [...kb.articles].reverse();
  const label = (a: (typeof newest)[number]) => `${a.title}${a.published ? ` (${a.published.slice(0, 10)})` : ''}`;
  if (!q) return newest.slice(0, LIMITS.choices).map((a) => choice(label(a), a.id));
  const hit = newest.filter((a) => fold(a.title).includes(q) || a.id.includes(q));
  const fuzzy = new Fuse(newest, { keys: ['title', 'id'], threshold: 0.4, ignoreLocation: true }).search(q, { limit: LIMITS.choices }).map((r) => r.item);
  return [...new Set([...hit, ...fuzzy])].slice(0, LIMITS.choices).map((a) => choice(label(a), a.id));
}

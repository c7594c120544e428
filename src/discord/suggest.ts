import type { KnowledgeBase } from '../knowledge/base.ts';
import { EVENT_KIND_WORDS, type EventKind } from '../extract/lexicon/events.ts';
import { fold } from '../text/normalize.ts';
import { LIMITS, cap } from '../render/discord-limits.ts';
import { FuzzyVocabulary } from '../search/vocabulary.ts';

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
    const speakers = kb.cached('speakerIds', () => new Set(kb.quotes.flatMap((q) => q.speakers)));
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
  list: Topic[];
  fuzzy: FuzzyVocabulary;
}

/** Event topics: the kinds present, then the people and places events name, most frequent first. */
function topicsOf(kb: KnowledgeBase): Topics {
  return kb.cached('topics', () => makeTopics(kb));
}

function makeTopics(kb: KnowledgeBase): Topics {
  const counts = new Map<string, number>();
  for (const e of kb.events) for (const a of [...e.actors, ...(e.place ? [e.place] : [])]) counts.set(a, (counts.get(a) ?? 0) + 1);
  const kinds = (Object.keys(KIND_LABELS) as EventKind[]).filter((k) => kb.events.some((e) => e.kind === k));
  const list: Topic[] = [
    ...kinds.map((k) => ({ label: KIND_LABELS[k], value: EVENT_KIND_WORDS[k][0], key: fold(`${KIND_LABELS[k]} ${EVENT_KIND_WORDS[k].join(' ')}`), weight: 1e9 })),
    ...[...counts.entries()].map(([name, n]) => ({ label: name, value: name, key: fold(name), weight: n })),
  ]
    .map((t) => ({ ...t, words: t.key.split(/\s+/) }))
    .sort((a, b) => b.weight - a.weight);
  return { list, fuzzy: new FuzzyVocabulary(list.map((t) => t.key), 0.4) };
}

export function topicChoices(kb: KnowledgeBase | null, typed: string): Choice[] {
  if (!kb) return [];
  const { list, fuzzy } = topicsOf(kb);
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

export function articleChoices(kb: KnowledgeBase | null, typed: string): Choice[] {
  if (!kb) return [];
  const q = fold(typed).trim();
  const newest = [...kb.articles].reverse();
  const label = (a: (typeof newest)[number]) => `${a.title}${a.published ? ` (${a.published.slice(0, 10)})` : ''}`;
  if (!q) return newest.slice(0, LIMITS.choices).map((a) => choice(label(a), a.id));
  const titles = kb.cached('articleTitles', () => ({ folded: newest.map((a) => fold(a.title)), fuzzy: new FuzzyVocabulary(newest.map((a) => fold(a.title)), 0.4) }));
  const picked = new Set<(typeof newest)[number]>();
  newest.forEach((a, i) => {
    if (picked.size < LIMITS.choices && (titles.folded[i].includes(q) || a.id.includes(q))) picked.add(a);
  });
  if (picked.size < LIMITS.choices && q.length >= 3) for (const c of titles.fuzzy.correct(q, LIMITS.choices, { lengthSlack: 200, minShare: 0.5 })) picked.add(newest[c.index]);
  return [...picked].slice(0, LIMITS.choices).map((a) => choice(label(a), a.id));
}

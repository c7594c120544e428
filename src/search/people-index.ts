import type { Person } from '../knowledge/base.ts';
import { fold, fullNameKey, nameKey } from '../text/normalize.ts';
import { TextIndex } from './text-index.ts';
import { FuzzyVocabulary } from './vocabulary.ts';

export type NameTier = 'exact' | 'name-word' | 'prefix' | 'fuzzy';
const TIER_RANK: Record<NameTier, number> = { exact: 0, 'name-word': 1, prefix: 2, fuzzy: 3 };

export interface PersonMatch {
  person: Person;
  tier: NameTier;
  /** 0 best … 1 worst, within the tier. */
  score: number;
}

interface NameEntry {
  person: number;
  folded: string;
  key: string;
  words: string[];
}

/**
 * Finding people: by name in tiers (exact, a word of the name or its transliteration key, prefix,
 * then fuse.js fuzzy over the short list of names and aliases), and by role through a small
 * text index over what the articles call them.
 */
export class PeopleIndex {
  private readonly entries: NameEntry[] = [];
  private readonly wordIndex = new Map<string, Set<number>>();
  private readonly fuzzy: FuzzyVocabulary;
  private readonly loose: FuzzyVocabulary;
  private readonly roles: TextIndex;
  private readonly popular: number[];
  private readonly byFolded = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  private readonly sortedWords: { word: string; entry: number }[] = [];

  constructor(readonly people: readonly Person[]) {
    people.forEach((p, i) => {
      for (const n of new Set([p.name, ...p.aliases])) {
        const folded = fold(n).replace(/['’]/g, '');
        this.entries.push({ person: i, folded, key: fullNameKey(n), words: folded.split(/[\s-]+/) });
        for (const w of folded.split(/[\s-]+/)) {
          for (const k of new Set([w, nameKey(w)])) {
            if (!k) continue;
            let set = this.wordIndex.get(k);
            if (!set) this.wordIndex.set(k, (set = new Set()));
            set.add(i);
          }
        }
      }
    });
    this.entries.forEach((e, i) => {
      for (const [map, k] of [[this.byFolded, e.folded], [this.byKey, e.key]] as const) {
        const list = map.get(k);
        if (list) list.push(i);
        else map.set(k, [i]);
      }
      for (const w of new Set([e.folded, ...e.words])) this.sortedWords.push({ word: w, entry: i });
    });
    this.sortedWords.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    this.fuzzy = new FuzzyVocabulary(this.entries.map((e) => e.folded), 0.4);
    this.loose = new FuzzyVocabulary(this.entries.map((e) => e.folded), 0.6);
    this.roles = new TextIndex(people.map((p) => [...p.roles, p.affiliation ?? ''].join('. ')));
    this.popular = people.map((_, i) => i).sort((a, b) => people[b].paragraphs.length - people[a].paragraphs.length || people[a].name.localeCompare(people[b].name));
  }

  /** People whose name matches, best tier first. */
  byName(query: string, limit = 10, fill = false): PersonMatch[] {
    // Operators and punctuation are text to strip, never syntax: "!Berg" is a name.
    const q = fold(query).replace(/['’]s\b/g, '').replace(/['’]/g, '').replace(/[^\p{L}\p{N}\s-]+/gu, ' ').replace(/\s+/g, ' ').trim();
    if (!q) return [];
    const best = new Map<number, PersonMatch>();
    const offer = (i: number, tier: NameTier, score: number) => {
      const cur = best.get(i);
      if (!cur || TIER_RANK[tier] < TIER_RANK[cur.tier] || (cur.tier === tier && score < cur.score)) best.set(i, { person: this.people[i], tier, score });
    };
    const qKey = fullNameKey(q);
    for (const i of this.byFolded.get(q) ?? []) offer(this.entries[i].person, 'exact', 0);
    if (qKey) for (const i of this.byKey.get(qKey) ?? []) offer(this.entries[i].person, 'exact', 0.1);
    const qWords = q.split(' ');
    if (qWords.length <= 3) {
      // Every query word must be a word of the name (or sound like one): "Berg", "Anna Berg".
      let hit: Set<number> | null = null;
      for (const w of qWords) {
        const set = new Set([...(this.wordIndex.get(w) ?? []), ...(this.wordIndex.get(nameKey(w)) ?? [])]);
        hit = hit === null ? set : new Set([...(hit as Set<number>)].filter((x) => set.has(x)));
      }
      for (const i of hit ?? []) offer(i, 'name-word', 0.2);
    }
    if (q.length >= 2) {
      // Names and name words in sorted order: the prefix matches are one contiguous run.
      let lo = 0;
      let hi = this.sortedWords.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.sortedWords[mid].word < q) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < this.sortedWords.length && this.sortedWords[k].word.startsWith(q); k++) {
        const e = this.entries[this.sortedWords[k].entry];
        offer(e.person, 'prefix', 0.3 + (e.folded.length - q.length) / 200);
      }
    }
    // Fuzzy only when nothing better was found, or to fill a suggestion list.
    if (q.length >= 3 && (best.size === 0 || (fill && best.size < limit))) {
      for (const r of this.fuzzy.correct(q, limit * 2, { lengthSlack: Math.max(3, q.length * 0.5), minShare: 0.3 })) offer(this.entries[r.index].person, 'fuzzy', r.score);
    }
    return [...best.values()]
      .sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.score - b.score || b.person.paragraphs.length - a.person.paragraphs.length)
      .slice(0, limit);
  }

  /** People whose role or affiliation matches the words: "special envoy", "the president's advisor". */
  byRole(query: string, limit = 10): { person: Person; matched: number; words: number; score: number }[] {
    const words = TextIndex.queryWords(query);
    if (!words.length) return [];
    return this.roles.search(words, { limit, synonyms: 0.8 }).map((h) => ({ person: this.people[h.doc], matched: h.matched, words: words.length, score: h.score }));
  }

  /** Names that look somewhat like the query, for "did you mean" after a miss. */
  near(query: string, limit = 3): Person[] {
    const q = fold(query).trim();
    if (q.length < 2) return [];
    const seen = new Set<number>();
    for (const r of this.fuzzy.correct(q, limit * 3, { lengthSlack: q.length })) seen.add(this.entries[r.index].person);
    if (seen.size < limit) for (const r of this.loose.correct(q, limit * 3, { lengthSlack: q.length, minShare: 0.2 })) seen.add(this.entries[r.index].person);
    return [...seen].slice(0, limit).map((i) => this.people[i]);
  }

  /** Suggestions for an autocomplete box: tiers of byName, or the most mentioned when empty. */
  suggest(query: string, limit = 25): Person[] {
    if (!query.trim()) return this.popular.slice(0, limit).map((i) => this.people[i]);
    return this.byName(query, limit, true).map((m) => m.person);
  }
}

import type { Derived } from '../knowledge/derived.ts';
import { fold } from '../text/normalize.ts';
import { FuzzyVocabulary } from '../search/vocabulary.ts';

/** Article titles, folded, in the order articles arrived; extended when articles are added. */
export interface Titles {
  ids: string[];
  folded: string[];
  /** Article id -> its position here. */
  at: Map<string, number>;
  /** Folded title -> ids with that title. */
  exact: Map<string, string[]>;
  fuzzy: FuzzyVocabulary;
}

export const TITLES: Derived<Titles> = {
  name: 'article titles',
  make: (kb) => titles(kb.articles.map((a) => a.id), kb.articles.map((a) => fold(a.title)), null),
  extend: (prev, _kb, added) => titles([...prev.ids, ...added.articles.map((a) => a.id)], [...prev.folded, ...added.articles.map((a) => fold(a.title))], prev),
};

function titles(ids: string[], folded: string[], prev: Titles | null): Titles {
  const exact = new Map<string, string[]>();
  folded.forEach((f, i) => exact.set(f, [...(exact.get(f) ?? []), ids[i]]));
  const fuzzy = prev ? prev.fuzzy.withAdded(folded.slice(prev.folded.length)) : new FuzzyVocabulary(folded, 0.4);
  return { ids, folded, at: new Map(ids.map((id, i) => [id, i])), exact, fuzzy };
}

import type { KnowledgeBase, Person, Quote } from '../knowledge/base.ts';
import type { Answer, AnswerOptions, Result } from './types.ts';
import { clampLimit, cleanQuery } from './query.ts';
import { paragraphResult, quoteView } from './views.ts';
import { fold, straightenQuotes } from '../text/normalize.ts';
import { TextIndex } from '../search/text-index.ts';
import { groupedList, sortedList, type Derived } from '../knowledge/derived.ts';

function quoteResult(kb: KnowledgeBase, q: Quote, score: number): Result {
  const p = kb.paragraphs[q.paragraph];
  return { ...paragraphResult(kb, p, score, { quote: quoteView(kb, q), paragraph: p.text }), text: q.text };
}

const byDirectThenOrder = (a: Quote, b: Quote) => (a.kind === b.kind ? a.paragraph - b.paragraph || a.id - b.id : a.kind === 'direct' ? -1 : 1);

/** Every quote, direct ones first, in reading order. */
export const IN_ORDER = sortedList('quotes in order', (x) => x.quotes, byDirectThenOrder);

/** Quotes by speaker id, in reading order. */
export const BY_SPEAKER = groupedList('quotes by speaker', (x) => x.quotes, (q) => q.speakers, (q) => q);

/** Quotes whose speaker is a source as written (no person named), by that source folded, in reading order. */
export const BY_SOURCE = groupedList('quotes by source', (x) => x.quotes, (q) => (q.source && !q.speakers.length ? [fold(q.source)] : []), (q) => q);

/** What someone said: the quotes given to them, and those whose source is a bare form of their name. */
function quotesOf(kb: KnowledgeBase, p: Person): Quote[] {
  const own = kb.derive(BY_SPEAKER).get(p.id) ?? [];
  const bySource = kb.derive(BY_SOURCE);
  const forms = new Set([p.name, ...p.aliases, p.name.split(' ').pop()!]);
  const more = [...forms].flatMap((f) => bySource.get(fold(f)) ?? []).filter((q) => kb.sourcePerson(q.source!)?.id === p.id);
  // "…,” the president wrote": sources that are one of their roles, where they are the one meant.
  const heads = new Set(p.roles.flatMap((r) => fold(r.role).split(/[\s-]+/)));
  for (const [key, qs] of bySource) {
    const head = /^the\s+(?:\S+\s+){0,2}(\S+)$/.exec(key)?.[1];
    if (head && heads.has(head)) for (const q of qs) if (kb.describedPerson(q.source!, q.paragraph)?.id === p.id) more.push(q);
  }
  return more.length ? [...new Set([...own, ...more])].sort((a, b) => a.paragraph - b.paragraph || a.id - b.id) : own;
}

export const COUNTS: Derived<{ direct: number; reported: number }> = {
  name: 'quote counts',
  make: (kb) => ({ direct: kb.quotes.filter((q) => q.kind === 'direct').length, reported: kb.quotes.filter((q) => q.kind === 'reported').length }),
  extend: (prev, _kb, added) => ({
    direct: prev.direct + added.quotes.filter((q) => q.kind === 'direct').length,
    reported: prev.reported + added.quotes.filter((q) => q.kind === 'reported').length,
  }),
};

/** quote: what a person said (direct quotes first), or the quote with these words. */
export function quote(kb: KnowledgeBase, rawQuery: string, opts: AnswerOptions & { speaker?: string; words?: string } = {}): Answer {
  const limit = clampLimit(opts.limit);
  const query = cleanQuery(rawQuery);
  const speakerQ = cleanQuery(opts.speaker ?? '');
  const wordsQ = cleanQuery(straightenQuotes(opts.words ?? '').replace(/"/g, ' '));
  const answer = (results: Result[], extra: Partial<Answer> = {}): Answer => ({ command: 'quote', query: query || [speakerQ, wordsQ].filter(Boolean).join(' '), results: results.slice(0, limit), total: results.length, ...extra });

  if (!query && !speakerQ && !wordsQ) {
    const all = kb.derive(IN_ORDER);
    const n = kb.derive(COUNTS);
    return answer(all.slice(0, limit).map((q, i) => quoteResult(kb, q, 1 - i / (all.length + 1))), {
      total: all.length, title: `${n.direct} direct quotes, ${n.reported} reported statements` });
  }

  // A query that names someone asks what they said; anything else is the words of a quote.
  const bySpeakerText = speakerQ || query;
  const names = bySpeakerText ? kb.peopleIndex.byName(bySpeakerText, 5) : [];
  const strong = names.filter((m) => m.tier !== 'fuzzy' || (speakerQ && m.score <= 0.4));
  const speaker = speakerQ || !wordsQ ? strong[0]?.person : undefined;

  const pool: Quote[] = speaker ? quotesOf(kb, speaker) : kb.quotes;
  const wordsText = wordsQ || (speaker ? '' : straightenQuotes(query).replace(/"/g, ' '));

  if (speaker && !wordsText) {
    const said = [...pool].sort(byDirectThenOrder);
    if (said.length === 0) return answer([], { title: speaker.name, message: `No quotes attributed to ${speaker.name} yet; try /who ${speaker.name} for the passages that mention them.`, suggestions: speakersNear(kb) });
    return answer(said.slice(0, limit).map((q, i) => quoteResult(kb, q, 1 - i / (said.length + 1))), { title: `What ${speaker.name} said`, total: said.length });
  }

  const allowed = speaker ? new Set(pool.map((q) => q.id)) : null;
  const words = wordsText.trim();
  const hits = kb.quoteIndex.search(words, { limit: 50, filter: allowed ? (d) => allowed.has(d) : undefined, synonyms: 0.3 });
  // Most of the words must be there: one stray common word is no match for a quote.
  const qwords = TextIndex.queryWords(words).length;
  const need = qwords <= 2 ? 1 : Math.ceil(qwords * 0.5);
  const good = hits.filter((h) => h.matched >= need);
  if (good.length === 0) {
    // The words found nothing: maybe they were a name after all.
    const fuzzy = names[0];
    if (!speakerQ && fuzzy && fuzzy.score <= 0.45) return quote(kb, '', { ...opts, speaker: fuzzy.person.name, words: undefined });
    // …or a source that is no person: "the Kremlin", "a source familiar with the talks".
    const want = fold(bySpeakerText).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
    if (!speaker && want.length) {
      const said = [...kb.derive(BY_SOURCE)].filter(([k]) => want.every((w) => k.includes(w))).flatMap(([, qs]) => qs).sort(byDirectThenOrder);
      if (said.length) return answer(said.slice(0, limit).map((q, i) => quoteResult(kb, q, 1 - i / (said.length + 1))), { title: `Quotes from ${said[0].source}`, total: said.length });
    }
    return answer([], { message: `No quote matches “${words || bySpeakerText}”.`, suggestions: speakersNear(kb) });
  }
  // Someone who types the quote's own words wants that quote: the one holding them as a phrase comes
  // first, whatever the ranking of its single words ("Who is exchanged, when and how" is all stopwords
  // but one).
  const phrase = foldedWords(words);
  let ordered = good;
  if (phrase.split(' ').length >= 2) {
    const [holding, rest]: [typeof good, typeof good] = [[], []];
    for (const h of good) (foldedWords(kb.quotes[h.doc].text).includes(phrase) ? holding : rest).push(h);
    ordered = [...holding, ...rest];
  }
  const results = ordered.slice(0, limit).map((h) => quoteResult(kb, kb.quotes[h.doc], h.score));
  return answer(results, { total: good.length, title: speaker ? `What ${speaker.name} said about “${words}”` : `Quotes matching “${words}”` });
}

function speakersNear(kb: KnowledgeBase): string[] {
  return [...kb.derive(BY_SPEAKER)].sort((a, b) => b[1].length - a[1].length).slice(0, 5).map(([id]) => kb.personById.get(id)?.name ?? id);
}

/** Words folded and joined by one space, punctuation dropped: how a typed phrase is found in a quote. */
const foldedWords = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

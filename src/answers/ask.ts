import type { KnowledgeBase } from '../knowledge/base.ts';
import { findTimes } from '../extract/dates.ts';
import { QUESTION_FILLERS } from '../text/stopwords.ts';
import { TextIndex } from '../search/text-index.ts';
import { SYNONYMS } from '../search/synonyms.ts';
import type { Answer, AnswerOptions, Result } from './types.ts';
import { clampLimit, cleanQuery } from './query.ts';
import { paragraphResult } from './views.ts';
import { BY_MENTIONS } from './who.ts';
import type { Derived } from '../knowledge/derived.ts';
import type { TimeExpression } from '../extract/dates.ts';

/** Paragraphs that mention someone (1) or no one (0). */
export const MENTIONED: Derived<Uint8Array> = {
  name: 'paragraphs mentioning someone',
  make: (kb) => mark(new Uint8Array(kb.paragraphs.length), kb.people),
  extend: (prev, kb, added) => {
    const flags = new Uint8Array(kb.paragraphs.length);
    flags.set(prev);
    return mark(flags, added.people);
  },
};

function mark(flags: Uint8Array, people: Iterable<{ paragraphs: number[] }>): Uint8Array {
  for (const p of people) for (const pid of p.paragraphs) flags[pid] = 1;
  return flags;
}

/** The times a paragraph states, found once per paragraph a question reads (it is the costly part). */
const TIMES: Derived<Map<number, TimeExpression[]>> = { name: 'times by paragraph', make: () => new Map() };

function timesIn(kb: KnowledgeBase, pid: number, published: string | null): TimeExpression[] {
  const cache = kb.derive(TIMES);
  let times = cache.get(pid);
  if (!times) {
    if (cache.size > 50_000) cache.clear();
    cache.set(pid, (times = findTimes(kb.paragraphs[pid].text, published)));
  }
  return times;
}

type Expect = 'duration' | 'date' | 'person' | 'place' | 'amount' | null;

/** What kind of answer a question wants, from its opening words. */
export function expectedAnswer(q: string): Expect {
  const s = q.toLowerCase();
  if (/^(how long|for how long)\b|\bduration\b|\bhow many (days|hours|weeks|months|years)\b/.test(s)) return 'duration';
  if (/^(when|what date|what day|since when)\b/.test(s)) return 'date';
  if (/^(who|whom|whose)\b/.test(s)) return 'person';
  if (/^where\b/.test(s)) return 'place';
  if (/^how (much|many)\b/.test(s)) return 'amount';
  return null;
}

/** Words of the question's frame, not its topic: "how long did the talks last". */
const FRAME_WORDS: Record<Exclude<Expect, null>, Set<string>> = {
  duration: new Set(['long', 'last', 'take', 'took', 'duration']),
  date: new Set(['date', 'day', 'happen', 'happened', 'take', 'took', 'place']),
  person: new Set([]),
  place: new Set(['place', 'take', 'took', 'happen', 'happened']),
  amount: new Set(['much', 'many']),
};

/** How well a passage holds the kind of answer asked for: 0 not at all, 1 somewhere, 2 next to the topic. */
function fits(kb: KnowledgeBase, pid: number, expect: Expect, published: string | null, topic: string[]): number {
  switch (expect) {
    case 'duration': {
      const ds = timesIn(kb, pid, published).filter((t) => t.kind === 'duration');
      if (!ds.length) return 0;
      const text = kb.paragraphs[pid].text;
      // "three-day negotiations": the duration qualifies a word of the question (or its synonym).
      const near = ds.some((d) => {
        const after = TextIndex.queryWords(text.slice(d.end, d.end + 40)).slice(0, 3);
        return after.some((w) => topic.includes(w) || topic.some((t) => SYNONYMS.get(t)?.includes(w)));
      });
      return near ? 2 : 1;
    }
    case 'date':
      return timesIn(kb, pid, published).some((t) => t.kind !== 'duration') ? 1 : 0;
    case 'person':
      return kb.derive(MENTIONED)[pid];
    case 'place':
      return /\b(in|at)\s+\p{Lu}/u.test(kb.paragraphs[pid].text) ? 1 : 0;
    case 'amount':
      return /\d|\b(billion|million|thousand|hundred|percent)\b/i.test(kb.paragraphs[pid].text) ? 1 : 0;
    default:
      return 0;
  }
}

/** ask: the best passages for a free question, best first. */
export function ask(kb: KnowledgeBase, rawQuery: string, opts: AnswerOptions = {}): Answer {
  const limit = clampLimit(opts.limit);
  const query = cleanQuery(rawQuery);
  const answer = (results: Result[], extra: Partial<Answer> = {}): Answer => ({ command: 'ask', query, results: results.slice(0, limit), total: results.length, ...extra });
  if (!query) return answer([], { message: 'Ask a question, for example: /ask How long did the talks last?' });

  const expect = expectedAnswer(query);
  const frame = expect ? FRAME_WORDS[expect] : new Set<string>();
  let words = TextIndex.queryWords(query).filter((w) => !QUESTION_FILLERS.has(w));
  if (words.some((w) => !frame.has(w))) words = words.filter((w) => !frame.has(w));
  const hits = kb.paragraphIndex.search(words, { limit: Math.max(50, limit), synonyms: 0.6 });
  if (hits.length === 0) {
    const suggestions = kb.derive(BY_MENTIONS).slice(0, 5).map((p) => p.name);
    return answer([], { message: `No passage matches “${query}”.`, suggestions });
  }
  const best = Math.max(...hits.map((h) => h.score));
  const base = hits.map((h) => h.score + h.matched * 0.25 * best);
  // A passage that holds the kind of answer asked for (a duration for "how long") rises by up to
  // `most`. Only a passage that could then reach the page shown needs reading for it (dates are costly to find).
  const most = 0.4 * best * 2;
  const bar = [...base].sort((a, b) => b - a)[Math.min(limit, base.length) - 1] - most;
  const ranked = hits
    .map((h, i) => {
      const bonus = expect && base[i] >= bar ? 0.4 * best * fits(kb, h.doc, expect, kb.article(kb.paragraphs[h.doc]).published, words) : 0;
      return { h, score: base[i] + bonus };
    })
    .sort((a, b) => b.score - a.score || a.h.doc - b.h.doc);
  // Results are built for the page shown only; the total still counts every passage found.
  return answer(ranked.slice(0, limit).map(({ h, score }) => paragraphResult(kb, kb.paragraphs[h.doc], score)), { title: query, total: ranked.length });
}

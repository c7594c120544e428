/**
 * `ask` on a development set: for each gold question, the rank of the first passage that answers
 * it (the gold paragraph or one of its `also`): top-1, top-3 and mean reciprocal rank over the
 * first ten results.
 */
import type { KnowledgeBase } from '../../src/knowledge/base.ts';
import { ask } from '../../src/answers/ask.ts';
import type { Cite, DevSet } from './gold.ts';
import { count, type Row } from './score.ts';

export interface AskQuestion extends Cite {
  question: string;
  also?: Cite[];
}

const where = (c: Cite) => `${c.article.slice(0, 24)}¶${c.paragraph}`;

/** Rows for a list of questions: top-1, top-3, and MRR (as a share: tp is the sum of reciprocal ranks). */
export function scoreQuestions(kb: KnowledgeBase, questions: AskQuestion[], label = 'ask'): Row[] {
  const top1 = count();
  const top3 = count();
  const mrr = count();
  for (const q of questions) {
    const good = new Set([q, ...(q.also ?? [])].map((c) => `${c.article}#${c.paragraph}`));
    const results = ask(kb, q.question, { limit: 10 }).results;
    const rank = results.findIndex((r) => good.has(`${r.citation.article}#${r.citation.paragraph}`)) + 1;
    if (rank === 1) top1.tp++;
    else {
      top1.fn++;
      top1.notes.push(`“${q.question}”: ${rank ? `rank ${rank}` : 'not in top 10'}; top ${results[0] ? where(results[0].citation) : 'nothing'}, want ${where(q)}`);
    }
    if (rank >= 1 && rank <= 3) top3.tp++;
    else top3.fn++;
    const rr = rank ? 1 / rank : 0;
    mrr.tp += rr;
    mrr.fn += 1 - rr;
  }
  mrr.tp = Math.round(mrr.tp * 100) / 100;
  mrr.fn = Math.round(mrr.fn * 100) / 100;
  return [
    { metric: `${label} top-1`, c: top1, as: 'acc' },
    { metric: `${label} top-3`, c: top3, as: 'acc' },
    { metric: `${label} MRR`, c: mrr, as: 'acc' },
  ];
}

export function scoreAsk(set: DevSet, kb: KnowledgeBase): Row[] {
  return scoreQuestions(kb, set.gold.queries.ask ?? []);
}

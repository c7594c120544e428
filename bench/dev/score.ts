/** Shared scoring helpers for the development corpus: counts, precision/recall, and tables. */
import { fold } from '../../src/text/normalize.ts';

export interface Count {
  tp: number;
  fp: number;
  fn: number;
  /** What went wrong, for --why. */
  notes: string[];
}

export const count = (): Count => ({ tp: 0, fp: 0, fn: 0, notes: [] });
export const add = (a: Count, b: Count): Count => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, notes: [...a.notes, ...b.notes] });
export const precision = (c: Count) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1);
export const recall = (c: Count) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);

/** Words only, folded: how gold and extracted strings are compared. */
export const norm = (s: string) => fold(s).replace(/[^a-z0-9]+/g, ' ').replace(/\s+/g, ' ').trim();

/** A metric row: a name and a count, printed as P / R / tp/fp/fn (or as accuracy when fp is not meaningful). */
export interface Row {
  metric: string;
  c: Count;
  /** "pr": precision and recall; "acc": tp / (tp + fn), e.g. top-1 of queries. */
  as: 'pr' | 'acc';
}

export function formatRows(rows: Row[]): string[] {
  const f = (x: number) => x.toFixed(2).padStart(5);
  return rows.map((r) =>
    r.as === 'pr'
      ? `${r.metric.padEnd(34)} P ${f(precision(r.c))}  R ${f(recall(r.c))}   ${r.c.tp}/${r.c.fp}/${r.c.fn}`
      : `${r.metric.padEnd(34)} ${f(recall(r.c))}             ${r.c.tp}/${r.c.tp + r.c.fn}`,
  );
}

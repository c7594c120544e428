/**
 * Events of a development set against its gold: the timeline (one entry per real-world event,
 * citing each article that reports it), its dates at their precision, kinds, order, and the
 * `events` command's top result for each gold topic.
 */
import type { KnowledgeBase } from '../../src/knowledge/base.ts';
import { STORIES, recalledIn } from '../../src/knowledge/event-stories.ts';
import { events as eventsAnswer, timelineEntries } from '../../src/answers/events.ts';
import type { Cite, DevSet, GoldEvent } from './gold.ts';
import { count, type Count, type Row } from './score.ts';

/** One timeline entry as the scorer sees it: its lead's facts and every passage that reports it. */
export interface Entry {
  kind: string;
  date: { value: string; precision: string; end?: string } | null;
  background: boolean;
  citations: Cite[];
  /** Passages that name it without reporting it: they count for "one entry" only (see scoreEvents), never for matching. */
  recalls: Cite[];
  summary: string;
}

export function timelineOf(kb: KnowledgeBase): Entry[] {
  const { members, storyOf } = kb.derive(STORIES);
  const out: Entry[] = [];
  for (const e of timelineEntries(kb)) {
    const cites = members[storyOf[e.id]].map((id) => {
      const p = kb.paragraphs[kb.events[id].paragraph];
      return { article: p.article, paragraph: p.n };
    });
    out.push({
      kind: e.kind,
      date: e.date && { value: e.date.value, precision: e.date.precision, ...(e.date.end ? { end: e.date.end.value } : {}) },
      background: e.background,
      citations: cites,
      recalls: recalledIn(kb, e).map((pid) => ({ article: kb.paragraphs[pid].article, paragraph: kb.paragraphs[pid].n })),
      summary: e.summary,
    });
  }
  return out;
}

const key = (c: Cite) => `${c.article}#${c.paragraph}`;
const where = (c: Cite) => `${c.article.slice(0, 24)}¶${c.paragraph}`;

function dateRight(g: GoldEvent, e: Entry): boolean {
  if (!g.date) return true;
  if (!e.date) return false;
  // Right at its precision: the same value at the precision the gold gives (a day is not "the month").
  if (e.date.precision !== g.date.precision || e.date.value !== g.date.value) return false;
  return !g.end || e.date.end === g.end.value;
}

/**
 * Gold events matched one to one with timeline entries by the passages both cite (the entry
 * sharing most of an event's citations). An entry that matches nothing is an extra, and so is a
 * second entry for an event already matched: the same event told twice.
 */
export function matchEvents(gold: GoldEvent[], entries: Entry[]): { pairs: [GoldEvent, Entry][]; missed: GoldEvent[]; extra: Entry[]; duplicates: Entry[] } {
  const goldOf = new Map<string, GoldEvent[]>();
  for (const g of gold) for (const c of g.citations) goldOf.set(key(c), [...(goldOf.get(key(c)) ?? []), g]);
  const candidates: { g: GoldEvent; e: Entry; overlap: number; kindOk: number; dateOk: number }[] = [];
  for (const e of entries) {
    const seen = new Map<GoldEvent, number>();
    for (const c of e.citations) for (const g of goldOf.get(key(c)) ?? []) seen.set(g, (seen.get(g) ?? 0) + 1);
    for (const [g, overlap] of seen) candidates.push({ g, e, overlap, kindOk: g.kind === e.kind ? 1 : 0, dateOk: dateRight(g, e) ? 1 : 0 });
  }
  // Two happenings told in one passage ("met in A on the 23rd and in B on the 30th") cite the same
  // paragraph: of entries alike in kind and citations, the one whose date agrees is the event's.
  candidates.sort((a, b) => b.kindOk - a.kindOk || b.overlap - a.overlap || b.dateOk - a.dateOk);
  const usedG = new Set<GoldEvent>();
  const usedE = new Set<Entry>();
  const pairs: [GoldEvent, Entry][] = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedE.has(c.e)) continue;
    usedG.add(c.g);
    usedE.add(c.e);
    pairs.push([c.g, c.e]);
  }
  const matchedCites = new Set(pairs.flatMap(([g]) => g.citations.map(key)));
  const rest = entries.filter((e) => !usedE.has(e));
  return {
    pairs,
    missed: gold.filter((g) => !usedG.has(g)),
    duplicates: rest.filter((e) => e.citations.some((c) => matchedCites.has(key(c)))),
    extra: rest.filter((e) => !e.citations.some((c) => matchedCites.has(key(c)))),
  };
}

export function scoreEvents(set: DevSet, kb: KnowledgeBase): Row[] {
  const gold = set.gold.events;
  const entries = timelineOf(kb);
  const { pairs, missed, extra, duplicates } = matchEvents(gold, entries);
  const found: Count = { ...count(), tp: pairs.length, fp: extra.length + duplicates.length, fn: missed.length };
  for (const g of missed) found.notes.push(`miss ${g.kind} ${g.date?.value ?? ''} ${g.citations.map(where).join(' ')}: ${g.what}`);
  for (const e of duplicates) found.notes.push(`twice ${e.kind} ${e.citations.map(where).join(' ')}: ${e.summary.slice(0, 80)}`);
  for (const e of extra) found.notes.push(`extra ${e.kind} ${e.citations.map(where).join(' ')}: ${e.summary.slice(0, 80)}`);

  const dated = count();
  const kind = count();
  const merged = count();
  const recalled = count();
  const background = count();
  // A passage that names an event counts for "one entry" only when the entry it joins is that gold event
  // (matched by the reports alone) and the gold cites that very passage for it.
  const pairedWith = new Map(pairs.map(([g, e]) => [e, g]));
  for (const e of entries) {
    const g = pairedWith.get(e);
    for (const c of e.recalls) {
      if (g?.citations.some((x) => key(x) === key(c))) recalled.tp++;
      else {
        recalled.fn++;
        recalled.notes.push(`${key(c)} named in ${g ? g.id : `an unmatched ${e.kind}`}: ${e.summary.slice(0, 60)}`);
      }
    }
  }
  for (const [g, e] of pairs) {
    if (dateRight(g, e)) dated.tp++;
    else {
      dated.fn++;
      if (e.date) dated.fp++;
      dated.notes.push(`${g.id}: ${e.date ? `${e.date.value}${e.date.end ? `–${e.date.end}` : ''}/${e.date.precision}` : 'no date'}, want ${g.date ? `${g.date.value}${g.end ? `–${g.end.value}` : ''}/${g.date.precision}` : 'none'} :: ${e.summary.slice(0, 70)}`);
    }
    if (g.kind === e.kind) kind.tp++;
    else {
      kind.fn++;
      kind.fp++;
      kind.notes.push(`${g.id}: ${e.kind}, want ${g.kind} :: ${e.summary.slice(0, 70)}`);
    }
    if (e.background === g.background) background.tp++;
    else {
      background.fn++;
      background.notes.push(`${g.id}: background ${e.background}, want ${g.background}`);
    }
    const articles = new Set(g.citations.map((c) => c.article));
    if (articles.size > 1) {
      const named = e.recalls.filter((c) => g.citations.some((x) => key(x) === key(c)));
      const got = new Set([...e.citations, ...named].map((c) => c.article).filter((a) => articles.has(a)));
      if (got.size === articles.size) merged.tp++;
      else {
        merged.fn++;
        merged.notes.push(`${g.id}: one entry cites ${got.size} of ${articles.size} articles`);
      }
    }
  }

  // Order: every pair of matched news events with different gold dates, in the timeline's order.
  const order = count();
  const pos = new Map(entries.map((e, i) => [e, i]));
  const news = pairs.filter(([g]) => !g.background && g.date);
  for (let i = 0; i < news.length; i++) {
    for (let j = i + 1; j < news.length; j++) {
      const [ga, ea] = news[i];
      const [gb, eb] = news[j];
      if (ga.date!.value === gb.date!.value || ga.date!.value.startsWith(gb.date!.value) || gb.date!.value.startsWith(ga.date!.value)) continue;
      const want = ga.date!.value < gb.date!.value;
      const got = pos.get(ea)! < pos.get(eb)!;
      if (want === got) order.tp++;
      else {
        order.fn++;
        if (order.notes.length < 20) order.notes.push(`${ga.id} (${ga.date!.value}) / ${gb.id} (${gb.date!.value}) out of order`);
      }
    }
  }

  const top1 = count();
  for (const q of set.gold.queries.events ?? []) {
    const r = eventsAnswer(kb, q.query, { limit: 5 }).results;
    const hit = (i: number) => r[i] && ((r[i].citation.article === q.article && r[i].citation.paragraph === q.paragraph) || (r[i].event?.alsoReported ?? []).some((c) => c.article === q.article && c.paragraph === q.paragraph));
    if (hit(0)) top1.tp++;
    else {
      top1.fn++;
      top1.notes.push(`“${q.query}”: got ${r[0] ? where(r[0].citation) : 'nothing'}, want ${where(q)}`);
    }
  }

  return [
    { metric: 'events found (timeline entries)', c: found, as: 'pr' },
    { metric: 'events dated right at precision', c: dated, as: 'pr' },
    { metric: 'events kind right', c: kind, as: 'acc' },
    { metric: 'events background right', c: background, as: 'acc' },
    { metric: 'events reported twice, one entry', c: merged, as: 'acc' },
    { metric: 'passages naming an event, right', c: recalled, as: 'acc' },
    { metric: 'timeline order (pairs)', c: order, as: 'acc' },
    { metric: 'events top-1', c: top1, as: 'acc' },
  ];
}

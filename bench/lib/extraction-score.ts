/**
 * Precision and recall of extraction against hand-written gold facts (tests/fixtures/gold).
 * Used by the extraction test (floors) and by `npm run eval` (the figures for the docs).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FactsReport } from '../../src/facts-report.ts';
import { fold } from '../../src/text/normalize.ts';

export interface Gold {
  article: string;
  people: { name: string; role: string }[];
  notPeople: string[];
  quotes: { kind: 'direct' | 'reported'; text: string; speakers: string[]; paragraph: number }[];
  notQuotes?: string[];
  events: { kind: string; paragraph: number; date?: string }[];
}

export interface PR {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  misses: string[];
  extras: string[];
}

function pr(tp: number, fp: number, fn: number, misses: string[], extras: string[]): PR {
  return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, misses, extras };
}

export function loadGold(dir: string): Gold[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Gold);
}

const norm = (s: string) => fold(s).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Quote texts match when one contains the other (gold may give the core of a longer clause). */
function textMatches(gold: string, got: string): boolean {
  const g = norm(gold);
  const t = norm(got);
  return g.length > 0 && (t.includes(g) || (g.includes(t) && t.length >= g.length * 0.6));
}

export interface ArticleScore {
  article: string;
  people: PR;
  roles: PR;
  directAttribution: PR;
  reported: PR;
  events: PR;
  eventDates: PR;
}

type Facts = FactsReport['articles'][number];

export function scoreArticle(gold: Gold, facts: Facts): ArticleScore {
  // People: by name (or any alias) — one entry per person.
  const names = (p: Facts['people'][number]) => [p.name, ...p.aliases].map(norm);
  const found = new Set<number>();
  const peopleMiss: string[] = [];
  let roleTp = 0;
  const roleMiss: string[] = [];
  for (const g of gold.people) {
    const i = facts.people.findIndex((p) => names(p).includes(norm(g.name)));
    if (i < 0) {
      peopleMiss.push(g.name);
      roleMiss.push(`${g.name}: (person missing)`);
      continue;
    }
    found.add(i);
    const role = norm(facts.people[i].role ?? '');
    const want = norm(g.role).split(' ');
    if (want.every((w) => role.split(' ').includes(w))) roleTp++;
    else roleMiss.push(`${g.name}: got "${facts.people[i].role}", want "${g.role}"`);
  }
  const extrasP = facts.people.filter((_, i) => !found.has(i)).map((p) => p.name);
  const people = pr(found.size, extrasP.length, peopleMiss.length, peopleMiss, extrasP);
  const roles = pr(roleTp, gold.people.length - roleTp - roleMiss.filter((m) => m.endsWith('(person missing)')).length, roleMiss.length, roleMiss, []);

  const quoteScore = (kind: 'direct' | 'reported'): PR => {
    const golds = gold.quotes.filter((q) => q.kind === kind);
    const got = facts.quotes.filter((q) => q.kind === kind);
    const used = new Set<number>();
    let tp = 0;
    const misses: string[] = [];
    for (const g of golds) {
      const i = got.findIndex((q, k) => !used.has(k) && q.citation.paragraph <= g.paragraph + 1 && q.citation.paragraph >= g.paragraph - 1 && textMatches(g.text, q.text));
      if (i < 0) {
        misses.push(`¶${g.paragraph} “${g.text.slice(0, 50)}” (not found)`);
        continue;
      }
      used.add(i);
      if (sameSet(got[i].speakers, g.speakers)) tp++;
      else misses.push(`¶${g.paragraph} “${g.text.slice(0, 50)}”: speakers ${JSON.stringify(got[i].speakers)}, want ${JSON.stringify(g.speakers)}`);
    }
    // Anything extracted that gold does not list counts against precision, as does a wrong speaker.
    const notQuotes = (gold.notQuotes ?? []).map(norm);
    const extras = got.filter((_, k) => !used.has(k)).map((q) => `¶${q.citation.paragraph} “${q.text.slice(0, 50)}” ${JSON.stringify(q.speakers)}${notQuotes.some((n) => norm(q.text).includes(n)) ? ' (not speech)' : ''}`);
    const wrong = misses.filter((m) => m.includes('speakers')).length;
    return pr(tp, extras.length + wrong, golds.length - tp, misses, extras);
  };

  const usedE = new Set<number>();
  const eventMiss: string[] = [];
  let dateTp = 0;
  const dateMiss: string[] = [];
  for (const g of gold.events) {
    const i = facts.events.findIndex((e, k) => !usedE.has(k) && e.kind === g.kind && e.citation.paragraph === g.paragraph);
    if (i < 0) {
      eventMiss.push(`${g.kind} ¶${g.paragraph}`);
      if (g.date) dateMiss.push(`${g.kind} ¶${g.paragraph} (event missing)`);
      continue;
    }
    usedE.add(i);
    if (g.date) {
      if (facts.events[i].date === g.date) dateTp++;
      else dateMiss.push(`${g.kind} ¶${g.paragraph}: ${facts.events[i].date}, want ${g.date}`);
    }
  }
  const extraE = facts.events.filter((_, k) => !usedE.has(k)).map((e) => `${e.kind} ¶${e.citation.paragraph}: ${e.summary.slice(0, 60)}`);
  return {
    article: gold.article,
    people,
    roles,
    directAttribution: quoteScore('direct'),
    reported: quoteScore('reported'),
    events: pr(usedE.size, extraE.length, eventMiss.length, eventMiss, extraE),
    eventDates: pr(dateTp, dateMiss.length - dateMiss.filter((m) => m.endsWith('(event missing)')).length, dateMiss.length, dateMiss, []),
  };
}

export function sum(scores: PR[]): PR {
  const tp = scores.reduce((a, s) => a + s.tp, 0);
  const fp = scores.reduce((a, s) => a + s.fp, 0);
  const fn = scores.reduce((a, s) => a + s.fn, 0);
  return pr(tp, fp, fn, scores.flatMap((s) => s.misses), scores.flatMap((s) => s.extras));
}

export const METRICS = ['people', 'roles', 'directAttribution', 'reported', 'events', 'eventDates'] as const;

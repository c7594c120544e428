import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeBase } from '../src/knowledge/base.ts';
import { FactsCache } from '../src/knowledge/facts-cache.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import type { Article } from '../src/knowledge/types.ts';
import { runCommand } from '../src/answers/index.ts';
import type { CommandName } from '../src/answers/types.ts';
import { articleChoices, peopleChoices, topicChoices } from '../src/discord/suggest.ts';
import { generateCorpus } from '../bench/lib/synthetic.ts';
import { typo } from '../bench/lib/queries.ts';
import { prng } from '../bench/lib/synthetic.ts';
import { FIXTURES, KNOWLEDGE } from './helpers.ts';
import { fullNameKey } from '../src/text/normalize.ts';

/** The seed, fixture and held-out articles, and a synthetic wire whose people recur from article to article. */
async function articles(): Promise<Article[]> {
  const synthetic = mkdtempSync(path.join(os.tmpdir(), 'keystone-inc-'));
  generateCorpus(synthetic, 400, 11);
  const dirs = [KNOWLEDGE, path.join(FIXTURES, 'articles'), path.join(FIXTURES, 'heldout', 'articles'), synthetic];
  return (await Promise.all(dirs.map(async (d) => (await loadKnowledge(d)).articles))).flat();
}

/** Every command and autocomplete, with queries drawn from the base itself: names, surnames, typos, roles, topics. */
function battery(kb: KnowledgeBase, r: () => number): [string, () => unknown][] {
  const people = kb.people.filter((p) => p.name.includes(' ')).slice(0, 6);
  const surnames = people.map((p) => p.name.split(' ').pop()!);
  const queries: [CommandName, string][] = [
    ['who', ''], ['quote', ''], ['events', ''], ['brief', ''], ['sources', ''],
    ['who', 'special envoy'], ['who', 'foreign minister'], ['who', 'Zzyzx'],
    ['events', 'strikes'], ['events', 'talks'], ['events', 'drones Odesa'], ['ask', 'grain corridor Geneva'], ['ask', 'drone strikes'],
    ['quote', 'we will not accept'], ['brief', kb.articles[0]?.id ?? ''], ['brief', kb.articles.at(-1)?.id ?? ''],
  ];
  for (const [i, s] of surnames.entries()) {
    queries.push(['who', s], ['who', people[i].name], ['who', typo(s, r)], ['quote', s], ['events', s], ['ask', `${s} talks`]);
  }
  const out: [string, () => unknown][] = queries.map(([c, q]) => [`${c} ${q}`, () => runCommand(kb, c, q, { limit: 50 })]);
  out.push(['brief since', () => runCommand(kb, 'brief', '', { since: kb.articles.at(-3)?.published?.slice(0, 10) } as never)]);
  for (const typed of ['', ...surnames.map((s) => s.slice(0, 3)), 'zz']) {
    out.push([`people choices ${typed}`, () => peopleChoices(kb, typed)], [`speaker choices ${typed}`, () => peopleChoices(kb, typed, true)]);
  }
  for (const typed of ['', 'str', 'tal', 'Gen']) out.push([`topic choices ${typed}`, () => topicChoices(kb, typed)], [`article choices ${typed}`, () => articleChoices(kb, typed)]);
  return out;
}

const answersOf = (kb: KnowledgeBase, seed: number) => Object.fromEntries(battery(kb, prng(seed)).map(([name, run]) => [name, JSON.stringify(run())]));

/** '' when equal, else both texts around where they first differ (answers are long JSON). */
function firstDifference(a: string, b: string): string {
  if (a === b) return '';
  let i = 0;
  while (a[i] === b[i]) i++;
  return `at ${i}:\n  got  …${a.slice(Math.max(0, i - 120), i + 80)}\n  want …${b.slice(Math.max(0, i - 120), i + 80)}`;
}

describe('a base extended article by article', () => {
  it('answers every command exactly as a base built from scratch, step after step', async () => {
    const all = await articles();
    const facts = new FactsCache();
    // In the order a full build numbers them, so paragraph ids (and ties broken by them) agree.
    const ordered = new KnowledgeBase(all, [], { facts }).buildOrder;
    let kb = new KnowledgeBase(ordered.slice(0, 2), [], { facts });
    let steps = 0;
    for (let n = 2; n < ordered.length; n += 1 + (n % 3)) {
      const next = ordered.slice(n, n + 1 + (n % 3));
      // Every derived value computed first, so the step extends them rather than making them afresh.
      const before = answersOf(kb, n);
      const extended = await kb.withAdded(next, [], facts);
      expect(answersOf(kb, n), 'the base that was serving is unchanged').toEqual(before);
      kb = extended;
      const full = new KnowledgeBase(ordered.slice(0, n + next.length), [], { facts });
      const got = answersOf(kb, n);
      const want = answersOf(full, n);
      for (const k of Object.keys(want)) expect(firstDifference(got[k], want[k]), `${k} after ${n + next.length} articles`).toBe('');
      steps++;
    }
    expect(steps).toBeGreaterThan(8); // enough steps for the people layers to fold together at least once
    expect(kb.articles).toHaveLength(ordered.length);
  }, 60_000);

  it('finds the same people and passages whatever order the articles arrive in', async () => {
    const all = await articles();
    const facts = new FactsCache();
    const r = prng(5);
    const shuffled = [...all].sort(() => r() - 0.5);
    let kb = new KnowledgeBase(shuffled.slice(0, 3), [], { facts });
    for (let n = 3; n < shuffled.length; n += 4) kb = await kb.withAdded(shuffled.slice(n, n + 4), [], facts);
    const full = new KnowledgeBase(all, [], { facts });
    const cited = (b: KnowledgeBase, c: CommandName, q: string) =>
      runCommand(b, c, q, { limit: 50 }).results.map((x) => `${x.citation.article}¶${x.citation.paragraph}:${x.text}`).sort();
    // Which spelling names a person is the first one seen (Umerov, Umjerow): compare the people, not the spelling.
    const keys = (b: KnowledgeBase) => b.people.map((p) => fullNameKey(p.name)).sort();
    expect(keys(kb)).toEqual(keys(full));
    for (const p of full.people.slice(0, 15)) {
      const last = p.name.split(' ').pop()!;
      for (const c of ['who', 'quote'] as const) expect(cited(kb, c, last), `${c} ${last}`).toEqual(cited(full, c, last));
    }
    for (const q of ['grain corridor', 'drone strikes Odesa', 'talks in Geneva']) expect(cited(kb, 'ask', q), q).toEqual(cited(full, 'ask', q));
  }, 60_000);
});

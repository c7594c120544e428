/**
 * People, roles and quotes of a development set, and the `who` and `quote` answers on it, scored
 * against its gold. Names match on their words (folded), through the gold's variants; a role matches
 * when it names the same office (role noun) with the same rank words ("deputy", "foreign", "former").
 */
import type { KnowledgeBase } from '../../src/knowledge/base.ts';
import { who } from '../../src/answers/who.ts';
import { quote } from '../../src/answers/quote.ts';
import { factsReport } from '../../src/facts-report.ts';
import { ROLE_NOUNS } from '../../src/extract/lexicon/names.ts';
import type { DevSet, GoldPerson } from './gold.ts';
import { count, norm, type Count, type Row } from './score.ts';

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 's', 'to', 'for', 'in', 'on', 'at', 'with', 'his', 'her', 'its', 'their']);
const RANK = new Set(['deputy', 'vice', 'first', 'acting', 'former', 'prime', 'foreign', 'defence', 'defense', 'interior', 'finance', 'energy', 'economy', 'justice', 'intelligence', 'army', 'assistant', 'press', 'chief']);
/** Content words, a hyphenated word also as its parts ("vice-president": vice, president, vice-president). */
const content = (s: string) => norm(s.replace(/(\p{L})-(\p{L})/gu, '$1HYPHEN$2')).replace(/hyphen/g, '-').split(' ').flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w])).filter((w) => w && !STOP.has(w));
const singular = (w: string) => (w.endsWith('s') && ROLE_NOUNS.has(w.slice(0, -1)) ? w.slice(0, -1) : w);
const heads = (ws: string[]) => ws.map(singular).filter((w) => ROLE_NOUNS.has(w));

/** Whether an extracted role says the gold one: the same office, the same rank. */
export function roleMatches(gold: string | null, got: string | null): boolean {
  if (!gold) return !got;
  if (!got) return false;
  const g = content(gold);
  const o = content(got);
  const gh = heads(g);
  const oh = new Set(heads(o));
  if (gh.length ? !gh.some((h) => oh.has(h)) : !g.every((w) => o.includes(w))) return false;
  return g.filter((w) => RANK.has(w)).every((w) => o.includes(w) || (w === 'defence' && o.includes('defense')) || (w === 'defense' && o.includes('defence')));
}

/** A name as its words; a found name is this gold person when it equals one of their forms. */
const forms = (p: GoldPerson) => [p.name, ...(p.variants ?? [])].map(norm);
const isPerson = (p: GoldPerson, name: string | null | undefined) => !!name && forms(p).includes(norm(name));

export function scorePeople(set: DevSet, kb: KnowledgeBase, why: boolean): Row[] {
  const g = set.gold;
  const people = count();
  const roles = count();
  const notPeople = new Set(g.notPeople.map(norm));
  // People of the whole set (merged across its articles): each gold person found once.
  const found = new Set<number>();
  for (const gp of g.people) {
    const i = kb.people.findIndex((p) => [p.name, ...p.aliases].some((n) => isPerson(gp, n)));
    if (i < 0) {
      people.fn++;
      if (why) people.notes.push(`miss person ${gp.name}`);
      continue;
    }
    if (found.has(i)) {
      people.fn++;
      if (why) people.notes.push(`merged into another: ${gp.name} (${kb.people[i].name})`);
      continue;
    }
    found.add(i);
    people.tp++;
    const got = kb.people[i].role;
    if (roleMatches(gp.current, got)) roles.tp++;
    else {
      roles.fn++;
      if (got) roles.fp++;
      if (why) roles.notes.push(`role ${gp.name}: got "${got}", want "${gp.current}"`);
    }
  }
  kb.people.forEach((p, i) => {
    if (found.has(i)) return;
    // The same gold person found twice (a spelling not merged) counts as an extra.
    people.fp++;
    if (why) people.notes.push(`extra person ${p.name}${notPeople.has(norm(p.name)) ? ' (listed as not a person)' : ''}`);
  });

  const quotesOf = (kind: 'direct' | 'reported') => {
    const c = count();
    const speakers = count();
    const report = factsReport(kb);
    const golds = g.quotes.filter((q) => q.kind === kind);
    const used = new Set<string>();
    for (const gq of golds) {
      const art = report.articles.find((a) => a.id === gq.article);
      const got = art?.quotes.map((q, k) => ({ q, k })).find(({ q, k }) => q.kind === kind && !used.has(`${gq.article}:${k}`) && Math.abs(q.citation.paragraph - gq.paragraph) <= 1 && textMatches(gq.text, q.text));
      if (!got) {
        c.fn++;
        speakers.fn++;
        if (why) c.notes.push(`miss ${kind} ${gq.article} ¶${gq.paragraph} “${gq.text.slice(0, 60)}” (${gq.speakers.join(' & ') || gq.source || 'unnamed'})`);
        continue;
      }
      used.add(`${gq.article}:${got.k}`);
      c.tp++;
      const want = gq.speakers.map(norm).sort().join('|');
      const have = got.q.speakers.map((s) => {
        const p = g.people.find((gp) => isPerson(gp, s));
        return norm(p ? p.name : s);
      }).sort().join('|');
      if (want === have) speakers.tp++;
      else {
        speakers.fn++;
        if (have) speakers.fp++;
        if (why) speakers.notes.push(`speaker ${kind} ${gq.article} ¶${gq.paragraph} “${gq.text.slice(0, 50)}”: got [${got.q.speakers.join(', ')}], want [${gq.speakers.join(', ') || `unnamed: ${gq.source ?? ''}`}]`);
      }
    }
    for (const a of report.articles) a.quotes.forEach((q, k) => {
      if (q.kind !== kind || used.has(`${a.id}:${k}`)) return;
      c.fp++;
      if (why) c.notes.push(`extra ${kind} ${a.id} ¶${q.citation.paragraph} “${q.text.slice(0, 60)}” [${q.speakers.join(', ')}]`);
    });
    return [c, speakers] as const;
  };
  const [direct, directSpeakers] = quotesOf('direct');
  const [reported, reportedSpeakers] = quotesOf('reported');

  // Answers: top result of `who` is the person with the current role; of `quote`, the quote and its speaker.
  const whoTop = count();
  for (const q of g.queries.who ?? []) {
    const a = who(kb, q.query, { limit: 3 });
    const top = a.results[0]?.person;
    const gp = g.people.find((p) => p.name === q.name)!;
    const ok = !!top && isPerson(gp, top.name) && roleMatches(q.role, top.role);
    if (ok) whoTop.tp++;
    else {
      whoTop.fn++;
      if (why) whoTop.notes.push(`who "${q.query}": got ${top ? `${top.name} — ${top.role}` : 'nothing'}, want ${q.name} — ${q.role}`);
    }
  }
  const quoteTop = count();
  for (const q of g.queries.quote ?? []) {
    const a = q.words ? quote(kb, '', { words: q.words, limit: 3 }) : quote(kb, q.query ?? '', { limit: 50 });
    // By speaker: the gold quote must be the first of theirs shown... or among what is listed for them.
    const results = q.words ? a.results.slice(0, 1) : a.results;
    const hit = results.find((r) => textMatches(q.text, r.text) && r.citation.article === q.article);
    const gp = q.speaker ? g.people.find((p) => p.name === q.speaker) : null;
    const speakerOk = hit && (gp ? hit.quote!.speakers.some((s) => isPerson(gp, s)) && hit.quote!.speakers.length === 1 : hit.quote!.speakers.length === 0);
    const allByThem = q.words || (gp && a.results.length > 0 && a.results.every((r) => r.quote!.speakers.some((s) => isPerson(gp, s))));
    if (hit && speakerOk && allByThem) quoteTop.tp++;
    else {
      quoteTop.fn++;
      if (why) quoteTop.notes.push(`quote "${q.query ?? q.words}": ${hit ? `found, speakers [${hit.quote!.speakers.join(', ')}]` : `not in ${a.results.length} results (top: “${a.results[0]?.text.slice(0, 50) ?? ''}” [${a.results[0]?.quote?.speakers.join(', ') ?? ''}])`}, want ${q.speaker ?? 'unnamed'}`);
    }
  }
  return [
    { metric: 'people', c: people, as: 'pr' },
    { metric: 'current role', c: roles, as: 'pr' },
    { metric: 'direct quotes found', c: direct, as: 'pr' },
    { metric: 'direct quotes: speaker', c: directSpeakers, as: 'pr' },
    { metric: 'reported found', c: reported, as: 'pr' },
    { metric: 'reported: speaker', c: reportedSpeakers, as: 'pr' },
    { metric: 'who top-1 (person + role)', c: whoTop, as: 'acc' },
    { metric: 'quote (speaker + quote)', c: quoteTop, as: 'acc' },
  ];
}

/** Quote texts match when one contains the other (gold may give the core of a longer clause). */
export function textMatches(gold: string, got: string): boolean {
  const a = norm(gold);
  const b = norm(got);
  return a.length > 0 && (b.includes(a) || (a.includes(b) && b.length >= a.length * 0.6) || overlap(a, b) >= 0.8);
}

function overlap(a: string, b: string): number {
  const wa = a.split(' ');
  const wb = new Set(b.split(' '));
  return wa.filter((w) => wb.has(w)).length / wa.length;
}

export type { Count };

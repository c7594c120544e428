import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { KnowledgeService } from '../src/knowledge/service.ts';
import { KnowledgeBase } from '../src/knowledge/base.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { loadSnapshot } from '../src/knowledge/snapshot.ts';
import { STORIES } from '../src/knowledge/event-stories.ts';
import { ANSWER_DERIVED, runCommand } from '../src/answers/index.ts';
import type { CommandName } from '../src/answers/types.ts';
import { generateCorpus } from '../bench/lib/synthetic.ts';
import { FIXTURES } from './helpers.ts';

/**
 * A base restored from its snapshot keeps the people as merged (their roles over time) and the
 * events as stories instead of making them again: it must answer exactly as the base it was saved
 * from, and as a base built from scratch, and go on right when articles are added or removed.
 */

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));

/** Synthetic wire copy and the development sets' real-world articles (roles that change, one happening told by many). */
function knowledgeDir(): string {
  const dir = tmp('keystone-snapshot-kb-');
  generateCorpus(dir, 600, 5);
  const sets = path.join(FIXTURES, 'dev');
  for (const set of readdirSync(sets, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const from = path.join(sets, set.name, 'articles');
    for (const f of readdirSync(from)) cpSync(path.join(from, f), path.join(dir, `${set.name}--${f}`));
  }
  return dir;
}

/** Every command over the people, topics and articles of the base: whole answers, as JSON. */
function answersOf(kb: KnowledgeBase): Record<string, string> {
  const people = [...kb.people].sort((a, b) => b.paragraphs.length - a.paragraphs.length || a.id.localeCompare(b.id)).slice(0, 60);
  const lines: [CommandName, string][] = [['who', ''], ['quote', ''], ['events', ''], ['brief', ''], ['sources', '']];
  for (const p of people) lines.push(['who', p.name], ['who', p.name.split(' ').pop()!], ['quote', p.name], ['events', p.name]);
  for (const t of ['talks', 'drones', 'prisoner exchange', 'ceasefire', 'Geneva', 'sanctions', 'appointed']) lines.push(['events', t], ['ask', `What happened with the ${t}?`]);
  for (const q of ['Who leads the delegation?', 'When did the talks in Istanbul start?', 'How long did the talks last?', 'Who is the chief of staff?']) lines.push(['ask', q]);
  for (const a of kb.articles.filter((_, i) => i % 7 === 0)) lines.push(['brief', a.id]);
  return Object.fromEntries(lines.map(([c, q]) => [`${c} ${q}`, JSON.stringify(runCommand(kb, c, q))]));
}

/** The stories as the reports they group, by article and paragraph: comparable between bases numbered differently. */
function storiesOf(kb: KnowledgeBase): string[] {
  const s = kb.derive(STORIES);
  const at = (id: number) => {
    const p = kb.paragraphs[kb.events[id].paragraph];
    return `${p.article}¶${p.n}:${kb.events[id].summary}`;
  };
  return s.members.map((ids, i) => [`lead ${at(s.lead[i])}`, ...ids.map(at).sort()].join(' | ')).sort();
}

const peopleOf = (kb: KnowledgeBase) => JSON.stringify(kb.people);

async function builtAndSaved(dir: string, cacheFile: string) {
  const svc = new KnowledgeService(dir, { cacheFile, derived: ANSWER_DERIVED });
  expect((await svc.reload()).mode).toBe('rebuilt');
  await svc.saveNow();
  svc.close();
  return svc.current!;
}

describe('a base restored from its snapshot', () => {
  it('answers as the base it was saved from and as one built from scratch, with the stories and people it kept', async () => {
    const dir = knowledgeDir();
    const cacheFile = path.join(tmp('keystone-snapshot-'), 'kb.v8');
    const saved = await builtAndSaved(dir, cacheFile);
    const restored = (await loadSnapshot(cacheFile, dir))!;
    expect(restored.remade).toBe(false);
    const kb = restored.kb;
    // Kept, not made again: the stories are there before anything asks for them.
    expect(kb.computed(STORIES)).toBeDefined();
    expect(kb.derivedSoFar()).toEqual([STORIES]);
    expect(kb.derive(STORIES)).toEqual(saved.derive(STORIES));
    const scratch = new KnowledgeBase((await loadKnowledge(dir)).articles, [], { facts: restored.facts });
    expect(kb.derive(STORIES)).toEqual(scratch.derive(STORIES));
    // Several reports of one happening, and people whose role changed: what is kept is not trivial.
    expect(kb.derive(STORIES).members.some((m) => m.length > 2)).toBe(true);
    expect(kb.people.some((p) => p.roles.length > 1 && p.roles.some((r) => r.until))).toBe(true);
    expect(peopleOf(kb)).toBe(peopleOf(saved));
    expect(peopleOf(kb)).toBe(peopleOf(scratch));
    expect(JSON.stringify([kb.events, kb.quotes])).toBe(JSON.stringify([scratch.events, scratch.quotes]));
    const want = answersOf(scratch);
    expect(Object.keys(want).length).toBeGreaterThan(250);
    expect(answersOf(kb)).toEqual(want);
    expect(answersOf(saved)).toEqual(want);
  }, 120_000);

  it('goes on from the kept people and stories when articles are added, and makes them anew when one is removed', async () => {
    const dir = knowledgeDir();
    const cacheFile = path.join(tmp('keystone-snapshot-'), 'kb.v8');
    await builtAndSaved(dir, cacheFile);
    // The same service without a cache, and one started from the snapshot: both extend the same base.
    const plain = new KnowledgeService(dir, { derived: ANSWER_DERIVED });
    await plain.reload();
    const cached = new KnowledgeService(dir, { cacheFile, derived: ANSWER_DERIVED });
    expect((await cached.reload()).mode).toBe('cache');

    // Other reports of happenings already told (same people, same day): their events join existing stories,
    // their people (by full name, by a spelling of it, by surname alone) are people the base knows.
    const some = readdirSync(dir).find((f) => f.includes('istanbul-may-2025'))!;
    const solo = plain.current!.people.find((p) => !p.name.includes(' ') && p.articles.length === 1 && !p.articles[0].startsWith('a0'))!;
    const retell = (from: string, to: string) => writeFileSync(path.join(dir, to), readFileSync(path.join(dir, from), 'utf8').replace(/^title: .*$/m, 'title: Retold'));
    retell(some, 'zz-retold.md');
    retell(path.basename(plain.current!.byArticle.get(solo.articles[0])!.file), 'zz-retold-2.md');
    // Someone new, and someone known under another spelling of his surname (dated first: merged before the retold articles name him).
    writeFileSync(path.join(dir, 'zz-new.md'), '---\ntitle: New envoy\npublished: 2025-03-03\n---\n\nSpecial envoy Zorana Quillfeather met Vladimir Medynsky, an aide to the Russian president, in Geneva on Monday.\n\n“We will meet again,” Quillfeather said.\n');
    // Someone whose office a successor took up in a kept article: settled against that succession, not as if it were unknown.
    writeFileSync(path.join(dir, 'zz-austin.md'), '---\ntitle: Lecture\npublished: 2025-03-10\n---\n\nDefence Secretary Lloyd Austin gave a lecture in Boston on Monday.\n');
    for (const svc of [plain, cached]) expect((await svc.reload()).mode).toBe('added');
    const a = plain.current!;
    const b = cached.current!;
    expect(b.derive(STORIES)).toEqual(a.derive(STORIES));
    expect(peopleOf(b)).toBe(peopleOf(a));
    expect(answersOf(b)).toEqual(answersOf(a));
    expect(runCommand(b, 'who', 'Quillfeather').results.length).toBeGreaterThan(0);
    expect(b.people.find((p) => p.name === 'Lloyd Austin')?.role).toMatch(/^former /);
    expect(b.people.filter((p) => p.name === solo.name).map((p) => p.articles)).toEqual([[...solo.articles, 'zz-retold-2']]);
    const medinsky = b.people.filter((p) => /^Vladimir Med[iy]nsk/.test(p.name) || p.aliases.includes('Vladimir Medynsky'));
    expect(medinsky.map((p) => p.articles.includes('zz-new') && p.articles.length > 1)).toEqual([true]);
    const retold = b.derive(STORIES);
    const span = b.span('zz-retold')!;
    expect(Array.from(retold.storyOf.subarray(span.events[0], span.events[1])).some((st) => retold.members[st][0] < span.events[0])).toBe(true);

    rmSync(path.join(dir, some));
    for (const svc of [plain, cached]) expect((await svc.reload()).mode).toBe('rebuilt');
    const scratchAfter = new KnowledgeBase((await loadKnowledge(dir)).articles);
    expect(storiesOf(cached.current!)).toEqual(storiesOf(scratchAfter));
    expect(peopleOf(cached.current!)).toBe(peopleOf(scratchAfter));
    expect(answersOf(cached.current!)).toEqual(answersOf(scratchAfter));
    plain.close();
    cached.close();
  }, 180_000);

  it('written by other code, makes people and stories anew from the kept facts, answers the same, and is rewritten', async () => {
    const dir = knowledgeDir();
    const cacheFile = path.join(tmp('keystone-snapshot-'), 'kb.v8');
    const saved = await builtAndSaved(dir, cacheFile);
    // The header is the first frame: say another version of the merging and grouping code wrote it.
    const whole = readFileSync(cacheFile);
    const n = whole.readUInt32LE(0);
    const header = deserialize(whole.subarray(4, 4 + n));
    const body = serialize({ ...header, assembly: 'other code' });
    const len = Buffer.alloc(4);
    len.writeUInt32LE(body.length);
    writeFileSync(cacheFile, Buffer.concat([len, body, whole.subarray(4 + n)]));
    const restored = (await loadSnapshot(cacheFile, dir))!;
    expect(restored.remade).toBe(true);
    expect(restored.kb.computed(STORIES)).toBeUndefined();
    expect(restored.kb.derive(STORIES)).toEqual(saved.derive(STORIES));
    expect(peopleOf(restored.kb)).toBe(peopleOf(saved));
    expect(answersOf(restored.kb)).toEqual(answersOf(saved));
    // A service that starts from it writes it again, so the next start need not make them again.
    const svc = new KnowledgeService(dir, { cacheFile, derived: ANSWER_DERIVED });
    const saving = new Promise((r) => svc.once('saved', r));
    expect((await svc.reload()).mode).toBe('cache');
    await saving;
    svc.close();
    const again = (await loadSnapshot(cacheFile, dir))!;
    expect(again.remade).toBe(false);
    expect(again.kb.computed(STORIES)).toEqual(saved.derive(STORIES));
  }, 120_000);
});

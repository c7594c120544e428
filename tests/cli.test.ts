import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, tempKnowledge } from './helpers.ts';

const BIN = path.join(ROOT, 'bin', 'keystone.js');

function keystone(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR: '', ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('keystone CLI', () => {
  it('prints one JSON object with cited results, best first, exit 0', () => {
    const r = keystone(['who', 'Witkoff', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ command: 'who', query: 'Witkoff' });
    expect(j.results[0].person).toMatchObject({ name: 'Steve Witkoff', role: 'US special envoy', affiliation: 'United States', aliases: ['Witkoff'] });
    // Roles over time: each cited; the current one last.
    const roles = j.results[0].person.roles;
    expect(roles.at(-1)).toMatchObject({ role: 'US special envoy', current: true, citation: { article: 'miami-talks', paragraph: 2 } });
    expect(Object.keys(j.results[0].citation).sort()).toEqual(['article', 'paragraph', 'published', 'section', 'title', 'url']);
    const scores = j.results.map((x: { score: number }) => x.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
  });

  it('carries quote and event fields', () => {
    const q = JSON.parse(keystone(['quote', 'Dmitriev', '--json']).out);
    expect(q.results[0].quote).toMatchObject({ text: 'Thank you, Miami. Next time: Moscow.', speaker: 'Kirill Dmitriev', cue: 'stating' });
    const e = JSON.parse(keystone(['events', 'airstrikes', '--json', '--limit', '1']).out);
    expect(e.results).toHaveLength(1);
    expect(e.results[0].event).toMatchObject({ kind: 'attack' });
    expect(e.results[0].event).toHaveProperty('actors');
    expect(e.results[0].event).toHaveProperty('when');
  });

  it('exits 1 with a helpful message when nothing matches', () => {
    const r = keystone(['who', 'Umarov']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/No one called “Umarov”/);
    expect(r.out).toMatch(/Did you mean: .*Rustem Umjerow/);
  });

  it('exits 2 on usage errors', () => {
    expect(keystone([]).code).toBe(2);
    expect(keystone(['frobnicate']).code).toBe(2);
    expect(keystone(['ask']).code).toBe(2);
    expect(keystone(['who', '--limit', 'zero']).code).toBe(2);
    expect(keystone(['who', '--bogus']).code).toBe(2);
  });

  it('reads KNOWLEDGE_DIR and --knowledge, and reports bad files on stderr', () => {
    const dir = tempKnowledge({
      'a.md': '---\ntitle: Other talks\npublished: 2026-01-05\n---\nEnvoy Anna Berg met officials in Geneva on Monday.\n',
      'broken.md': '---\nsource: nowhere\n---\nNo title.\n',
    });
    for (const r of [keystone(['sources', '--json'], { KNOWLEDGE_DIR: dir }), keystone(['sources', '--json', '--knowledge', dir])]) {
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).results.map((x: { text: string }) => x.text)).toEqual(['Other talks']);
      expect(r.err).toMatch(/broken\.md line 1: front matter has no title/);
    }
  });

  it('prints the extracted facts', () => {
    const r = keystone(['facts', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.articles[0].people.length).toBe(10);
    expect(j.articles[0].quotes.some((q: { kind: string }) => q.kind === 'direct')).toBe(true);
  });
});

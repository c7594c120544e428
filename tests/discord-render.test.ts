import { describe, expect, it } from 'vitest';
import { answerPayload, briefPayload, missPayload, queryFromFooter, safe } from '../src/render/discord.ts';
import { limitViolations } from '../src/render/discord-limits.ts';
import { decodeId, fullId, pageId } from '../src/discord/custom-id.ts';
import type { Answer, Result } from '../src/answers/types.ts';
import { miamiKb } from './helpers.ts';
import { runCommand } from '../src/answers/index.ts';
import { brief } from '../src/answers/brief.ts';

/** A small seeded generator: the same cases on every run, so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const NASTY = ['@everyone', '@here', '<@123456789012345678>', '**', '__', '`', '~~', '> ', '# ', '[x](https://e.x)', '\u200b', '😀', 'Støre', '“', '”', '\n'];

function randomText(r: () => number, max: number): string {
  const n = Math.floor(r() * max);
  let s = '';
  while (s.length < n) s += r() < 0.2 ? NASTY[Math.floor(r() * NASTY.length)] : `word${Math.floor(r() * 1000)} `;
  return s;
}

function randomAnswer(r: () => number): Answer {
  const results: Result[] = [];
  const count = Math.floor(r() * 40);
  for (let i = 0; i < count; i++) {
    results.push({
      text: randomText(r, 5000),
      score: 1 - i / 100,
      citation: { article: `a${Math.floor(r() * 5)}`, title: randomText(r, 400), section: r() < 0.5 ? randomText(r, 300) : null, paragraph: 1 + Math.floor(r() * 200), published: r() < 0.5 ? '2026-01-01' : null, url: r() < 0.5 ? 'https://example.org/a' : null },
      ...(r() < 0.3 ? { quote: { text: randomText(r, 3000), speaker: randomText(r, 200), speakers: [], source: null, cue: 'said', kind: 'direct' as const } } : {}),
      ...(r() < 0.3 ? { person: { id: 'p', name: randomText(r, 300) || 'X', role: randomText(r, 2000), roles: Array.from({ length: Math.floor(r() * 12) }, (_, k) => ({ role: randomText(r, 400) || 'envoy', since: '2025-01-02', until: r() < 0.5 ? '2025-03-04' : null, current: k === 0, ended: k > 0, citation: { article: 'a1', title: randomText(r, 300), section: null, paragraph: 1 + k, published: null, url: null } })), affiliation: randomText(r, 2000), aliases: [randomText(r, 2000)] } } : {}),
    });
  }
  return { command: (['who', 'quote', 'events', 'ask'] as const)[Math.floor(r() * 4)], query: randomText(r, 300), results, total: results.length, title: randomText(r, 600), message: r() < 0.3 ? randomText(r, 5000) : undefined };
}

describe('Discord payloads', () => {
  it('stay within every limit whatever the answer holds (300 generated answers)', () => {
    const r = rng(42);
    for (let i = 0; i < 300; i++) {
      const a = randomAnswer(r);
      for (const page of [0, 1, 7]) {
        const p = answerPayload(a, { page, owner: r() < 0.5 ? '1400000000000000005' : null, query: { q: a.query } });
        expect(limitViolations(p), `case ${i} page ${page}`).toEqual([]);
        expect(p.allowed_mentions).toEqual({ parse: [] });
        const ids = p.components.flatMap((row) => row.components.map((b) => b.custom_id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(JSON.stringify(p)).not.toMatch(/(?<!\u200b)@everyone/);
      }
      expect(limitViolations(missPayload({ ...a, results: [], suggestions: [randomText(r, 500)] }))).toEqual([]);
    }
  });

  it('renders real answers within limits, trimmed at word boundaries', async () => {
    const kb = await miamiKb();
    for (const [cmd, q] of [['who', ''], ['quote', ''], ['events', ''], ['ask', 'Russia Ukraine talks'], ['sources', '']] as const) {
      const a = runCommand(kb, cmd, q, { limit: 100 });
      const p = answerPayload(a, { page: 0, owner: null, query: { q } });
      expect(limitViolations(p)).toEqual([]);
      expect(p.embeds[0].description).not.toMatch(/\w…\w/);
    }
    expect(limitViolations(briefPayload(brief(kb)))).toEqual([]);
  });

  it('escapes formatting and mentions in text', () => {
    expect(safe('@everyone **bold** <@123>')).toBe('@\u200beveryone \\*\\*bold\\*\\* <@\u200b123>');
  });
});

describe('custom_id state', () => {
  it('round-trips page state, including speaker and words', () => {
    const id = pageId('quote', 2, '1400000000000000005', { q: '', speaker: 'Kirill Dmitriev', words: 'next time' })!;
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeId(id)).toEqual({ kind: 'page', command: 'quote', page: 2, owner: '1400000000000000005', query: { q: '', speaker: 'Kirill Dmitriev', words: 'next time' } });
    expect(decodeId(fullId('miami-talks', 8)!)).toEqual({ kind: 'full', article: 'miami-talks', paragraph: 8 });
    expect(decodeId('something else')).toBeNull();
    expect(decodeId('ks1|page|who|-1|-|x')).toBeNull();
  });

  it('falls back to the footer for queries too long to carry', () => {
    const long = 'How long did the talks in Miami between the delegations of the United States, Ukraine and Russia last?';
    expect(pageId('ask', 1, null, { q: long })).toBeNull();
    const a: Answer = { command: 'ask', query: long, total: 12, results: Array.from({ length: 12 }, (_, i) => ({ text: `Passage ${i}`, score: 1, citation: { article: 'a', title: 'T', section: null, paragraph: i + 1, published: null, url: null } })) };
    const p = answerPayload(a, { page: 0, owner: null, query: { q: long } });
    const next = p.components[0].components.find((b) => b.label === 'Next ▶')!;
    expect(decodeId(next.custom_id)).toMatchObject({ kind: 'page', page: 1, query: { q: '@' } });
    expect(p.embeds[0].footer!.text).toContain(`“${long}”`);
    expect(queryFromFooter(p.embeds[0].footer!.text)).toBe(long);
  });
});

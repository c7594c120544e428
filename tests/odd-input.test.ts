import { describe, expect, it } from 'vitest';
import { miamiKb } from './helpers.ts';
import { runCommand } from '../src/answers/index.ts';
import type { CommandName } from '../src/answers/types.ts';
import { answerLine } from '../src/console.ts';
import { answerPayload } from '../src/render/discord.ts';
import { limitViolations } from '../src/render/discord-limits.ts';
import { peopleChoices, topicChoices, articleChoices } from '../src/discord/suggest.ts';

/** Seeded: the same odd inputs every run, so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const PIECES = ['', ' ', '!', '|', '^', '=', '$', "'", '"', '“', '”', '‘', '\\', '%', '*', '(', ')', '[', ']', '{', '}', '\u0000', '\u200b', '\u202e', '\n', '\t', '😀', 'Ω', 'ß', 'Witkoff', 'who', 'the', 'a'.repeat(400), '@everyone', '<@1>', '-1', 'NaN', 'undefined', '__proto__', 'constructor', '0'.repeat(50)];

describe('odd input never breaks an answer', () => {
  it('answers 2,000 generated queries on every command without throwing, within limits', async () => {
    const kb = await miamiKb();
    const r = rng(7);
    const commands: CommandName[] = ['who', 'quote', 'events', 'ask', 'brief', 'sources'];
    for (let i = 0; i < 2000; i++) {
      let q = '';
      const n = Math.floor(r() * 6);
      for (let k = 0; k < n; k++) q += PIECES[Math.floor(r() * PIECES.length)] + (r() < 0.5 ? ' ' : '');
      const c = commands[i % commands.length];
      const a = runCommand(kb, c, q, { limit: Math.floor(r() * 200) - 50 });
      expect(a.command).toBe(c);
      for (const res of a.results) expect(res.citation.paragraph).toBeGreaterThan(0);
      expect(limitViolations(answerPayload(a, { page: Math.floor(r() * 5), owner: null, query: { q } }))).toEqual([]);
      expect(() => answerLine(kb, `/${c} ${q}`)).not.toThrow();
      for (const ch of [peopleChoices(kb, q), topicChoices(kb, q), articleChoices(kb, q)]) {
        expect(ch.length).toBeLessThanOrEqual(25);
        for (const x of ch) {
          expect(x.name.length).toBeGreaterThan(0);
          expect(x.name.length).toBeLessThanOrEqual(100);
          expect(x.value.length).toBeLessThanOrEqual(100);
        }
      }
    }
  });
});

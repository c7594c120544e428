import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { miamiKb } from './helpers.ts';
import { runCommand } from '../src/answers/index.ts';
import { MAX_QUERY_LENGTH, type Answer, type CommandName } from '../src/answers/types.ts';
import { answerPayload, briefPayload, messagePayload, missPayload, safe } from '../src/render/discord.ts';
import { renderText } from '../src/render/text.ts';
import { articleChoices, peopleChoices, topicChoices } from '../src/discord/suggest.ts';
import { decodeId, fullId, pageId } from '../src/discord/custom-id.ts';
import { answerLine, runConsole } from '../src/console.ts';
import { main } from '../src/cli.ts';
import { FRAGMENTS, hostileText, liveMarkup, maybe, payloadProblems, shownTexts } from './support/hostile.ts';
import { parseArticle } from '../src/knowledge/parse.ts';
import { extractFacts } from '../src/extract/facts.ts';

const kb = await miamiKb();
// Seeded, so a failure names the seed and path that reproduce it (fast-check prints both).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201), numRuns: Number(process.env.FC_RUNS ?? 150) });

/** Wall time of one call: "no hang" means an answer in bounded time (generous: 2-core CI machines). */
function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}
const BOUND_MS = 3000;

const commands: CommandName[] = ['who', 'quote', 'events', 'ask', 'brief', 'sources', 'help'];
const request = fc.record({
  command: fc.constantFrom(...commands),
  q: hostileText,
  speaker: maybe(hostileText),
  words: maybe(hostileText),
  article: maybe(hostileText),
  since: maybe(fc.oneof(hostileText, fc.constantFrom('2025-12-01', '1900-01-01', '9999-99-99', '2025-02-30'))),
  page: fc.integer({ min: -3, max: 20 }),
  owner: fc.option(fc.constant('1400000000000000005'), { nil: null }),
});

describe('any input to any command (fast-check)', () => {
  it('answers in bounded time, within every Discord limit, pinging nobody, and the same way twice', () => {
    fc.assert(
      fc.property(request, (r) => {
        const ask = () => runCommand(kb, r.command, r.q, { limit: 50, speaker: r.speaker, words: r.words, article: r.article, since: r.since });
        const { value: answer, ms } = timed(ask);
        expect(ms).toBeLessThan(BOUND_MS);
        const payload = answerPayload(answer, { page: r.page, owner: r.owner, query: { q: r.q, speaker: r.speaker, words: r.words } });
        expect(payloadProblems(payload)).toEqual([]);
        for (const b of payload.components.flatMap((row) => row.components)) expect(b.custom_id.length).toBeLessThanOrEqual(100);
        // Deterministic: the same input gives the same answer and the same message.
        expect(JSON.stringify(answerPayload(ask(), { page: r.page, owner: r.owner, query: { q: r.q, speaker: r.speaker, words: r.words } }))).toBe(JSON.stringify(payload));
        expect(() => renderText(answer)).not.toThrow();
      }),
    );
  });

  it('never lets echoed user text switch on formatting or mentions (the rendered text, not the custom_ids)', () => {
    // The user's words in every place an answer echoes them: its query, title, message and suggestions.
    const base = runCommand(kb, 'who', 'Witkoff');
    const echo = (u: string): Answer[] => [
      { ...base, query: u, title: `People matching “${u}”`, message: `Also matching: ${u}` },
      { command: 'ask', query: u, results: [], total: 0, message: `No passage matches “${u}”.`, suggestions: [u, 'Witkoff'] },
      { ...runCommand(kb, 'events', 'strikes'), query: u, title: `Events: ${u}` },
      { ...runCommand(kb, 'quote', '', { speaker: 'Zelensky' }), query: u, title: `What ${u} said about “${u}”` },
    ];
    const render = (a: Answer) => [answerPayload(a, { page: 0, owner: null, query: { q: a.query } }), missPayload(a), messagePayload(a.message ?? a.query)];
    const markupOf = (u: string) => echo(u).flatMap(render).map((p) => shownTexts(p, 'markdown').flatMap(liveMarkup));
    const neutral = markupOf('plainwords');
    fc.assert(
      // Answers echo a query cut to its 300 characters, so the messages are never cut short here.
      fc.property(hostileText.map((u) => u.slice(0, MAX_QUERY_LENGTH)), (u) => {
        expect(markupOf(u)).toEqual(neutral);
        expect(liveMarkup(safe(u))).toEqual([]);
      }),
    );
  });

  it('a briefing of any article or date fits and pings nobody', () => {
    fc.assert(
      fc.property(maybe(hostileText), maybe(hostileText), (article, since) => {
        expect(payloadProblems(briefPayload(runCommand(kb, 'brief', '', { article, since })))).toEqual([]);
      }),
    );
  });
});

describe('autocomplete with anything typed (fast-check)', () => {
  it('gives at most 25 choices, names 1–100 and values up to 100 characters, the same each time', () => {
    fc.assert(
      fc.property(hostileText, (typed) => {
        for (const suggest of [(t: string) => peopleChoices(kb, t), (t: string) => peopleChoices(kb, t, true), (t: string) => topicChoices(kb, t), (t: string) => articleChoices(kb, t)]) {
          const { value: choices, ms } = timed(() => suggest(typed));
          expect(ms).toBeLessThan(BOUND_MS);
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const c of choices) {
            expect(c.name.length).toBeGreaterThan(0);
            expect(c.name.length).toBeLessThanOrEqual(100);
            expect(c.value.length).toBeGreaterThan(0);
            expect(c.value.length).toBeLessThanOrEqual(100);
          }
          expect(suggest(typed)).toEqual(choices);
        }
      }),
    );
  });
});

describe('button custom_ids (fast-check)', () => {
  const ids = fc.oneof(
    hostileText,
    fc.array(fc.oneof(fc.constantFrom('ks1', 'page', 'full', 'who', 'ask', '-', '0', '-1', '99999999999', 'NaN', '1.5', '', '@', '\u001f'), hostileText), { maxLength: 8 }).map((a) => a.join('|')),
  );

  it('decodes any custom_id without throwing, to a state that is well-formed or to nothing', () => {
    fc.assert(
      fc.property(ids, (id) => {
        const s = decodeId(id);
        if (!s) return;
        if (s.kind === 'page') {
          expect(Number.isInteger(s.page) && s.page >= 0).toBe(true);
          const answer = runCommand(kb, commands.includes(s.command) ? s.command : 'who', s.query.q, { limit: 50, speaker: s.query.speaker, words: s.query.words });
          expect(payloadProblems(answerPayload(answer, { page: s.page, owner: s.owner, query: s.query }))).toEqual([]);
        } else if (s.kind === 'full') expect(Number.isInteger(s.paragraph) && s.paragraph > 0).toBe(true);
        else expect(typeof s.owner === 'string' && s.owner.length > 0).toBe(true); // add / remove / cancel: only the asker may confirm
      }),
    );
  });

  it('carries any query through a page button and back, or offers none', () => {
    fc.assert(
      fc.property(fc.constantFrom(...commands), fc.nat(50), maybe(fc.constant('1400000000000000005')), hostileText, maybe(hostileText), maybe(hostileText), (command, page, owner, q, speaker, words) => {
        const query = { q, speaker, words };
        const id = pageId(command, page, owner ?? null, query);
        if (id === null) return;
        expect(id.length).toBeLessThanOrEqual(100);
        const back = decodeId(id);
        expect(back).toMatchObject({ kind: 'page', command, page, owner: owner ?? null });
        // The separators cannot travel inside a field; an empty speaker or words is no speaker or words.
        const clean = (x: string | undefined) => x?.replace(/[|\u001f]/g, ' ') || undefined;
        expect((back as { query: typeof query }).query).toEqual({ q: q.replace(/[|\u001f]/g, ' '), speaker: clean(speaker), words: clean(words) });
      }),
    );
    fc.assert(fc.property(hostileText, fc.integer({ min: 1, max: 10_000 }), (article, n) => {
      const id = fullId(article, n);
      if (id && !article.includes('|')) expect(decodeId(id)).toEqual({ kind: 'full', article, paragraph: n });
    }));
  });
});

describe('the command line and the console with any input (fast-check)', () => {
  const words = fc.oneof(hostileText, fc.constantFrom('who', 'quote', 'events', 'ask', 'brief', 'sources', 'help', 'facts', 'WHO', '/who', 'nope', '--json', '--limit', '--limit=0', '--limit=101', '--limit=abc', '--since', '--article', '--speaker', '--words', '--', '-h', '--help', '--unknown', '-x', '--json=false'));
  const argv = fc.tuple(fc.constantFrom('who', 'quote', 'events', 'ask', 'brief', 'sources', 'help', 'nope', '--json', ''), fc.array(words, { maxLength: 6 }))
    // Not the commands that read other directories or start a server: they have tests of their own.
    .map(([c, rest]) => [c, ...rest].filter((w) => !/^--knowledge|^--port/.test(w) && !/^\/?(serve|check|add)$/i.test(w.trim())));

  it('keystone exits 0, 1 or 2 with words on stdout or stderr, never throws, the same way twice', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const run = async () => {
          const out: string[] = [];
          const err: string[] = [];
          const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
          return { code, out: out.join('\n'), err: err.join('\n') };
        };
        const first = await run();
        expect([0, 1, 2]).toContain(first.code);
        expect((first.out + first.err).length).toBeGreaterThan(0);
        // --json answers are one JSON object (--help prints the usage, whatever else is asked).
        const helpAsked = args.some((a) => a === '--help' || a === '-h' || /^-[a-z]*h/.test(a));
        if (args.includes('--json') && !helpAsked && first.code !== 2 && first.out) expect(() => JSON.parse(first.out)).not.toThrow();
        expect(await run()).toEqual(first);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('the console answers any line and any stream of lines, and leaves at the end of input', async () => {
    fc.assert(fc.property(hostileText, (line) => {
      const out = answerLine(kb, line);
      expect(out === null || typeof out === 'string').toBe(true);
      expect(answerLine(kb, line)).toEqual(out);
    }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(hostileText, fc.constantFrom('/who Witkoff', '/ask', '/brief', '/exit', '/quit', 'exit')), { maxLength: 8 }), fc.integer({ min: 1, max: 64 }), async (lines, chunk) => {
        const input = new PassThrough();
        const output = new PassThrough();
        let printed = '';
        output.on('data', (d) => (printed += d));
        const done = runConsole({ input, output, kb: () => kb });
        const text = lines.join('\n') + '\n';
        for (let i = 0; i < text.length; i += chunk) input.write(text.slice(i, i + chunk));
        input.end();
        await done;
        const exits = lines.some((l) => /^\s*\/?(exit|quit)(\s|$)/i.test(l.split(/\r\n|\r|\n|\u2028/)[0] ?? ''));
        if (!exits) expect(printed).not.toContain('Bye.');
      }),
      { numRuns: 60 },
    );
  });
});

it('the fragments cover what the issue names', () => {
  for (const f of ['@everyone', '<@&1300000000000000003>', '<@1400000000000000006>', '[click](https://evil.example/x)', '```js\nalert(1)\n```', '||spoiler||', '\ud800', '\u0301', '\u202e', '😀', '\u200b', '(a+)+$']) expect(FRAGMENTS).toContain(f);
});

describe('extraction on any news-like text (fast-check)', () => {
  // Pieces of reporting in random order: names, titles, cues, clause words, every quotation mark.
  const pieces = ['Olaf Berg', 'Anna Lund', 'Berg', 'Lund', 'he', 'she', 'it', 'they', 'the president', 'the Kremlin', 'officials', 'a source familiar with the talks',
    'said', 'says', 'told reporters', 'added that', 'according to', 'who', 'which', 'that', 'and', 'but', 'In March', 'On Monday', 'in a statement', 'Berg’s', 'spokesman',
    'Signed by', 'among them', 'the leaders', 'You said', 'Q:', 'A:', ',', ';', ':', '.', '?', '—', '12:40 —', '“', '”', '"', '«', '»', '„', '“', '‘', '’', '(', ')', 'no', 'said no', 'of', 'to', 'for his part'];
  const paragraph = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((ws) => ws.join(' '));
  it('never throws, gives each quote its paragraph, and gives the same facts twice', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paras) => {
        const r = parseArticle('x.md', 'x', `---\ntitle: T\npublished: 2026-03-12\n---\n${paras.join('\n\n')}\n`);
        if (!r.ok) return;
        const facts = extractFacts(r.article);
        const n = r.article.paragraphs.length;
        for (const q of facts.quotes) expect(q.paragraph >= 1 && q.lastParagraph <= n && q.paragraph <= q.lastParagraph).toBe(true);
        expect(extractFacts(r.article)).toEqual(facts);
      }),
      { numRuns: Number(process.env.FC_EXTRACT_RUNS ?? 400) },
    );
  });
});

/**
 * What a channel full of people (and a few attackers) types: fast-check arbitraries for the
 * property tests, and the checks every rendered payload must pass.
 */
import fc from 'fast-check';
import { limitViolations } from '../../src/render/discord-limits.ts';

/** Pieces that have broken bots: mentions, Markdown, regex and search operators, odd Unicode, control characters. */
export const FRAGMENTS = [
  '@everyone', '@here', '<@&1300000000000000003>', '<@1400000000000000006>', '<@!1400000000000000006>', '<#1300000000000000003>',
  '[click](https://evil.example/x)', '```js\nalert(1)\n```', '`code`', '||spoiler||', '**bold**', '__under__', '~~strike~~', '*it*', '_it_',
  '\n> quote', '\n# heading', '\n-# subtext', '\n- item', '\n1. item', '\\', '\\*', '*', '_', '~', '|', '`', '>', '#',
  '.*', '(?:', ')', '[', ']', '{', '}', '^', '$', '+?', '(a+)+$', '\\d', '"exact phrase"', 'OR', 'AND', 'NOT', '-', '!', '=', '\'', '%',
  '“', '”', '‘', '’', '«', '»', '\u0301', 'e\u0301\u0302\u0303', '\u200b', '\u200d', '\u200f', '\u202e', '\u2066', '\ufeff', '\u00ad',
  'مرحبا', 'שלום', 'Привет', '日本語', '😀', '👩‍👩‍👧‍👦', '🇺🇦', '\ud800', '\udfff', '\ud83d', '\u0000', '\u0007', '\u001b[31m', '\r\n', '\r', '\t', '\u2028',
  '__proto__', 'constructor', 'toString', 'NaN', '-1', '1e309', 'undefined', 'null', '%s%n', '${x}', '{{x}}', '<script>', '&amp;',
  'Witkoff', 'Dmitriev', 'Zelensky', 'Umerov', 'special envoy', 'strikes', 'Miami', 'miami-talks', '2025-12-01', 'ks1|page|who|1|-|x', '|', ' ',
];

const fragment = fc.constantFrom(...FRAGMENTS);

/** Any text: fragments glued together, arbitrary code points (lone surrogates too), blanks, and 6,000-character runs. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 10 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '   ', '\t \n', '\u200b\u200b', '\u3000') },
  { weight: 1, arbitrary: fc.tuple(fragment, fc.integer({ min: 1000, max: 6000 })).map(([f, n]) => f.repeat(Math.ceil(n / f.length)).slice(0, n)) },
);

/** An option that may be missing. */
export const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/**
 * Markup a user's text could switch on, as a sequence of tokens: emphasis and code markers,
 * spoilers, masked links, line-start quotes, headings and lists, and live mentions. Escaped
 * characters (`\*`) and mentions broken by a zero-width space are inert and not listed.
 */
export function liveMarkup(s: string): string[] {
  const out: string[] = [];
  const lineStart = /(^|\n)[ \t]*(>>> |> |#{1,3} |-# |[-*+] |\d+\. )/g;
  for (const m of s.matchAll(lineStart)) out.push(`line:${m[2].trim()}`);
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (['**', '__', '~~', '||'].includes(two)) {
      out.push(two);
      i += 2;
      continue;
    }
    if ('*_`'.includes(c)) out.push(c);
    if (c === '[' && /^\[[^\]\n]*\]\(\S+?\)/.test(s.slice(i))) out.push('link');
    i++;
  }
  for (const m of s.matchAll(/@(everyone|here)|<(@[!&]?|#)\d+>/g)) out.push(`mention:${m[0]}`);
  return out;
}

/** Every text a user would see in a payload (custom_ids are never shown); `markdown` only those Discord formats (not footers, labels). */
export function shownTexts(p: any, only: 'all' | 'markdown' = 'all'): string[] {
  const out: string[] = [];
  const all = only === 'all';
  if (p?.content) out.push(p.content);
  for (const e of p?.embeds ?? []) {
    for (const t of [e.title, e.description, ...(all ? [e.footer?.text, e.author?.name] : [])]) if (t) out.push(t);
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  if (all) for (const r of p?.components ?? []) for (const c of r.components ?? []) if (c.label) out.push(c.label);
  return out;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What every payload the bot sends must be: within Discord's limits, pinging nobody, well-formed text. */
export function payloadProblems(p: any): string[] {
  const problems = limitViolations(p);
  if (JSON.stringify(p?.allowed_mentions) !== JSON.stringify({ parse: [] })) problems.push(`allowed_mentions ${JSON.stringify(p?.allowed_mentions)}`);
  for (const t of shownTexts(p)) {
    if (LONE_SURROGATE.test(t)) problems.push(`lone surrogate in ${JSON.stringify(t.slice(0, 60))}`);
    for (const m of t.matchAll(/@(everyone|here)|<(@[!&]?|#)\d+>/g)) problems.push(`live mention ${m[0]}`);
  }
  for (const r of p?.components ?? []) for (const c of r.components ?? []) if (c.custom_id != null && (c.custom_id.length === 0 || c.custom_id.length > 100)) problems.push(`custom_id length ${c.custom_id.length}`);
  return problems;
}

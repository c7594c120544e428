/**
 * npm run bench:extract — extraction of 100 articles of about 1,000 words, the way a busy day of
 * the talks might look: median of 5 rounds after a warm-up. Articles are the fixture articles'
 * paragraphs (several publishers' styles, quotes, roles, dates) shuffled into new articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../src/knowledge/parse.ts';
import { extractFacts } from '../src/extract/facts.ts';
import { prng } from './lib/synthetic.ts';
import type { Article } from '../src/knowledge/types.ts';

const root = path.resolve(import.meta.dirname, '..');
const dirs = ['knowledge', 'tests/fixtures/articles', 'tests/fixtures/heldout/articles'].map((d) => path.join(root, d));
const paragraphs: string[] = [];
for (const d of dirs) {
  for (const f of readdirSync(d)) {
    const r = parseArticle(f, f, readFileSync(path.join(d, f), 'utf8'));
    if (r.ok) paragraphs.push(...r.article.paragraphs.map((p) => p.text));
  }
}
const r = prng(3);
const articles: Article[] = [];
let words = 0;
for (let a = 0; a < 100; a++) {
  const body: string[] = [];
  let n = 0;
  while (n < 1000) {
    const p = paragraphs[Math.floor(r() * paragraphs.length)];
    body.push(p);
    n += p.split(/\s+/).length;
  }
  words += n;
  const parsed = parseArticle(`a${a}.md`, `a${a}`, `---\ntitle: Day ${a}\npublished: 2026-03-12\n---\n\n${body.join('\n\n')}\n`);
  if (parsed.ok) articles.push(parsed.article);
}
for (const a of articles.slice(0, 10)) extractFacts(a); // warm-up
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  const t0 = process.hrtime.bigint();
  for (const a of articles) extractFacts(a);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
console.log(`extraction: ${articles.length} articles, ${words} words, ${articles.reduce((n, a) => n + a.paragraphs.length, 0)} paragraphs`);
console.log(`median of 5 rounds: ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}) — target < 2000 ms`);

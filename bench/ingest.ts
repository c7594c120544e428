/**
 * npm run bench:ingest — what checking a new article costs: HTML to article (Readability over
 * linkedom) on the test news page, and duplicate detection against a synthetic knowledge base of
 * 100,000 paragraphs (5,000 articles): the first check (which samples every article once), the
 * checks after it, the longest pause the first check gives a bot's answers, and the memory the
 * samples keep. One run; medians of 20 after warm-ups.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './lib/synthetic.ts';
import { median } from './lib/timing.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { parseArticle } from '../src/knowledge/parse.ts';
import { htmlToDraft } from '../src/ingest/html.ts';
import { findDuplicate, shingles, warmSketches } from '../src/ingest/dedupe.ts';

const root = path.resolve(import.meta.dirname, '..');
const sizeArg = process.argv.indexOf('--paragraphs');
const paragraphs = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 100_000;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const html = readFileSync(path.join(root, 'tests/fixtures/web/news-article.html'), 'utf8');
for (let i = 0; i < 5; i++) htmlToDraft(html);
const htmlTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = process.hrtime.bigint();
  htmlToDraft(html);
  htmlTimes.push(ms(t0));
}

const dir = path.join(root, 'bench', 'tmp', `ingest-${paragraphs}`);
const corpus = generateCorpus(dir, paragraphs);
const { articles } = await loadKnowledge(dir);
const fresh = (i: number) => {
  const r = parseArticle('new.md', `new-${i}`, readFileSync(path.join(root, 'knowledge', 'miami-talks.md'), 'utf8').replace('three-day', `${i}-day`));
  if (!r.ok) throw new Error('seed article does not parse');
  return r.article;
};
// The first check samples every article, in 5 ms slices (as checkSource does); the longest slice is what a bot's answers wait.
let t0 = process.hrtime.bigint();
let longest = 0;
let last = performance.now();
const probe = setInterval(() => {
  longest = Math.max(longest, performance.now() - last);
  last = performance.now();
}, 1);
await warmSketches(articles);
clearInterval(probe);
const none = findDuplicate(fresh(0), articles);
const first = ms(t0);
const later: number[] = [];
for (let i = 1; i <= 20; i++) {
  t0 = process.hrtime.bigint();
  findDuplicate(fresh(i), articles);
  later.push(ms(t0));
}
// A copy of an existing article with its first paragraph dropped: found, by text.
const victim = articles[Math.floor(articles.length / 2)];
const copy = { ...victim, id: 'copy', url: null, paragraphs: victim.paragraphs.slice(1) };
t0 = process.hrtime.bigint();
const dup = findDuplicate(copy, articles);
const dupMs = ms(t0);

const out = {
  paragraphs: corpus.paragraphs,
  articles: articles.length,
  htmlToDraftMedianMs: +median(htmlTimes).toFixed(2),
  firstCheckMs: Math.round(first),
  longestStallDuringFirstCheckMs: Math.round(longest),
  laterCheckMedianMs: +median(later).toFixed(1),
  // What the kept samples hold: 4 bytes a value (plus a typed array's ~100 bytes each).
  sampleMB: +((articles.reduce((n, a) => n + shingles(a).filter((h) => h % 8 === 0).length * 4 + 100, 0)) / 1024 / 1024).toFixed(1),
  falseDuplicate: none ? none.article.id : null,
  copyFound: dup?.article.id === victim.id ? `yes (${Math.round(dup.similarity * 100)}% contained)` : 'NO',
  copyCheckMs: +dupMs.toFixed(1),
};
console.log(JSON.stringify(out, null, 2));

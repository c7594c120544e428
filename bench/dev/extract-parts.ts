/** Where extraction time goes, per stage, on the bench:extract articles: npx tsx bench/dev/extract-parts.ts */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../src/knowledge/parse.ts';
import { extractPeople } from '../../src/extract/people.ts';
import { resolvePronouns } from '../../src/extract/coref.ts';
import { extractQuotes } from '../../src/extract/quotes.ts';
import { extractEvents } from '../../src/extract/events.ts';
import { findTimes } from '../../src/extract/dates.ts';
import { prng } from '../lib/synthetic.ts';
import type { Article } from '../../src/knowledge/types.ts';

const root = path.resolve(import.meta.dirname, '../..');
const paragraphs: string[] = [];
for (const d of ['knowledge', 'tests/fixtures/articles', 'tests/fixtures/heldout/articles'].map((x) => path.join(root, x))) {
  for (const f of readdirSync(d)) {
    const r = parseArticle(f, f, readFileSync(path.join(d, f), 'utf8'));
    if (r.ok) paragraphs.push(...r.article.paragraphs.map((p) => p.text));
  }
}
const r = prng(3);
const articles: Article[] = [];
for (let a = 0; a < 100; a++) {
  const body: string[] = [];
  for (let n = 0; n < 1000; ) {
    const p = paragraphs[Math.floor(r() * paragraphs.length)];
    body.push(p);
    n += p.split(/\s+/).length;
  }
  const parsed = parseArticle(`a${a}.md`, `a${a}`, `---\ntitle: Day ${a}\npublished: 2026-03-12\n---\n\n${body.join('\n\n')}\n`);
  if (parsed.ok) articles.push(parsed.article);
}
const t = { people: 0, coref: 0, quotes: 0, events: 0, times: 0 };
for (let round = 0; round < 3; round++) {
  for (const a of articles) {
    let t0 = performance.now();
    const { people, mentions } = extractPeople(a);
    t.people += performance.now() - t0;
    t0 = performance.now();
    const all = [...mentions, ...resolvePronouns(a, mentions)];
    t.coref += performance.now() - t0;
    t0 = performance.now();
    extractQuotes(a, people, all);
    t.quotes += performance.now() - t0;
    t0 = performance.now();
    extractEvents(a, people, all);
    t.events += performance.now() - t0;
    t0 = performance.now();
    for (const p of a.paragraphs) findTimes(p.text, a.published);
    t.times += performance.now() - t0;
  }
}
for (const [k, v] of Object.entries(t)) console.log(`${k.padEnd(8)} ${(v / 3).toFixed(0)} ms per 100 articles`);

// Inside events: the triggers, sentence by sentence.
const { kindsAt } = await import('../../src/extract/events.ts');
const { splitSentences } = await import('../../src/text/sentences.ts');
const { EVENT_TRIGGERS } = await import('../../src/extract/lexicon/events.ts');
const sentences = articles.flatMap((a) => a.paragraphs.flatMap((p) => splitSentences(p.text).map((s) => s.text)));
let t0 = performance.now();
for (const s of sentences) kindsAt(s);
console.log(`kindsAt  ${(performance.now() - t0).toFixed(0)} ms for ${sentences.length} sentences`);
for (const [k, re] of Object.entries(EVENT_TRIGGERS)) {
  t0 = performance.now();
  for (const s of sentences) re.exec(s);
  console.log(`  ${k.padEnd(12)} ${(performance.now() - t0).toFixed(0)} ms`);
}
t0 = performance.now();
for (const s of sentences) findTimes(s, '2026-03-12');
console.log(`findTimes per sentence ${(performance.now() - t0).toFixed(0)} ms`);

/**
 * Passage retrieval on real news (PolNeAR, ../shared/data): each article's headline asked of every
 * paragraph of its split; the right answer is the article's lead (its first two body paragraphs).
 * Headlines word things differently from their leads, which is what stemming, synonyms and the
 * weighting of common words are for. `train` is tuned on; `dev` is kept aside. No text is copied.
 *   npx tsx bench/dev/eval-news-retrieval.ts [--data DIR] [--split train|dev] [--limit N]
 * DIR defaults to $KEYSTONE_DATA, else ../shared/data beside the checkout.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeBase } from '../../src/knowledge/base.ts';
import { parseArticle } from '../../src/knowledge/parse.ts';
import type { Article } from '../../src/knowledge/types.ts';
import { formatRows } from './score.ts';
import { scoreQuestions, type AskQuestion } from './score-ask.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const data = opt('--data') ?? process.env.KEYSTONE_DATA ?? path.resolve(import.meta.dirname, '../../../shared/data');
const dir = path.join(data, 'polnear');
if (!existsSync(dir)) {
  console.log(`skipped: no PolNeAR under ${dir} (pass --data DIR or set KEYSTONE_DATA)`);
  process.exit(0);
}
const limit = Number(opt('--limit') ?? 400);
for (const split of opt('--split') ? [opt('--split')!] : ['train', 'dev']) {
  const files = readdirSync(path.join(dir, split, 'text')).filter((f) => f.endsWith('.txt')).sort();
  const articles: Article[] = [];
  const questions: AskQuestion[] = [];
  for (const f of files) {
    const raw = readFileSync(path.join(dir, split, 'text', f), 'utf8').replace(/\r/g, '');
    const [headline, ...rest] = raw.split('\n');
    const body = rest.join('\n').trim();
    // Some publishers' files separate paragraphs by single newlines: make them blank lines.
    // The headline is the question: the article's title must not give it away, so it is a neutral one.
    const text = `---\ntitle: ${JSON.stringify(`Article ${articles.length + 1}`)}\n---\n\n${body.includes('\n\n') ? body : body.split('\n').join('\n\n')}\n`;
    const id = `a${String(articles.length + 1).padStart(4, '0')}`;
    const r = parseArticle(`${id}.md`, id, text);
    if (!r.ok || r.article.paragraphs.length < 2) continue;
    articles.push(r.article);
    if (questions.length < limit && headline.trim().split(/\s+/).length >= 4) {
      questions.push({ question: headline.trim(), article: id, paragraph: 1, also: [{ article: id, paragraph: 2 }] });
    }
  }
  const t0 = performance.now();
  const kb = new KnowledgeBase(articles);
  console.log(`\nPolNeAR ${split}${split === 'dev' ? ' (aside)' : ''}: ${articles.length} articles, ${kb.paragraphs.length} paragraphs, built in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${questions.length} headlines asked`);
  for (const line of formatRows(scoreQuestions(kb, questions, 'headline -> lead'))) console.log(`  ${line}`);
}

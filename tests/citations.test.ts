import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { parseArticle } from '../src/knowledge/parse.ts';
import { KNOWLEDGE, SHARED_CORPUS, hasSharedCorpus, miamiKb } from './helpers.ts';

describe('the Miami article', () => {
  it('has paragraphs 1–15 with their sections; headings are not counted', async () => {
    const kb = await miamiKb();
    const a = kb.byArticle.get('miami-talks')!;
    expect(a.paragraphs.map((p) => p.n)).toEqual([...Array(15)].map((_, i) => i + 1));
    expect(a.sections).toHaveLength(7);
    expect(a.paragraphs[0].section).toBeNull();
    expect(a.paragraphs[7].section).toBe('Zelensky’s Optimism amidst Challenges');
    expect(a.paragraphs[7].text).toMatch(/^Ukrainian President Volodymyr Zelensky/);
    expect(a.paragraphs[14].section).toBe('Escalating Conflict: A Contradiction to Diplomacy');
    expect(a.published).toBeNull(); // not in the text: left out, not invented
  });

  it('cites every paragraph with the fields a renderer needs', async () => {
    const kb = await miamiKb();
    const p = kb.paragraphs.find((x) => x.n === 8)!;
    const { citationOf } = await import('../src/knowledge/types.ts');
    expect(citationOf(kb.article(p), p)).toEqual({
      article: 'miami-talks', title: 'Miami talks on ending the war in Ukraine', section: 'Zelensky’s Optimism amidst Challenges', paragraph: 8, published: null, url: null,
    });
  });

  it.runIf(hasSharedCorpus)('keeps the shared article word for word, and the .txt loader reads it the same way', async () => {
    const raw = readFileSync(SHARED_CORPUS, 'utf8');
    const md = readFileSync(path.join(KNOWLEDGE, 'miami-talks.md'), 'utf8');
    const body = md.split(/^---$/m)[2];
    const words = (s: string) => s.replace(/^#+\s/gm, '').split(/\s+/).filter(Boolean);
    expect(words(body)).toEqual(words(raw));
    const fromTxt = parseArticle('miami-talks.txt', 'miami-talks', raw);
    const fromMd = (await loadKnowledge(KNOWLEDGE)).articles[0];
    if (!fromTxt.ok) throw new Error('txt did not parse');
    expect(fromTxt.article.paragraphs.map((p) => [p.n, p.section, p.text])).toEqual(fromMd.paragraphs.map((p) => [p.n, p.section, p.text]));
  });
});

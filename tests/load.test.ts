import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { parseArticle } from '../src/knowledge/parse.ts';
import { formatProblem } from '../src/knowledge/types.ts';
import { tempKnowledge } from './helpers.ts';

const good = `---\ntitle: Good article\npublished: 2025-12-02\nsource: Example News\nurl: https://example.com/a\ntags: [talks]\n---\n\nLead paragraph here.\n\n## First section\n\nBody one, which\nwraps over two lines.\n\nBody two.\n`;

describe('parsing Markdown', () => {
  it('reads front matter, sections and paragraphs', () => {
    const r = parseArticle('k/good.md', 'good', good);
    if (!r.ok) throw new Error(r.problem.message);
    const a = r.article;
    expect(a).toMatchObject({ title: 'Good article', published: '2025-12-02', source: 'Example News', url: 'https://example.com/a', tags: ['talks'] });
    expect(a.paragraphs.map((p) => [p.n, p.section, p.text])).toEqual([
      [1, null, 'Lead paragraph here.'],
      [2, 'First section', 'Body one, which wraps over two lines.'],
      [3, 'First section', 'Body two.'],
    ]);
  });

  it('strips inline Markdown from text but keeps the words', () => {
    const r = parseArticle('k/x.md', 'x', '---\ntitle: T\n---\nThe **envoy** said [so](https://x.y) in `code`.\n');
    expect(r.ok && r.article.paragraphs[0].text).toBe('The envoy said so in code.');
  });

  it('warns about a date that is not a date and ignores it', () => {
    const r = parseArticle('k/x.md', 'x', '---\ntitle: T\npublished: last tuesday\n---\nText.\n');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.article.published).toBeNull();
      expect(r.warnings[0].message).toMatch(/not a date/);
    }
  });
});

describe('parsing plain text', () => {
  it('treats short unpunctuated lines as headings, the rest as paragraphs', () => {
    const r = parseArticle('k/t.txt', 't', 'Lead sentence here.\nA Heading: “Quoted”\nBody under heading.\nLast line without stop');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.article.sections).toEqual(['A Heading: “Quoted”']);
    expect(r.article.paragraphs.map((p) => [p.n, p.section])).toEqual([[1, null], [2, 'A Heading: “Quoted”'], [3, 'A Heading: “Quoted”']]);
    expect(r.article.title).toBe('T');
  });
});

describe('bad files', () => {
  const cases: [string, string | Buffer, RegExp, number | null][] = [
    ['no-title.md', '---\nsource: X\n---\nText.\n', /front matter has no title/, 1],
    ['unclosed.md', '---\ntitle: X\nText.\n', /never closed/, 1],
    ['bad-yaml.md', '---\ntitle: X\nsource: [unclosed\n---\nText.\n', /not valid YAML/, null],
    ['empty.md', '   \n\n', /is empty/, null],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), /not a text file/, null],
    ['no-body.md', '---\ntitle: Only a title\n---\n\n## Heading only\n', /no paragraphs/, null],
  ];
  for (const [name, content, reason, line] of cases) {
    it(`reports ${name} with its path and reason, and loads the rest`, async () => {
      const dir = tempKnowledge({ [name]: content, 'good.md': good });
      const k = await loadKnowledge(dir);
      expect(k.articles.map((a) => a.id)).toEqual(['good']);
      expect(k.problems).toHaveLength(1);
      const p = k.problems[0];
      expect(p.file).toBe(path.join(path.basename(dir), name));
      expect(p.message).toMatch(reason);
      if (line != null) expect(p.line).toBe(line);
      expect(formatProblem(p)).toContain(name);
    });
  }

  it('reports an unreadable entry and keeps going', async () => {
    const dir = tempKnowledge({ 'good.md': good });
    mkdirSync(path.join(dir, 'folder.md', 'inner'), { recursive: true }); // a directory named like a file
    const k = await loadKnowledge(dir);
    expect(k.articles).toHaveLength(1);
  });

  it('reports a duplicate article id', async () => {
    const dir = tempKnowledge({ 'same.md': good, 'same.txt': 'Some text here.\n' });
    const k = await loadKnowledge(dir);
    expect(k.articles).toHaveLength(1);
    expect(k.problems[0].message).toMatch(/same article id/);
  });

  it('reports a missing knowledge directory without throwing', async () => {
    const k = await loadKnowledge('/nonexistent/keystone-dir');
    expect(k.articles).toEqual([]);
    expect(k.problems[0].message).toMatch(/does not exist/);
  });

  it('reports the YAML error line within the file', async () => {
    const dir = tempKnowledge({ 'y.md': '---\ntitle: X\nsource: "open\n---\nText.\n' });
    const k = await loadKnowledge(dir);
    expect(k.problems[0].line).toBeGreaterThanOrEqual(2);
  });
});

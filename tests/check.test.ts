import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../src/cli.ts';
import { checkKnowledge, isCalendarDate } from '../src/check.ts';
import { KNOWLEDGE, ROOT, tempKnowledge } from './helpers.ts';

const good = (title: string, body = 'A paragraph of text.') => `---\ntitle: ${title}\npublished: 2025-12-02\n---\n\n${body}\n`;

async function check(files: Record<string, string | Buffer>) {
  const dir = tempKnowledge(files);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['check', dir], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n'), report: await checkKnowledge(dir, { today: '2026-12-01' }) };
}

describe('keystone check', () => {
  it('passes the checkout’s own knowledge directory (exit 0), as npm test runs it', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'keystone.js'), 'check', KNOWLEDGE], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/keystone check ok: 1 file\(s\), 1 article\(s\), 0 error\(s\)/);
  });

  it('exits 1 naming the file, the line and the reason of each error', async () => {
    const r = await check({
      'a.md': good('Alpha'),
      'no-title.md': '---\nsource: X\n---\nText.\n',
      'bad-yaml.md': '---\ntitle: X\nsource: [unclosed\n---\nText.\n',
      'empty.md': '',
      'title-only.md': '---\ntitle: Only a title\n---\n\n## A heading\n',
      'bad-date.md': '---\ntitle: Dated\npublished: last tuesday\n---\nText about a day.\n',
      'no-such-day.md': '---\ntitle: February\npublished: 2025-02-30\n---\nText about February.\n',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
    });
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    const line = (file: string) => lines.find((l) => l.includes(file)) ?? '';
    expect(line('no-title.md')).toMatch(/^error: .*no-title\.md line 1: front matter has no title/);
    expect(line('bad-yaml.md')).toMatch(/bad-yaml\.md line \d: front matter is not valid YAML/);
    expect(line('empty.md')).toMatch(/is empty/);
    expect(line('title-only.md')).toMatch(/no paragraphs/);
    expect(line('bad-date.md')).toMatch(/published "last tuesday" is not a date like 2025-12-01/);
    expect(line('no-such-day.md')).toMatch(/2025-02-30" is not a real calendar date/);
    expect(line('binary.txt')).toMatch(/not a text file/);
    expect(r.out).toMatch(/keystone check FAILED: 8 file\(s\), 3 article\(s\), 7 error\(s\)/);
    expect(lines.filter((l) => l.includes('a.md:'))).toEqual([]);
  });

  it('finds duplicates: ids, texts (errors), titles and urls (warnings)', async () => {
    const r = await check({
      'same.md': good('Same id'),
      'same.txt': 'Some other text here.\n',
      'copy-one.md': good('Copy one', 'Exactly the same words in both files.'),
      'copy-two.md': good('Copy two', 'Exactly the same words in both files.'),
      'title-1.md': good('Shared title', 'First text.'),
      'title-2.md': good('Shared title', 'Second text.'),
      'url-1.md': '---\ntitle: U1\nurl: https://example.com/x\n---\nOne.\n',
      'url-2.md': '---\ntitle: U2\nurl: https://example.com/x\n---\nTwo.\n',
    });
    expect(r.code).toBe(1);
    const by = (re: RegExp) => r.report.problems.filter((p) => re.test(p.message));
    expect(by(/same article id "same"/)).toHaveLength(1);
    expect(by(/same text as .*copy-one\.md/)).toMatchObject([{ severity: 'error', file: expect.stringContaining('copy-two.md') }]);
    expect(by(/same title as .*title-1\.md/)).toMatchObject([{ severity: 'warning' }]);
    expect(by(/same url as .*url-1\.md/)).toMatchObject([{ severity: 'warning' }]);
    expect(r.report.errors).toBe(2);
  });

  it('warns, without failing, about unknown keys, future dates and ids too long for buttons', async () => {
    const r = await check({
      'typo.md': '---\ntitle: Typo\ntitel: Typo\n---\nText.\n',
      'future.md': '---\ntitle: Future\npublished: 2027-05-01\n---\nText from the future.\n',
      [`${'very-long-name-'.repeat(7)}.md`]: good('Long', 'Long named.'),
    });
    expect(r.code).toBe(0);
    expect(r.report.problems.map((p) => [p.severity, p.line, p.message])).toEqual(expect.arrayContaining([
      ['warning', 3, expect.stringMatching(/^front matter key "titel" is not one Keystone reads/)],
      ['warning', null, 'published 2027-05-01 is in the future'],
      ['warning', null, expect.stringMatching(/^article id "very-long-name.* too long for Discord's buttons/)],
    ]));
    expect(r.out).toMatch(/keystone check ok: .* 0 error\(s\), 3 warning\(s\)/);
  });

  it('fails on a missing or empty directory, and prints one JSON report with --json', async () => {
    expect((await check({})).code).toBe(1);
    const out: string[] = [];
    const code = await main(['check', '/nonexistent/keystone-knowledge', '--json'], { out: (s) => out.push(s), err: () => undefined });
    expect(code).toBe(1);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ errors: 1, problems: [{ message: expect.stringMatching(/does not exist/) }] });
  });

  it('knows a calendar date', () => {
    expect(['2024-02-29', '2025-12-31', '2025-01-01T10:00:00Z'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31'].map(isCalendarDate)).toEqual([false, false, false, false]);
  });
});

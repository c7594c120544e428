import { describe, expect, it } from 'vitest';
import { findTimes } from '../src/extract/dates.ts';

// 2026-03-12 is a Thursday.
const t = (s: string, published: string | null = '2026-03-12') =>
  findTimes(s, published).map((x) => [x.kind, x.date ? `${x.date.value}/${x.date.precision}` : null, ...(x.until ? [x.until.value] : [])]);

describe('dates of events (session 13)', () => {
  it('reads a participle after "be" as part of what lies ahead, not a past tense', () => {
    expect(t('The envoy is to be received in Nordstad on Friday.')).toEqual([['date', '2026-03-13/day']]);
    expect(t('The treaty will be signed on Monday.')).toEqual([['date', '2026-03-16/day']]);
    // A past participle with no "be" before it still reports.
    expect(t('The envoy was received in Nordstad on Friday.')).toEqual([['date', '2026-03-06/day']]);
  });

  it('reads "on Thursday last week" as the Thursday of last week, "on Monday next week" as that of next week', () => {
    // 2026-03-13 is a Friday: this week's Thursday is the day before, last week's a week earlier.
    expect(t('Olaf Berg had said on Thursday last week that a pause could come.', '2026-03-13')).toEqual([['date', '2026-03-05/day']]);
    expect(t('Anna Lund will travel on Friday next week.', '2026-03-13')).toEqual([['date', '2026-03-20/day']]);
  });

  it('reads no date into "in the day" ("earlier in the day"), leaving the day to the text around it', () => {
    expect(t('Olaf Berg said earlier in the day that he knew nothing of a deadline of March 27.').filter((x) => x[0] === 'date')).toEqual([]);
    expect(t('Anna Lund spoke later in the morning about the summit in May.')).toEqual([['date', '2025-05/month']]);
  });

  it('reads the day a span starts ("a truce starting on Monday") as a bound, not the date of what is reported', () => {
    expect(t('Olaf Berg said on Tuesday that Nordland backed a truce starting on Monday.')).toEqual([
      ['date', '2026-03-10/day'],
      ['period', '2026-03-09/day'],
    ]);
    expect(t('The sanctions take hold effective from Friday.').map((x) => x[0])).toEqual(['period']);
    // A month or a year a span runs from is a bound too; a range read whole keeps its dates.
    expect(t('Nordland agreed on Tuesday to ban imports from January 2027.')).toEqual([
      ['date', '2026-03-10/day'],
      ['period', '2027-01/month'],
    ]);
    expect(t('The sides met from Friday to Sunday in Nordstad.')).toEqual([['date', '2026-03-06/day', '2026-03-08']]);
  });

  it('keeps the day of a date a blanked quotation follows', () => {
    // Quotations are blanked (same length) before dates are read: a long run of blanks after the month.
    expect(t(`Olaf Berg had warned on 14 December of ${' '.repeat(20)} objections.`, '2025-12-19')).toEqual([['date', '2025-12-14/day']]);
  });
});

describe('a happening told as so many days before another (session 13)', () => {
  it('dates the whole clause the count heads, however long', async () => {
    const { parseArticle } = await import('../src/knowledge/parse.ts');
    const { extractFacts } = await import('../src/extract/facts.ts');
    const r = parseArticle('t.md', 't', `---\ntitle: T\npublished: 2026-03-11\n---\n\nNORDSTAD, March 11 (Test Wire) — Olaf Berg spent three hours with Anna Lund in Nordstad on Wednesday, two days before a deadline set by the Varnekland president for Nordland to agree to a ceasefire or face new sanctions.\n`);
    if (!r.ok) throw new Error(r.problem.message);
    const decision = extractFacts(r.article).events.find((e) => e.kind === 'decision');
    expect(decision?.date?.value).toBe('2026-03-13');
  });
});

describe('a paragraph with no date of its own, after a flashback (session 13)', () => {
  it('takes the latest day the story reported, not the earlier day a flashback named', async () => {
    const { parseArticle } = await import('../src/knowledge/parse.ts');
    const { extractFacts } = await import('../src/extract/facts.ts');
    // 2026-03-12 is a Thursday: the news is Wednesday's, the flashback Monday's.
    const text = [
      'Olaf Berg met Anna Lund in Nordstad on Wednesday to discuss a ceasefire.',
      'On Monday Lund had told reporters she would stay at home unless the documents were ready.',
      'Berg told reporters the talks had been useful and that he agreed with her.',
    ].join('\n\n');
    const r = parseArticle('t.md', 't', `---\ntitle: T\npublished: 2026-03-12\n---\n\n${text}\n`);
    if (!r.ok) throw new Error(r.problem.message);
    const last = extractFacts(r.article).events.filter((e) => e.paragraph === 3);
    expect(last.length).toBeGreaterThan(0);
    for (const e of last) expect(e.date).toMatchObject({ value: '2026-03-11', source: 'text' });
  });

  it('takes the story day two days before publication too (a story filed two days on tells that news)', async () => {
    const { parseArticle } = await import('../src/knowledge/parse.ts');
    const { extractFacts } = await import('../src/extract/facts.ts');
    // 2026-03-13 is a Friday: the vote was on Wednesday.
    const text = 'Parliament voted on Wednesday to approve the new cabinet of the prime minister, Anna Lund.\n\nThe foreign minister, Olaf Berg, was reappointed in a separate vote.';
    const r = parseArticle('t.md', 't', `---\ntitle: T\npublished: 2026-03-13\n---\n\n${text}\n`);
    if (!r.ok) throw new Error(r.problem.message);
    const e = extractFacts(r.article).events.find((x) => x.paragraph === 2 && x.kind === 'appointment');
    expect(e?.date).toMatchObject({ value: '2026-03-11', source: 'text' });
  });
});

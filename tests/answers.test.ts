import { describe, expect, it } from 'vitest';
import { miamiKb } from './helpers.ts';
import { ask, brief, events, quote, sources, who } from '../src/answers/index.ts';
import type { Answer } from '../src/answers/types.ts';

function everyResultCited(a: Answer) {
  for (const r of a.results) {
    expect(r.citation.article).toBe('miami-talks');
    expect(r.citation.paragraph).toBeGreaterThanOrEqual(1);
    expect(r.citation.paragraph).toBeLessThanOrEqual(15);
  }
}

describe('who', () => {
  it('answers a name with the person, their role, other names and the passages that mention them', async () => {
    const kb = await miamiKb();
    const a = who(kb, 'Witkoff');
    expect(a.results[0].person).toMatchObject({ name: 'Steve Witkoff', role: 'US special envoy', aliases: ['Witkoff'] });
    expect(a.results.map((r) => r.citation.paragraph)).toEqual([2, 3, 4, 5]);
    for (const r of a.results) expect(kb.paragraphs.some((p) => p.text === r.text)).toBe(true); // verbatim passages
    everyResultCited(a);
  });

  it('lists everyone with their role when asked nothing', async () => {
    const a = who(await miamiKb(), '', { limit: 100 });
    const names = a.results.map((r) => r.person!.name).sort();
    expect(names).toEqual(['Donald Trump', 'Jared Kushner', 'Jonas Gahr Støre', 'Jürgen Hardt', 'Kirill Dmitriev', 'Rustem Umjerow', 'Steve Witkoff', 'Vladimir Putin', 'Volodymyr Zelensky', 'Yuri Ushakov']);
    everyResultCited(a);
  });

  const roles: [string, string][] = [
    ['special envoy', 'Steve Witkoff'],
    ["Putin's advisor", 'Yuri Ushakov'],
    ['who led the Russian delegation', 'Kirill Dmitriev'],
    ['Norwegian prime minister', 'Jonas Gahr Støre'],
    ['Secretary of the Ukrainian Security Council', 'Rustem Umjerow'],
    ['foreign policy expert', 'Jürgen Hardt'],
  ];
  for (const [q, name] of roles) {
    it(`answers a role: ${q}`, async () => {
      expect(who(await miamiKb(), q).results[0]?.person?.name).toBe(name);
    });
  }

  it('says who it might have been on a miss', async () => {
    const a = who(await miamiKb(), 'Umarov');
    expect(a.results).toEqual([]);
    expect(a.message).toMatch(/No one called “Umarov”/);
    expect(a.suggestions).toContain('Rustem Umjerow');
  });
});

describe('quote', () => {
  it('finds what a speaker said, direct quotes first', async () => {
    const a = quote(await miamiKb(), 'Dmitriev');
    expect(a.results[0].quote).toMatchObject({ text: 'Thank you, Miami. Next time: Moscow.', speaker: 'Kirill Dmitriev', kind: 'direct' });
    expect(a.results[0].citation.paragraph).toBe(6);
  });

  it('finds a quote by its words, tolerant of typos', async () => {
    const a = quote(await miamiKb(), 'next tiem moscow');
    expect(a.results[0].quote?.speaker).toBe('Kirill Dmitriev');
  });

  it('lists reported statements after direct quotes', async () => {
    const a = quote(await miamiKb(), 'Zelensky', { limit: 50 });
    const kinds = a.results.map((r) => r.quote!.kind);
    expect(kinds[0]).toBe('direct');
    expect(kinds.lastIndexOf('direct')).toBeLessThan(kinds.indexOf('reported'));
    expect(a.results.some((r) => r.quote!.cue === 'noted that' && /maritime logistics/.test(r.text))).toBe(true);
  });
});

describe('events', () => {
  it('finds the strikes for "airstrikes"', async () => {
    const a = events(await miamiKb(), 'airstrikes');
    expect(a.results[0].event?.kind).toBe('attack');
    expect(a.results.slice(0, 2).map((r) => r.citation.paragraph).sort()).toEqual([13, 15]);
    everyResultCited(a);
  });

  it('lists every event in order when asked nothing', async () => {
    const a = events(await miamiKb(), '', { limit: 100 });
    // The article has no date: nothing relative can be resolved, so no event gets a guessed date;
    // events the text dates would come first, the rest follow in reading order.
    const dated = a.results.filter((r) => r.event!.date);
    const undated = a.results.filter((r) => !r.event!.date);
    expect(dated.map((r) => r.event!.date!.value)).toEqual(dated.map((r) => r.event!.date!.value).sort());
    expect(a.results.slice(0, dated.length)).toEqual(dated);
    // The news first, in reading order; history the article recalls ("a previous summit") after it, marked.
    const news = undated.filter((r) => !r.event!.background).map((r) => r.citation.paragraph);
    expect(news).toEqual([...news].sort((x, y) => x - y));
    const recalled = a.results.findIndex((r) => r.event!.background);
    expect(recalled).toBeGreaterThan(0);
    expect(a.results.slice(recalled).every((r) => r.event!.background)).toBe(true);
    expect(a.total).toBeGreaterThanOrEqual(6);
  });
});

describe('ask', () => {
  it('answers how long the talks lasted with the three-day passage first', async () => {
    const a = ask(await miamiKb(), 'How long did the talks last?');
    expect(a.results[0].citation.paragraph).toBe(1);
    expect(a.results[0].text).toMatch(/three-day/);
  });

  it('finds the loan', async () => {
    const a = ask(await miamiKb(), 'How much did the EU promise?');
    expect(a.results[0].citation.paragraph).toBe(11);
  });

  it('says so when nothing matches', async () => {
    const a = ask(await miamiKb(), 'xylophone quasar');
    expect(a.results).toEqual([]);
    expect(a.message).toMatch(/No passage matches/);
  });
});

describe('sources and brief', () => {
  it('lists the article with its paragraph count', async () => {
    const a = sources(await miamiKb());
    expect(a.results[0].article).toMatchObject({ id: 'miami-talks', paragraphs: 15, published: null });
  });

  it('briefs one article by title words, and says so when nothing is new since a date', async () => {
    const kb = await miamiKb();
    expect(brief(kb, '', { article: 'miami' }).brief.scope).toBe('Miami talks on ending the war in Ukraine');
    expect(brief(kb, '', { article: 'no such article' }).message).toMatch(/No article matches/);
    const since = brief(kb, '', { since: '2026-01-01' });
    expect(since.results).toEqual([]);
    expect(since.message).toMatch(/Nothing has been published since 2026-01-01/);
    expect(brief(kb, '', { since: 'yesterday' }).message).toMatch(/not a date/);
  });

  it('briefs with a cited headline, people, quotes, events and sources', async () => {
    const a = brief(await miamiKb());
    expect(a.brief.headline?.citation.paragraph).toBe(1);
    expect(a.brief.people.length).toBeGreaterThan(2);
    expect(a.brief.quotes.every((q) => q.quote?.kind === 'direct' && q.quote.speaker)).toBe(true);
    expect(a.brief.events.length).toBeGreaterThan(2);
    expect(a.brief.sources[0].article?.id).toBe('miami-talks');
    everyResultCited(a);
  });
});

import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/knowledge/parse.ts';
import { extractFacts } from '../src/extract/facts.ts';
import { canonicalQuotes } from '../src/text/quote-marks.ts';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { quote, who } from '../src/answers/index.ts';
import { toJson } from '../src/render/json.ts';
import { renderText } from '../src/render/text.ts';
import { tempKnowledge } from './helpers.ts';

function facts(text: string, published = '2026-03-12') {
  const r = parseArticle('t.md', 't', `---\ntitle: T\npublished: ${published}\n---\n${text}`);
  if (!r.ok) throw new Error(r.problem.message);
  return extractFacts(r.article);
}
const direct = (f: ReturnType<typeof facts>) => f.quotes.filter((q) => q.kind === 'direct');

describe('quotation marks of every style', () => {
  it('makes German, French, British and straight single marks one style, keeping every offset', () => {
    const cases = [
      ['Er sagte: „Wir sagen ‚nein‘.“', 'Er sagte: “Wir sagen ‘nein’.”'],
      ['Il a dit : « La paix est possible ».', 'Il a dit : “ La paix est possible ”.'],
      ['Er sagte: »Nein«.', 'Er sagte: “Nein”.'],
      ['She was ‘appalled’, and Russia’s leaders’ view did not change.', 'She was “appalled”, and Russia’s leaders’ view did not change.'],
      ["He called it 'a start' and didn't elaborate.", 'He called it “a start” and didn\'t elaborate.'],
      ['Plain “English” here’s fine', 'Plain “English” here’s fine'],
    ];
    for (const [input, want] of cases) {
      expect(canonicalQuotes(input)).toBe(want);
      expect(canonicalQuotes(input)).toHaveLength(input.length);
    }
  });

  it('finds quotes in „…“, « … » and ‘…’ with their speakers, and keeps the words as written', () => {
    expect(direct(facts('Bundeskanzler Olaf Berg said: „The ball is in Moscow’s court.“ He added: „We will see.“'))[0]).toMatchObject({ text: 'The ball is in Moscow’s court.', speakers: ['Olaf Berg'] });
    expect(direct(facts('Bundeskanzler Olaf Berg sagte: „Der Ball liegt in Moskaus Feld.“'))[0]).toMatchObject({ text: 'Der Ball liegt in Moskaus Feld.', speakers: ['Olaf Berg'] });
    expect(direct(facts('« Nous ne céderons pas », a déclaré Anna Lund, la ministre des affaires étrangères. Lund said so.'))[0]).toMatchObject({ text: 'Nous ne céderons pas', speakers: ['Anna Lund'] });
    const british = direct(facts('The foreign secretary, Piotr Nowak, said he was appalled. ‘If they are serious about peace, they must agree to a “full ceasefire”,’ he said.'))[0];
    expect(british).toMatchObject({ speakers: ['Piotr Nowak'] });
    expect(british.text).toContain('“full ceasefire”');
  });
});

describe('who said it', () => {
  it('gives an unnamed source its words as written, never the nearest named person', () => {
    const f = facts('Envoy Anna Berg met the delegation on Sunday. “Nothing was agreed,” a source familiar with the talks said.');
    expect(direct(f)[0]).toMatchObject({ speakers: [], source: 'a source familiar with the talks' });
    const g = facts('Minister Piotr Nowak arrived late. Officials in Kyiv said the meeting had been postponed.');
    expect(g.quotes.find((q) => q.kind === 'reported')).toMatchObject({ speakers: [], source: 'Officials in Kyiv' });
  });

  it('gives a reported statement to its reporter, not to the person it is about', () => {
    const f = facts('Spokesman Olaf Berg said Anna Lund was ready to meet the delegation next week.');
    expect(f.quotes.find((q) => q.kind === 'reported')).toMatchObject({ speakers: ['Olaf Berg'], text: 'Anna Lund was ready to meet the delegation next week' });
  });

  it('resolves a pronoun to the subject of the sentence before, not the nearest name', () => {
    const f = facts('Standing next to the German chancellor, Olaf Berg, at a press conference, Minister Anna Lund said that territory had been discussed. “We have different positions,” she said.');
    expect(direct(f)[0]).toMatchObject({ text: 'We have different positions', speakers: ['Anna Lund'] });
  });

  it('takes the speaker named in the middle of a quote, and after it with an appositive', () => {
    const f = facts('“We are close,” Anna Lund, the foreign minister, told reporters, “but not there yet.”');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Anna Lund'], ['Anna Lund']]);
  });

  it('gives an all-quote paragraph to the speaker the paragraph before introduced', () => {
    const f = facts('Farmer Piotr Nowak, 61, echoed the mayor:\n\n“We have waited three years for this. Nobody asked us what we wanted.”');
    expect(direct(f)[0]).toMatchObject({ speakers: ['Piotr Nowak'] });
  });

  it('gives interview answers to the interviewee and questions to the interviewer', () => {
    const f = facts([
      'Anna Lund, a senior fellow at a research centre, followed the talks. She spoke to Olaf Berg on Monday.',
      '**Q:** Was the exchange a success?',
      '**A:** It was the only thing the talks delivered, and it is not small.',
      '**Q:** What comes next?',
      '**A:** Another round, if both sides want it.',
    ].join('\n\n'));
    const turns = direct(f).map((q) => [q.text.slice(0, 12), q.speakers]);
    expect(turns).toEqual([
      ['Was the exch', ['Olaf Berg']],
      ['It was the o', ['Anna Lund']],
      ['What comes n', ['Olaf Berg']],
      ['Another roun', ['Anna Lund']],
    ]);
  });
});

describe('roles over time', () => {
  it('gives the latest role as current, the earlier one as history with its dates and passage', async () => {
    const dir = tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-05-16\n---\n\nDefence Minister Anna Lund led the delegation in the capital on Friday.\n',
      'b.md': '---\ntitle: B\npublished: 2025-07-18\n---\n\nThe parliament approved the new cabinet on Thursday.\n\nAnna Lund was appointed secretary of the security council, leaving the defence ministry.\n',
      'c.md': '---\ntitle: C\npublished: 2025-07-24\n---\n\nLund, the security council secretary, met her counterparts again on Wednesday.\n',
    });
    const kb = await buildKnowledgeBase(dir);
    const a = who(kb, 'Lund');
    const p = a.results[0].person!;
    expect(p.role).toMatch(/secretary/);
    expect(p.roles.map((r) => [r.role, r.current, r.citation.article])).toEqual([
      ['Defence Minister', false, 'a'],
      [expect.stringMatching(/secretary/), true, expect.stringMatching(/^[bc]$/)],
    ]);
    expect(p.roles[0]).toMatchObject({ since: '2025-05-16', until: '2025-07-18' });
    const json = toJson(a) as { results: { person: { roles: object[] } }[] };
    expect(json.results[0].person.roles[0]).toMatchObject({ role: 'Defence Minister', since: '2025-05-16', until: '2025-07-18', current: false, citation: { article: 'a', paragraph: 1 } });
    expect(renderText(a)).toMatch(/formerly Defence Minister, until 18 Jul 2025/);
  });

  it('calls someone known only by a past office "former …", and reads no role in a clause or a list', async () => {
    const f = facts('Former prime minister Olaf Berg, who was prime minister in 2005, criticised the deal. Envoy Anna Lund, Piotr Nowak and others arrived.');
    const berg = f.people.find((p) => p.name === 'Olaf Berg')!;
    expect(berg.role).toBeNull();
    expect(berg.roles.every((r) => r.former)).toBe(true);
    const kb = await buildKnowledgeBase(tempKnowledge({ 'x.md': '---\ntitle: X\npublished: 2025-01-02\n---\n\nFormer prime minister Olaf Berg criticised the deal.\n' }));
    expect(who(kb, 'Berg').results[0].person?.role).toBe('former prime minister');
  });

  it('does not take a role someone is considered for as one they hold', () => {
    const f = facts('Defence Minister Anna Lund stayed on. The president said he was considering Lund as ambassador to Japan.');
    expect(f.people[0].roles.map((r) => r.text)).toEqual(['Defence Minister']);
  });
});

describe('quote answers', () => {
  it('finds what an unnamed source said by its words and shows it as not named', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({ 'x.md': '---\ntitle: X\npublished: 2025-01-02\n---\n\nEnvoy Anna Lund met the delegation. “Nothing was agreed,” a source familiar with the talks said.\n' }));
    const a = quote(kb, 'source familiar');
    expect(a.results[0].quote).toMatchObject({ speaker: 'a source familiar with the talks', speakers: [], source: 'a source familiar with the talks' });
    expect(renderText(a)).toMatch(/a source familiar with the talks \(not named\)/);
    expect((toJson(a) as { results: { quote: object }[] }).results[0].quote).toMatchObject({ unnamed: true });
  });
});

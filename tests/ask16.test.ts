import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { ask } from '../src/answers/index.ts';
import { tempKnowledge } from './helpers.ts';
import { article, filler } from './support/ask-articles.ts';


describe('ask: the place of an article\'s dateline is the context of all its paragraphs', () => {
  it('finds the paragraph of the story filed from the place asked, which does not name it again', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Berg and Lund part without a deal', '2025-05-03',
          'VESTERBY, May 3 (Wire) — Olaf Berg and Anna Lund ended two days of talks on Friday without a deal.',
          'Their delegations are to meet again in Nordhaven next month, Berg said.'),
        'chess.md': article('Chess cup', '2025-05-04',
          'The Vesterby chess club said its delegations would meet again at the cup next month.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Where will the delegations meet again after the Vesterby talks?').results[0];
    expect(top.citation.article).toBe('talks');
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask: a person the question names, spoken of without the name', () => {
  it('counts the person for the paragraph that quotes them as "the president"', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'visit.md': article('Storm in Nordland', '2025-05-03',
          'Olaf Berg, the president of Nordland, had planned a trip to Vesterby on Monday, his office said.',
          'The president said he had cancelled the trip because of the storm over the coast.',
          'Berg later met Anna Lund in the capital.'),
        'wolf.md': article('Wolf travels', '2025-05-04',
          'Tomas Wolf cancelled his trip to Vesterby, which Berg had wanted to join.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Why did Berg cancel his trip?').results[0];
    expect(top.citation.article).toBe('visit');
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask: words news uses for one another (trip / visit, pledge / promise, block / veto)', () => {
  const cases: [string, string, string, string][] = [
    ['When did Berg call off his trip to Vesterby?', 'Olaf Berg made a call to the mayor of Vesterby on Monday.', 'Berg called off his visit to Vesterby on Tuesday, his office said.', 'trip / visit'],
    ['Did Berg pledge new bridges to Nordland?', 'Olaf Berg spoke of new bridges for Nordland.', 'Berg promised Nordland two new bridges over the river on Friday.', 'pledge / promise'],
    ['Did Berg block the law?', 'Olaf Berg read the law.', 'Berg vetoed the law on Friday, his office said.', 'block / veto'],
  ];
  for (const [question, near, answer, words] of cases) {
    it(`${words}: the paragraph with the other word answers`, async () => {
      const kb = await buildKnowledgeBase(tempKnowledge({ 'a.md': article('Berg in the north', '2025-05-03', near, answer), 'other.md': filler }));
      expect(ask(kb, question).results[0].citation.paragraph).toBe(2);
    });
  }
});

describe('ask: a time asked, and an article written weeks after it', () => {
  it('ranks the report of that time above a later article that looks back on it without the date', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'truce.md': article('Truce', '2025-05-10', 'Olaf Berg and Anna Lund signed a truce in Vesterby on Friday.'),
        'summer.md': article('Summer', '2025-07-20', 'Olaf Berg and Anna Lund agreed a truce in Vesterby, and it has since collapsed, officials said.'),
        'spring.md': article('Spring', '2025-05-02', 'Farmers in Nordland began sowing.'),
        'other.md': filler,
      }),
    );
    expect(ask(kb, 'What did Berg and Lund agree in May?').results[0].citation.article).toBe('truce');
  });
});

describe('ask "what did <institution or capital> say": the one asked speaks through its people', () => {
  it('a speaker whose role names the institution asked speaks for it', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'a.md': article('Truce', '2025-05-10',
          'Olaf Berg, the spokesman of the Nordland Council, arrived in Vesterby on Monday.',
          '"We welcome the truce and hope it holds," Berg told reporters.',
          'The truce was signed by the Nordland Council on Sunday, and "it is a good day", said Anna Lund, a farmer.'),
        'other.md': filler,
      }),
    );
    expect(ask(kb, 'What did the Nordland Council say about the truce?').results[0].citation.paragraph).toBe(2);
  });

  it("a capital speaks through its country's officials (the capital from the gazetteer, the people invented)", async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'a.md': article('Offer', '2025-05-10',
          'Olaf Berg, the Norwegian foreign minister, flew to Vesterby on Monday.',
          '"We will study the offer with care," Berg told reporters in Vesterby on Tuesday.',
          '"The offer is fair," said Anna Lund, a farmer.'),
        'other.md': filler,
      }),
    );
    expect(ask(kb, 'How did Oslo respond to the offer?').results[0].citation.paragraph).toBe(2);
  });
});

describe('ask "what did X threaten / pledge …": X\'s words in the paragraph after the one naming the occasion', () => {
  it('ranks the paragraph where X speaks above the one that only sets the scene', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'a.md': article('Forum', '2025-05-10',
          'Olaf Berg spoke at the Vesterby forum on Monday about the border and the harbour.',
          '"If they go on like this, we will answer in kind," Berg said.'),
        'b.md': article('Lund', '2025-05-11', 'Anna Lund said the Vesterby forum had been long and that the border was calm.'),
        'other.md': filler,
      }),
    );
    expect(ask(kb, 'What did Berg threaten at the Vesterby forum?').results[0].citation.paragraph).toBe(2);
  });
});

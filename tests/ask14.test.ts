import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { ask } from '../src/answers/index.ts';
import { tempKnowledge } from './helpers.ts';
import { article, filler } from './support/ask-articles.ts';


describe('ask "who sat on the … side": a line-up', () => {
  it('prefers the paragraph that lists the whole delegation to one naming four people on the same side', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Talks', '2025-11-24',
          'On the Nordland side, Olaf Berg said Anna Lund, Per Holm and Karin Dahl would join him later in the week.',
          'The talks in Nordhaven were attended for Nordland by Olaf Berg, Anna Lund, Per Holm, Karin Dahl, Lars Vik and Eva Strand, and on the other hand by Jonas Falk and Maria Lind.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Who sat on the Nordland side in Nordhaven?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "what did X say …": X is the one asked, the others named are the topic', () => {
  it('prefers where the subject speaks to where someone named in the topic does', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'call.md': article('A call', '2025-11-24',
          '"It was a good and long call," Olaf Berg said of his call with Anna Lund on Monday.',
          'Later, in Nordhaven, Eva Strand weighed in. "Nothing has changed," she said.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, "What did Strand say after Berg's call with Lund?").results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "what did X say about …": a reaction in the paragraph after the news', () => {
  it('ranks the paragraph where X answers above the report of the news, which names X nowhere', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'plant.md': article('Night', '2025-02-14',
          'Overnight a drone struck the shelter over the old reactor of the Nordhaven power plant, causing a fire on the roof, officials said.',
          '"There is no talk of that," Eva Strand told reporters.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'What did Strand say about the drone strike on the Nordhaven reactor?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask: words news uses for one another', () => {
  it('finds "bill" for "law", "jets" for "fighters" and "demands" for "conditions"', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'news.md': article('News', '2025-08-28',
          'Olaf Berg vetoed a bill on Monday that would have extended aid to the harbour towns.',
          'Olaf Berg said he would not veto anything before the summer.',
          'Nordland will send four jets to the northern base, Anna Lund said on Monday.',
          'Nordland will send a team to the northern base.',
          'Per Holm made three demands for the talks in Nordhaven on Friday, in a long speech to parliament that lasted most of the afternoon.',
          'Per Holm spoke about the talks in Nordhaven.'),
        'other.md': filler,
      }),
    );
    expect(ask(kb, 'Which law did Berg veto?').results[0].citation.paragraph).toBe(1);
    expect(ask(kb, 'Which fighters will Nordland send to the northern base?').results[0].citation.paragraph).toBe(3);
    expect(ask(kb, 'What conditions did Holm set for the talks in Nordhaven?').results[0].citation.paragraph).toBe(5);
  });
});

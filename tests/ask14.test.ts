import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { ask } from '../src/answers/index.ts';
import { tempKnowledge } from './helpers.ts';

const article = (title: string, published: string, ...paragraphs: string[]) => `---\ntitle: ${title}\npublished: ${published}\n---\n\n${paragraphs.join('\n\n')}\n`;

/** Paragraphs about nothing asked: they give the asked words their weight, as a real base does. */
const filler = article('Grain and weather', '2025-11-20',
  'Wheat prices rose on Monday as traders weighed the harvest.',
  'Heavy rain flooded roads in the north of the country.',
  'The central bank kept its interest rate unchanged.',
  'A new bridge over the river opened to traffic on Friday.');

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

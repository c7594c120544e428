import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { events } from '../src/answers/index.ts';
import { tempKnowledge } from './helpers.ts';

const article = (title: string, published: string, ...paragraphs: string[]) => `---\ntitle: ${title}\npublished: ${published}\n---\n\n${paragraphs.join('\n\n')}\n`;

describe('events <topic> ranks paragraphs as ask does', () => {
  it('prefers the report of the time the topic names', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'may.md': article('Prisoners come home', '2025-05-25', 'KYIV — Ukraine and Russia exchanged 303 prisoners of war each on Sunday, officials said.'),
        'october.md': article('Swap at the border', '2025-10-03', 'KYIV — Ukraine and Russia swapped 185 prisoners of war each on Thursday, officials said.'),
      }),
    );
    const top = events(kb, 'prisoner exchange in October').results[0];
    expect(top.citation.article).toBe('october');
  });
});

import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { ask } from '../src/answers/index.ts';
import { agentVerb } from '../src/answers/ask.ts';
import { tempKnowledge } from './helpers.ts';
import { article, filler } from './support/ask-articles.ts';


describe('ask "who <verb> …": the paragraph where it is done by someone', () => {
  it('reads the verb of the question, its forms and synonyms', () => {
    expect(agentVerb('Who was going to lead the team?')).toContain('led');
    expect(agentVerb('Who headed the team?')).toContain('led');
    expect(agentVerb('What did Berg say?')).toBeNull();
  });

  it('ranks "the delegation was led by X" above a lead naming the talks and their leaders', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Talks', '2025-05-03',
          'Olaf Berg and Anna Lund said on Friday that the talks in Vesterby with the Nordland delegation had gone well.',
          'The Nordland delegation was led by Piotr Nowak.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Who headed the Nordland delegation in Vesterby?').results[0];
    expect(top.citation.article).toBe('talks');
    expect(top.citation.paragraph).toBe(2);
  });

  it('does not count "led by X" when the question names X', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Talks', '2025-05-03',
          'The Nordland delegation was led by Olaf Berg.',
          'Anna Lund took charge of the Nordland delegation in June, when Berg left.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Who headed the Nordland delegation after Berg left?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "who led / headed …": the one leader, not the members of a line-up', () => {
  it('ranks the paragraph naming the head above one listing the delegation', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Talks', '2025-05-03',
          'The Nordland delegation included Olaf Berg, Anna Lund, Tomas Wolf, Erik Sand, Lena Moss and Jan Holt.',
          'Piotr Nowak heads the Nordland delegation in Vesterby.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Who led the Nordland delegation in Vesterby?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask: the bonus for the kind of answer is for the time asked', () => {
  it('a later paragraph listing the people weighs its bonus by its time fit', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'may.md': article('Talks', '2025-05-03', 'Piotr Nowak spoke for Nordland at the talks.'),
        'july.md': article('Looking back', '2025-07-20', 'At the Vesterby talks Nordland sent Olaf Berg, Anna Lund, Tomas Wolf and Piotr Nowak.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Who represented Nordland at the Vesterby talks on 3 May?').results[0];
    expect(top.citation.article).toBe('may');
  });
});

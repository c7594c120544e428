import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { events } from '../src/answers/events.ts';
import { tempKnowledge } from './helpers.ts';

// Session 17 of issue 10: events and the timeline (invented names and places only).
const article = (body: string, published: string, title = 'Test story') => `---
title: ${title}
published: ${published}
source: Test Wire
---

${body}
`;

describe('events: an article lede outranks a passing mention further down another', () => {
  it('shows the report in the first paragraph first when the topic matches both alike', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'a.md': article(
          [
            'Olaf Berg met Anna Lund in Vesterby on March 9 to discuss grain.',
            'Farmers in Nordland have waited months for an agreement on exports.',
            'Prices at the border rose again this winter, traders say.',
          ].join('\n\n'),
          '2026-03-10',
        ),
        'b.md': article(
          [
            'Farmers in Nordland have waited months for an agreement on exports.',
            'Prices at the border rose again this winter, traders say.',
            'Exporters fear another season of losses along the river.',
            'Olaf Berg met Anna Lund in Vesterby on March 2 to discuss grain.',
          ].join('\n\n'),
          '2026-03-20',
        ),
      }),
    );
    const r = events(kb, 'Berg Lund Vesterby grain', { limit: 5 }).results;
    expect(r.length).toBeGreaterThan(1);
    expect(r[0].citation.paragraph).toBe(1);
  });
});

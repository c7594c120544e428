import type { Article } from '../knowledge/types.ts';
import type { ArticleFacts } from './types.ts';
import { addPronounRoles, extractPeople } from './people.ts';
import { extractQuotes } from './quotes.ts';
import { extractEvents } from './events.ts';
import { resolvePronouns } from './coref.ts';

/** Everything extraction learns from one article. Pure: same article, same facts. */
export function extractFacts(article: Article): ArticleFacts {
  const { people, mentions: named } = extractPeople(article);
  const mentions = [...named, ...resolvePronouns(article, named)].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  addPronounRoles(article, people, mentions);
  return {
    article: article.id,
    people,
    mentions,
    quotes: extractQuotes(article, people, mentions),
    events: extractEvents(article, people, mentions),
  };
}

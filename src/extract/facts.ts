import type { Article } from '../knowledge/types.ts';
import type { ArticleFacts } from './types.ts';
import { addPronounRoles, extractPeople } from './people.ts';
import { extractQuotes } from './quotes.ts';
import { extractHappenings } from './events.ts';
import { resolvePronouns } from './coref.ts';
import { canonicalQuotes } from '../text/quote-marks.ts';
import { runSync, type Steps } from '../steps.ts';

/**
 * The article with every paragraph's quotation marks in one style (same length, same offsets):
 * what extraction reads, so „…“, « … » and ‘…’ are quotations as “…” are.
 */
function withCanonicalQuotes(article: Article): Article {
  const paragraphs = article.paragraphs.map((p) => {
    const text = canonicalQuotes(p.text);
    return text === p.text ? p : { ...p, text };
  });
  return paragraphs.every((p, i) => p === article.paragraphs[i]) ? article : { ...article, paragraphs };
}

/** A sentence of the canonical text, as the original writes it (the same offsets hold both). */
function asWritten(canon: Article, original: Article, paragraph: number, s: string): string {
  const c = canon.paragraphs[paragraph - 1]?.text;
  if (!c || canon === original) return s;
  const at = c.indexOf(s.replace(/…$/, ''));
  return at < 0 ? s : original.paragraphs[paragraph - 1].text.slice(at, at + s.length - (s.endsWith('…') ? 1 : 0)) + (s.endsWith('…') ? '…' : '');
}

/** Everything extraction learns from one article. Pure: same article, same facts. */
export function extractFacts(original: Article): ArticleFacts {
  return runSync(extractFactsSteps(original));
}

/** The same, a stage a step (people, pronouns, quotes, events): what a warm-up runs between queries. */
export function* extractFactsSteps(original: Article): Steps<ArticleFacts> {
  const article = withCanonicalQuotes(original);
  const { people, mentions: named } = extractPeople(article);
  yield;
  const mentions = [...named, ...resolvePronouns(article, named, people)].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  addPronounRoles(article, people, mentions);
  yield;
  const quotes = extractQuotes(article, people, mentions, original);
  yield;
  const found = extractHappenings(article, people, mentions);
  const events = found.events.map((e) => ({ ...e, summary: asWritten(article, original, e.paragraph, e.summary) }));
  return { article: article.id, people, mentions, quotes, events, recalls: found.recalls };
}

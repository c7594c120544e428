import type { Citation } from '../knowledge/types.ts';
import type { EventKind } from '../extract/lexicon/events.ts';
import type { EventDate, QuoteKind } from '../extract/types.ts';
import type { Brief } from './brief.ts';

export type CommandName = 'who' | 'quote' | 'events' | 'ask' | 'brief' | 'sources' | 'help';

export interface PersonView {
  id: string;
  name: string;
  role: string | null;
  affiliation: string | null;
  aliases: string[];
}

export interface QuoteView {
  text: string;
  /** Speaker names joined for display ("A and B"), or null when the text names nobody. */
  speaker: string | null;
  speakers: string[];
  cue: string | null;
  kind: QuoteKind;
}

export interface EventView {
  kind: EventKind;
  summary: string;
  actors: string[];
  place: string | null;
  /** The time as the text gives it ("on Sunday"), or null. */
  when: string | null;
  /** When it happened, at the precision known (day, month, year), from the text or the publication date. */
  date: EventDate | null;
  /** History the article recalls, not the news of the day. */
  background: boolean;
  /** Every other passage that reports the same event, in other articles. */
  alsoReported?: Citation[];
}

export interface ArticleView {
  id: string;
  title: string;
  published: string | null;
  source: string | null;
  url: string | null;
  paragraphs: number;
  file: string;
}

/** One passage of an answer. Every result is cited; `text` is the article's own words. */
export interface Result {
  text: string;
  score: number;
  citation: Citation;
  /** The whole paragraph, where `text` is a part of it (a quote, an event's sentence). */
  paragraph?: string;
  person?: PersonView;
  quote?: QuoteView;
  event?: EventView;
  article?: ArticleView;
}

/** What every face renders: the CLI, the console and Discord. Plain data. */
export interface Answer {
  command: CommandName;
  query: string;
  results: Result[];
  /** Results before the limit was applied. */
  total: number;
  /** A heading for the answer ("Anna Berg — special envoy"), where one fits. */
  title?: string;
  /** Said when there is nothing to show, or to qualify what is shown. */
  message?: string;
  /** "Did you mean" names or topics on a miss. */
  suggestions?: string[];
  /** For /help: the commands. */
  help?: { command: string; usage: string; description: string }[];
  /** For /brief: the sections, each a list of cited results (also flattened into `results`). */
  brief?: Brief;
}

export interface AnswerOptions {
  limit?: number;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;
export const MAX_QUERY_LENGTH = 300;

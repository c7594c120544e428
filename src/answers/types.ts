import type { Citation } from '../knowledge/types.ts';
import type { EventKind } from '../extract/lexicon/events.ts';
import type { EventDate, QuoteKind } from '../extract/types.ts';
import type { Brief } from './brief.ts';

export type CommandName = 'who' | 'quote' | 'events' | 'ask' | 'brief' | 'sources' | 'help';

/** One role in someone's history, with the passage that gives it. */
export interface RoleView {
  role: string;
  /** The earliest article date that gives it (YYYY-MM-DD), when the articles are dated. */
  since: string | null;
  /** When it is known to be over; null for the current role, or when the articles do not say. */
  until: string | null;
  current: boolean;
  /** Known to be over; a role neither current nor ended is held beside the current one. */
  ended: boolean;
  citation: Citation;
}

export interface PersonView {
  id: string;
  name: string;
  /** The current role: the latest by article date. */
  role: string | null;
  /** Their roles over time, oldest first, the current one last. */
  roles: RoleView[];
  affiliation: string | null;
  aliases: string[];
}

export interface QuoteView {
  text: string;
  /** Who said it, for display: names joined ("A and B"), else the source as written, else null. */
  speaker: string | null;
  /** The named people who said it. */
  speakers: string[];
  /** The source as the text words it when it names no person ("a source familiar with the talks", "the Kremlin"). */
  source: string | null;
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
  /** Passages of other articles that name it without reporting it ("after the Lisbon talks"). */
  recalledIn?: Citation[];
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

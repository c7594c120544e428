import type { DatePoint, Precision } from './dates.ts';
import type { EventKind } from './lexicon/events.ts';
import type { RoleHow } from './roles.ts';

/** One place where an article says what someone is. */
export interface RoleMention {
  /** The role as the article words it ("US special envoy"), without "former" or an "until …" tail. */
  text: string;
  /** Paragraph number (1-based) that says it. */
  paragraph: number;
  how: RoleHow;
  /** The text says the role is behind them: "former defence minister", "who was … until July". */
  former: boolean;
  /** The text says they take it up now: "was appointed …", "in his new job as …". */
  fresh?: boolean;
}

/** A person as one article presents them. The knowledge base merges these across articles. */
export interface ArticlePerson {
  name: string;
  /** The role the article gives them now, as it words it ("US special envoy"), or null. */
  role: string | null;
  /** Every role the article gives them, in reading order. */
  roles: RoleMention[];
  /** Country, party, body or delegation the text ties them to. */
  affiliation: string | null;
  /** Other forms of the name seen in the article ("Berg"). */
  aliases: string[];
  /** Paragraph numbers (1-based) that mention them. */
  paragraphs: number[];
}

/** Where a person is named: paragraph number and character span. `person` indexes ArticlePerson[]. */
export interface Mention {
  paragraph: number;
  start: number;
  end: number;
  person: number;
  /** A resolved "he", "she" or "they". */
  pronoun?: boolean;
}

export type QuoteKind = 'direct' | 'reported';

export interface QuoteFact {
  text: string;
  /** Speaker names (one, or several for a shared statement); empty when the text names nobody. */
  speakers: string[];
  /** The speaker as the text words it when it names no person: "a source familiar with the talks", "the Kremlin". */
  source?: string;
  /** The reporting word ("said", "noted that", "described … as"), or null. */
  cue: string | null;
  kind: QuoteKind;
  /** First and last paragraph of the quote (a quote may run over several). */
  paragraph: number;
  lastParagraph: number;
}

/**
 * When an event happened, as precisely as the article says: a day, a month or a year, with the
 * last day of a range, and where the date came from (the text, or the publication date when the
 * text gives none).
 */
export interface EventDate {
  value: string;
  precision: Precision;
  source: 'text' | 'published';
  end?: DatePoint;
}

export interface EventFact {
  kind: EventKind;
  /** The sentence that reports it, verbatim (shortened at a word boundary when long). */
  summary: string;
  actors: string[];
  place: string | null;
  /** The time the text gives, as written ("on Sunday"), or null. */
  when: string | null;
  date: EventDate | null;
  /** History the article recalls (dated long before it), not the news of the day. */
  background: boolean;
  paragraph: number;
  /** Other names its sentence calls it by, folded: the place of "the Lisbon talks" when its place is another ("at the Palace"). */
  names?: string[];
}

/**
 * A happening a passage names without reporting it, by its place ("after the Lisbon talks", "the
 * joint statement issued in Oslo on Monday", "nothing new since Reykjavik"): the passage is one more
 * citation of that happening's story, not an event of its own.
 */
export interface RecallFact {
  /** The kind its noun names: talks (talks, a summit, a meeting), statement, decision (a truce, a deal), plan. */
  kind: EventKind;
  /** The place it is named by, as written. */
  place: string;
  /** The words that name it, as written. */
  text: string;
  /** The date its words give, if any ("… in Oslo on Monday"). */
  date: EventDate | null;
  paragraph: number;
}

export interface ArticleFacts {
  article: string;
  people: ArticlePerson[];
  mentions: Mention[];
  quotes: QuoteFact[];
  events: EventFact[];
  /** Happenings recalled by name (missing in facts of older extraction versions). */
  recalls?: RecallFact[];
}

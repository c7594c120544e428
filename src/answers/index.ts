import type { KnowledgeBase } from '../knowledge/base.ts';
import type { Answer, AnswerOptions, CommandName } from './types.ts';
import { who } from './who.ts';
import { quote } from './quote.ts';
import { events } from './events.ts';
import { ask } from './ask.ts';
import { brief, type BriefOptions } from './brief.ts';
import { sources } from './sources.ts';
import type { Derived } from '../knowledge/derived.ts';
import { BY_ACTOR, BY_KIND, TIMELINE } from './events.ts';
import { BY_SOURCE, BY_SPEAKER, COUNTS, IN_ORDER } from './quote.ts';
import { BY_MENTIONS } from './who.ts';
import { LONGEST_QUOTES } from './brief.ts';
import { NAME_WORDS, PEOPLE_COUNT, STABLE_ORDER } from './ask.ts';
import { STORIES } from '../knowledge/event-stories.ts';
import { TITLES } from './titles.ts';

export interface CommandInfo {
  name: CommandName;
  usage: string;
  description: string;
  /** Whether the query is required. */
  needsQuery: boolean;
}

/** The command set, shared by the CLI, the console, /help and the Discord schemas' descriptions. */
export const COMMANDS: CommandInfo[] = [
  { name: 'who', usage: 'who [name or role]', description: 'Who someone is: name, role, other names, and the passages that mention them. No name lists everyone.', needsQuery: false },
  { name: 'quote', usage: 'quote [speaker or words]', description: 'What someone said, direct quotes first, or the quote with these words.', needsQuery: false },
  { name: 'events', usage: 'events [topic]', description: 'What happened, each event cited; no topic gives the timeline, oldest first.', needsQuery: false },
  { name: 'ask', usage: 'ask <question>', description: 'The best passages for a free question, best first.', needsQuery: true },
  { name: 'brief', usage: 'brief [article]', description: 'A briefing: the key development, who is involved, quotes, events and sources.', needsQuery: false },
  { name: 'sources', usage: 'sources', description: 'The articles in the knowledge base: title, date, source, paragraphs.', needsQuery: false },
  { name: 'help', usage: 'help', description: 'This list of commands.', needsQuery: false },
];

export function isCommand(name: string): name is CommandName {
  return COMMANDS.some((c) => c.name === name);
}

export function help(): Answer {
  return {
    command: 'help',
    query: '',
    results: [],
    total: 0,
    title: 'Keystone answers questions about the articles in its knowledge base, every passage cited.',
    help: COMMANDS.map((c) => ({ command: c.name, usage: c.usage, description: c.description })),
  };
}

export type RunOptions = AnswerOptions & BriefOptions & { speaker?: string; words?: string };

/** One entry point for every face: the same command gives the same answer everywhere. */
export function runCommand(kb: KnowledgeBase, command: CommandName, query: string, opts: RunOptions = {}): Answer {
  switch (command) {
    case 'who':
      return who(kb, query, opts);
    case 'quote':
      return quote(kb, query, opts);
    case 'events':
      return events(kb, query, opts);
    case 'ask':
      return ask(kb, query, opts);
    case 'brief':
      return brief(kb, query, opts);
    case 'sources':
      return sources(kb, query, opts);
    case 'help':
      return help();
  }
}

export { who, quote, events, ask, brief, sources };

/**
 * The orders and groupings the commands read: a serving bot computes them before a base first
 * serves, so the first query after a start or a rebuild is not the one that waits for them.
 */
export const ANSWER_DERIVED: Derived<unknown>[] = [TIMELINE, BY_KIND, BY_ACTOR, STORIES, NAME_WORDS, IN_ORDER, BY_SPEAKER, BY_SOURCE, COUNTS, BY_MENTIONS, LONGEST_QUOTES, PEOPLE_COUNT, STABLE_ORDER, TITLES];

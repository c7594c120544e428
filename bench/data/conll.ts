/**
 * CoNLL-2003 English NER (Reuters, 1996): documents as articles with their gold people.
 * Four columns (token POS chunk NER, IOB1), documents split at -DOCSTART-, sentences by blank lines.
 */
import { readFileSync } from 'node:fs';
import type { Article } from '../../src/knowledge/types.ts';
import { detokenize } from './detok.ts';
import { fold } from '../../src/text/normalize.ts';

export const nameWords = (s: string) => fold(s).replace(/[’']s\b/g, '').split(/[^a-z0-9]+/).filter(Boolean);
export const within = (a: string[], b: string[]) => a.length > 0 && a.every((w) => b.includes(w));


export interface ConllDoc {
  id: string;
  article: Article;
  /** Gold person mentions as written, in order. */
  people: string[];
  /** Gold organisation, location and misc names: things that are not people. */
  others: string[];
  /** Prose (not sports results, tables or squad lists). */
  prose: boolean;
  /** Each paragraph's (sentence's) tokens and gold tags, with where each token starts in the paragraph. */
  sentences: { tokens: string[]; tags: string[]; offsets: number[] }[];
}

export interface Sentence {
  tokens: string[];
  tags: string[];
}

function entities(s: Sentence, type: string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) out.push(detokenize(cur).text);
    cur = [];
  };
  s.tags.forEach((tag, i) => {
    if (tag === `I-${type}` && !(s.tags[i - 1] === `I-${type}` || s.tags[i - 1] === `B-${type}`)) flush();
    if (tag === `B-${type}`) flush();
    if (tag.endsWith(`-${type}`)) cur.push(s.tokens[i]);
    else flush();
  });
  flush();
  return out;
}

/** Sports results, tables and squad lists: many numbers, few full sentences. */
function isProse(sentences: Sentence[]): boolean {
  const body = sentences.slice(2);
  if (body.length === 0) return false;
  const tokens = body.flatMap((s) => s.tokens);
  const digits = tokens.filter((t) => /\d/.test(t)).length / Math.max(1, tokens.length);
  const sentenceLike = body.filter((s) => s.tokens.length >= 8 && /^[.!?"]$/.test(s.tokens[s.tokens.length - 1])).length / body.length;
  return digits < 0.12 && sentenceLike >= 0.5;
}

export function readConll(file: string, prefix: string): ConllDoc[] {
  const docs: Sentence[][] = [];
  let doc: Sentence[] = [];
  let sent: Sentence = { tokens: [], tags: [] };
  const endSentence = () => {
    if (sent.tokens.length) doc.push(sent);
    sent = { tokens: [], tags: [] };
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const cols = line.split(' ');
    sent.tokens.push(cols[0]);
    sent.tags.push(cols[3]);
  }
  endSentence();
  if (doc.length) docs.push(doc);
  return docs.map((sentences, k) => {
    const id = `${prefix}-${String(k + 1).padStart(4, '0')}`;
    const detok = sentences.map((s) => detokenize(s.tokens));
    const paragraphs = sentences.map((_, i) => ({ article: id, section: null, n: i + 1, text: detok[i].text }));
    const article: Article = { id, title: paragraphs[0]?.text ?? id, published: null, source: 'Reuters', url: null, tags: [], file: `${id}.txt`, sections: [], paragraphs };
    return {
      id,
      article,
      people: sentences.flatMap((s) => entities(s, 'PER')),
      others: sentences.flatMap((s) => [...entities(s, 'ORG'), ...entities(s, 'LOC'), ...entities(s, 'MISC')]),
      prose: isProse(sentences),
      sentences: sentences.map((s, i) => ({ ...s, offsets: detok[i].offsets })),
    };
  });
}

/** Gold mentions grouped into people: a mention whose words are all in a longer one is that person. */
export function goldPeople(mentions: string[]): string[][] {
  const ws = [...new Set(mentions)].map(nameWords).filter((w) => w.length).sort((a, b) => b.length - a.length);
  const people: string[][] = [];
  for (const w of ws) if (!people.some((p) => within(w, p))) people.push(w);
  return people;
}


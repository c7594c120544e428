import type { CommandName } from '../../src/answers/types.ts';
import type { RunOptions } from '../../src/answers/index.ts';
import { fold } from '../../src/text/normalize.ts';
import { CITIES, TOPICS, prng, type Corpus } from './synthetic.ts';

export interface Query {
  command: CommandName;
  q: string;
  /** For quality: the words a right paragraph contains (correct spelling), or the person expected. */
  wantWords?: string[];
  wantPerson?: string;
  typo?: boolean;
  opts?: RunOptions;
}

export function typo(word: string, r: () => number): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  const kind = Math.floor(r() * 4);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1); // drop
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i); // double
  if (kind === 2) return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1); // swap
  const near = 'aeiou'.includes(word[i]) ? 'aeiou' : 'bcdfghklmnprstvz';
  return word.slice(0, i) + near[(near.indexOf(word[i]) + 1) % near.length] + word.slice(i + 1);
}

const titleOf = (c: Corpus, id: string) => c.titles.get(id)!;

/** Queries with their right answers, from the generated corpus itself. */
export function queriesFor(c: Corpus, n = 200): Query[] {
  const r = prng(99);
  const ids = [...c.texts.keys()];
  const qs: Query[] = [];
  const surnames = new Set(c.people.map((p) => p.last));
  for (let i = 0; i < n; i++) {
    const id = ids[Math.floor(r() * ids.length)];
    const paras = c.texts.get(id)!;
    const text = paras[Math.floor(r() * paras.length)];
    const name = text.split(/[\s,.“”]+/).find((w) => surnames.has(w))!;
    // Words the target paragraph really contains: its city and (a word of) its topic.
    const city = CITIES.find((x) => text.includes(` ${x}`));
    const topic = TOPICS.find((x) => text.includes(x))?.split(' ')[Math.floor(r() * 2)] ?? TOPICS.map((x) => x.split(' ')[0]).find((w) => text.includes(w)) ?? 'drones';
    const words = [name, topic, city].filter(Boolean) as string[];
    const misspell = i % 3 === 0;
    const qname = misspell ? typo(name, r) : name;
    qs.push({ command: 'ask', q: [qname, ...words.slice(1)].join(' '), wantWords: words, typo: misspell });
    qs.push({ command: 'who', q: qname, wantPerson: name, typo: misspell });
    qs.push({ command: 'quote', q: name });
    qs.push({ command: 'events', q: i % 2 ? `drones ${city ?? ''}`.trim() : topic });
    // Questions as people type them: the question word asks for a person, a date, a duration.
    if (i % 5 === 0) qs.push({ command: 'ask', q: [`Who met ${name} in ${city ?? 'Geneva'}?`, `When did ${name} discuss the ${topic}?`, `How long did the talks on the ${topic} last?`][i % 3] });
    // Briefings of one article (by id, as autocomplete gives it, or by its title), and of what is recent.
    if (i % 4 === 0) qs.push({ command: 'brief', q: id });
    if (i % 8 === 1) qs.push({ command: 'brief', q: titleOf(c, id) });
    if (i % 8 === 3) qs.push({ command: 'brief', q: '', opts: { since: c.published.get(ids[Math.floor(ids.length * 0.9)]) } });
    // What a user gets with no words: everyone, every quote, the timeline, a briefing of everything, the sources.
    if (i % 10 === 0) for (const command of ['who', 'quote', 'events', 'brief', 'sources'] as const) qs.push({ command, q: '' });
  }
  return qs;
}

export function hit(q: Query, texts: string[]): boolean {
  if (q.wantWords) {
    const want = q.wantWords.map((w) => fold(w));
    return texts.some((t) => {
      const f = fold(t);
      return want.every((w) => f.includes(w));
    });
  }
  return true;
}


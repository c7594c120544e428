/**
 * What the name tagger sees of each word: its form, the general word lists it is on, its neighbours,
 * and how the rest of the article uses the same word. No feature is a capitalised word itself:
 * a name is recognised by its shape, its company and its place in the text, so names never seen
 * before are found as well as familiar ones.
 */
import { splitSentences } from '../../text/sentences.ts';
import { tokenize, type Token } from '../tokens.ts';
import {
  CALENDAR_WORDS, FIRST_NAMES, HONORIFICS, NAME_PARTICLES, NOT_NAMES, ORG_WORDS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_STOP,
} from '../lexicon/names.ts';
import { CAPITALS, COUNTRIES, NATIONALITIES } from '../lexicon/places.ts';
import { SPEECH_VERBS } from '../lexicon/verbs.ts';
import { cities, countryNames, englishPos, givenNames, surnames } from '../lexicon/gazetteers.ts';

export interface NerToken extends Token {
  /** Punctuation between the previous word and this one ('' for a space, '^' at the paragraph's start). */
  gap: string;
  sentenceStart: boolean;
  /** The paragraph is in capitals (a headline, a dateline). */
  shouting: boolean;
}

/** The words of one paragraph with what lies between them. */
export function nerTokens(text: string): NerToken[] {
  const toks = tokenize(text);
  const starts = splitSentences(text).map((s) => s.start);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  const shouting = letters.length >= 6 && upper / letters.length > 0.8;
  let k = 0;
  return toks.map((t, i) => {
    while (k + 1 < starts.length && starts[k + 1] <= t.start) k++;
    const from = i === 0 ? 0 : toks[i - 1].end + (toks[i - 1].possessive ? 2 : 0);
    const gap = i === 0 ? '^' : t.start - from === 1 && text.charCodeAt(from) === 32 ? '' : gapClass(text.slice(from, t.start));
    // A sentence opens at its first word, also after an opening quotation mark or a dash.
    const sentenceStart = i === 0 || (starts[k] <= t.start && (starts[k] === t.start || (t.start - starts[k] < 8 && !/[\p{L}\p{N}]/u.test(text.slice(starts[k], t.start)))));
    return { text: t.text, folded: t.folded, start: t.start, end: t.end, capitalized: t.capitalized, possessive: t.possessive, gap, sentenceStart, shouting };
  });
}

function gapClass(between: string): string {
  const p = between.replace(/\s+/g, '');
  if (!p) return '';
  if (/[“”"„‘’'«»‹›]/.test(p)) return '"';
  if (/[(\[]/.test(p)) return '(';
  if (/[)\]]/.test(p)) return ')';
  if (p.includes(',')) return ',';
  if (/[.!?]/.test(p)) return '.';
  if (/[:;]/.test(p)) return ':';
  if (/[-–—]/.test(p)) return '-';
  return 'p';
}

/** How the article uses each folded word: how often in lower case, capitalised mid-sentence, inside a run. */
export interface DocStats {
  lower: Map<string, number>;
  capMid: Map<string, number>;
  /** Capitalised right after another capitalised word: the second word of a name. */
  second: Map<string, number>;
  /** Capitalised right before another capitalised word: the first word of a name. */
  first: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function docStats(paragraphs: NerToken[][]): DocStats {
  const s: DocStats = { lower: new Map(), capMid: new Map(), second: new Map(), first: new Map() };
  for (const toks of paragraphs) {
    if (toks[0]?.shouting) continue;
    toks.forEach((t, i) => {
      if (!t.capitalized) return void bump(s.lower, t.folded);
      if (!t.sentenceStart) bump(s.capMid, t.folded);
      const prev = toks[i - 1];
      const next = toks[i + 1];
      if (prev && prev.capitalized && t.gap === '' && !prev.possessive) bump(s.second, t.folded);
      if (next && next.capitalized && next.gap === '' && !t.possessive) bump(s.first, t.folded);
    });
  }
  return s;
}

const FUNCTION_WORDS = new Set([...TITLE_STOP, ...NOT_NAMES]);

/** The general lists a folded word is on. */
function listsOf(f: string): string[] {
  const out: string[] = [];
  const bare = f.replace(/\.$/, '');
  if (FIRST_NAMES.has(f)) out.push('first');
  if (givenNames().has(f)) out.push('given');
  if (surnames().has(f)) out.push('sur');
  if (HONORIFICS.has(bare)) out.push('hon');
  if (ROLE_NOUNS.has(f)) out.push('role');
  if (ROLE_MODIFIERS.has(f)) out.push('rmod');
  if (ORG_WORDS.has(f)) out.push('org');
  if (CALENDAR_WORDS.has(bare)) out.push('cal');
  if (FUNCTION_WORDS.has(f)) out.push('fn');
  if (NAME_PARTICLES.has(f)) out.push('part');
  if (COUNTRIES.has(f)) out.push('country');
  if (CAPITALS.has(f)) out.push('capital');
  if (cities().has(f)) out.push('city');
  if (countryNames().has(f)) out.push('country');
  if (f in NATIONALITIES || /(?:ian|ean|ese|ish|ic)s?$/.test(f) && !givenNames().has(f)) out.push(f in NATIONALITIES ? 'nat' : 'natlike');
  if (SPEECH_VERBS.has(f)) out.push('speech');
  return out;
}

const listMemo = new Map<string, string[]>();
function lists(f: string): string[] {
  let l = listMemo.get(f);
  if (!l) {
    if (listMemo.size > 50_000) listMemo.clear();
    listMemo.set(f, (l = listsOf(f)));
  }
  return l;
}

const shapes = new Map<string, string>();

/** "Simmons" -> "Xx", "U.S." -> "X.X.", "McCoist" -> "XxXx", "1996-08-30" -> "d-d-d". */
export function shape(s: string): string {
  let v = shapes.get(s);
  if (v === undefined) {
    if (shapes.size > 50_000) shapes.clear();
    shapes.set(s, (v = computeShape(s)));
  }
  return v;
}

function computeShape(s: string): string {
  let out = '';
  for (const c of s) {
    const k = /\p{Lu}/u.test(c) ? 'X' : /\p{Ll}/u.test(c) ? 'x' : /\p{N}/u.test(c) ? 'd' : c === '’' ? "'" : c;
    if (out[out.length - 1] !== k) out += k;
  }
  return out.slice(0, 8);
}

/** A neighbour as a feature value: a lower-case word as itself, a capitalised one by its lists and shape. */
function neighbour(t: NerToken | undefined): string {
  if (!t) return '_';
  if (!t.capitalized) return t.folded.length <= 24 ? t.folded : shape(t.text);
  const l = lists(t.folded);
  return `C${l.length ? `:${l[0]}` : ''}${t.shouting ? '!' : ''}`;
}

const bucket = (n: number | undefined) => (!n ? '0' : n === 1 ? '1' : n < 4 ? '2' : '3');

/**
 * What a first reading of the article said about each word elsewhere: the kinds of name it was
 * tagged as, and whether it closed a longer person's name (a surname). The second reading uses it,
 * so a word is tagged alike throughout an article.
 */
export type Stack = Map<string, Set<string>>;

export function stackOf(tokens: NerToken[][], tags: string[][]): Stack {
  const out: Stack = new Map();
  tokens.forEach((toks, p) =>
    toks.forEach((t, i) => {
      const tag = tags[p][i];
      if (tag === 'O' || !t.capitalized) return;
      let set = out.get(t.folded);
      if (!set) out.set(t.folded, (set = new Set()));
      set.add(tag.slice(2));
      const next = tags[p][i + 1];
      if (tag === 'I-PER' && next !== 'I-PER') set.add('SUR');
      if (tag === 'B-PER' && next === 'I-PER') set.add('GIVEN');
    }),
  );
  return out;
}

/**
 * The features a word has wherever it stands in the article: its form, its lists, how the article
 * uses it, and how a first reading tagged it. The same for every occurrence, so they are computed
 * once per word and article (see `ownKey`).
 */
export function ownFeatures(t: NerToken, doc: DocStats, stack?: Stack): string[] {
  const f = t.folded;
  const out: string[] = ['b', `sh=${shape(t.text)}`];
  if (!t.capitalized) {
    out.push(`w=${f.length <= 24 ? f : shape(t.text)}`);
    return out;
  }
  const l = lists(f);
  for (const x of l) out.push(`l=${x}`);
  if (!l.length) out.push('l=none');
  out.push(`e=${englishPos(f) ?? '-'}`);
  if (f.length >= 5) out.push(`s3=${f.slice(-3)}`, `s4=${f.slice(-4)}`);
  else out.push(`len=${f.length}`);
  out.push(`dl=${bucket(doc.lower.get(f))}`, `dm=${bucket(doc.capMid.get(f))}`, `d2=${bucket(doc.second.get(f))}`, `d1=${bucket(doc.first.get(f))}`);
  if (stack) {
    const seen = stack.get(f);
    if (seen) for (const x of seen) out.push(`st=${x}`);
    else out.push('st=none');
  }
  return out;
}


const NONE: string[] = [];
const WINDOWS: [number, number][] = [[-2, 1], [-1, 1], [0, 2], [-1, 2], [0, 3]];

/**
 * The features a word has at this place: its neighbours, the punctuation around it, its position.
 * Only capitalised words and name particles have them: any other word is no name wherever it stands,
 * and reading its surroundings would cost four fifths of the tagger's time for nothing.
 */
export function contextFeatures(toks: NerToken[], i: number): string[] {
  const t = toks[i];
  if (!t.capitalized && !NAME_PARTICLES.has(t.folded)) return NONE;
  const p1 = toks[i - 1];
  const n1 = toks[i + 1];
  const p1v = neighbour(p1);
  const n1v = neighbour(n1);
  const out: string[] = [];
  if (t.capitalized) {
    out.push(`p1|sh=${p1v}|${shape(t.text)}`, `n1|l=${n1v}|${lists(t.folded)[0] ?? ''}`);
    // Places of several words: "Hong Kong", "San Marino", "United Arab Emirates".
    for (const [da, db] of WINDOWS) {
      const a = i + da;
      const b = i + db;
      if (a < 0 || b > toks.length) continue;
      let ok = true;
      for (let k = a; k < b && ok; k++) ok = toks[k].capitalized && (k === a || toks[k].gap === '');
      if (!ok) continue;
      let name = toks[a].folded;
      for (let k = a + 1; k < b; k++) name += ` ${toks[k].folded}`;
      if (cities().has(name) || countryNames().has(name) || COUNTRIES.has(name)) {
        out.push(`mw=${a === i ? 'B' : 'I'}`);
        break;
      }
    }
  }
  if (t.sentenceStart) out.push('ss');
  if (t.shouting) out.push('caps');
  if (t.possessive) out.push('poss');
  out.push(`g0=${t.gap}`, `g1=${n1 ? n1.gap : '$'}`);
  out.push(`p1=${p1v}`, `n1=${n1v}`, `p2=${neighbour(toks[i - 2])}`, `n2=${neighbour(toks[i + 2])}`);
  out.push(`p1g=${p1v}|${t.gap}`, `n1g=${n1 ? n1.gap : '$'}|${n1v}`);
  return out;
}

/** Every feature of word i of a paragraph (with a first reading's tags, for the second reading). */
export function featuresOf(toks: NerToken[], i: number, doc: DocStats, stack?: Stack): string[] {
  return [...ownFeatures(toks[i], doc, stack), ...contextFeatures(toks, i)];
}

/**
 * A name tagger: an averaged perceptron over the features of ner/features.ts, decoded with Viterbi
 * over BIO tags for people, places, organisations and other names. It is trained on public news
 * (bench/train-ner.ts, CoNLL-2003 train) and its weights live in ner/model.txt; extraction asks it
 * which words are people. Pure: the same paragraphs give the same tags.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runSync, type Steps } from '../../steps.ts';
import { contextFeatures, docStats, featuresOf, nerTokens, ownFeatures, stackOf, type NerToken, type Stack } from './features.ts';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const T = TAGS.length;

/** I-X may follow only B-X or I-X; nothing may open with I-X. */
function isAllowed(prev: number, next: number): boolean {
  const n = TAGS[next];
  if (!n.startsWith('I-')) return true;
  if (prev < 0) return false;
  return TAGS[prev].slice(2) === n.slice(2) && TAGS[prev] !== 'O';
}
/** isAllowed as a table: ALLOWED[(prev + 1) * T + next]. */
const ALLOWED = Uint8Array.from({ length: (T + 1) * T }, (_, i) => (isAllowed(Math.floor(i / T) - 1, i % T) ? 1 : 0));
export const allowed = (prev: number, next: number): boolean => ALLOWED[(prev + 1) * T + next] === 1;

export interface Model {
  /** trans[(prev + 1) * T + next]; prev = -1 is the start of a paragraph. */
  trans: Float64Array;
  weights: Map<string, Float64Array>;
}

export function newModel(): Model {
  return { trans: new Float64Array((T + 1) * T), weights: new Map() };
}

/** Scores of each tag for one word. */
export function emissions(m: Model, feats: string[], out = new Float64Array(T)): Float64Array {
  out.fill(0);
  for (const f of feats) {
    const w = m.weights.get(f);
    if (w) for (let k = 0; k < T; k++) out[k] += w[k];
  }
  return out;
}

/** The best tag sequence for a paragraph, given each word's features. */
export function viterbi(m: Model, feats: string[][]): number[] {
  const e = new Float64Array(feats.length * T);
  const one = new Float64Array(T);
  feats.forEach((f, i) => e.set(emissions(m, f, one), i * T));
  return decode(m, e, feats.length);
}

/** Viterbi over emission scores e[i * T + tag] of n words. */
export function decode(m: Model, e: Float64Array, n: number): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * T);
  const back = new Int8Array(n * T);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < T; k++) {
      let best = -Infinity;
      let arg = 0;
      if (i === 0) {
        best = ALLOWED[k] ? m.trans[k] : -Infinity;
      } else {
        for (let j = 0; j < T; j++) {
          if (!ALLOWED[(j + 1) * T + k]) continue;
          const s = score[(i - 1) * T + j] + m.trans[(j + 1) * T + k];
          if (s > best) {
            best = s;
            arg = j;
          }
        }
      }
      score[i * T + k] = best + e[i * T + k];
      back[i * T + k] = arg;
    }
  }
  let last = 0;
  for (let k = 1; k < T; k++) if (score[(n - 1) * T + k] > score[(n - 1) * T + last]) last = k;
  const tags = new Array<number>(n);
  tags[n - 1] = last;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + tags[i]];
  return tags;
}

/** One named thing: words [from, to) of a paragraph, and what it is. */
export interface NameSpan {
  paragraph: number;
  from: number;
  to: number;
  type: 'PER' | 'LOC' | 'ORG' | 'MISC';
}

export interface Tagged {
  tokens: NerToken[][];
  spans: NameSpan[];
}

/** The words of an article, paragraph by paragraph, and what the features read of the whole. */
export function articleTokens(texts: string[]): { tokens: NerToken[][]; stats: ReturnType<typeof docStats> } {
  const tokens = texts.map(nerTokens);
  return { tokens, stats: docStats(tokens) };
}

/** The features of every word, for the first reading (no stack) or the second (with one). */
export function featuresFor(tokens: NerToken[][], stats: ReturnType<typeof docStats>, stack?: Stack): string[][][] {
  return tokens.map((toks) => toks.map((_, i) => featuresOf(toks, i, stats, stack)));
}

export const tagNames_ = (tags: number[][]) => tags.map((row) => row.map((t) => TAGS[t]));

export function spansOf(tags: number[], paragraph: number): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = TAGS[tags[i]];
    if (!t.startsWith('B-')) continue;
    let j = i + 1;
    while (j < tags.length && TAGS[tags[j]] === `I-${t.slice(2)}`) j++;
    out.push({ paragraph, from: i, to: j, type: t.slice(2) as NameSpan['type'] });
    i = j - 1;
  }
  return out;
}

/**
 * Names in an article's paragraphs (paragraph numbers are 1-based, as in citations). Two readings:
 * the first tags each paragraph on its own; the second sees how the first tagged the same words
 * elsewhere in the article, so one name gets one kind throughout.
 */
export function tagNames(texts: string[], models: [Model, Model] = [model(), model2()]): Tagged {
  const { tokens, stats } = articleTokens(texts);
  const first = readArticle(models[0], tokens, stats);
  const stack = stackOf(tokens, tagNames_(first));
  const second = readArticle(models[1], tokens, stats, stack);
  return { tokens, spans: second.flatMap((tags, p) => spansOf(tags, p + 1)) };
}

/**
 * Tags every paragraph. A word's own features score the same wherever it stands, so their sum is
 * computed once per word and article; only the features of its place are added per occurrence.
 * The result is exactly viterbi over featuresOf (tests/ner.test.ts holds it to that).
 */
export function readArticle(m: Model, tokens: NerToken[][], stats: ReturnType<typeof docStats>, stack?: Stack): number[][] {
  // Capitalised words by their text, the others by their folded form: what ownFeatures reads.
  const ownCap = new Map<string, Float64Array>();
  const ownLower = new Map<string, Float64Array>();
  return tokens.map((toks) => {
    const e = new Float64Array(toks.length * T);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const own = t.capitalized ? ownCap : ownLower;
      const key = t.capitalized ? t.text : t.folded;
      let base = own.get(key);
      if (!base) own.set(key, (base = emissions(m, ownFeatures(t, stats, stack))));
      const at = i * T;
      for (let k = 0; k < T; k++) e[at + k] = base[k];
      for (const f of contextFeatures(toks, i)) {
        const w = m.weights.get(f);
        if (w) for (let k = 0; k < T; k++) e[at + k] += w[k];
      }
    }
    return decode(m, e, toks.length);
  });
}

// --- the weights file ---------------------------------------------------------------------------

export const MODEL_FILE = path.join(import.meta.dirname, 'model.txt');
export const MODEL2_FILE = path.join(import.meta.dirname, 'model2.txt');
let loaded: Model | null = null;
let loaded2: Model | null = null;

/** The trained models of the first and the second reading, each read once. */
export function model(): Model {
  if (!loaded) loaded = parseModel(readFileSync(MODEL_FILE, 'utf8'));
  return loaded;
}
export function model2(): Model {
  if (!loaded2) loaded2 = parseModel(readFileSync(MODEL2_FILE, 'utf8'));
  return loaded2;
}

/** Whether both models are in memory: the first extraction of a process reads them otherwise. */
export const modelsLoaded = (): boolean => loaded !== null && loaded2 !== null;

/**
 * Both models read as steps of a few hundred lines each (one parse is ~100 ms at once): a serving
 * process reads them in the background, so the first article it extracts does not wait for them.
 */
export function* loadModels(): Steps<void> {
  if (!loaded) {
    const m = yield* parseModelSteps(readFileSync(MODEL_FILE, 'utf8'));
    loaded ??= m;
  }
  if (!loaded2) {
    const m = yield* parseModelSteps(readFileSync(MODEL2_FILE, 'utf8'));
    loaded2 ??= m;
  }
}

/** "tags\t…" then "trans\t…" then one "feature\tw0 w1 …" line per feature (weights in thousandths). */
export function serializeModel(m: Model, minWeight = 0.0005): string {
  const lines = [`tags\t${TAGS.join(' ')}`, `trans\t${[...m.trans].map((x) => Math.round(x * 1000)).join(' ')}`];
  for (const [f, w] of [...m.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (w.every((x) => Math.abs(x) < minWeight)) continue;
    lines.push(`${f}\t${[...w].map((x) => Math.round(x * 1000)).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export const parseModel = (text: string): Model => runSync(parseModelSteps(text));

/** Lines parsed between two steps of parseModelSteps: well under a millisecond's work. */
const LINES_A_STEP = 500;

export function* parseModelSteps(text: string): Steps<Model> {
  const m = newModel();
  let n = 0;
  for (const line of text.split('\n')) {
    if (++n % LINES_A_STEP === 0) yield;
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const key = line.slice(0, tab);
    const nums = line.slice(tab + 1).split(' ');
    if (key === 'tags') {
      if (nums.join(' ') !== TAGS.join(' ')) throw new Error(`name model: tags ${nums.join(' ')} are not ${TAGS.join(' ')}; retrain with bench/train-ner.ts`);
      continue;
    }
    const w = Float64Array.from(nums, (x) => Number(x) / 1000);
    if (key === 'trans') m.trans.set(w);
    else m.weights.set(key, w);
  }
  return m;
}

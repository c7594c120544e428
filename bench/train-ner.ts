/**
 * Trains the name tagger (src/extract/ner/) on CoNLL-2003 train and writes src/extract/ner/model.txt.
 *   npx tsx bench/train-ner.ts [--epochs N]
 * The last tenth of train is held back to report each epoch; the dev split is never read here
 * (bench/eval-conll.ts measures it). No text of the data is written: only feature weights, and no
 * feature is a capitalised word (see features.ts).
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { dataset } from './data/paths.ts';
import { readConll, type ConllDoc } from './data/conll.ts';
import { articleTokens, featuresFor, MODEL2_FILE, MODEL_FILE, newModel, serializeModel, tagNames_, T, TAGS, viterbi, type Model } from '../src/extract/ner/tagger.ts';
import { stackOf, type NerToken } from '../src/extract/ner/features.ts';

const args = process.argv.slice(2);
const epochs = Number(args[args.indexOf('--epochs') + 1] || 0) || 8;

interface Example {
  feats: string[][];
  gold: number[];
}

/** A document read once: its words, their statistics and gold tags. */
interface Doc {
  tokens: NerToken[][];
  stats: ReturnType<typeof articleTokens>['stats'];
  gold: number[][];
}

function readDoc(doc: ConllDoc): Doc {
  const { tokens, stats } = articleTokens(doc.article.paragraphs.map((p) => p.text));
  return { tokens, stats, gold: goldTags(doc, tokens) };
}

const asExamples = (d: Doc, feats: string[][][]): Example[] => feats.map((f, p) => ({ feats: f, gold: d.gold[p] }));
const firstReading = (d: Doc) => asExamples(d, featuresFor(d.tokens, d.stats));
const secondReading = (d: Doc, m1: Model) => {
  const tags = featuresFor(d.tokens, d.stats).map((f) => viterbi(m1, f));
  return asExamples(d, featuresFor(d.tokens, d.stats, stackOf(d.tokens, tagNames_(tags))));
};

/** Our words of a document, each with the gold tag of the CoNLL token it starts in (IOB1 -> BIO). */
function goldTags(doc: ConllDoc, tokens: NerToken[][]): number[][] {
  return tokens.map((toks, p) => {
    const s = doc.sentences[p];
    const bio = s.tags.map((t, i) => {
      if (t === 'O') return 'O';
      const type = t.slice(2);
      const prev = s.tags[i - 1];
      return t.startsWith('B-') || !prev || prev.slice(2) !== type || prev === 'O' ? `B-${type}` : `I-${type}`;
    });
    const gold = toks.map((tok) => {
      let k = 0;
      while (k + 1 < s.offsets.length && s.offsets[k + 1] <= tok.start) k++;
      return TAGS.indexOf(bio[k] as (typeof TAGS)[number]);
    });
    // Two of our words in one CoNLL token: the second continues the first's name.
    for (let i = 1; i < gold.length; i++) if (TAGS[gold[i]].startsWith('B-') && gold[i] === gold[i - 1] && sameToken(s.offsets, toks[i - 1].start, toks[i].start)) gold[i] = gold[i] + 1;
    return gold;
  });
}

function sameToken(offsets: number[], a: number, b: number): boolean {
  const idx = (x: number) => offsets.filter((o) => o <= x).length;
  return idx(a) === idx(b);
}

/** Averaged perceptron (Collins 2002) with the lazy-update trick for the averages. */
function train(data: Example[], heldBack: Example[], label: string): Model {
  const m = newModel();
  const total = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  const transTotal = new Float64Array(m.trans.length);
  const transStamp = new Float64Array(m.trans.length);
  let c = 1;
  const update = (f: string, k: number, d: number) => {
    let w = m.weights.get(f);
    if (!w) {
      w = new Float64Array(T);
      m.weights.set(f, w);
      total.set(f, new Float64Array(T));
      stamp.set(f, new Float64Array(T));
    }
    const tt = total.get(f)!;
    const st = stamp.get(f)!;
    tt[k] += (c - st[k]) * w[k];
    st[k] = c;
    w[k] += d;
  };
  const updateTrans = (i: number, d: number) => {
    transTotal[i] += (c - transStamp[i]) * m.trans[i];
    transStamp[i] = c;
    m.trans[i] += d;
  };
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let e = 0; e < epochs; e++) {
    const order = data.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let wrong = 0;
    for (const idx of order) {
      const ex = data[idx];
      const got = viterbi(m, ex.feats);
      for (let i = 0; i < got.length; i++) {
        if (got[i] !== ex.gold[i]) {
          wrong++;
          for (const f of ex.feats[i]) {
            update(f, ex.gold[i], 1);
            update(f, got[i], -1);
          }
        }
        const gp = i ? ex.gold[i - 1] + 1 : 0;
        const pp = i ? got[i - 1] + 1 : 0;
        if (got[i] !== ex.gold[i] || gp !== pp) {
          updateTrans(gp * T + ex.gold[i], 1);
          updateTrans(pp * T + got[i], -1);
        }
      }
      c++;
    }
    const avg = averaged(m, total, stamp, transTotal, transStamp, c);
    if (e === epochs - 1 || heldBack.length) console.log(`${label} epoch ${e + 1}: ${wrong} words wrong in training${heldBack.length ? `; held back: ${report(avg, heldBack)}` : ''}`);
  }
  return averaged(m, total, stamp, transTotal, transStamp, c);
}

function averaged(m: Model, total: Map<string, Float64Array>, stamp: Map<string, Float64Array>, transTotal: Float64Array, transStamp: Float64Array, c: number): Model {
  const out = newModel();
  for (const [f, w] of m.weights) {
    const tt = total.get(f)!;
    const st = stamp.get(f)!;
    const a = new Float64Array(T);
    for (let k = 0; k < T; k++) a[k] = (tt[k] + (c - st[k]) * w[k]) / c;
    out.weights.set(f, a);
  }
  for (let i = 0; i < out.trans.length; i++) out.trans[i] = (transTotal[i] + (c - transStamp[i]) * m.trans[i]) / c;
  return out;
}

/** Person spans: precision / recall / F1 on exact span match. */
function report(m: Model, data: Example[]): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const spans = (tags: number[]) => {
    const out = new Set<string>();
    for (let i = 0; i < tags.length; i++) {
      if (TAGS[tags[i]] !== 'B-PER') continue;
      let j = i + 1;
      while (j < tags.length && TAGS[tags[j]] === 'I-PER') j++;
      out.add(`${i}:${j}`);
    }
    return out;
  };
  for (const ex of data) {
    const g = spans(ex.gold);
    const p = spans(viterbi(m, ex.feats));
    for (const s of p) (g.has(s) ? tp++ : fp++);
    for (const s of g) if (!p.has(s)) fn++;
  }
  const P = tp / Math.max(1, tp + fp);
  const R = tp / Math.max(1, tp + fn);
  return `PER P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${((2 * P * R) / Math.max(1e-9, P + R)).toFixed(3)}`;
}

const dir = dataset('conll2003');
if (dir) {
  const t0 = performance.now();
  const docs = readConll(path.join(dir, 'eng.train'), 'train');
  const cut = Math.floor(docs.length * 0.9);
  const learn = docs.slice(0, cut).map(readDoc);
  const held = docs.slice(cut).map(readDoc);
  console.log(`${learn.length} documents to learn from, ${held.length} held back`);
  // First reading, on everything; and on each half, to read the other half as it would read unseen text.
  const m1 = train(learn.flatMap(firstReading), held.flatMap(firstReading), 'first reading');
  const halves = [learn.filter((_, i) => i % 2 === 0), learn.filter((_, i) => i % 2 === 1)];
  const half = halves.map((h, k) => train(h.flatMap(firstReading), [], `first reading, half ${k + 1}`));
  // Second reading: learns from how a first reading that never saw the document tagged it.
  const second = [...halves[0].flatMap((d) => secondReading(d, half[1])), ...halves[1].flatMap((d) => secondReading(d, half[0]))];
  const m2 = train(second, held.flatMap((d) => secondReading(d, m1)), 'second reading');
  for (const [file, m] of [[MODEL_FILE, m1], [MODEL2_FILE, m2]] as const) {
    const text = serializeModel(m);
    writeFileSync(file, text);
    console.log(`wrote ${file}: ${text.split('\n').length - 3} features, ${(text.length / 1e6).toFixed(1)} MB`);
  }
  console.log(`${Math.round((performance.now() - t0) / 1000)} s`);
}

/**
 * What a process pays once, the first time it reads and extracts an article: the name tagger's
 * models and the word lists are parsed, and the loader's and the extractor's code and patterns are
 * compiled (V8 compiles a pattern to machine code at its second use). A process restored from the cache has extracted nothing, so without a warm-up the first
 * article added after a start pays all of it inside the reload, while queries wait.
 */
import type { Article, Paragraph } from './types.ts';
import type { Steps } from '../steps.ts';
import { parseArticle } from './parse.ts';
import { extractFactsSteps } from '../extract/facts.ts';
import { loadModels } from '../extract/ner/tagger.ts';
import { loadWordLists } from '../extract/lexicon/gazetteers.ts';
import { mayHoldDate, warmDateReader } from '../extract/dates.ts';

/** How far into the base the sample's paragraphs are looked for. */
const SAMPLE_ARTICLES = 50;
/** At most this many paragraphs of the first article: enough to reach what a whole article reaches. */
const SAMPLE_PARAGRAPHS = 30;

/** Kinds of paragraph that run code the others do not: chrono's date reader, the quote finders. */
const KINDS: ((text: string) => boolean)[] = [mayHoldDate, (text) => /[“"„«]/.test(text)];

/**
 * Paragraphs of the base, as one article, that between them reach most of what extraction
 * compiles: the first article's, and the first paragraphs with a date and with a quotation if it
 * has none. Null for an empty base.
 */
export function warmUpSample(articles: readonly Article[]): Article | null {
  const first = articles[0];
  if (!first) return null;
  const chosen: Paragraph[] = first.paragraphs.slice(0, SAMPLE_PARAGRAPHS);
  for (const kind of KINDS) {
    if (chosen.some((p) => kind(p.text))) continue;
    const found = articles.slice(1, SAMPLE_ARTICLES).flatMap((a) => a.paragraphs).find((p) => kind(p.text));
    if (found) chosen.push(found);
  }
  // Field by field: a stored paragraph reads its text through its prototype, which a spread would drop.
  return { ...first, paragraphs: chosen.map((p, i) => ({ article: first.id, section: p.section, n: i + 1, text: p.text })) };
}

/** The sample as a knowledge file, for the loader: front matter and paragraphs, as files are written. */
function asFile(a: Article): string {
  const front = [`title: ${JSON.stringify(a.title)}`, ...(a.published ? [`published: ${a.published}`] : [])];
  return `---\n${front.join('\n')}\n---\n\n${a.paragraphs.map((p) => p.text).join('\n\n')}\n`;
}

/**
 * That work as steps of a few milliseconds, done on paragraphs the base already has (warmUpSample;
 * what it extracts is thrown away: extraction is pure). Each model and list is kept once read, so
 * the first added article finds them; anything left undone is done by that extraction as before.
 */
export function* warmUpFirstArticle(sample: Article): Steps<void> {
  parseArticle(`${sample.id}.md`, sample.id, asFile(sample));
  yield;
  yield* loadModels();
  yield* loadWordLists();
  const dated = sample.paragraphs.find((p) => mayHoldDate(p.text));
  if (dated) yield* warmDateReader(dated.text);
  // A paragraph a step, each as an article of its own: the code and patterns an article reaches, in pieces.
  for (const p of sample.paragraphs) {
    yield* extractFactsSteps({ ...sample, paragraphs: [{ ...p, n: 1 }] });
    yield;
  }
}

import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../knowledge/types.ts';
import { parseArticle } from '../knowledge/parse.ts';
import { MAX_KNOWLEDGE_BYTES } from '../knowledge/load.ts';
import { FetchError, safeFetch, type FetchLimits, FETCH_LIMITS } from './fetch.ts';
import type { AddressPolicy } from './address-policy.ts';
import { binaryKind, decodeText } from './decode.ts';
import { htmlToDraft } from './html.ts';
import { textToDraft, UnparseableError } from './text.ts';
import { articleIdFor, knowledgeFileText } from './markdown.ts';
import { findDuplicate, shingles, similarity, warmSketches } from './dedupe.ts';
import { buildPreview } from './preview.ts';
import type { ArticleMeta, Block, Draft, IngestResult, IngestSource, Refusal, RefusalKind } from './types.ts';

export interface IngestOptions {
  /** Given by the person adding (command-line flags): win over what the source says. */
  overrides?: ArticleMeta;
  /** Known from around the source (a feed item's title and date): used where the source says nothing. */
  fallbacks?: ArticleMeta;
  /** Update the article this one duplicates instead of refusing it. */
  replace?: boolean;
}

export interface IngestContext {
  /** The knowledge directory. */
  dir: string;
  /** The articles a new one is checked against (the serving base, plus any written since). */
  existing(): readonly Article[];
  policy: AddressPolicy;
  limits?: Partial<FetchLimits>;
  now?: () => Date;
}

/** Body text below this many words of prose is not an article: an index page, a login wall, a video page. */
export const MIN_ARTICLE_WORDS = 80;
/** A block counts as prose from this many words; shorter ones are headlines, labels, captions. */
const PROSE_WORDS = 8;

type Kind = 'html' | 'markdown' | 'text';

const refuse = (kind: RefusalKind, message: string, extra: Partial<Refusal> = {}): Refusal => ({ ok: false, kind, message, ...extra });

export function kindOfName(name: string): Kind | null {
  const ext = path.extname(name.replace(/[?#].*$/, '')).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.txt' || ext === '.text') return 'text';
  return null;
}

function kindOfMedia(media: string | null, name: string): Kind | 'unknown' | 'other' {
  if (!media || media === 'application/octet-stream' || media === 'binary/octet-stream') return kindOfName(name) ?? 'unknown';
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'html';
  if (media === 'text/markdown' || media === 'text/x-markdown') return 'markdown';
  if (media === 'text/plain') return kindOfName(name) === 'markdown' ? 'markdown' : 'text';
  return 'other';
}

interface Loaded {
  body: Buffer;
  kind: Kind;
  charset: string | null;
  /** Where it was fetched from, after redirects. */
  url?: string;
  label: string;
}

async function loadFile(file: string, limits: FetchLimits): Promise<Loaded | Refusal> {
  const kind = kindOfName(file);
  if (!kind) return refuse('unsupported', `${path.basename(file)}: only .txt, .md and .html files can be added`);
  try {
    const st = await stat(file);
    if (!st.isFile()) return refuse('unparseable', `${file} is not a file`);
    if (st.size > limits.maxBytes) return refuse('fetch', `${file} is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
    return { body: await readFile(file), kind, charset: null, label: file };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse('unparseable', code === 'ENOENT' ? `${file}: no such file` : `${file} cannot be read (${code ?? (e as Error).message})`);
  }
}

async function loadUrl(url: string, name: string | undefined, ctx: IngestContext, limits: FetchLimits): Promise<Loaded | Refusal> {
  let got;
  try {
    got = await safeFetch(url, { policy: ctx.policy, limits });
  } catch (e) {
    if (!(e instanceof FetchError)) throw e;
    return refuse(e.kind === 'blocked' || e.kind === 'scheme' ? 'blocked' : 'fetch', `${url}: ${e.message}`);
  }
  // An attachment's own file name says what it is better than a file host's generic content type.
  const kind = (name && kindOfName(name)) || kindOfMedia(got.contentType, new URL(got.url).pathname);
  if (kind === 'other' || kind === 'unknown') {
    return refuse('unsupported', `${url}: the response is not HTML or text (${got.contentType ?? 'no content type'}); only web pages and .txt, .md or .html files can be added`);
  }
  return { body: got.body, kind, charset: got.charset, url: got.url, label: url };
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function proseWords(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) if (b.kind === 'paragraph') {
    const w = wordCount(b.text);
    if (w >= PROSE_WORDS) n += w;
  }
  return n;
}

const defined = (m: ArticleMeta | undefined): ArticleMeta => Object.fromEntries(Object.entries(m ?? {}).filter(([, v]) => v != null && v !== '')) as ArticleMeta;

/** The id for a new article: the stable id, or with -2, -3… when another article already has it. */
function freeId(base: string, existing: readonly Article[], dir: string): string {
  const taken = new Set(existing.map((a) => a.id));
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id) && !['.md', '.markdown', '.txt'].some((ext) => existsSync(path.join(dir, `${id}${ext}`)))) return id;
  }
}

/** The knowledge file of an article, relative to the directory (its loader label starts with the directory's name). */
export function relativeFileOf(article: Article): string {
  return article.file.split(/[\\/]/).slice(1).join('/');
}

function parsed(dir: string, fileName: string, id: string, text: string): Article {
  const r = parseArticle(path.join(path.basename(path.resolve(dir)), fileName), id, text);
  if (!r.ok) throw new Error(`ingest wrote a file the loader cannot read: ${r.problem.message}`);
  return r.article;
}

function sameMeta(a: Article, b: Article): boolean {
  return a.title === b.title && a.published === b.published && a.source === b.source && a.url === b.url;
}

/**
 * The one path by which an article comes in, whatever brought it (the command line, a feed,
 * Discord): load the source, turn it into the knowledge file the loader will read, and check
 * it. Returns the checked article with its preview, or a refusal that says why. Writes nothing.
 */
export async function checkSource(source: IngestSource, opts: IngestOptions, ctx: IngestContext): Promise<IngestResult> {
  const limits = { ...FETCH_LIMITS, ...ctx.limits };
  const loaded = source.kind === 'file' ? await loadFile(source.path, limits) : await loadUrl(source.url, source.name, ctx, limits);
  if ('ok' in loaded) return loaded;
  const binary = binaryKind(loaded.body);
  if (binary) return refuse('unsupported', `${loaded.label}: is ${binary}, not HTML or text`);

  let draft: Draft;
  try {
    const text = decodeText(loaded.body, loaded.charset, loaded.kind === 'html');
    draft = loaded.kind === 'html' ? htmlToDraft(text, loaded.url) : textToDraft(text, loaded.kind === 'markdown');
  } catch (e) {
    if (e instanceof UnparseableError) return refuse('unparseable', `${loaded.label}${e.line != null ? ` line ${e.line}` : ''}: ${e.message}`);
    // Whatever a page holds, a refusal, never a crash of the command, the poller or the bot.
    return refuse('unparseable', `${loaded.label}: could not be read as an article (${(e as Error).message})`);
  }
  const meta = { ...defined(opts.fallbacks), ...(loaded.url ? { url: loaded.url } : {}), ...defined(draft.meta), ...defined(opts.overrides) };
  const found = proseWords(draft.blocks);
  if (found < MIN_ARTICLE_WORDS) {
    return refuse('not-article', `${loaded.label}: does not look like an article: ${found} words of body text found, at least ${MIN_ARTICLE_WORDS} needed (an index page, a login wall or a video page has too little)`);
  }
  if (!meta.title) return refuse('unparseable', `${loaded.label}: no title found (the first line is not a headline); give one with --title`);
  const titled = meta as ArticleMeta & { title: string };

  const now = ctx.now?.() ?? new Date();
  const existing = ctx.existing();
  const text0 = knowledgeFileText(titled, draft.blocks, now);
  if (Buffer.byteLength(text0) > MAX_KNOWLEDGE_BYTES) {
    return refuse('unsupported', `${loaded.label}: the article would be ${(Buffer.byteLength(text0) / 1e6).toFixed(1)} MB; knowledge files over 5 MB are not loaded`);
  }
  const probe = parsed(ctx.dir, 'new.md', articleIdFor(titled), text0);
  await warmSketches(existing);
  const dup = findDuplicate(probe, existing);
  let replaces: Article | null = null;
  if (dup) {
    const what = dup.by === 'url' ? `the same address (${dup.article.url})` : `nearly the same text (${Math.round(dup.similarity * 100)}% of its 5-word phrases)`;
    const duplicateOf = { id: dup.article.id, title: dup.article.title };
    if (!opts.replace) return refuse('duplicate', `${loaded.label}: duplicates “${dup.article.title}” (${dup.article.id}), which has ${what}; use --replace to update it`, { duplicateOf });
    const same = similarity(shingles(probe), shingles(dup.article));
    if (same.jaccard === 1 && probe.paragraphs.length === dup.article.paragraphs.length && sameMeta(probe, dup.article)) {
      return refuse('unchanged', `${loaded.label}: “${dup.article.title}” (${dup.article.id}) already has this text; nothing to replace`, { duplicateOf });
    }
    replaces = dup.article;
  }
  const id = replaces ? replaces.id : freeId(articleIdFor(titled), existing, ctx.dir);
  const fileName = replaces && /\.(md|markdown)$/i.test(replaces.file) ? relativeFileOf(replaces) : `${id}.md`;
  const article = parsed(ctx.dir, fileName, id, text0);
  return { ok: true, article, text: text0, fileName, preview: buildPreview(article, fileName, replaces), replaces };
}

import type { Article, LoadProblem, Paragraph } from './types.ts';
import { FrontMatterError, splitFrontMatter } from './frontmatter.ts';
import { storeParagraphs } from './paragraph-store.ts';

export type ParseResult =
  | { ok: true; article: Article; warnings: LoadProblem[] }
  | { ok: false; problem: LoadProblem };

export interface Block {
  kind: 'heading' | 'paragraph';
  text: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Sentence-closing punctuation, looked for after trailing quotes and brackets are set aside. */
function endsLikeSentence(line: string): boolean {
  const stripped = line.trim().replace(/["'”’»)\]]+$/u, '');
  return /[.!?…:;,]$/u.test(stripped);
}

/** A plain-text heading: a short line without closing punctuation, followed by more text. */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 120) return false;
  if (t.split(/\s+/).length > 16) return false;
  if (endsLikeSentence(t)) return false;
  return /^[\p{Lu}\p{N}"“'‘]/u.test(t);
}

/** Plain text: each non-empty line is a paragraph, unless it reads as a heading. */
function txtBlocks(body: string): Block[] {
  const lines = body.split(/\r?\n/).map((l) => l.trim());
  const nonEmpty = lines.filter((l) => l.length > 0);
  return nonEmpty.map((line, i) => ({
    // The last line cannot head anything, so it is body text whatever its shape.
    kind: i < nonEmpty.length - 1 && looksLikeHeading(line) ? 'heading' : 'paragraph',
    text: line,
  }));
}

/** Inline Markdown that would otherwise leak into answers: links, emphasis, code ticks. */
export function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown: `#` headings start sections, blank lines separate paragraphs. */
function mdBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (buf.length) blocks.push({ kind: 'paragraph', text: stripInlineMarkdown(buf.join(' ')) });
    buf = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      flush();
      if (heading[1]) blocks.push({ kind: 'heading', text: stripInlineMarkdown(heading[1]) });
    } else if (line === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
      flush();
    } else {
      // Block quotes and list markers carry no meaning for search; their text does.
      buf.push(line.replace(/^>\s?/, '').replace(/^([-*+]|\d+[.)])\s+/, ''));
    }
  }
  flush();
  return blocks.filter((b) => b.text.length > 0);
}

/** The body's headings and paragraphs as the loader reads them (Markdown or plain-text rules). */
export function bodyBlocks(body: string, markdown: boolean): Block[] {
  return markdown ? mdBlocks(body) : txtBlocks(body);
}

function humanize(id: string): string {
  const words = id.split('/').pop()!.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function str(v: unknown): string | null {
  if (v == null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  return s.length ? s : null;
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  const bad = (sample.match(/[\uFFFD\u0001-\u0008\u000E-\u001F]/g) ?? []).length;
  return sample.length > 0 && bad / sample.length > 0.02;
}

/**
 * Parses one knowledge file. Pure: the caller reads the file. Never throws on content;
 * every problem comes back with the file, the line and what to do.
 */
export function parseArticle(file: string, id: string, text: string): ParseResult {
  const fail = (message: string, line: number | null = null): ParseResult => ({
    ok: false,
    problem: { file, line, message, severity: 'error' },
  });
  if (looksBinary(text)) return fail('is not a text file (binary content); knowledge files are UTF-8 Markdown or plain text');
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return fail('is empty; add a title in front matter and at least one paragraph');

  const isMarkdown = /\.(md|markdown)$/i.test(file);
  let fm;
  try {
    fm = splitFrontMatter(content);
  } catch (e) {
    if (e instanceof FrontMatterError) return fail(e.message, e.line);
    throw e;
  }
  const data = fm?.data ?? {};
  const body = fm ? fm.body : content;
  const warnings: LoadProblem[] = [];

  const title = str(data.title);
  if (!title) {
    if (isMarkdown || fm) return fail('front matter has no title (add "title: ..." between the --- lines)', fm ? 1 : null);
  }
  let published = str(data.published ?? data.date);
  if (published && !ISO_DATE.test(published)) {
    warnings.push({ file, line: null, severity: 'warning', message: `published "${published}" is not a date like 2025-12-01; ignored` });
    published = null;
  }
  const url = str(data.url);
  if (url && !/^https?:\/\/\S+$/.test(url)) {
    warnings.push({ file, line: null, severity: 'warning', message: `url "${url}" is not an http(s) address; ignored` });
  }
  const rawTags = data.tags;
  const tags = Array.isArray(rawTags) ? rawTags.map(String) : typeof rawTags === 'string' ? rawTags.split(',').map((t) => t.trim()).filter(Boolean) : [];

  const blocks = isMarkdown ? mdBlocks(body) : txtBlocks(body);
  const raw: Paragraph[] = [];
  const sections: string[] = [];
  let section: string | null = null;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      section = b.text;
      sections.push(b.text);
    } else {
      raw.push({ article: id, section, n: raw.length + 1, text: b.text });
    }
  }
  if (raw.length === 0) return fail('has no paragraphs of text after the front matter');
  const paragraphs = storeParagraphs(raw);

  // A plain-text file without front matter is still useful: its file name names it.
  const finalTitle = title ?? humanize(id);
  return {
    ok: true,
    warnings,
    article: {
      id,
      title: finalTitle,
      published,
      source: str(data.source),
      url: url && /^https?:\/\/\S+$/.test(url) ? url : null,
      tags,
      file,
      sections,
      paragraphs,
    },
  };
}

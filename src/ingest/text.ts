import { FrontMatterError, splitFrontMatter } from '../knowledge/frontmatter.ts';
import { bodyBlocks, looksLikeHeading } from '../knowledge/parse.ts';
import type { ArticleMeta, Draft } from './types.ts';
import { isoDay } from './dates.ts';

export class UnparseableError extends Error {
  constructor(message: string, readonly line: number | null) {
    super(message);
  }
}

const str = (v: unknown): string | undefined => (v == null ? undefined : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim() || undefined);

/**
 * A .md or .txt text to a draft, read by the loader's own rules. Its front matter gives metadata;
 * without a title there, a first line that reads as a headline (a `# heading` in Markdown) is the title.
 */
export function textToDraft(text: string, markdown: boolean): Draft {
  const content = text.replace(/^\uFEFF/, '');
  let fm;
  try {
    fm = splitFrontMatter(content);
  } catch (e) {
    if (e instanceof FrontMatterError) throw new UnparseableError(e.message, e.line);
    throw e;
  }
  const data = fm?.data ?? {};
  const meta: ArticleMeta = {};
  const title = str(data.title);
  if (title) meta.title = title;
  const published = isoDay(str(data.published ?? data.date));
  if (published) meta.published = published;
  const source = str(data.source);
  if (source) meta.source = source;
  const url = str(data.url);
  if (url && /^https?:\/\/\S+$/.test(url)) meta.url = url;
  const blocks = bodyBlocks(fm ? fm.body : content, markdown);
  const first = blocks[0];
  if (first && !meta.title && (first.kind === 'heading' || (!markdown && looksLikeHeading(first.text)))) {
    meta.title = first.text;
    blocks.shift();
  } else if (first?.kind === 'heading' && meta.title && first.text.toLowerCase() === meta.title.toLowerCase()) {
    blocks.shift();
  }
  return { meta, blocks };
}

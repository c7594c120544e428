import { stringify } from 'yaml';
import type { ArticleMeta, Block } from './types.ts';

/** Lines the loader would read as something other than paragraph text. */
const HEADING_LIKE = /^#{1,6}\s+/;
const RULE = /^(-{3,}|\*{3,}|_{3,})$/;

/**
 * The knowledge file for an article: front matter the loader reads (title, published, source,
 * url; plus when it was added), then the body: `##` headings, one paragraph per line, blank
 * lines between.
 */
export function knowledgeFileText(meta: ArticleMeta & { title: string }, blocks: Block[], added: Date): string {
  const front: Record<string, string> = { title: meta.title };
  if (meta.published) front.published = meta.published;
  if (meta.source) front.source = meta.source;
  if (meta.url) front.url = meta.url;
  front.added = added.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const body: string[] = [];
  for (const b of blocks) {
    const text = b.text.replace(/\s+/g, ' ').trim();
    if (!text || RULE.test(text)) continue;
    body.push(b.kind === 'heading' ? `## ${text}` : text.replace(HEADING_LIKE, ''));
  }
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${body.join('\n\n')}\n`;
}

/** A file-name-safe id from a title: folded to ASCII, words joined by hyphens, at most 50 characters. */
export function slugOf(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > 50 && slug) break;
    slug = next.slice(0, 50);
  }
  return slug || 'article';
}

/** The stable id of an article: its publication day and the slug of its title. */
export function articleIdFor(meta: ArticleMeta & { title: string }): string {
  return meta.published ? `${meta.published}-${slugOf(meta.title)}` : slugOf(meta.title);
}

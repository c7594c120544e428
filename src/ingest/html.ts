import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { ArticleMeta, Block, Draft } from './types.ts';
import { pageMeta } from './metadata.ts';
import { isBoilerplate, dropEmptySections, stampHeadings } from './boilerplate.ts';

/** Elements that never hold article text. */
const NEVER = 'script, style, noscript, template, iframe, object, embed, svg, canvas, video, audio, form, button, input, select, textarea, nav, aside, footer, figure, figcaption, [hidden], [aria-hidden="true"], [role="navigation"], [role="dialog"], [role="alertdialog"], [role="complementary"]';

/**
 * Class and id words of page furniture: consent banners, share bars, "related" and "read more"
 * boxes, newsletter prompts, comments, ads. Matched as whole words of a class ("share-bar",
 * "related_links"), so "lead-image" is not an ad.
 */
const FURNITURE = /^(cookies?|consent|gdpr|newsletters?|share|sharing|social|related|recommended|recommendations|comments?|promo|subscribe|subscription|paywall|advert|advertisement|ad|ads|sponsored|sponsor|outbrain|taboola|breadcrumbs?|sidebar|popup|modal|signup)$/;
const FURNITURE_PAIRS = new Set(['most-read', 'more-from', 'read-more', 'also-read', 'read-also', 'you-may', 'more-stories', 'ad-slot', 'more-videos']);

function isFurniture(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
  for (const name of names) {
    const parts = name.split(/[-_]+/);
    if (parts.some((p) => FURNITURE.test(p))) return true;
    for (let i = 0; i + 1 < parts.length; i++) if (FURNITURE_PAIRS.has(`${parts[i]}-${parts[i + 1]}`)) return true;
  }
  return false;
}

const HEADING = /^H[1-6]$/;
/** Elements that are a paragraph of their own when they hold no other block. */
const LEAF_BLOCK = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TR', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'MAIN', 'TD', 'TH', 'CAPTION']);
const CONTAINER = new Set(['DIV', 'SECTION', 'ARTICLE', 'HEADER', 'MAIN', 'UL', 'OL', 'DL', 'BLOCKQUOTE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'LI', 'BODY', 'CENTER', 'DETAILS']);

function hasBlockChild(el: Element): boolean {
  for (const c of Array.from(el.children)) if (HEADING.test(c.tagName) || LEAF_BLOCK.has(c.tagName) || CONTAINER.has(c.tagName)) return true;
  return false;
}

interface RawBlock extends Block {
  /** Characters inside links, for telling a teaser line from a sentence. */
  linkChars: number;
}

/** Inline text with the characters that sit inside links; <br><br> splits a paragraph. */
function inlineText(node: Node, acc: { text: string; link: number }, inLink = false): void {
  for (const c of Array.from(node.childNodes)) {
    if (c.nodeType === 3) {
      acc.text += c.textContent ?? '';
      if (inLink) acc.link += (c.textContent ?? '').replace(/\s+/g, '').length;
    } else if (c.nodeType === 1) {
      const el = c as Element;
      if (el.tagName === 'BR') acc.text += '\n';
      else inlineText(el, acc, inLink || el.tagName === 'A');
    }
  }
}

function blocksOf(root: Element): RawBlock[] {
  const out: RawBlock[] = [];
  let pending = { text: '', link: 0 };
  const push = (kind: Block['kind'], raw: string, link: number) => {
    for (const part of kind === 'heading' ? [raw] : raw.split(/\n\s*\n/)) {
      const t = part.replace(/\s+/g, ' ').trim();
      if (t) out.push({ kind, text: t, linkChars: kind === 'heading' || part === raw ? link : 0 });
    }
  };
  const flush = () => {
    push('paragraph', pending.text, pending.link);
    pending = { text: '', link: 0 };
  };
  const walk = (el: Element) => {
    for (const c of Array.from(el.childNodes)) {
      if (c.nodeType === 3) {
        pending.text += c.textContent ?? '';
        continue;
      }
      if (c.nodeType !== 1) continue;
      const child = c as Element;
      const tag = child.tagName;
      if (child.matches(NEVER)) continue;
      if (HEADING.test(tag)) {
        flush();
        const acc = { text: '', link: 0 };
        inlineText(child, acc);
        push('heading', acc.text, acc.link);
      } else if ((CONTAINER.has(tag) || LEAF_BLOCK.has(tag)) && hasBlockChild(child)) {
        flush();
        walk(child);
        flush();
      } else if (LEAF_BLOCK.has(tag) || CONTAINER.has(tag)) {
        flush();
        const acc = { text: '', link: 0 };
        inlineText(child, acc);
        if (tag === 'TR') acc.text = Array.from(child.children).map((td) => td.textContent?.trim() ?? '').filter(Boolean).join(' · ');
        push('paragraph', acc.text, acc.link);
      } else if (tag === 'BR') {
        pending.text += '\n';
      } else {
        const acc = { text: '', link: 0 };
        inlineText(child, acc, tag === 'A');
        if (tag === 'A') acc.link = acc.text.replace(/\s+/g, '').length;
        pending.text += acc.text;
        pending.link += acc.link;
      }
    }
  };
  walk(root);
  flush();
  return out;
}

/**
 * An HTML page to a draft article: metadata from the page's head, the body found by Readability
 * (over linkedom, a light server-side DOM) after page furniture is taken out, headings as
 * sections, paragraphs, list items and block quotes as paragraphs, teaser and credit lines dropped.
 */
export function htmlToDraft(html: string, pageUrl?: string): Draft {
  // linkedom makes no <html> element for an empty page or some bare fragments (a lone <script> becomes
  // the root, and is then removed as furniture): Readability would throw.
  let { document } = parseHTML(html);
  if (document.documentElement?.tagName !== 'HTML') document = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
  const meta: ArticleMeta = pageMeta(document as unknown as Parameters<typeof pageMeta>[0], pageUrl);
  const fallbackTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  for (const el of Array.from(document.querySelectorAll(NEVER))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) if (el.isConnected && el.tagName !== 'BODY' && el.tagName !== 'HTML' && isFurniture(el)) el.remove();
  const parsed = new Readability(document as unknown as Document, { charThreshold: 300 }).parse();
  if (!meta.title) {
    const t = parsed?.title?.trim() || fallbackTitle;
    if (t) meta.title = t;
  }
  if (!meta.source && parsed?.siteName?.trim()) meta.source = parsed.siteName.trim();
  if (!parsed?.content) return { meta, blocks: [] };
  const content = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document;
  const raw = blocksOf(content.body as unknown as Element);
  const byline = parsed.byline?.replace(/\s+/g, ' ').trim() ?? null;
  const blocks = stampHeadings(raw).filter((b, i) => {
    if (b.kind === 'heading') return !(i === 0 && meta.title && b.text.toLowerCase() === meta.title.toLowerCase());
    return !isBoilerplate(b.text, b.linkChars, byline);
  });
  return { meta, blocks: dropEmptySections(blocks.map(({ kind, text }) => ({ kind, text }))) };
}

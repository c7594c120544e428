import type { Block } from './types.ts';

/** Teaser labels that introduce a link to another story, not a sentence of this one. */
const TEASER = /^(read more|read also|also read|read next|more|related|see also|watch|listen|recommended|related stories|related articles|more on this story|more on this|click here|continue reading)\b[^:]{0,24}:/i;
const CREDIT = /^(©|\(c\)\s|copyright\b)|\ball rights reserved\b/i;
const PROMPT = /\b(cookies?\b.*\b(use|accept|consent|agree)|(use|accept|consent|agree)\b.*\bcookies?\b|sign up\b.*\b(newsletter|inbox|email)|newsletter\b.*\b(sign up|subscribe|inbox)|subscribe to continue|subscribers only)\b/i;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** A line that is only a date, perhaps with a time: a dateline or a timestamp, not a sentence. */
const DATE_LINE = new RegExp(`^(?:(?:last )?(?:updated|published|posted)\\s*:?\\s*)?(?:\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})(?:[,\\s]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s?[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?)?$`, 'i');
/** A clock time alone ("16:40", "9.05 am GMT"): a live blog's entry stamp. */
export const CLOCK = /^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$/i;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * A line of the page that is not the story's text: a "Read more:" teaser, a line that is all link,
 * a copyright notice, a byline, a cookie or newsletter prompt. Only short lines are ever dropped,
 * so a paragraph of the story that happens to mention cookies stays.
 */
export function isBoilerplate(text: string, linkChars: number, byline: string | null): boolean {
  const words = wordCount(text);
  const letters = text.replace(/\s+/g, '').length || 1;
  if (TEASER.test(text) && (words <= 30 || linkChars / letters > 0.5)) return true;
  if (words <= 25 && linkChars / letters >= 0.8) return true;
  if (CREDIT.test(text) && words <= 60) return true;
  if (byline && text === byline) return true;
  if (DATE_LINE.test(text) || CLOCK.test(text)) return true;
  if (/^[Bb]y\s+\p{Lu}/u.test(text) && words <= 14 && !/[.!?]["”’]?$/.test(text)) return true;
  if (PROMPT.test(text) && words <= 40) return true;
  return false;
}

/** A live blog's entry stamp just before the entry's heading goes into the heading: "16:40 — Talks resume". */
export function stampHeadings<B extends Block>(blocks: B[]): B[] {
  const out: B[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    if (b.kind === 'paragraph' && CLOCK.test(b.text) && next?.kind === 'heading') {
      out.push({ ...next, text: `${b.text} — ${next.text}` });
      i++;
    } else out.push(b);
  }
  return out;
}

/** A heading with no paragraph under it ("Related", "Comments", a box emptied of its links) goes. */
export function dropEmptySections(blocks: Block[]): Block[] {
  return blocks.filter((b, i) => b.kind !== 'heading' || blocks[i + 1]?.kind === 'paragraph');
}

import type { Paragraph } from './types.ts';

/**
 * Paragraph text kept as UTF-8 in one buffer per article, outside the JS heap: half the memory of
 * V8's two-byte strings (any curly quote makes a whole article two-byte), and no garbage-collector
 * work for the bulk of a large base. `text` decodes on read; readers see an ordinary Paragraph.
 */
export class StoredParagraph implements Paragraph {
  constructor(
    readonly article: string,
    readonly section: string | null,
    readonly n: number,
    private readonly buf: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get text(): string {
    return this.buf.toString('utf8', this.start, this.end);
  }

  toJSON(): Paragraph {
    return { article: this.article, section: this.section, n: this.n, text: this.text };
  }
}

/** Packs an article's paragraphs into one buffer. */
export function storeParagraphs(paragraphs: { article: string; section: string | null; n: number; text: string }[]): Paragraph[] {
  const parts = paragraphs.map((p) => Buffer.from(p.text, 'utf8'));
  const buf = Buffer.concat(parts);
  let at = 0;
  return paragraphs.map((p, i) => {
    const s = at;
    at += parts[i].length;
    return new StoredParagraph(p.article, p.section, p.n, buf, s, at);
  });
}

/** After a v8 round trip a StoredParagraph is a plain object with its fields: make it one again. */
export function reviveParagraph(p: Paragraph | { article: string; section: string | null; n: number; buf: Uint8Array; start: number; end: number }): Paragraph {
  if (p instanceof StoredParagraph || 'text' in p) return p as Paragraph;
  const buf = Buffer.isBuffer(p.buf) ? p.buf : Buffer.from(p.buf.buffer, p.buf.byteOffset, p.buf.byteLength);
  return new StoredParagraph(p.article, p.section, p.n, buf, p.start, p.end);
}

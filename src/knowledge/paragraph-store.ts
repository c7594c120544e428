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

  /** An article's paragraphs as columns over their one buffer, when they are stored in one; else null. */
  static pack(paragraphs: readonly Paragraph[]): PackedParagraphs | null {
    const first = paragraphs[0];
    if (!(first instanceof StoredParagraph)) return null;
    const count = paragraphs.length;
    const c: PackedParagraphs = { article: first.article, buf: first.buf, sections: [], section: new Int32Array(count), n: new Int32Array(count), start: new Int32Array(count), end: new Int32Array(count) };
    for (let i = 0; i < count; i++) {
      const p = paragraphs[i];
      if (!(p instanceof StoredParagraph) || p.buf !== first.buf || p.article !== first.article) return null;
      let k = c.sections.indexOf(p.section);
      if (k < 0) k = c.sections.push(p.section) - 1;
      c.section[i] = k;
      c.n[i] = p.n;
      c.start[i] = p.start;
      c.end[i] = p.end;
    }
    return c;
  }

  static unpack(c: PackedParagraphs): Paragraph[] {
    const buf = toBuffer(c.buf);
    const out: Paragraph[] = [];
    for (let i = 0; i < c.n.length; i++) out.push(new StoredParagraph(c.article, c.sections[c.section[i]], c.n[i], buf, c.start[i], c.end[i]));
    return out;
  }
}

/**
 * What a cache keeps of an article's paragraphs: a few columns, read back several times faster than
 * one object a paragraph, and sharing one string for the article and for each section as a parsed
 * article does.
 */
export interface PackedParagraphs {
  article: string;
  buf: Uint8Array;
  /** The distinct sections; `section` gives each paragraph's position among them. */
  sections: (string | null)[];
  section: Int32Array;
  n: Int32Array;
  start: Int32Array;
  end: Int32Array;
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
  return new StoredParagraph(p.article, p.section, p.n, toBuffer(p.buf), p.start, p.end);
}

/** A deserialised Uint8Array as a Buffer over the same bytes. */
export function toBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

import type { Article } from '../knowledge/types.ts';
import type { Preview } from './preview.ts';

/** Where an article comes from: a file on disk, or a web address (a page, a feed item, a Discord attachment). */
export type IngestSource =
  | { kind: 'file'; path: string }
  /** `name` is the attachment's file name, which tells its type when the server does not. */
  | { kind: 'url'; url: string; name?: string };

/** Title, date, source and address of an article, each left out when not known. */
export interface ArticleMeta {
  title?: string;
  /** YYYY-MM-DD. */
  published?: string;
  source?: string;
  url?: string;
}

/** One block of a body: a section heading or a paragraph. */
export interface Block {
  kind: 'heading' | 'paragraph';
  text: string;
}

/** What a source yields before it is checked: metadata found in it, and its body. */
export interface Draft {
  meta: ArticleMeta;
  blocks: Block[];
}

export type RefusalKind =
  | 'not-article' // too little body text: an index page, a login wall, a video page
  | 'duplicate' // the same canonical URL or nearly the same text as an article already there
  | 'unchanged' // --replace, but the text is what the knowledge base already has
  | 'unparseable' // a file that does not parse
  | 'unsupported' // a response or a file that is neither HTML nor text
  | 'fetch' // the page could not be fetched (network, HTTP status, timeout, size)
  | 'blocked' // the address is not one Keystone fetches from
  | 'exists'; // the id was taken while the article was being checked

export interface Refusal {
  ok: false;
  kind: RefusalKind;
  /** One sentence a user can act on. */
  message: string;
  /** The article this one duplicates, for `duplicate` and `unchanged`. */
  duplicateOf?: { id: string; title: string };
}

/** A checked article: what the knowledge file will hold, as the loader will read it, and its preview. */
export interface Checked {
  ok: true;
  article: Article;
  /** The knowledge file's text (Markdown with front matter). */
  text: string;
  /** File name inside the knowledge directory. */
  fileName: string;
  preview: Preview;
  /** The article this one replaces (--replace), if any. */
  replaces: Article | null;
}

export type IngestResult = Checked | Refusal;

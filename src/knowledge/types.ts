/** Where a passage came from. Data, never a formatted string: renderers format it. */
export interface Citation {
  /** Article id: the knowledge file's name without extension. */
  article: string;
  title: string;
  /** Section heading, or null for the lead (paragraphs before the first heading). */
  section: string | null;
  /** 1-based over body paragraphs of the article; headings are not counted. */
  paragraph: number;
  published: string | null;
  url: string | null;
}

export interface Paragraph {
  article: string;
  section: string | null;
  /** 1-based paragraph number within the article. */
  n: number;
  text: string;
}

export interface Article {
  id: string;
  title: string;
  /** ISO date (YYYY-MM-DD or full ISO timestamp) as the front matter gave it. */
  published: string | null;
  source: string | null;
  url: string | null;
  tags: string[];
  /** Path relative to the knowledge directory, for messages. */
  file: string;
  sections: string[];
  paragraphs: Paragraph[];
}

/** A problem with one knowledge file: the file is skipped (or loaded with a warning). */
export interface LoadProblem {
  file: string;
  line: number | null;
  message: string;
  severity: 'error' | 'warning';
}

export function citationOf(article: Article, p: Paragraph): Citation {
  return {
    article: article.id,
    title: article.title,
    section: p.section,
    paragraph: p.n,
    published: article.published,
    url: article.url,
  };
}

export function formatProblem(p: LoadProblem): string {
  return `${p.file}${p.line != null ? ` line ${p.line}` : ''}: ${p.message}`;
}

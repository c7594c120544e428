import { parseDocument } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Body text after the closing fence. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

export class FrontMatterError extends Error {
  constructor(message: string, readonly line: number | null) {
    super(message);
  }
}

/**
 * Splits `---\n yaml \n---\n body`. A file without an opening fence has no front matter;
 * an opening fence without a closing one is an error (the body would silently vanish otherwise).
 */
export function splitFrontMatter(text: string): FrontMatter | null {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return null;
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) throw new FrontMatterError('front matter opened with --- is never closed', 1);
  const yamlText = lines.slice(1, end).join('\n');
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    // Line within the file: the fence is line 1, so YAML line n is file line n + 1.
    const yamlLine = yamlText.slice(0, err.pos[0]).split('\n').length;
    const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new FrontMatterError(`front matter is not valid YAML (${first})`, yamlLine + 1);
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be a set of "key: value" lines', 2);
  }
  return { data: data as Record<string, unknown>, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

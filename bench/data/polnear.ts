/**
 * PolNeAR (political news, 2015–2016) with its brat attribution annotations: articles, and their
 * attributions (source, cue, content spans), one annotator per article.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Article, Paragraph } from '../../src/knowledge/types.ts';

export interface Span {
  start: number;
  end: number;
  text: string;
}
export interface Attribution {
  source: Span[];
  cue: Span[];
  content: Span[];
}
export interface PolnearDoc {
  id: string;
  text: string;
  article: Article;
  /** Where each paragraph starts in `text` (paragraph n at index n-1). */
  starts: number[];
  attributions: Attribution[];
}

function spansOf(field: string, text: string): Span[] {
  // "Content 115 290" or "Content 10 20;25 40"
  const ranges = field.split(' ').slice(1).join(' ').split(';');
  return ranges.map((r) => {
    const [s, e] = r.trim().split(/\s+/).map(Number);
    return { start: s, end: e, text: text.slice(s, e) };
  });
}

function parseAnn(ann: string, text: string): Attribution[] {
  const spans = new Map<string, Span[]>();
  const links: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0])) spans.set(cols[0], spansOf(cols[1], text));
    else if (/^E\d+$/.test(cols[0])) {
      const roles: Record<string, string> = {};
      for (const part of cols[1].split(' ')) {
        const [role, id] = part.split(':');
        if (role && id) roles[role.replace(/\d+$/, '')] = roles[role.replace(/\d+$/, '')] ? `${roles[role.replace(/\d+$/, '')]} ${id}` : id;
      }
      links.push(roles);
    }
  }
  const get = (ids: string | undefined) => (ids ? ids.split(' ').flatMap((id) => spans.get(id) ?? []) : []);
  return links.map((l) => ({ source: get(l.Source), cue: get(l.Cue), content: get(l.Content) }));
}

/** Paragraphs split at blank lines (or at single newlines when the file has no blank line). */
function paragraphsOf(id: string, text: string): { paragraphs: Paragraph[]; starts: number[]; title: string } {
  const firstBreak = text.indexOf('\n');
  const title = (firstBreak < 0 ? text : text.slice(0, firstBreak)).trim();
  const sep = /\n\s*\n/.test(text) ? /\n\s*\n/g : /\n/g;
  const paragraphs: Paragraph[] = [];
  const starts: number[] = [];
  let at = firstBreak < 0 ? text.length : firstBreak + 1;
  const pieces: [number, number][] = [];
  sep.lastIndex = at;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    pieces.push([at, m.index]);
    at = m.index + m[0].length;
  }
  pieces.push([at, text.length]);
  for (const [s, e] of pieces) {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim().replace(/\n/g, ' ');
    if (!body) continue;
    starts.push(s + lead);
    paragraphs.push({ article: id, section: null, n: paragraphs.length + 1, text: body });
  }
  return { paragraphs, starts, title };
}

export function readPolnear(dir: string, split: 'train' | 'dev'): PolnearDoc[] {
  const textDir = path.join(dir, split, 'text');
  const annDir = path.join(dir, split, 'attributions');
  const anns = readdirSync(annDir).sort();
  const meta = new Map<string, string>();
  for (const line of readFileSync(path.join(dir, 'metadata.tsv'), 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    if (cols[1]) meta.set(cols[1], cols[5]);
  }
  return readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const stem = f.replace(/\.txt$/, '');
    const text = readFileSync(path.join(textDir, f), 'utf8');
    const annFile = anns.find((a) => a.startsWith(`${stem}_`));
    const attributions = annFile ? parseAnn(readFileSync(path.join(annDir, annFile), 'utf8'), text) : [];
    const { paragraphs, starts, title } = paragraphsOf(stem, text);
    const published = meta.get(stem) ?? null;
    const article: Article = { id: stem, title, published, source: stem.split('_')[0], url: null, tags: [], file: f, sections: [], paragraphs };
    return { id: stem, text, article, starts, attributions };
  });
}

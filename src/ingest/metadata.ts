import type { ArticleMeta } from './types.ts';
import { isoDay } from './dates.ts';

/** The small part of a DOM that metadata reading needs (linkedom's and a browser's both fit). */
interface Doc {
  querySelectorAll(selector: string): Iterable<El>;
  querySelector(selector: string): El | null;
}
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /(^|:)(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|BlogPosting|Report)$/;

function typesOf(o: Json): string[] {
  const t = o['@type'];
  return Array.isArray(t) ? t.map(String) : t != null ? [String(t)] : [];
}

/** Every object in a JSON-LD block: arrays, @graph and nesting flattened. */
function* ldObjects(v: unknown, depth = 0): Generator<Json> {
  if (depth > 6 || v == null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) yield* ldObjects(x, depth + 1);
    return;
  }
  const o = v as Json;
  yield o;
  if (o['@graph']) yield* ldObjects(o['@graph'], depth + 1);
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim() || undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object') return text((v as Json).name ?? (v as Json)['@value']);
  return undefined;
}

function idUrl(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return idUrl((v as Json)['@id'] ?? (v as Json).url);
  return undefined;
}

function jsonLdArticle(doc: Doc): Json | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block on a page is common; the other sources still count
    }
    for (const o of ldObjects(data)) if (typesOf(o).some((t) => ARTICLE_TYPE.test(t))) return o;
  }
  return null;
}

function metaContent(doc: Doc, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"]`) ?? doc.querySelector(`meta[name="${k}"]`) ?? doc.querySelector(`meta[itemprop="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

/** An absolute http(s) URL (a relative one resolved against `base`), or undefined. */
export function absolute(href: string | undefined | null, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A canonical URL that points at a site's front page while the page itself is deeper is a
 * template mistake seen in the wild, not the article's address.
 */
function plausibleCanonical(canonical: string | undefined, pageUrl: string | undefined): string | undefined {
  if (!canonical || !pageUrl) return canonical;
  const c = new URL(canonical);
  const p = new URL(pageUrl);
  return c.pathname === '/' && p.pathname !== '/' ? undefined : canonical;
}

/**
 * Title, date, source and canonical address from a page's metadata: JSON-LD (NewsArticle and kin)
 * first, then Open Graph and article:published_time, then <link rel=canonical> and <time datetime>.
 * What the page does not say is left out.
 */
export function pageMeta(doc: Doc, pageUrl?: string): ArticleMeta {
  const ld = jsonLdArticle(doc);
  const timeEl = doc.querySelector('time[itemprop="datePublished"]') ?? doc.querySelector('time[pubdate]') ?? doc.querySelector('time[datetime]');
  const published = [ld?.datePublished, metaContent(doc, 'article:published_time', 'datePublished', 'og:published_time'), timeEl?.getAttribute('datetime')]
    .map(isoDay).find((d): d is string => d != null);
  const canonical = absolute(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), pageUrl)
    ?? absolute(metaContent(doc, 'og:url'), pageUrl)
    ?? absolute(idUrl(ld?.mainEntityOfPage) ?? idUrl(ld?.url), pageUrl);
  const meta: ArticleMeta = {
    title: text(ld?.headline) ?? metaContent(doc, 'og:title', 'twitter:title'),
    published,
    source: text(ld?.publisher) ?? metaContent(doc, 'og:site_name'),
    url: plausibleCanonical(canonical, pageUrl) ?? absolute(pageUrl, undefined),
  };
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v != null)) as ArticleMeta;
}

import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { isoDay } from '../dates.ts';
import { absolute } from '../metadata.ts';

/** One item of a feed, as Keystone needs it. */
export interface FeedItem {
  /** What identifies the item across polls: its guid or id, else its link. */
  key: string;
  link: string;
  title: string | null;
  /** Plain text (feeds carry HTML in descriptions). */
  summary: string | null;
  published: string | null;
  /** The item's date as a time, for putting items in order; null when it has none. */
  time: number | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  items: FeedItem[];
}

export class FeedParseError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
});

type Node = Record<string, unknown>;

function textOf(v: unknown): string | null {
  if (v == null) return null;
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object') return textOf((v as Node)['#text']);
  const s = String(v).trim();
  return s || null;
}

/** Feed descriptions are HTML: their text, one space between words. */
function plain(html: string | null): string | null {
  if (!html) return null;
  const body = /[<&]/.test(html) ? parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body.textContent ?? '' : html;
  return body.replace(/\s+/g, ' ').trim() || null;
}

function atomLink(links: unknown, base: string): string | null {
  const list = (Array.isArray(links) ? links : [links]).filter(Boolean) as (Node | string)[];
  const pick = list.find((l) => typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate')) ?? list[0];
  const href = typeof pick === 'string' ? pick : (pick?.['@_href'] as string | undefined) ?? textOf(pick);
  return httpUrl(href ?? null, base);
}

const httpUrl = (href: string | null, base: string): string | null => absolute(href, base) ?? null;

function item(key: string | null, link: string | null, title: string | null, summary: string | null, date: unknown): FeedItem | null {
  if (!link) return null;
  const when = textOf(date);
  const time = when ? Date.parse(when) : NaN;
  return { key: key ?? link, link, title: plain(title), summary: plain(summary), published: isoDay(when), time: Number.isNaN(time) ? null : time };
}

/** RSS 2.0, Atom 1.0 and RSS 1.0 (RDF). Items without a link to a page are skipped: there is nothing to fetch. */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    throw new FeedParseError(`is not well-formed XML (${(e as Error).message.split('\n')[0]})`);
  }
  const rss = doc.rss as Node | undefined;
  if (rss?.channel) {
    const ch = (Array.isArray(rss.channel) ? rss.channel[0] : rss.channel) as Node;
    const items = ((ch.item as Node[] | undefined) ?? []).map((i) => {
      const link = httpUrl(textOf(i.link), feedUrl) ?? (isPermalink(i.guid) ? httpUrl(textOf(i.guid), feedUrl) : null);
      return item(textOf(i.guid), link, textOf(i.title), textOf(i.description) ?? textOf(i['content:encoded']), i.pubDate ?? i['dc:date']);
    });
    return { format: 'rss', title: textOf(ch.title), items: items.filter((x): x is FeedItem => x != null) };
  }
  const feed = doc.feed as Node | undefined;
  if (feed) {
    const items = ((feed.entry as Node[] | undefined) ?? []).map((e) =>
      item(textOf(e.id), atomLink(e.link, feedUrl), textOf(e.title), textOf(e.summary) ?? textOf(e.content), e.published ?? e.updated));
    return { format: 'atom', title: textOf(feed.title), items: items.filter((x): x is FeedItem => x != null) };
  }
  const rdf = doc['rdf:RDF'] as Node | undefined;
  if (rdf) {
    const ch = rdf.channel as Node | undefined;
    const items = ((rdf.item as Node[] | undefined) ?? []).map((i) => item(textOf(i['@_rdf:about']), httpUrl(textOf(i.link), feedUrl), textOf(i.title), textOf(i.description), i['dc:date']));
    return { format: 'rdf', title: textOf(ch?.title), items: items.filter((x): x is FeedItem => x != null) };
  }
  throw new FeedParseError('is neither an RSS nor an Atom feed');
}

function isPermalink(guid: unknown): boolean {
  return guid != null && (typeof guid !== 'object' || (guid as Node)['@_isPermaLink'] !== 'false');
}

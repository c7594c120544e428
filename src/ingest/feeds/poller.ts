import type { Article } from '../../knowledge/types.ts';
import { FetchError, safeFetch, type FetchLimits } from '../fetch.ts';
import type { AddressPolicy } from '../address-policy.ts';
import { decodeText } from '../decode.ts';
import { checkSource } from '../ingest.ts';
import { writeArticle } from '../write.ts';
import { parseFeed, FeedParseError, type FeedItem } from './parse-feed.ts';
import type { FeedFilter } from './filter.ts';
import { FeedState, type FeedRecord, type ItemRecord } from './state.ts';

export interface PollerOptions {
  feeds: string[];
  filter: FeedFilter;
  /** The knowledge directory articles are written to. */
  dir: string;
  /** Articles already in the knowledge base (the poller adds what it wrote since). */
  existing(): readonly Article[];
  policy: AddressPolicy;
  limits?: Partial<FetchLimits>;
  stateFile: string;
  now?: () => Date;
  log?: (level: 'info' | 'warn', msg: string, fields: Record<string, unknown>) => void;
}

/** An item page that keeps failing is given up after this many tries. */
export const MAX_ITEM_ATTEMPTS = 5;
/** Back-off after failed polls in a row: 15 min, 30, 60… at most 6 h. */
export function backoffMs(failures: number): number {
  return Math.min(15 * 60_000 * 2 ** Math.max(0, failures - 1), 6 * 3600_000);
}
/** Items gone from a feed are forgotten after this long (a feed keeps recent items only). */
const FORGET_AFTER_MS = 90 * 24 * 3600_000;

/** By date, oldest first; undated items after, in the feed's own order reversed (feeds list newest first). */
function oldestFirst(items: FeedItem[]): FeedItem[] {
  return items.map((item, i) => ({ item, i })).sort((a, b) => {
    const ta = a.item.time ?? Infinity;
    const tb = b.item.time ?? Infinity;
    return ta !== tb ? ta - tb : b.i - a.i;
  }).map((x) => x.item);
}

export interface FeedPollResult {
  feed: string;
  outcome: 'polled' | 'not-modified' | 'failed' | 'backing-off';
  error?: string;
  added: { id: string; title: string; link: string }[];
  refused: { title: string | null; link: string; reason: string }[];
  failing: { title: string | null; link: string; reason: string }[];
  offTopic: number;
}

/** One feed as `keystone feeds` lists it. */
export interface FeedStatus {
  url: string;
  title: string | null;
  lastPoll: string | null;
  lastSuccess: string | null;
  lastError: string | null;
  failures: number;
  retryAfter: string | null;
  seen: number;
  added: number;
  refused: number;
  offTopic: number;
  failing: number;
  refusals: { title: string | null; link: string; reason: string; status: 'refused' | 'failing' }[];
}

/**
 * Polls news feeds and adds each new on-topic item's page through the same checkSource as
 * `keystone add` (same checks, same duplicate detection). Conditional requests, back-off for a
 * feed that keeps failing, and a state file so a restart neither re-adds nor skips items.
 */
export class FeedPoller {
  readonly state: FeedState;
  private written: Article[] = [];
  private running: Promise<FeedPollResult[]> | null = null;
  /** What the feeds brought since the last briefing took it. */
  private sinceTaken = { added: 0, refused: 0 };

  constructor(private readonly opts: PollerOptions) {
    this.state = new FeedState(opts.stateFile);
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  /** Polls every feed (one poll at a time). `force` ignores back-off: a poll asked for by hand. */
  poll(force = false): Promise<FeedPollResult[]> {
    this.running ??= (async () => {
      try {
        const out: FeedPollResult[] = [];
        for (const url of this.opts.feeds) out.push(await this.pollFeed(url, force));
        return out;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Counts of what the feeds added and refused since the last call; the briefing reports them. */
  takeSummary(): { added: number; refused: number } {
    const s = this.sinceTaken;
    this.sinceTaken = { added: 0, refused: 0 };
    return s;
  }

  private existing(): Article[] {
    const base = this.opts.existing();
    const known = new Set(base.map((a) => a.id));
    // What was written and not yet loaded still counts for duplicates.
    this.written = this.written.filter((a) => !known.has(a.id));
    return [...base, ...this.written];
  }

  private async pollFeed(url: string, force: boolean): Promise<FeedPollResult> {
    const rec = this.state.feed(url);
    const result: FeedPollResult = { feed: url, outcome: 'polled', added: [], refused: [], failing: [], offTopic: 0 };
    const now = this.now();
    if (!force && rec.retryAfter && Date.parse(rec.retryAfter) > now.getTime()) {
      result.outcome = 'backing-off';
      return result;
    }
    rec.lastPoll = now.toISOString();
    const headers: Record<string, string> = {};
    if (rec.etag) headers['if-none-match'] = rec.etag;
    if (rec.lastModified) headers['if-modified-since'] = rec.lastModified;
    let items: FeedItem[] = [];
    try {
      const got = await safeFetch(url, { policy: this.opts.policy, limits: this.opts.limits, headers, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' });
      if (got.status === 304) {
        result.outcome = 'not-modified';
      } else {
        const feed = parseFeed(decodeText(got.body, got.charset, false), got.url);
        items = feed.items;
        rec.title = feed.title ?? rec.title;
        rec.etag = (got.headers.etag as string | undefined) ?? null;
        rec.lastModified = (got.headers['last-modified'] as string | undefined) ?? null;
      }
      rec.lastSuccess = now.toISOString();
      rec.lastError = null;
      rec.failures = 0;
      rec.retryAfter = null;
    } catch (e) {
      if (!(e instanceof FetchError) && !(e instanceof FeedParseError)) throw e;
      rec.failures += 1;
      rec.lastError = e instanceof FeedParseError ? `the feed ${e.message}` : e.message;
      rec.retryAfter = new Date(now.getTime() + backoffMs(rec.failures)).toISOString();
      result.outcome = 'failed';
      result.error = rec.lastError;
      this.opts.log?.('warn', 'feed poll failed', { feed: url, error: rec.lastError, failures: rec.failures, retryAfter: rec.retryAfter });
    }
    this.state.save();

    // New items, oldest first, so the first outlet to run a story is the one kept; then items that failed before.
    const fresh = oldestFirst(items.filter((i) => !rec.items[i.key]));
    const retry = Object.entries(rec.items).filter(([, r]) => r.status === 'failing').map(([key, r]) => ({ key, link: r.link, title: r.title, summary: null, published: r.published, time: null }));
    for (const item of [...fresh, ...retry]) {
      await this.take(rec, item, result);
      this.state.save();
    }
    this.forget(rec, items);
    this.state.save();
    if (result.added.length || result.refused.length || result.failing.length) {
      this.opts.log?.('info', 'feed polled', { feed: url, added: result.added.length, refused: result.refused.length, failing: result.failing.length, offTopic: result.offTopic });
    }
    return result;
  }

  private async take(rec: FeedRecord, item: FeedItem, result: FeedPollResult): Promise<void> {
    const nowIso = this.now().toISOString();
    const prev = rec.items[item.key];
    const record: ItemRecord = prev ?? { status: 'failing', link: item.link, title: item.title, published: item.published, attempts: 0, firstSeen: nowIso, lastSeen: nowIso };
    record.lastSeen = nowIso;
    rec.items[item.key] = record;
    if (!prev && !this.opts.filter.matches(item.title, item.summary)) {
      record.status = 'off-topic';
      result.offTopic++;
      return;
    }
    record.attempts += 1;
    const fallbacks = { ...(item.title ? { title: item.title } : {}), ...(item.published ? { published: item.published } : {}) };
    const checked = await checkSource({ kind: 'url', url: item.link }, { fallbacks }, { dir: this.opts.dir, existing: () => this.existing(), policy: this.opts.policy, limits: this.opts.limits, now: () => this.now() });
    if (checked.ok) {
      try {
        await writeArticle(this.opts.dir, checked);
        this.written.push(checked.article);
        Object.assign(record, { status: 'added', id: checked.article.id, reason: undefined });
        result.added.push({ id: checked.article.id, title: checked.article.title, link: item.link });
        this.sinceTaken.added++;
        return;
      } catch (e) {
        record.reason = (e as Error).message;
      }
    } else if (checked.kind === 'fetch' || checked.kind === 'exists') {
      record.reason = checked.message;
    } else {
      Object.assign(record, { status: 'refused', reason: checked.message });
      result.refused.push({ title: item.title, link: item.link, reason: checked.message });
      this.sinceTaken.refused++;
      return;
    }
    // A page that could not be fetched is tried again at the next polls, then given up.
    if (record.attempts >= MAX_ITEM_ATTEMPTS) {
      Object.assign(record, { status: 'refused', reason: `gave up after ${record.attempts} tries: ${record.reason}` });
      result.refused.push({ title: item.title, link: item.link, reason: record.reason! });
      this.sinceTaken.refused++;
    } else {
      record.status = 'failing';
      result.failing.push({ title: item.title, link: item.link, reason: record.reason! });
    }
  }

  /** Items the feed no longer lists, and not seen for a long time, are forgotten. */
  private forget(rec: FeedRecord, current: FeedItem[]): void {
    if (current.length === 0) return;
    const listed = new Set(current.map((i) => i.key));
    const cutoff = this.now().getTime() - FORGET_AFTER_MS;
    for (const [key, r] of Object.entries(rec.items)) if (!listed.has(key) && r.status !== 'failing' && Date.parse(r.lastSeen) < cutoff) delete rec.items[key];
  }

  status(): FeedStatus[] {
    return this.opts.feeds.map((url) => {
      const rec = this.state.data.feeds[url];
      const items = Object.values(rec?.items ?? {});
      const count = (s: ItemRecord['status']) => items.filter((i) => i.status === s).length;
      return {
        url,
        title: rec?.title ?? null,
        lastPoll: rec?.lastPoll ?? null,
        lastSuccess: rec?.lastSuccess ?? null,
        lastError: rec?.lastError ?? null,
        failures: rec?.failures ?? 0,
        retryAfter: rec?.retryAfter ?? null,
        seen: items.length,
        added: count('added'),
        refused: count('refused'),
        offTopic: count('off-topic'),
        failing: count('failing'),
        refusals: items.filter((i) => i.status === 'refused' || i.status === 'failing').map((i) => ({ title: i.title, link: i.link, reason: i.reason ?? '', status: i.status as 'refused' | 'failing' })),
      };
    });
  }
}

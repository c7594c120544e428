import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type ItemStatus = 'added' | 'refused' | 'off-topic' | 'failing';

/** What became of one feed item. `failing` items are tried again; the others are settled. */
export interface ItemRecord {
  status: ItemStatus;
  link: string;
  title: string | null;
  published: string | null;
  /** The article id, when added. */
  id?: string;
  /** Why it was refused, or the last failure. */
  reason?: string;
  attempts: number;
  firstSeen: string;
  lastSeen: string;
}

export interface FeedRecord {
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  lastPoll: string | null;
  lastSuccess: string | null;
  lastError: string | null;
  /** Failed polls in a row; the back-off grows with it. */
  failures: number;
  /** Not polled on schedule before this time (ISO). */
  retryAfter: string | null;
  items: Record<string, ItemRecord>;
}

export interface FeedStateData {
  version: 1;
  feeds: Record<string, FeedRecord>;
}

export function emptyFeed(): FeedRecord {
  return { title: null, etag: null, lastModified: null, lastPoll: null, lastSuccess: null, lastError: null, failures: 0, retryAfter: null, items: {} };
}

/**
 * The poller's memory across restarts: conditional-request validators, failures and back-off,
 * and every item seen with what became of it, so a restart neither re-adds nor skips an item.
 * Written whole to a temporary file and renamed, so a crash leaves the last complete state.
 */
export class FeedState {
  data: FeedStateData;

  constructor(readonly file: string) {
    this.data = FeedState.read(file);
  }

  private static read(file: string): FeedStateData {
    try {
      const d = JSON.parse(readFileSync(file, 'utf8')) as FeedStateData;
      if (d?.version === 1 && d.feeds && typeof d.feeds === 'object') return d;
    } catch {
      // missing or damaged: start afresh (items already added are still refused as duplicates)
    }
    return { version: 1, feeds: {} };
  }

  feed(url: string): FeedRecord {
    this.data.feeds[url] ??= emptyFeed();
    return this.data.feeds[url];
  }

  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 1));
    renameSync(tmp, this.file);
  }
}

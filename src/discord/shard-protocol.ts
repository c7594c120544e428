/**
 * What the shard manager and its shard processes tell each other over IPC. Each shard holds its
 * own knowledge base (a shard is a process), so what must reach every shard travels here:
 * a /reload on one shard reloads the others; the briefing the manager schedules is posted by shard 0.
 */
export type ToShard =
  | { keystone: 'reload'; request: number }
  | { keystone: 'brief'; request: number; at: string }
  | { keystone: 'reload-done'; request: number; shards: ShardReload[] };

export type FromShard =
  | { keystone: 'reload-all'; request: number }
  | { keystone: 'reloaded'; request: number; reload: ShardReload }
  | { keystone: 'briefed'; request: number; result: string };

export interface ShardReload {
  shard: number;
  /** describeReload() of that shard's reload, or why it failed. */
  summary: string;
  ok: boolean;
}

/** The shard that posts briefings and writes the knowledge cache: one of them, always present. */
export const LEAD_SHARD = 0;

export function isKeystoneMessage<T extends { keystone: string }>(m: unknown): m is T {
  return typeof m === 'object' && m !== null && typeof (m as { keystone?: unknown }).keystone === 'string';
}

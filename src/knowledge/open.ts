import { createHash } from 'node:crypto';
import path from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { KnowledgeService, type KnowledgeServiceOptions } from './service.ts';
import type { KnowledgeBase } from './base.ts';

/**
 * Where the built base of a knowledge directory is cached: KEYSTONE_CACHE_DIR (default .cache in the
 * checkout), one file per directory; KEYSTONE_CACHE_DIR=off disables it.
 */
export function cacheFileFor(dir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = (env.KEYSTONE_CACHE_DIR ?? '').trim();
  if (setting === 'off') return null;
  const base = setting || path.join(PROJECT_ROOT, '.cache');
  const key = createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 16);
  return path.join(base, `knowledge-${key}.v8`);
}

export function knowledgeService(dir: string, opts: KnowledgeServiceOptions = {}): KnowledgeService {
  return new KnowledgeService(dir, { cacheFile: cacheFileFor(dir), ...opts });
}

/** Loads a knowledge directory once, through the cache: what the CLI and the console use. */
export async function openKnowledge(dir: string, opts: KnowledgeServiceOptions = {}): Promise<KnowledgeBase> {
  const service = knowledgeService(dir, opts);
  const report = await service.reload();
  if (report.mode !== 'cache') await service.saveNow();
  service.close();
  return service.current!;
}

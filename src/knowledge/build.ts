import { KnowledgeBase } from './base.ts';
import { loadKnowledge } from './load.ts';

/** Load a knowledge directory and build everything the answers need. Never throws on content. */
export async function buildKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const loaded = await loadKnowledge(dir);
  return new KnowledgeBase(loaded.articles, loaded.problems);
}

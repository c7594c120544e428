import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, so the default knowledge folder is found from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function knowledgeDir(explicit?: string | null): string {
  const dir = explicit || process.env.KNOWLEDGE_DIR || path.join(PROJECT_ROOT, 'knowledge');
  return path.resolve(dir);
}

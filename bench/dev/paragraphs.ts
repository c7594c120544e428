/**
 * Prints the paragraphs of a set's articles with the numbers citations use.
 *   npx tsx bench/dev/paragraphs.ts tests/fixtures/dev/<set>
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { formatProblem } from '../../src/knowledge/types.ts';

const arg = process.argv[2];
if (!arg) {
  console.error('usage: npx tsx bench/dev/paragraphs.ts <set folder or articles folder>');
  process.exit(2);
}
const dir = existsSync(path.join(arg, 'articles')) ? path.join(arg, 'articles') : arg;
const { articles, problems } = await loadKnowledge(dir);
for (const p of problems) console.log(`! ${formatProblem(p)}`);
for (const a of articles) {
  console.log(`\n# ${a.id} — ${a.title} (${a.published ?? 'no date'}, ${a.source ?? 'no source'})`);
  let section: string | null = null;
  for (const p of a.paragraphs) {
    if (p.section !== section) console.log(`\n  ## ${(section = p.section)}`);
    console.log(`  ¶${p.n}  ${p.text}`);
  }
}

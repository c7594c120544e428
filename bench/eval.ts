/**
 * Extraction and answer quality, every set side by side: the development corpus (per split: "dev"
 * is tuned on, "aside" never is), and with --public the public news datasets (bench/eval-conll.ts,
 * bench/eval-polnear.ts; skipped with a line when ../shared/data is absent).
 *   npm run eval [-- --why] [--set NAME | --split dev|aside] [--public]
 * A run over every set writes what it printed to docs/bench-results/eval.txt, with the command and
 * the commit, so the figures in docs/EVALUATION.md can be checked and reproduced.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { loadDevSets, type DevSet } from './dev/gold.ts';
import { add, count, formatRows, type Row } from './dev/score.ts';
import { scorePeople } from './dev/score-people.ts';
import { scoreEvents } from './dev/score-events.ts';
import { scoreAsk } from './dev/score-ask.ts';
import type { KnowledgeBase } from '../src/knowledge/base.ts';
import { args, flag, option as opt } from './lib/args.ts';

process.stdout.on('error', () => process.exit(0)); // a closed pipe (| head) is not an error
const why = flag('why');
const out: string[] = [];
const say = (line: string) => {
  console.log(line);
  out.push(line);
};

/** The scorers of the development corpus; each gives rows for one set. */
const scorers: ((set: DevSet, kb: KnowledgeBase, why: boolean) => Row[])[] = [scorePeople, scoreEvents, scoreAsk];

const sets = loadDevSets(undefined, opt('set') ?? opt('split'));
const totals = new Map<string, Map<string, Row>>();
for (const set of sets) {
  const kb = await buildKnowledgeBase(set.articlesDir);
  const rows = scorers.flatMap((s) => s(set, kb, why));
  say(`\n${set.gold.set} (${set.gold.split}, ${set.gold.styles.join(', ')})`);
  for (const line of formatRows(rows)) say(`  ${line}`);
  if (why) for (const r of rows) for (const n of r.c.notes) say(`    ${n}`);
  const t = totals.get(set.gold.split) ?? new Map<string, Row>();
  for (const r of rows) {
    const prev = t.get(r.metric);
    t.set(r.metric, { ...r, c: add(prev?.c ?? count(), { ...r.c, notes: [] }) });
  }
  totals.set(set.gold.split, t);
}
for (const [split, t] of [...totals].sort()) {
  const n = sets.filter((s) => s.gold.split === split).length;
  say(`\n${split === 'aside' ? 'ASIDE (never tuned on)' : 'DEV'}: ${n} sets`);
  for (const line of formatRows([...t.values()])) say(`  ${line}`);
}

if (flag('public')) {
  for (const script of ['eval-conll.ts', 'eval-polnear.ts']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script)], { encoding: 'utf8' });
    say(`\n${script}`);
    for (const line of `${r.stdout}${r.stderr}`.trimEnd().split('\n')) say(line);
  }
}

// The whole corpus (no --set, --split or --why): keep the figures with how to get them again.
if (!opt('set') && !opt('split') && !why) {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: the figures stand without a commit
  }
  const file = path.join(import.meta.dirname, '..', 'docs', 'bench-results', 'eval.txt');
  writeFileSync(file, `npm run eval -- ${args.join(' ')}`.trimEnd() + `\n${new Date().toISOString()} · commit ${commit}\n${out.join('\n')}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

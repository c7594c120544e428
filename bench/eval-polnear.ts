/**
 * Direct quotes on PolNeAR (political news): recall, and who said them.
 *   npm run eval:polnear [-- --split train|dev|both] [--why] [--limit N]
 * A gold direct quote is an attribution whose content holds words between quotation marks. It is
 * found when an extracted direct quote overlaps those words. Its speaker is right when the names
 * agree on a word (surname): for a named source, our speaker (or the source as we word it: "CNN");
 * for an unnamed one ("officials", "a source"), our speaker must not be a named person. Pronoun sources ("he said") are checked against
 * the person the annotation names in the nearest earlier attribution (a proxy), and reported apart;
 * so are definite descriptions ("the Florida senator", "the governor"), right as written or as that
 * person.
 * The test split is how the work is judged; train is for tuning, dev is kept aside.
 */
import { dataset } from './data/paths.ts';
import { readPolnear, type PolnearDoc } from './data/polnear.ts';
import { extractFacts } from '../src/extract/facts.ts';
import { fold } from '../src/text/normalize.ts';
import { ROLE_NOUNS } from '../src/extract/lexicon/names.ts';
import { flag, option as opt } from './lib/args.ts';

process.stdout.on('error', () => process.exit(0)); // a closed pipe (| head) is not an error
const why = flag('why');
const split = opt('split') ?? 'both';
const limit = Number(opt('limit') ?? Infinity);

const QUOTED = /[“"]([^”"]{2,})[”"]/;
const PRONOUN = /^(he|she|they|i|we|you|it|him|her|them|his|hers)$/i;
const words = (s: string) => fold(s).replace(/[’']s\b/g, '').split(/[^a-z0-9]+/).filter((w) => w.length > 1);
const CAP = /\p{Lu}/u;
const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'mr', 'mrs', 'ms', 'dr', 'president', 'sen', 'gov', 'rep']);

type SourceKind = 'named' | 'pronoun' | 'described' | 'unnamed';
/** "the Florida senator", "the Republican nominee": a definite description of one person. */
const DESCRIBED = new RegExp(String.raw`^the\s+(?:[\p{L}.’'-]+\s+){0,3}(?:${[...ROLE_NOUNS].join('|')}|nominee|candidate|governor|senator|frontrunner|front-runner)$`, 'iu');
function kindOf(source: string): SourceKind {
  const t = source.trim().replace(/[,\s]+$/, '');
  if (PRONOUN.test(t)) return 'pronoun';
  if (DESCRIBED.test(t)) return 'described';
  // A capitalised word after the first one, or a capitalised first word that is not "The/A": a name.
  const ws = t.split(/\s+/);
  return ws.some((w, i) => CAP.test(w[0] ?? '') && !(i === 0 && /^(the|a|an|one|some|two|three|many|several|other|another)$/i.test(w))) ? 'named' : 'unnamed';
}

interface Tally {
  gold: number;
  found: number;
  right: number;
  none: number;
  wrong: number;
}
const tally = (): Tally => ({ gold: 0, found: 0, right: 0, none: 0, wrong: 0 });

function scoreDoc(doc: PolnearDoc, t: Record<SourceKind | 'all', Tally>, notes: string[]): void {
  const facts = extractFacts(doc.article);
  // Extracted direct quotes located in the original text.
  const located = facts.quotes.filter((q) => q.kind === 'direct').map((q) => {
    const p = doc.article.paragraphs[q.paragraph - 1];
    const probe = q.text.slice(0, 40);
    const at = p ? p.text.indexOf(probe) : -1;
    const start = at >= 0 ? doc.starts[q.paragraph - 1] + at : -1;
    return { q, start, end: start >= 0 ? start + q.text.length : -1, para: doc.starts[q.paragraph - 1], paraEnd: doc.starts[q.paragraph - 1] + (p?.text.length ?? 0) };
  });
  const direct = doc.attributions.filter((a) => a.content.some((c) => QUOTED.test(c.text)) && a.source.length);
  const named = doc.attributions.filter((a) => a.source.length && kindOf(a.source.map((s) => s.text).join(' ')) === 'named');
  for (const a of direct) {
    const source = a.source.map((s) => s.text).join(' ');
    let kind = kindOf(source);
    let want = source;
    if (kind === 'pronoun' || kind === 'described') {
      const before = named.filter((n) => n.source[0].start < a.source[0].start).pop();
      // A description is right as written too ("the Florida senator"), or as the person it names.
      want = `${kind === 'described' ? `${source} ` : ''}${before ? before.source.map((s) => s.text).join(' ') : ''}`;
    }
    for (const k of [kind, 'all'] as const) t[k].gold++;
    const qs = a.content.filter((c) => QUOTED.test(c.text));
    const hit = located.find((l) => l.start >= 0 && qs.some((c) => l.start < c.end && l.end > c.start)) ??
      // A quote we found but could not place character by character: same paragraph, same opening words.
      located.find((l) => l.start < 0 && qs.some((c) => c.start >= l.para && c.start < l.paraEnd && fold(c.text).includes(fold(l.q.text.slice(0, 25)))));
    if (!hit) {
      if (why) notes.push(`  miss  ${doc.id}: “${qs[0].text.slice(0, 70)}” (${source})`);
      continue;
    }
    for (const k of [kind, 'all'] as const) t[k].found++;
    // Our speaker: the named people, else the source as the text words it ("the Kremlin", "officials").
    const ours = hit.q.speakers.length ? hit.q.speakers : hit.q.source ? [hit.q.source] : [];
    const got = ours.join(' & ');
    const gw = words(want).filter((w) => !STOP.has(w));
    let right: boolean;
    if (kind === 'unnamed') right = hit.q.speakers.length === 0;
    else right = got !== '' && ours.some((s) => words(s).some((w) => gw.includes(w)));
    const none = got === '';
    for (const k of [kind, 'all'] as const) {
      if (right) t[k].right++;
      else if (none) t[k].none++;
      else t[k].wrong++;
    }
    if (why && !right) notes.push(`  ${none ? 'none ' : 'WRONG'} ${doc.id}: “${hit.q.text.slice(0, 60)}” got [${got}] want [${source}${kind === 'pronoun' || kind === 'described' ? ` = ${want}` : ''}] cue=${hit.q.cue ?? ''}`);
  }
}

function report(label: string, docs: PolnearDoc[]): void {
  const t = { named: tally(), pronoun: tally(), described: tally(), unnamed: tally(), all: tally() };
  const notes: string[] = [];
  for (const d of docs) scoreDoc(d, t, notes);
  for (const n of notes) console.log(n);
  const f = (x: number) => x.toFixed(3);
  for (const k of ['all', 'named', 'pronoun', 'described', 'unnamed'] as const) {
    const x = t[k];
    console.log(`${label.padEnd(20)} ${k.padEnd(8)} gold ${String(x.gold).padStart(5)}  recall ${f(x.found / Math.max(1, x.gold))}  speaker right ${f(x.right / Math.max(1, x.found))}  none ${f(x.none / Math.max(1, x.found))}  wrong ${f(x.wrong / Math.max(1, x.found))}`);
  }
}

const dir = dataset('polnear');
if (dir) {
  const t0 = performance.now();
  if (split === 'train' || split === 'both') report('PolNeAR train', readPolnear(dir, 'train').slice(0, limit));
  if (split === 'dev' || split === 'both') report('PolNeAR dev (aside)', readPolnear(dir, 'dev').slice(0, limit));
  console.log(`(${Math.round(performance.now() - t0)} ms)`);
}

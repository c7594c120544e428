/**
 * Checks every set's gold against its articles: each name, quote and citation must be found where
 * the gold says. Prints what does not hold; exits 1 when anything does not.
 *   npx tsx bench/dev/check-gold.ts [set]
 */
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { Article } from '../../src/knowledge/types.ts';
import { formatProblem } from '../../src/knowledge/types.ts';
import { fold } from '../../src/text/normalize.ts';
import { EVENT_KINDS, loadDevSets, type Cite, type GoldDate } from './gold.ts';

const norm = (s: string) => fold(s).replace(/[^a-z0-9]+/g, ' ').trim();
let bad = 0;
const sets = loadDevSets(undefined, process.argv[2]);
if (!sets.length) console.log('no sets with a gold.json under tests/fixtures/dev');
for (const set of sets) {
  const g = set.gold;
  const problems: string[] = [];
  const say = (s: string) => problems.push(s);
  const { articles, problems: load } = await loadKnowledge(set.articlesDir);
  for (const p of load) say(`load: ${formatProblem(p)}`);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const para = (c: Cite, what: string): string | null => {
    const a = byId.get(c.article);
    if (!a) return say(`${what}: no article "${c.article}" (have ${[...byId.keys()].join(', ')})`), null;
    const p = a.paragraphs[c.paragraph - 1];
    if (!p) return say(`${what}: ${c.article} has no ¶${c.paragraph} (it has ${a.paragraphs.length})`), null;
    return p.text;
  };
  const allText = norm(articles.map((a: Article) => a.paragraphs.map((p) => p.text).join(' ')).join(' '));
  const dateOk = (d: GoldDate | null | undefined, what: string) => {
    if (d == null) return;
    const re = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }[d.precision];
    if (!re || !re.test(d.value)) say(`${what}: date ${JSON.stringify(d)} does not match its precision`);
  };
  if (g.set !== set.dir.split('/').pop()) say(`"set" is "${g.set}", folder is "${set.dir.split('/').pop()}"`);
  if (g.split !== 'dev' && g.split !== 'aside') say(`"split" must be "dev" or "aside"`);
  for (const a of articles) if (!a.published) say(`${a.id}: no published date in front matter`);
  const names = new Set(g.people.map((p) => p.name));
  for (const p of g.people) {
    const forms = [p.name, ...(p.variants ?? [])];
    for (const f of forms) if (!allText.includes(norm(f))) say(`person ${p.name}: "${f}" is not in any article`);
    for (const r of p.roles) {
      const t = para(r, `role of ${p.name}`);
      if (t && !norm(t).includes(norm(r.role).split(' ').slice(-1)[0])) say(`role of ${p.name}: "${r.role}" not in ${r.article} ¶${r.paragraph}`);
    }
    if (p.roles.length && p.current == null) say(`person ${p.name}: has roles but no "current"`);
  }
  for (const n of g.notPeople) if (!allText.includes(norm(n))) say(`notPeople "${n}" is not in any article`);
  for (const q of g.quotes) {
    const what = `quote ${q.article} ¶${q.paragraph} “${q.text.slice(0, 40)}”`;
    const a = byId.get(q.article);
    const t = para(q, what);
    if (!t || !a) continue;
    const span = a.paragraphs.slice(q.paragraph - 1, q.lastParagraph ?? q.paragraph).map((p) => p.text).join(' ');
    if (!norm(span).includes(norm(q.text))) say(`${what}: text not found verbatim in the paragraph(s)`);
    for (const s of q.speakers) if (!names.has(s)) say(`${what}: speaker "${s}" is not in "people"`);
    if (q.speakers.length && q.source) say(`${what}: "source" is only for unnamed speakers`);
    if (q.kind !== 'direct' && q.kind !== 'reported') say(`${what}: kind must be direct or reported`);
  }
  const ids = new Set<string>();
  for (const e of g.events) {
    const what = `event ${e.id}`;
    if (ids.has(e.id)) say(`${what}: duplicate id`);
    ids.add(e.id);
    if (!EVENT_KINDS.includes(e.kind)) say(`${what}: kind "${e.kind}" is not one of ${EVENT_KINDS.join(', ')}`);
    dateOk(e.date, what);
    dateOk(e.end, `${what} end`);
    if (!e.citations?.length) say(`${what}: no citations`);
    for (const c of e.citations ?? []) para(c, what);
    if (typeof e.background !== 'boolean') say(`${what}: "background" must be true or false`);
  }
  const qs = g.queries ?? {};
  for (const w of qs.who ?? []) if (!names.has(w.name)) say(`who "${w.query}": "${w.name}" is not in "people"`);
  for (const q of qs.quote ?? []) {
    const t = para(q, `quote query "${q.query ?? q.words}"`);
    if (t && !norm(t).includes(norm(q.text).slice(0, 60))) say(`quote query "${q.query ?? q.words}": text not in ${q.article} ¶${q.paragraph}`);
    if (q.speaker && !names.has(q.speaker)) say(`quote query "${q.query ?? q.words}": speaker "${q.speaker}" is not in "people"`);
  }
  for (const q of qs.events ?? []) para(q, `events query "${q.query}"`);
  for (const q of qs.ask ?? []) {
    para(q, `ask "${q.question}"`);
    for (const c of q.also ?? []) para(c, `ask "${q.question}" (also)`);
  }
  const count = `${articles.length} articles, ${g.people.length} people, ${g.quotes.length} quotes, ${g.events.length} events, ${Object.values(qs).reduce((n, l) => n + (l?.length ?? 0), 0)} queries`;
  console.log(`${problems.length ? '✗' : '✓'} ${g.set} (${g.split}): ${count}`);
  for (const p of problems) console.log(`    ${p}`);
  bad += problems.length;
}
process.exit(bad ? 1 : 0);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WebServer, standardSite, webPage } from './support/web-server.ts';
import { keystone } from './support/run-keystone.ts';
import { keystoneHere } from './support/run-cli.ts';
import { KNOWLEDGE, SHARED_CORPUS, hasSharedCorpus, tempKnowledge } from './helpers.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';

let web: WebServer;
let version = 1;
beforeAll(async () => {
  web = standardSite(await new WebServer().start());
  // A story that is updated after it was first added.
  web.route('/updated', (_req, res) => {
    const html = webPage('news-article.html').replace('injuring four people', version === 1 ? 'injuring four people' : 'injuring six people, two of them children');
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  });
});
afterAll(() => web?.stop());

const ALLOW = { KEYSTONE_ALLOW_PRIVATE_FETCH: '1' };
function kb(): string {
  const dir = tempKnowledge({});
  cpSync(KNOWLEDGE, dir, { recursive: true });
  return dir;
}
const files = (dir: string) => readdirSync(dir).sort();
const ARTICLE = '/world/envoys-resume-istanbul-talks';

describe('keystone add', () => {
  it('previews a web page and, with --yes, writes a knowledge file the loader reads and answers from', async () => {
    const dir = kb();
    const r = await keystone(['add', web.url(ARTICLE), '--yes', '--knowledge', dir], { env: ALLOW });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Envoys agree to resume talks in Istanbul after prisoner exchange\n {2}published {2}2026-02-14\n {2}source {5}Northern Ledger\n {2}url {8}https:\/\/www\.northern-ledger\.example\//);
    expect(r.out).toMatch(/body +11 paragraph\(s\), 2 section heading\(s\)/);
    expect(r.out).toMatch(/People \(\d+\)\n {2}- Hakan Fidan — Turkish Foreign Minister/);
    expect(r.out).toMatch(/Quotes \(\d+\)/);
    expect(r.out).toMatch(/Events \(\d+\)/);
    expect(r.out).toMatch(/Added: .*2026-02-14-envoys-agree-to-resume-talks-in-istanbul.*\.md — a running bot picks it up by itself\./);
    const written = files(dir).filter((f) => f !== 'miami-talks.md');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^2026-02-14-envoys-agree-to-resume-talks-in-istanbul[a-z-]*\.md$/);
    const text = readFileSync(path.join(dir, written[0]), 'utf8');
    expect(text).toMatch(/^---\ntitle: Envoys agree to resume talks in Istanbul after prisoner exchange\npublished: 2026-02-14\nsource: Northern Ledger\nurl: https:\/\/www\.northern-ledger\.example\/world\/2026\/02\/14\/envoys-resume-istanbul-talks\nadded: \d{4}-\d\d-\d\dT[\d:]+Z\n---\n\nNegotiators from Ukraine/);
    expect(text).toContain('\n## A fragile opening\n');
    const loaded = await loadKnowledge(dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.articles.map((a) => a.title)).toContain('Envoys agree to resume talks in Istanbul after prisoner exchange');
    const who = await keystoneHere(['who', 'Fidan', '--knowledge', dir, '--json']);
    expect(JSON.parse(who.out).results[0].person).toMatchObject({ name: 'Hakan Fidan', role: 'Turkish Foreign Minister' });
  });

  it('--dry-run and --json preview only; nothing is written', async () => {
    const dir = kb();
    const r = await keystoneHere(['add', web.url('/live/geneva'), '--dry-run', '--json', '--knowledge', dir], { env: ALLOW });
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.command).toBe('add');
    expect(j.results[0]).toMatchObject({ status: 'previewed', preview: { title: 'Ukraine peace talks live: delegations meet in Geneva', published: '2026-03-03', source: 'Daily Meridian', paragraphs: 5, sections: 3 } });
    expect(j.results[0].preview.people.first.map((p: { name: string }) => p.name)).toContain('Andrii Sybiha');
    expect(files(dir)).toEqual(['miami-talks.md']);
  });

  it('asks before writing: no writes on “n” or on no answer, a write on “y”', async () => {
    const dir = kb();
    const no = await keystone(['add', web.url('/harbour/eu-loan'), '--knowledge', dir], { env: ALLOW, input: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.err).toMatch(/Add “EU leaders back plan to fund Ukraine loan from frozen Russian assets” as 2026-01-22-eu-leaders[a-z-]*\.md\? \[y\/N\] not added\./);
    const closed = await keystone(['add', web.url('/harbour/eu-loan'), '--knowledge', dir], { env: ALLOW });
    expect(closed.err).toMatch(/not added: no answer \(use --yes to add without asking\)/);
    expect(files(dir)).toEqual(['miami-talks.md']);
    const yes = await keystone(['add', web.url('/harbour/eu-loan'), '--knowledge', dir], { env: ALLOW, input: 'y\n' });
    expect(yes.code, yes.err).toBe(0);
    expect(files(dir)).toHaveLength(2);
  });

  it('refuses, saying why and writing nothing: not an article, a PDF, a loopback address, a stalled server', async () => {
    const dir = kb();
    const cases: [string, RegExp, Record<string, string>][] = [
      [web.url('/world'), /refused: .*\/world: does not look like an article: \d+ words of body text found, at least 80 needed/, ALLOW],
      [web.url('/report.pdf'), /refused: .*the response is not HTML or text \(application\/pdf\)/, ALLOW],
      [web.url(ARTICLE), /refused: .*127\.0\.0\.1 is a loopback address; Keystone does not fetch from the host's own networks/, {}],
      [web.url('/stall'), /refused: .*\/stall: (the page did not arrive|no answer) within 1 s/, { ...ALLOW, KEYSTONE_FETCH_TIMEOUT_MS: '1000' }],
    ];
    for (const [url, message, env] of cases) {
      const r = await keystoneHere(['add', url, '--yes', '--knowledge', dir], { env });
      expect(r.code, url).toBe(1);
      expect(r.err, url).toMatch(message);
    }
    expect(files(dir)).toEqual(['miami-talks.md']);
  });

  it('refuses the same wire story from a second site, in the same run or a later one, naming the first', async () => {
    const dir = kb();
    const r = await keystoneHere(['add', web.url('/harbour/eu-loan'), web.url('/valley/eu-loan'), '--yes', '--knowledge', dir], { env: ALLOW });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/refused: .*\/valley\/eu-loan: duplicates “EU leaders back plan to fund Ukraine loan from frozen Russian assets” \(2026-01-22-eu-leaders[a-z-]*\), which has nearly the same text/);
    const later = await keystoneHere(['add', web.url('/valley/eu-loan'), '--yes', '--knowledge', dir], { env: ALLOW });
    expect(later.err).toMatch(/duplicates “EU leaders back plan/);
    expect(files(dir)).toHaveLength(2);
  });

  it('--replace updates an article whose text changed, under the same id', async () => {
    const dir = kb();
    version = 1;
    expect((await keystoneHere(['add', web.url('/updated'), '--yes', '--knowledge', dir], { env: ALLOW })).code).toBe(0);
    const [file] = files(dir).filter((f) => f !== 'miami-talks.md');
    version = 2;
    const dup = await keystoneHere(['add', web.url('/updated'), '--yes', '--knowledge', dir], { env: ALLOW });
    expect(dup.err).toMatch(/which has the same address .*; use --replace to update it/);
    const rep = await keystoneHere(['add', web.url('/updated'), '--yes', '--replace', '--knowledge', dir], { env: ALLOW });
    expect(rep.code, rep.err).toBe(0);
    expect(rep.out).toMatch(/replaces +2026-02-14-envoys/);
    expect(rep.out).toMatch(/Replaced: /);
    expect(files(dir).filter((f) => f !== 'miami-talks.md')).toEqual([file]);
    expect(readFileSync(path.join(dir, file), 'utf8')).toContain('injuring six people, two of them children');
    const same = await keystoneHere(['add', web.url('/updated'), '--yes', '--replace', '--knowledge', dir], { env: ALLOW });
    expect(same.err).toMatch(/already has this text; nothing to replace/);
  });

  it.runIf(hasSharedCorpus)('knows the seed article when it comes again as a plain-text file', async () => {
    const dir = kb();
    const untitled = await keystoneHere(['add', SHARED_CORPUS, '--dry-run', '--knowledge', dir]);
    expect(untitled.err).toMatch(/no title found .*give one with --title/);
    const r = await keystoneHere(['add', SHARED_CORPUS, '--title', 'Miami talks again', '--yes', '--knowledge', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/duplicates “Miami talks on ending the war in Ukraine” \(miami-talks\), which has nearly the same text \(\d+%/);
  });

  it('exits 2 on usage errors', async () => {
    const run = async (args: string[]) => {
      const { code, err } = await keystoneHere(args);
      return { code, err };
    };
    expect((await run(['add'])).code).toBe(2);
    expect(await run(['add', 'a.md', '--published', 'last Tuesday'])).toEqual({ code: 2, err: '--published takes a date like 2026-02-14 (got “last Tuesday”).' });
    expect((await run(['add', 'a.md', 'b.md', '--title', 'One'])).err).toMatch(/add one source at a time/);
    expect((await run(['add', 'a.md', '--frobnicate'])).code).toBe(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebServer } from './support/web-server.ts';
import { checkSource, type IngestContext } from '../src/ingest/ingest.ts';
import { addressPolicy } from '../src/ingest/address-policy.ts';
import { parseArticle } from '../src/knowledge/parse.ts';
import { addCommand } from '../src/cli-add.ts';
import { FRAGMENTS, hostileText } from './support/hostile.ts';

/**
 * `keystone add` with arbitrary files and pages (fast-check): it never throws and never hangs;
 * it either refuses with a sentence or makes a knowledge file that the loader reads as it was
 * previewed; the same source gives the same result.
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201), numRuns: Number(process.env.FC_RUNS ?? 100) });

const PROSE = 'Special envoy Anna Berg met officials in Geneva on Friday to discuss the next round of talks on a ceasefire, the exchange of prisoners and the reconstruction of the energy grid.';
const MARKUP = ['<html>', '</html>', '<head><title>', '</title></head>', '<body>', '</body>', '<article>', '</article>', '<p>', '</p>', '<h2>', '</h2>', '<script>alert(1)</script>', '<style>p{}</style>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#0;', '&#xD800;', '&nbsp;', '<meta charset="shift_jis">', '<meta property="og:title" content="', '">', '<time datetime="2026-13-45">', '<a href="javascript:alert(1)">', '</a>', '<div'.repeat(50), '<br/>', '<iframe src="http://127.0.0.1:9/">'];
const FRONT = ['---\n', 'title: ', 'published: ', '2026-02-30', 'tags: [', ']', ': :', '- - -', '\n', '"', "'", '{', '}', '&anchor', '*alias', '!!binary', '...\n'];

/** How a file or page may start: with a headline, a front-matter title, an HTML title, or nothing. */
const head = fc.constantFrom('', 'Envoys meet in Geneva\n\n', '---\ntitle: Envoys meet\npublished: 2026-02-14\n---\n', '<html><head><title>Envoys meet</title></head><body><article>', '# Envoys meet\n\n');
const pieces = fc.array(fc.oneof(fc.constantFrom(...MARKUP, ...FRONT, ...FRAGMENTS), { weight: 2, arbitrary: fc.constant(`\n\n${PROSE}\n\n`) }, hostileText), { maxLength: 25 }).map((xs) => xs.join(''));
/** File contents: text made of the pieces, raw bytes, or text in another encoding. */
const contents = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(head, pieces).map(([h, s]) => Buffer.from(h + s)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)) },
  { weight: 1, arbitrary: pieces.map((s) => Buffer.from(s, 'latin1')) },
  { weight: 1, arbitrary: pieces.map((s) => Buffer.from(`\ufeff${s}`, 'utf16le')) },
);
const extension = fc.constantFrom('.md', '.txt', '.html', '.htm', '.markdown', '.pdf', '.docx', '', '.MD', '.md.txt');

let web: WebServer;
let n = 0;
beforeAll(async () => {
  web = await new WebServer().start();
});
afterAll(() => web?.stop());

const OPEN = addressPolicy('1');
const ctx = (): IngestContext => ({ dir: mkdtempSync(path.join(os.tmpdir(), 'keystone-hostile-add-')), existing: () => [], policy: OPEN, now: () => new Date('2026-02-15T10:00:00Z'), limits: { totalTimeoutMs: 3000, connectTimeoutMs: 1000 } });
const BOUND_MS = 5000;

async function checkedTwice(make: () => ReturnType<typeof checkSource>) {
  const t0 = performance.now();
  const first = await make();
  expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  const again = await make();
  return { first, again };
}

let accepted = 0;
function expectSound(r: Awaited<ReturnType<typeof checkSource>>) {
  if (r.ok) accepted++;
  if (!r.ok) {
    expect(r.message.length).toBeGreaterThan(10);
    expect(r.message).not.toMatch(/\[object |^undefined|: undefined$/);
    return;
  }
  // What would be written is read back by the loader as the article that was previewed.
  const back = parseArticle(`k/${r.fileName}`, r.article.id, r.text);
  expect(back.ok, r.text.slice(0, 300)).toBe(true);
  if (back.ok) {
    expect(back.article.title).toBe(r.article.title);
    expect(back.article.paragraphs.map((p) => p.text)).toEqual(r.article.paragraphs.map((p) => p.text));
  }
  expect(r.fileName).toMatch(/^[a-z0-9][a-z0-9-]*\.md$/);
}

describe('keystone add with anything (fast-check)', () => {
  it('any file: a checked article the loader reads back, or a refusal that says why; the same each time', async () => {
    await fc.assert(
      fc.asyncProperty(contents, extension, hostileText, async (body, ext, name) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-add-src-'));
        const safeName = (name.replace(/[\/\\\0]/g, '').slice(0, 60) || 'x') + ext;
        const file = path.join(dir, safeName);
        try {
          writeFileSync(file, body);
        } catch {
          return; // a name the file system refuses is not ours to test
        }
        const c = ctx();
        const { first, again } = await checkedTwice(() => checkSource({ kind: 'file', path: file }, {}, c));
        expectSound(first);
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        expect(readdirSync(c.dir)).toEqual([]); // checking writes nothing
      }),
    );
    expect(accepted).toBeGreaterThan(0); // some of the inputs were articles, so the read-back was checked
  }, 120_000);

  it('any page: whatever the body, content type and charset, never a throw or a hang', async () => {
    const types = fc.constantFrom('text/html; charset=utf-8', 'text/html; charset=shift_jis', 'text/html; charset=nonsense', 'text/plain', 'text/markdown', 'application/json', 'application/pdf', 'image/png', '', 'text/html;;;charset="');
    await fc.assert(
      fc.asyncProperty(contents, types, async (body, type) => {
        const p = `/page-${n++}`;
        web.route(p, (_req, res) => {
          res.writeHead(200, type ? { 'content-type': type } : {});
          res.end(body);
        });
        const c = ctx();
        const { first, again } = await checkedTwice(() => checkSource({ kind: 'url', url: web.url(p) }, {}, c));
        expectSound(first);
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      }),
    );
  }, 120_000);

  it('keystone add with any arguments (always --dry-run): exit 0, 1 or 2 with a message, nothing written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-add-kb-'));
    const src = mkdtempSync(path.join(os.tmpdir(), 'keystone-add-args-'));
    writeFileSync(path.join(src, 'good.md'), `---\ntitle: Envoys meet\n---\n\n${PROSE} ${PROSE} ${PROSE}\n`);
    web.page('/good', `<html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet</h1><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></article></body></html>`);
    const arg = fc.oneof(
      hostileText,
      fc.constantFrom(path.join(src, 'good.md'), path.join(src, 'missing.md'), src, web.url('/good'), web.url('/missing'), 'ftp://127.0.0.1/x', 'file:///etc/passwd', 'http://', '--title', '--published', '--source', '--json', '--replace', '--yes', '--', '-', '--unknown', '--title=', '--published=2026-02-30', '--published=yesterday'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { maxLength: 6 }), async (args) => {
        const out: string[] = [];
        const err: string[] = [];
        const argv = [...args.filter((a) => !/^--(knowledge|dry-run)/.test(a)), '--dry-run', '--knowledge', dir];
        const code = await addCommand(argv, { out: (s) => out.push(s), err: (s) => err.push(s), ask: async () => 'no' });
        expect([0, 1, 2]).toContain(code);
        expect((out.join('') + err.join('')).length).toBeGreaterThan(0);
        expect(readdirSync(dir)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

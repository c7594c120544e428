import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { WebServer, standardSite } from './support/web-server.ts';
import { checkSource, type IngestContext } from '../src/ingest/ingest.ts';
import { addressPolicy } from '../src/ingest/address-policy.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { tempKnowledge, KNOWLEDGE } from './helpers.ts';
import type { Article } from '../src/knowledge/types.ts';
import type { Checked, IngestResult, Refusal } from '../src/ingest/types.ts';

let web: WebServer;
beforeAll(async () => {
  web = standardSite(await new WebServer().start());
});
afterAll(() => web?.stop());

const OPEN = addressPolicy('1');
function ctx(existing: Article[] = [], over: Partial<IngestContext> = {}): IngestContext {
  return { dir: tempKnowledge({}), existing: () => existing, policy: OPEN, now: () => new Date('2026-02-15T10:00:00Z'), ...over };
}
const fromUrl = (p: string, c = ctx()) => checkSource({ kind: 'url', url: web.url(p) }, {}, c);
function ok(r: IngestResult): Checked {
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r;
}
function refused(r: IngestResult): Refusal {
  if (r.ok) throw new Error(`expected a refusal, got ${r.article.id}`);
  return r;
}
const texts = (a: Article) => a.paragraphs.map((p) => p.text);
const sections = (a: Article) => a.paragraphs.map((p) => p.section);

describe('a news article with page furniture', () => {
  it('keeps every body paragraph and nothing else, headings as sections', async () => {
    const { article } = ok(await fromUrl('/world/envoys-resume-istanbul-talks'));
    expect(texts(article)).toEqual([
      'Negotiators from Ukraine and Russia agreed on Friday to resume direct talks in Istanbul next week, a day after the two countries exchanged 150 prisoners of war each in the largest swap since the summer.',
      'The agreement was announced by Turkish Foreign Minister Hakan Fidan, who has hosted three earlier rounds of negotiations. Fidan said the delegations would meet on Tuesday and that both sides had asked Turkey to remain the mediator.',
      'Rustem Umerov, the secretary of Ukraine’s National Security and Defence Council, will again lead the Ukrainian delegation. Vladimir Medinsky, an aide to the Russian president, will head the Russian side.',
      'Officials in Kyiv described the exchange as a test of whether Moscow was willing to keep its word. “The exchange shows that agreements can be kept when there is pressure,” Umerov said in a statement on Thursday evening.',
      '“We are ready to talk about a ceasefire, but not about surrender,” Ukrainian President Volodymyr Zelensky said in his nightly video address.',
      'The Kremlin was more cautious. Kremlin spokesman Dmitry Peskov told reporters that Russia saw the Istanbul format as “the only workable channel” but warned against expecting quick results.',
      'According to two officials familiar with the preparations, the agenda for next week includes:',
      'a further exchange of prisoners and the return of the bodies of fallen soldiers;',
      'a partial ceasefire on strikes against energy infrastructure;',
      'safe passage for grain ships in the Black Sea.',
      'Despite the diplomatic progress, fighting continued overnight. Russian drones struck the city of Odesa, damaging a port terminal and injuring four people, the regional governor Oleh Kiper said on Telegram.',
    ]);
    expect(sections(article)).toEqual([null, null, null, 'A fragile opening', 'A fragile opening', 'A fragile opening', 'What is on the table', 'What is on the table', 'What is on the table', 'What is on the table', 'What is on the table']);
    const all = texts(article).join('\n');
    for (const furniture of ['cookies', 'Share on', 'Related', 'Read more', 'Why the ceasefire talks stalled', 'Photo:', 'Morning Briefing', 'newsletter', 'Comments', 'reader123', 'believe it when I see it', 'All rights reserved', 'Subscribe', 'Marta Lindqvist', 'gtag', 'War in Ukraine']) {
      expect(all, furniture).not.toContain(furniture);
    }
  });

  it('reads title, date, source and canonical URL from the page’s metadata', async () => {
    const { article, fileName, preview } = ok(await fromUrl('/world/envoys-resume-istanbul-talks'));
    expect(article).toMatchObject({
      title: 'Envoys agree to resume talks in Istanbul after prisoner exchange',
      published: '2026-02-14',
      source: 'Northern Ledger',
      url: 'https://www.northern-ledger.example/world/2026/02/14/envoys-resume-istanbul-talks',
    });
    expect(article.id).toMatch(/^2026-02-14-envoys-agree-to-resume-talks-in-istanbul/);
    expect(fileName).toBe(`${article.id}.md`);
    expect(preview).toMatchObject({ paragraphs: 11, sections: 2, title: article.title });
    expect(preview.firstParagraph).toMatch(/^Negotiators from Ukraine and Russia/);
  });

  it('previews what extraction found: people with roles, quotes with speakers, events', async () => {
    const { preview } = ok(await fromUrl('/world/envoys-resume-istanbul-talks'));
    expect(preview.people.first).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Hakan Fidan', role: 'Turkish Foreign Minister' }),
      expect.objectContaining({ name: 'Rustem Umerov' }),
    ]));
    expect(preview.quotes.first).toEqual(expect.arrayContaining([
      expect.objectContaining({ text: 'We are ready to talk about a ceasefire, but not about surrender', speakers: ['Volodymyr Zelensky'], kind: 'direct' }),
    ]));
    expect(preview.events.count).toBeGreaterThan(0);
    expect(preview.events.first[0]).toEqual(expect.objectContaining({ kind: expect.any(String), summary: expect.any(String) }));
  });

  it('flags win over the page, and what is not known is left out', async () => {
    const r = ok(await checkSource({ kind: 'url', url: web.url('/world/envoys-resume-istanbul-talks') }, { overrides: { title: 'Istanbul talks to resume', published: '2026-02-15', source: 'Desk copy' } }, ctx()));
    expect(r.article).toMatchObject({ title: 'Istanbul talks to resume', published: '2026-02-15', source: 'Desk copy' });
    expect(r.article.id).toBe('2026-02-15-istanbul-talks-to-resume');
    const wire = ok(await fromUrl('/harbour/eu-loan'));
    expect(wire.text).not.toMatch(/^tags:/m);
    const live = ok(await fromUrl('/live/geneva'));
    expect(live.article.source).toBe('Daily Meridian');
  });

  it('reads a gzipped page the same', async () => {
    const plain = ok(await fromUrl('/world/envoys-resume-istanbul-talks'));
    const gz = ok(await fromUrl('/gzipped'));
    expect(texts(gz.article)).toEqual(texts(plain.article));
  });
});

describe('a live blog', () => {
  it('keeps each entry, its time stamp in its heading, newest first as published', async () => {
    const { article } = ok(await fromUrl('/live/geneva'));
    expect(article.sections).toEqual(['16:40 — Joint statement expected within hours', '12:15 — Sybiha: “Our red lines have not moved”', '07:05 — Talks resume for a second day']);
    expect(texts(article)).toEqual([
      'A senior US official told reporters that negotiators were “very close” to agreeing on a joint statement about a framework for security guarantees, which could be released within hours.',
      'The official, who spoke on condition of anonymity, said the text would not include a date for a ceasefire.',
      'Ukrainian Foreign Minister Andrii Sybiha said during a break in the talks that Kyiv would not give up territory in exchange for a ceasefire. “Our red lines have not moved,” he said.',
      'Good morning and welcome to our live coverage of the peace talks in Geneva, where Ukrainian and American delegations are meeting for a second day at a hotel on the shore of the lake.',
      'Overnight, Russian forces launched more than 80 drones at targets across Ukraine, the Ukrainian air force said, most of which were shot down.',
    ]);
    expect(article).toMatchObject({ published: '2026-03-03', url: 'https://meridian.example/live/2026/03/03/geneva-talks-live', title: 'Ukraine peace talks live: delegations meet in Geneva' });
  });
});

describe('the same wire story on two sites', () => {
  it('extracts the same body from both, whatever the boilerplate', async () => {
    const a = ok(await fromUrl('/harbour/eu-loan')).article;
    const b = ok(await fromUrl('/valley/eu-loan')).article;
    expect(texts(a)).toHaveLength(6);
    expect(texts(b)).toEqual(texts(a));
    expect(texts(a)[0]).toMatch(/^BRUSSELS \(Wire\) — European Union leaders/);
    expect(texts(b).join(' ')).not.toMatch(/READ MORE|Copyright|By Wire Staff|family photo/);
  });

  it('refuses the second as a duplicate of the first, naming it', async () => {
    const first = ok(await fromUrl('/harbour/eu-loan')).article;
    const r = refused(await fromUrl('/valley/eu-loan', ctx([first])));
    expect(r.kind).toBe('duplicate');
    expect(r.duplicateOf).toEqual({ id: first.id, title: first.title });
    expect(r.message).toMatch(/duplicates “EU leaders back plan to fund Ukraine loan from frozen Russian assets” \(2026-01-22-eu-leaders/);
    expect(r.message).toMatch(/nearly the same text \(100%/);
  });

  it('refuses the same canonical address, and --replace updates the article instead', async () => {
    const first = ok(await fromUrl('/world/envoys-resume-istanbul-talks'));
    const again = refused(await fromUrl('/short/1', ctx([first.article])));
    expect(again.message).toMatch(/the same address \(https:\/\/www\.northern-ledger\.example/);
    const unchanged = refused(await checkSource({ kind: 'url', url: web.url('/world/envoys-resume-istanbul-talks') }, { replace: true }, ctx([first.article])));
    expect(unchanged.kind).toBe('unchanged');
    const retitled = ok(await checkSource({ kind: 'url', url: web.url('/world/envoys-resume-istanbul-talks') }, { replace: true, overrides: { title: 'Istanbul talks: updated' } }, ctx([first.article])));
    expect(retitled.replaces?.id).toBe(first.article.id);
    expect(retitled.article.id).toBe(first.article.id);
    expect(retitled.fileName).toBe(first.fileName);
  });

  it('does not take two different articles on one topic for duplicates', async () => {
    const loan = ok(await fromUrl('/harbour/eu-loan')).article;
    const base = await loadKnowledge(KNOWLEDGE);
    ok(await fromUrl('/world/envoys-resume-istanbul-talks', ctx([loan, ...base.articles])));
  });
});

describe('refusals', () => {
  it.each([
    ['/world', 'an index page'],
    ['/subscribers/istanbul', 'a login wall'],
    ['/video/geneva', 'a video page'],
  ])('%s is not an article (%s)', async (p) => {
    const r = refused(await fromUrl(p));
    expect(r.kind).toBe('not-article');
    expect(r.message).toMatch(/does not look like an article: \d+ words of body text found, at least 80 needed/);
  });

  it('a PDF, JSON, or a PDF sent as HTML is not HTML or text', async () => {
    expect(refused(await fromUrl('/report.pdf'))).toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/not HTML or text \(application\/pdf\)/) });
    expect(refused(await fromUrl('/data.json')).message).toMatch(/application\/json/);
    expect(refused(await fromUrl('/pdf-posing-as-html')).message).toMatch(/is a PDF, not HTML or text/);
  });

  it('an empty page, or one that is only a script, is refused, not a crash', async () => {
    web.page('/empty', '').page('/only-script', '<script>document.write("hello")</script>');
    expect(refused(await fromUrl('/empty')).kind).toBe('not-article');
    expect(refused(await fromUrl('/only-script')).kind).toBe('not-article');
  });

  it('an HTTP error says what the server answered', async () => {
    expect(refused(await fromUrl('/error'))).toMatchObject({ kind: 'fetch', message: expect.stringMatching(/the server answered 503/) });
    expect(refused(await fromUrl('/nowhere')).message).toMatch(/answered 404/);
  });

  it('a file that does not parse, or of another type, or missing', async () => {
    const dir = tempKnowledge({
      'broken.md': '---\ntitle: [unclosed\n---\nText.\n',
      'notes.pdf': '%PDF-1.4',
      'untitled.txt': `${'Talks went on for a third day without a breakthrough, officials said on the record. '.repeat(12)}\n`,
    });
    const c = ctx();
    expect(refused(await checkSource({ kind: 'file', path: `${dir}/broken.md` }, {}, c))).toMatchObject({ kind: 'unparseable', message: expect.stringMatching(/broken\.md line 2: front matter is not valid YAML/) });
    expect(refused(await checkSource({ kind: 'file', path: `${dir}/notes.pdf` }, {}, c))).toMatchObject({ kind: 'unsupported', message: 'notes.pdf: only .txt, .md and .html files can be added' });
    expect(refused(await checkSource({ kind: 'file', path: `${dir}/missing.txt` }, {}, c)).message).toMatch(/missing\.txt: no such file/);
    expect(refused(await checkSource({ kind: 'file', path: `${dir}/untitled.txt` }, {}, c)).message).toMatch(/no title found .*--title/);
    expect(ok(await checkSource({ kind: 'file', path: `${dir}/untitled.txt` }, { overrides: { title: 'Third day' } }, c)).article.title).toBe('Third day');
    expect(readdirSync(c.dir)).toEqual([]);
  });
});

describe('files', () => {
  it('refuses an article too large for the loader (over 5 MB), writing nothing', async () => {
    const line = 'Officials said the talks would go on for another week, with delegations meeting every morning in the capital.\n';
    const dir = tempKnowledge({ 'huge.txt': `Talks go on\n${line.repeat(Math.ceil(5_200_000 / line.length))}` });
    const r = refused(await checkSource({ kind: 'file', path: `${dir}/huge.txt` }, {}, ctx()));
    expect(r).toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/huge\.txt: the article would be 5\.\d MB; knowledge files over 5 MB are not loaded/) });
  });

  it('reads .md front matter and a .txt headline, as the loader does', async () => {
    const para = 'Envoy Anna Berg met officials in Geneva on Monday to discuss a framework for security guarantees, her office said in a statement.';
    const dir = tempKnowledge({
      'geneva.md': `---\ntitle: Envoys meet in Geneva\npublished: 2026-01-05\nsource: Example News\n---\n\n${para}\n\n## Next steps\n\n${para.replace('Monday', 'Tuesday')} ${para}\n\n- ${para.replace('Geneva', 'Bern')}\n`,
      'bern.txt': `Envoys meet in Bern\n${para.replace('Geneva', 'Bern')}\n${para.replace('Geneva', 'Basel')}\n${para.replace('Geneva', 'Zurich')}\n${para.replace('Geneva', 'Lugano')}\n`,
    });
    const md = ok(await checkSource({ kind: 'file', path: `${dir}/geneva.md` }, {}, ctx()));
    expect(md.article).toMatchObject({ id: '2026-01-05-envoys-meet-in-geneva', title: 'Envoys meet in Geneva', published: '2026-01-05', source: 'Example News', url: null, sections: ['Next steps'] });
    expect(md.article.paragraphs).toHaveLength(3);
    const txt = ok(await checkSource({ kind: 'file', path: `${dir}/bern.txt` }, {}, ctx()));
    expect(txt.article).toMatchObject({ id: 'envoys-meet-in-bern', title: 'Envoys meet in Bern', published: null });
    expect(texts(txt.article)).toHaveLength(4);
  });
});

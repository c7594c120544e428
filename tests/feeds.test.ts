import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebServer, standardSite, webPage } from './support/web-server.ts';
import { keystone } from './support/run-keystone.ts';
import { keystoneHere } from './support/run-cli.ts';
import { KNOWLEDGE, tempKnowledge } from './helpers.ts';
import { FeedPoller, backoffMs, type PollerOptions } from '../src/ingest/feeds/poller.ts';
import { compileFilter } from '../src/ingest/feeds/filter.ts';
import { parseFeed } from '../src/ingest/feeds/parse-feed.ts';
import { parseFeedSchedule, readFeedConfig } from '../src/ingest/feeds/config.ts';
import { addressPolicy } from '../src/ingest/address-policy.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';

let web: WebServer;
let base = '';
/** Requests to the failing item's page so far; the first two fail. */
let energyHits = 0;
/** Whether the feeds honour If-None-Match (a restarted server may not). */
let conditional = true;

const rss = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Northern Ledger: World</title><link>${base}/world</link><description>World news</description>
  <item><title>Envoys agree to resume talks in Istanbul after prisoner exchange</title><link>${base}/world/envoys-resume-istanbul-talks</link><guid isPermaLink="false">nl-1001</guid><pubDate>Sat, 14 Feb 2026 08:30:00 GMT</pubDate><description><![CDATA[<p>Negotiators will meet again in <b>Istanbul</b> next week.</p>]]></description></item>
  <item><title>Local team wins the cup final</title><link>${base}/sport/cup-final</link><guid>nl-1002</guid><pubDate>Sat, 14 Feb 2026 07:00:00 GMT</pubDate><description>A late goal decided the match.</description></item>
  <item><title>EU leaders back plan to fund Ukraine loan</title><link>${base}/harbour/eu-loan</link><guid>nl-1003</guid><pubDate>Thu, 22 Jan 2026 18:02:00 GMT</pubDate><description>The money comes from frozen Russian assets.</description></item>
  <item><title>Talks in Istanbul to resume (updated)</title><link>${base}/world/envoys-resume-istanbul-talks?utm_source=rss&amp;utm_medium=feed</link><guid>nl-1004</guid><pubDate>Sat, 14 Feb 2026 09:00:00 GMT</pubDate></item>
  <item><title>Kyiv and Moscow agree partial ceasefire on energy sites</title><link>${base}/world/energy-ceasefire</link><guid>nl-1005</guid><pubDate>Fri, 20 Feb 2026 13:10:00 GMT</pubDate></item>
</channel></rss>`;

const atom = () => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Daily Meridian</title><id>urn:meridian:feed</id><updated>2026-03-03T17:00:00Z</updated>
  <entry><title>Ukraine peace talks live: delegations meet in Geneva</title><id>urn:meridian:live-1</id><link rel="alternate" href="${base}/live/geneva"/><published>2026-03-03T07:00:00Z</published><summary>Follow the talks as they happen.</summary></entry>
  <entry><title type="html">EU backs Ukraine loan from frozen Russian assets</title><id>urn:meridian:wire-7</id><link href="${base}/valley/eu-loan"/><updated>2026-01-22T19:15:00Z</updated><summary>Wire report.</summary></entry>
  <entry><title>Five recipes for winter</title><id>urn:meridian:food-3</id><link href="${base}/food/winter"/><updated>2026-01-20T10:00:00Z</updated><summary>Soups and stews.</summary></entry>
</feed>`;

function serveFeed(p: string, body: () => string, type: string, etag: string) {
  web.route(p, (req, res) => {
    if (conditional && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': 'Tue, 03 Mar 2026 17:00:00 GMT' });
    res.end(body());
  });
}

beforeAll(async () => {
  web = standardSite(await new WebServer().start());
  base = `http://127.0.0.1:${web.port}`;
  serveFeed('/feeds/world.rss', rss, 'application/rss+xml; charset=utf-8', '"rss-v1"');
  serveFeed('/feeds/meridian.atom', atom, 'application/atom+xml', '"atom-v1"');
  web.route('/world/energy-ceasefire', (_req, res) => {
    energyHits++;
    if (energyHits <= 2) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      return res.end('bad gateway');
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(webPage('energy-ceasefire.html'));
  });
  web.route('/feeds/broken', (_req, res) => {
    res.writeHead(500);
    res.end();
  });
  web.page('/feeds/not-a-feed', '<html><body>hello</body></html>');
});
afterAll(() => web?.stop());

function knowledge(): string {
  const dir = tempKnowledge({});
  cpSync(KNOWLEDGE, dir, { recursive: true });
  return dir;
}
const added = (dir: string) => readdirSync(dir).filter((f) => f !== 'miami-talks.md' && !f.startsWith('.')).sort();

/** A poller as the bot makes one: existing articles are what the knowledge directory holds. */
async function poller(dir: string, stateFile: string, over: Partial<PollerOptions> = {}) {
  let articles = (await loadKnowledge(dir)).articles;
  const p = new FeedPoller({
    feeds: [`${base}/feeds/world.rss`, `${base}/feeds/meridian.atom`],
    filter: compileFilter('talks, ceasefire, frozen assets'),
    dir, existing: () => articles, policy: addressPolicy('1'), stateFile, ...over,
  });
  return { p, reload: async () => (articles = (await loadKnowledge(dir)).articles) };
}

describe('feed polling', () => {
  it('adds each on-topic article once, never the off-topic ones, and retries a failing page across a restart', async () => {
    const dir = knowledge();
    const stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'keystone-feeds-')), 'feeds.json');
    energyHits = 0;
    conditional = true;
    const first = await poller(dir, stateFile);

    const [rssRun, atomRun] = await first.p.poll();
    expect(rssRun.outcome).toBe('polled');
    expect(rssRun.added.map((a) => a.title)).toEqual(['EU leaders back plan to fund Ukraine loan from frozen Russian assets', 'Envoys agree to resume talks in Istanbul after prisoner exchange']);
    expect(rssRun.refused).toEqual([expect.objectContaining({ title: 'Talks in Istanbul to resume (updated)', reason: expect.stringMatching(/duplicates “Envoys agree to resume talks in Istanbul after prisoner exchange” .*the same address/) })]);
    expect(rssRun.failing).toEqual([expect.objectContaining({ title: 'Kyiv and Moscow agree partial ceasefire on energy sites', reason: expect.stringMatching(/the server answered 502/) })]);
    expect(rssRun.offTopic).toBe(1);
    expect(atomRun.added.map((a) => a.id)).toEqual(['2026-03-03-ukraine-peace-talks-live-delegations-meet-in']);
    expect(atomRun.refused).toEqual([expect.objectContaining({ title: 'EU backs Ukraine loan from frozen Russian assets', reason: expect.stringMatching(/duplicates “EU leaders back plan to fund Ukraine loan from frozen Russian assets” \(2026-01-22-eu-leaders[a-z-]*\), which has nearly the same text/) })]);
    expect(atomRun.offTopic).toBe(1);
    expect(added(dir)).toHaveLength(3);
    expect(web.hits('/sport/cup-final') + web.hits('/food/winter')).toBe(0);

    // Second poll: conditional requests come back 304; the failing page is tried again, and fails again.
    await first.reload();
    const before = web.seen.length;
    const [rss2, atom2] = await first.p.poll();
    expect(rss2.outcome).toBe('not-modified');
    expect(atom2.outcome).toBe('not-modified');
    const feedRequests = web.seen.slice(before).filter((s) => s.path.startsWith('/feeds/'));
    expect(feedRequests.map((s) => s.headers['if-none-match'])).toEqual(['"rss-v1"', '"atom-v1"']);
    expect(feedRequests.every((s) => s.headers['if-modified-since'] === 'Tue, 03 Mar 2026 17:00:00 GMT')).toBe(true);
    expect(rss2.failing).toHaveLength(1);
    expect(energyHits).toBe(2);
    expect(added(dir)).toHaveLength(3);

    // A restart (new poller, same state file) against a server that no longer honours ETags:
    // every item is listed again, none is added twice, and the failing one finally comes in.
    conditional = false;
    const second = await poller(dir, stateFile);
    const [rss3, atom3] = await second.p.poll();
    expect(rss3.outcome).toBe('polled');
    expect(rss3.added.map((a) => a.title)).toEqual(['Kyiv and Moscow agree to halt strikes on energy sites for 30 days']);
    expect(rss3.refused).toEqual([]);
    expect(rss3.offTopic + atom3.offTopic).toBe(0);
    expect(atom3.added).toEqual([]);
    expect(added(dir)).toHaveLength(4);
    expect(web.hits('/sport/cup-final') + web.hits('/food/winter')).toBe(0);
    const loaded = await loadKnowledge(dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.articles.find((a) => a.title.startsWith('Kyiv and Moscow'))).toMatchObject({ published: '2026-02-20', source: 'Northern Ledger' });

    const [rssStatus, atomStatus] = second.p.status();
    expect(rssStatus).toMatchObject({ title: 'Northern Ledger: World', seen: 5, added: 3, refused: 1, offTopic: 1, failing: 0, failures: 0, lastError: null });
    expect(atomStatus).toMatchObject({ title: 'Daily Meridian', seen: 3, added: 1, refused: 1, offTopic: 1 });
    expect(second.p.takeSummary()).toEqual({ added: 1, refused: 0 });
  });

  it('backs off a feed that keeps failing, and a poll by hand ignores the back-off', async () => {
    const dir = knowledge();
    const stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'keystone-feeds-')), 'feeds.json');
    let now = Date.parse('2026-03-01T10:00:00Z');
    const { p } = await poller(dir, stateFile, { feeds: [`${base}/feeds/broken`, `${base}/feeds/not-a-feed`], now: () => new Date(now) });
    const [broken, notFeed] = await p.poll();
    expect(broken).toMatchObject({ outcome: 'failed', error: 'the server answered 500 Internal Server Error' });
    expect(notFeed).toMatchObject({ outcome: 'failed', error: 'the feed is neither an RSS nor an Atom feed' });
    expect(p.status()[0]).toMatchObject({ failures: 1, retryAfter: '2026-03-01T10:15:00.000Z' });
    const hits = web.hits('/feeds/broken');
    now += 5 * 60_000;
    expect((await p.poll())[0].outcome).toBe('backing-off');
    expect(web.hits('/feeds/broken')).toBe(hits);
    now += 11 * 60_000;
    expect((await p.poll())[0].outcome).toBe('failed');
    expect(p.status()[0]).toMatchObject({ failures: 2, retryAfter: new Date(now + 30 * 60_000).toISOString() });
    expect((await p.poll(true))[0].outcome).toBe('failed');
    expect(web.hits('/feeds/broken')).toBe(hits + 2);
    expect(backoffMs(20)).toBe(6 * 3600_000);
  });
});

describe('keystone feeds', () => {
  it('polls once with --poll, then lists each feed with what it brought and why items were refused', async () => {
    const dir = knowledge();
    const env = {
      KEYSTONE_ALLOW_PRIVATE_FETCH: '1', FEEDS: `${base}/feeds/world.rss ${base}/feeds/meridian.atom`, FEED_FILTER: 'talks, ceasefire, frozen assets',
      FEED_STATE_FILE: path.join(mkdtempSync(path.join(os.tmpdir(), 'keystone-feeds-')), 'feeds.json'),
    };
    energyHits = 10; // the page works now
    conditional = true;
    const polled = await keystone(['feeds', '--poll', '--knowledge', dir], { env });
    expect(polled.code, polled.err).toBe(0);
    expect(polled.out).toMatch(/feeds\/world\.rss: polled\n {2}\+ added 2026-01-22-eu-leaders/);
    expect(polled.out).toMatch(/ - refused Talks in Istanbul to resume \(updated\): .*duplicates/);
    expect(added(dir)).toHaveLength(4);
    const listed = await keystoneHere(['feeds', '--json', '--knowledge', dir], { env });
    const j = JSON.parse(listed.out);
    expect(j).toMatchObject({ command: 'feeds', filter: 'talks, ceasefire, frozen assets', schedule: 'every 15 minutes' });
    expect(j.feeds[0]).toMatchObject({ url: `${base}/feeds/world.rss`, seen: 5, added: 3, refused: 1, offTopic: 1, failing: 0 });
    expect(j.feeds[0].lastPoll).toMatch(/^\d{4}-/);
    const text = await keystoneHere(['feeds', '--knowledge', dir], { env });
    expect(text.out).toMatch(/items seen 3: added 1, refused 1, off topic 1, failing 0\n {2}- refused: EU backs Ukraine loan from frozen Russian assets — .*duplicates/);
    const none = await keystoneHere(['feeds', '--knowledge', dir], { env: { FEEDS: '' } });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/No feeds are configured: set FEEDS/);
  });
});

describe('feed parts', () => {
  it('reads RSS and Atom items: key, link, title, plain summary, date', () => {
    const r = parseFeed(rss(), `${base}/feeds/world.rss`);
    expect(r.format).toBe('rss');
    expect(r.items[0]).toEqual({ key: 'nl-1001', link: `${base}/world/envoys-resume-istanbul-talks`, title: 'Envoys agree to resume talks in Istanbul after prisoner exchange', summary: 'Negotiators will meet again in Istanbul next week.', published: '2026-02-14', time: Date.parse('2026-02-14T08:30:00Z') });
    const a = parseFeed(atom(), `${base}/feeds/meridian.atom`);
    expect(a.items.map((i) => [i.key, i.link, i.published])).toEqual([
      ['urn:meridian:live-1', `${base}/live/geneva`, '2026-03-03'],
      ['urn:meridian:wire-7', `${base}/valley/eu-loan`, '2026-01-22'],
      ['urn:meridian:food-3', `${base}/food/winter`, '2026-01-20'],
    ]);
    expect(() => parseFeed('<html><body>x</body></html>', base)).toThrow(/neither an RSS nor an Atom feed/);
  });

  it('filters by words (all of one alternative, as word starts) or by a regular expression', () => {
    const f = compileFilter('Ukraine peace talks, ceasefire');
    expect(f.matches('Ukraine peace talks resume in Geneva', null)).toBe(true);
    expect(f.matches('Peace in Ukraine? Talks go on', null)).toBe(true);
    expect(f.matches('Ukraine wins Eurovision', null)).toBe(false);
    expect(f.matches('Sport', 'A ceasefire was agreed')).toBe(true);
    expect(f.matches('Ukrainian talks', null)).toBe(false);
    const re = compileFilter('/\\bpeace (talks|deal)\\b/');
    expect(re.matches('New PEACE DEAL proposed', null)).toBe(true);
    expect(re.matches('Peaceful protest', null)).toBe(false);
    expect(compileFilter('').matches('anything', null)).toBe(true);
    expect(() => compileFilter('/(unclosed/')).toThrow(/FEED_FILTER is not a valid regular expression/);
  });

  it('reads FEEDS, FEED_FILTER and FEED_SCHEDULE with clear errors', () => {
    expect(readFeedConfig({}, '/tmp/k')).toBeNull();
    const c = readFeedConfig({ FEEDS: 'https://a.example/rss, https://b.example/atom https://a.example/rss', FEED_FILTER: 'talks', FEED_STATE_FILE: '/tmp/s.json' }, '/tmp/k')!;
    expect(c.feeds).toEqual(['https://a.example/rss', 'https://b.example/atom']);
    expect(c.schedule.text).toBe('every 15 minutes');
    expect(c.stateFile).toBe('/tmp/s.json');
    expect(c.schedule.next(new Date('2026-03-01T10:07:00Z'))?.toISOString()).toBe('2026-03-01T10:15:00.000Z');
    expect(parseFeedSchedule('1h').next(new Date('2026-03-01T10:07:00Z'))?.toISOString()).toBe('2026-03-01T11:00:00.000Z');
    expect(parseFeedSchedule('07:30 UTC').next(new Date('2026-03-01T10:07:00Z'))?.toISOString()).toBe('2026-03-02T07:30:00.000Z');
    expect(() => readFeedConfig({ FEEDS: 'example.com/rss' }, '/tmp/k')).toThrow(/FEEDS: "example.com\/rss" is not an http\(s\) address/);
    expect(() => readFeedConfig({ FEEDS: 'https://a.example/rss', FEED_SCHEDULE: 'every 7 minutes' }, '/tmp/k')).toThrow(/FEED_SCHEDULE "every 7 minutes": an interval must divide an hour/);
  });
});

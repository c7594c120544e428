import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebServer, standardSite } from './support/web-server.ts';
import { FetchError, safeFetch, USER_AGENT, type FetchLimits } from '../src/ingest/fetch.ts';
import { addressPolicy, whyBlocked } from '../src/ingest/address-policy.ts';

let web: WebServer;
beforeAll(async () => {
  web = standardSite(await new WebServer().start());
});
afterAll(() => web?.stop());

async function failure(url: string, opts: { policy?: ReturnType<typeof addressPolicy>; limits?: Partial<FetchLimits> } = {}): Promise<FetchError> {
  try {
    await safeFetch(url, { policy: opts.policy ?? addressPolicy('1'), limits: opts.limits });
  } catch (e) {
    if (e instanceof FetchError) return e;
    throw e;
  }
  throw new Error(`${url} was fetched`);
}

describe('safe fetching', () => {
  it('follows up to five redirects, says who it is, and reports where it ended', async () => {
    const got = await safeFetch(web.url('/short/1'), { policy: addressPolicy('1') });
    expect(got.status).toBe(200);
    expect(got.url).toBe(web.url('/world/envoys-resume-istanbul-talks'));
    expect(got.contentType).toBe('text/html');
    expect(got.charset).toBe('utf-8');
    const seen = web.seen.filter((s) => s.path === '/world/envoys-resume-istanbul-talks').at(-1)!;
    expect(seen.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^Keystone\//);
  });

  it('stops after five redirects', async () => {
    const before = web.hits('/loop');
    const e = await failure(web.url('/loop'));
    expect(e.kind).toBe('redirects');
    expect(e.message).toBe('more than 5 redirects');
    expect(web.hits('/loop') - before).toBe(6);
  });

  it('refuses loopback, private and link-local addresses unless allowed, on the resolved address', async () => {
    const closed = addressPolicy(undefined);
    const direct = await failure(web.url('/world'), { policy: closed });
    expect(direct.kind).toBe('blocked');
    expect(direct.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    const named = await failure(`http://localhost:${web.port}/world`, { policy: closed });
    expect(named.kind).toBe('blocked');
    expect(named.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect((await failure(`http://[::1]:${web.port}/world`, { policy: closed })).message).toMatch(/::1 is a loopback address/);
  });

  it('checks again after every redirect: a public-looking start cannot lead into the host’s network', async () => {
    // Only the test server is allowed; the redirect targets are refused before any connection is made.
    const onlyTestServer = addressPolicy('127.0.0.1');
    for (const [p, why] of [['/go/private', /10\.20\.30\.40 is a private address/], ['/go/metadata', /169\.254\.169\.254 is a link-local address/]] as const) {
      const t0 = Date.now();
      const e = await failure(web.url(p), { policy: onlyTestServer });
      expect(e.kind).toBe('blocked');
      expect(e.message).toMatch(why);
      expect(Date.now() - t0).toBeLessThan(2000);
    }
    expect((await failure(web.url('/go/ftp'), { policy: onlyTestServer })).message).toMatch(/only http and https/);
  });

  it('fetches only http and https', async () => {
    for (const u of ['file:///etc/passwd', 'ftp://127.0.0.1/x', 'javascript:alert(1)', 'gopher://127.0.0.1/']) expect((await failure(u)).kind).toBe('scheme');
    expect((await failure(`http://user:pw@127.0.0.1:${web.port}/world`)).message).toMatch(/user name or password/);
  });

  it('gives up on a server that stalls, within the total timeout', async () => {
    // Many at once, as a feed poll does: the request's and the body's deadlines once raced, and
    // a busy event loop then reported some stalls as cut connections.
    const t0 = Date.now();
    const errors = await Promise.all(Array.from({ length: 40 }, () => failure(web.url('/stall'), { limits: { totalTimeoutMs: 400 } })));
    expect(errors.map((e) => e.kind)).toEqual(errors.map(() => 'timeout'));
    expect(errors[0].message).toBe('the page did not arrive within 400 ms');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('refuses an oversized body, declared or not', async () => {
    const declared = await failure(web.url('/big'));
    expect(declared.kind).toBe('too-large');
    expect(declared.message).toBe('the page is larger than 8 MB');
    const streamed = await failure(web.url('/big-chunked'), { limits: { maxBytes: 1024 * 1024 } });
    expect(streamed.kind).toBe('too-large');
  });

  it('says what went wrong with the network', async () => {
    const e = await failure('http://127.0.0.1:1/');
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/refused the connection/);
  });
});

describe('address ranges', () => {
  it('classifies the ranges a fetch must not reach', () => {
    expect(whyBlocked('8.8.8.8')).toBeNull();
    expect(whyBlocked('2a00:1450:4001:80b::200e')).toBeNull();
    expect(whyBlocked('10.1.2.3')).toBe('a private address');
    expect(whyBlocked('172.31.255.1')).toBe('a private address');
    expect(whyBlocked('172.32.0.1')).toBeNull();
    expect(whyBlocked('192.168.1.1')).toBe('a private address');
    expect(whyBlocked('100.100.1.1')).toBe('a carrier-grade NAT address');
    expect(whyBlocked('0.0.0.0')).toBe('an unspecified address');
    expect(whyBlocked('fe80::1')).toBe('a link-local address');
    expect(whyBlocked('fd12::1')).toBe('a private (unique local) address');
    expect(whyBlocked('::ffff:127.0.0.1')).toBe('an IPv4-mapped address');
    expect(whyBlocked('64:ff9b::a00:1')).toBe('a private address');
    expect(whyBlocked('64:ff9b::808:808')).toBeNull();
  });

  it('KEYSTONE_ALLOW_PRIVATE_FETCH: 1 allows all, a list allows those, anything else is an error', () => {
    expect(addressPolicy('1').refuses('10.0.0.1')).toBeNull();
    const some = addressPolicy('10.0.0.5, 192.168.1.0/24');
    expect(some.refuses('10.0.0.5')).toBeNull();
    expect(some.refuses('192.168.1.77')).toBeNull();
    expect(some.refuses('10.0.0.6')).toBe('a private address');
    expect(addressPolicy('0').refuses('127.0.0.1')).toBe('a loopback address');
    expect(() => addressPolicy('intranet')).toThrow(/KEYSTONE_ALLOW_PRIVATE_FETCH: "intranet" is not an address/);
  });
});

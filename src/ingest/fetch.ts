import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import type { AddressPolicy } from './address-policy.ts';

export interface FetchLimits {
  /** From asking for a connection to having one. */
  connectTimeoutMs: number;
  /** The whole fetch, redirects included. */
  totalTimeoutMs: number;
  /** Body bytes after decompression. */
  maxBytes: number;
  maxRedirects: number;
}

export const FETCH_LIMITS: FetchLimits = { connectTimeoutMs: 10_000, totalTimeoutMs: 30_000, maxBytes: 8 * 1024 * 1024, maxRedirects: 5 };

/** KEYSTONE_FETCH_TIMEOUT_MS sets the total timeout (a slow link, or a test that wants a short one). */
export function fetchLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<FetchLimits> {
  const ms = Number((env.KEYSTONE_FETCH_TIMEOUT_MS ?? '').trim());
  return Number.isFinite(ms) && ms >= 100 ? { totalTimeoutMs: ms, connectTimeoutMs: Math.min(FETCH_LIMITS.connectTimeoutMs, ms) } : {};
}

/** Says who is asking, so a site's operator can tell the bot from a browser. */
export const USER_AGENT = 'Keystone/0.1 (news article ingest bot; Node.js)';

export type FetchFailure = 'scheme' | 'blocked' | 'timeout' | 'too-large' | 'redirects' | 'http' | 'network';

export class FetchError extends Error {
  constructor(readonly kind: FetchFailure, message: string, readonly url: string, readonly status?: number) {
    super(message);
  }
}

export interface Fetched {
  /** Where the body came from, after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Media type without parameters, lower case ("text/html"), or null. */
  contentType: string | null;
  charset: string | null;
  body: Buffer;
}

export interface FetchOptions {
  policy: AddressPolicy;
  limits?: Partial<FetchLimits>;
  /** Extra request headers (conditional requests: If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>;
  accept?: string;
}

/** "400 ms" below a second, so a short timeout never reads as "within 0 s". */
function span(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Host name without IPv6 brackets. */
function bareHost(u: URL): string {
  return u.hostname.replace(/^\[|\]$/g, '');
}

/**
 * dns.lookup that refuses to hand out an address the policy blocks, so the check is made on the
 * address actually connected to (a name cannot resolve to a public address for the check and a
 * private one for the connection).
 */
function guardedLookup(policy: AddressPolicy, url: string) {
  return (hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const a of addresses) {
        const why = policy.refuses(a.address);
        if (why) return callback(new FetchError('blocked', `${hostname} resolves to ${a.address}, ${why}; Keystone does not fetch from the host's own networks`, url), []);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function describeNetworkError(e: NodeJS.ErrnoException, host: string): string {
  switch (e.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `no such host: ${host}`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ECONNRESET':
      return `${host} closed the connection`;
    default:
      return `could not fetch from ${host} (${e.code ?? e.message})`;
  }
}

function decompressed(res: http.IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (enc === 'deflate') return res.pipe(zlib.createInflate());
  if (enc === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

interface Hop {
  status: number;
  location: string | null;
  res: http.IncomingMessage;
}

/**
 * GET a URL the way a public web client should when anyone may choose the URL: http and https
 * only, a connect and a total timeout, a size limit, a bounded number of redirects, a clear
 * User-Agent, and every address (the first and each redirect's) checked against the policy.
 */
export async function safeFetch(url: string, opts: FetchOptions): Promise<Fetched> {
  const limits = { ...FETCH_LIMITS, ...opts.limits };
  const deadline = Date.now() + limits.totalTimeoutMs;
  let current = url;
  for (let redirects = 0; ; redirects++) {
    let u: URL;
    try {
      u = new URL(current);
    } catch {
      throw new FetchError('scheme', `not a web address: ${current}`, current);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError('scheme', `only http and https addresses can be fetched, not ${u.protocol.replace(/:$/, '')}:`, current);
    if (u.username || u.password) throw new FetchError('scheme', 'addresses with a user name or password are not fetched', current);
    const host = bareHost(u);
    if (isIP(host)) {
      const why = opts.policy.refuses(host);
      if (why) throw new FetchError('blocked', `${host} is ${why}; Keystone does not fetch from the host's own networks`, current);
    }
    const hop = await request(u, opts, limits, deadline);
    if (REDIRECTS.has(hop.status) && hop.location) {
      hop.res.destroy();
      if (redirects >= limits.maxRedirects) throw new FetchError('redirects', `more than ${limits.maxRedirects} redirects`, url);
      current = new URL(hop.location, u).toString();
      continue;
    }
    if (hop.status === 304) {
      hop.res.destroy();
      return { url: u.toString(), status: 304, headers: hop.res.headers, contentType: null, charset: null, body: Buffer.alloc(0) };
    }
    if (hop.status < 200 || hop.status >= 300) {
      hop.res.destroy();
      throw new FetchError('http', `the server answered ${hop.status}${hop.res.statusMessage ? ` ${hop.res.statusMessage}` : ''}`, u.toString(), hop.status);
    }
    const body = await readBody(hop.res, limits, deadline, u.toString());
    const type = String(hop.res.headers['content-type'] ?? '');
    const [media, ...params] = type.split(';');
    const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find(Boolean) ?? null;
    return { url: u.toString(), status: hop.status, headers: hop.res.headers, contentType: media.trim().toLowerCase() || null, charset, body };
  }
}

function request(u: URL, opts: FetchOptions, limits: FetchLimits, deadline: number): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FetchError('timeout', `no answer within ${span(limits.totalTimeoutMs)}`, u.toString()));
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(u, {
      method: 'GET',
      agent: false,
      lookup: guardedLookup(opts.policy, u.toString()) as never,
      headers: {
        'user-agent': USER_AGENT,
        accept: opts.accept ?? 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
        ...opts.headers,
      },
    });
    const total = setTimeout(() => req.destroy(new FetchError('timeout', `no answer within ${span(limits.totalTimeoutMs)}`, u.toString())), remaining);
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connect = setTimeout(() => req.destroy(new FetchError('timeout', `could not connect to ${u.host} within ${span(limits.connectTimeoutMs)}`, u.toString())), limits.connectTimeoutMs);
      socket.once('connect', () => clearTimeout(connect));
      socket.once('close', () => clearTimeout(connect));
    });
    req.on('error', (e) => {
      clearTimeout(total);
      reject(e instanceof FetchError ? e : new FetchError('network', describeNetworkError(e as NodeJS.ErrnoException, u.host), u.toString()));
    });
    req.on('response', (res) => {
      // From here the body's reader owns the deadline. Two timers on one deadline raced: when this
      // one fired first, destroying the request reached the reader as a cut connection, and a
      // stalled page was reported as a network fault instead of a timeout.
      clearTimeout(total);
      resolve({ status: res.statusCode ?? 0, location: (res.headers.location as string | undefined) ?? null, res });
    });
    req.end();
  });
}

function readBody(res: http.IncomingMessage, limits: FetchLimits, deadline: number, url: string): Promise<Buffer> {
  const tooLarge = () => new FetchError('too-large', `the page is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`, url);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    res.destroy();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = decompressed(res);
    const timer = setTimeout(() => fail(new FetchError('timeout', `the page did not arrive within ${span(limits.totalTimeoutMs)}`, url)), Math.max(0, deadline - Date.now()));
    let done = false;
    const fail = (e: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      res.destroy();
      stream.destroy();
      reject(e instanceof FetchError ? e : new FetchError('network', `the page could not be read (${e.message})`, url));
    };
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limits.maxBytes) return fail(tooLarge());
      chunks.push(c);
    });
    stream.on('error', fail);
    res.on('aborted', () => fail(new Error('the connection was cut')));
    stream.on('end', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

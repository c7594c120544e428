/**
 * The web on 127.0.0.1 for ingest tests: pages written for the tests, redirects, a server that
 * stalls, an oversized body, a PDF, feeds with ETag / Last-Modified. Records every request.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIXTURES } from '../helpers.ts';

export const WEB_FIXTURES = path.join(FIXTURES, 'web');
export const webPage = (name: string) => readFileSync(path.join(WEB_FIXTURES, name), 'utf8');

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Seen {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export class WebServer {
  private server = http.createServer((req, res) => this.onRequest(req, res));
  private routes = new Map<string, Handler>();
  readonly seen: Seen[] = [];
  port = 0;

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  url(p: string): string {
    return `http://127.0.0.1:${this.port}${p}`;
  }

  route(p: string, h: Handler): this {
    this.routes.set(p, h);
    return this;
  }

  /** Serves a fixture page (or text) with a content type. */
  page(p: string, body: string | Buffer, type = 'text/html; charset=utf-8'): this {
    return this.route(p, (_req, res) => {
      res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  }

  redirect(p: string, to: string, status = 302): this {
    return this.route(p, (_req, res) => {
      res.writeHead(status, { location: to });
      res.end();
    });
  }

  hits(p: string): number {
    return this.seen.filter((s) => s.path === p).length;
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    this.seen.push({ path: p, headers: req.headers });
    const h = this.routes.get(p);
    if (h) return h(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}

/** The standard set of pages and misbehaviours the ingest tests use. */
export function standardSite(web: WebServer): WebServer {
  return web
    .page('/world/envoys-resume-istanbul-talks', webPage('news-article.html'))
    .page('/live/geneva', webPage('live-blog.html'))
    .page('/world', webPage('section-front.html'))
    .page('/subscribers/istanbul', webPage('login-wall.html'))
    .page('/video/geneva', webPage('video-page.html'))
    .page('/harbour/eu-loan', webPage('wire-site-a.html'))
    .page('/valley/eu-loan', webPage('wire-site-b.html'))
    .redirect('/short/1', '/short/2', 301)
    .redirect('/short/2', '/short/3', 302)
    .redirect('/short/3', '/world/envoys-resume-istanbul-talks', 307)
    .route('/loop', (req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/loop?n=${n + 1}` });
      res.end();
    })
    .redirect('/go/private', 'http://10.20.30.40/admin')
    .redirect('/go/metadata', 'http://169.254.169.254/latest/meta-data/')
    .redirect('/go/ftp', 'ftp://127.0.0.1/story.txt')
    .route('/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><body><p>The beginning of a page that never ends');
    })
    .route('/big', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': 12 * 1024 * 1024 });
      res.write('<html><body>');
    })
    .route('/big-chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'filler text '.repeat(5000)}</p>`;
      const send = () => {
        if (res.destroyed) return;
        if (res.write(chunk)) setImmediate(send);
        else res.once('drain', send);
      };
      send();
    })
    .page('/report.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), Buffer.alloc(2000, 0x20)]), 'application/pdf')
    .page('/pdf-posing-as-html', Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(500, 0)]), 'text/html')
    .page('/data.json', '{"articles":[]}', 'application/json')
    .route('/gzipped', (_req, res) => {
      const body = gzipSync(webPage('news-article.html'));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    })
    .route('/error', (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('down for maintenance');
    });
}

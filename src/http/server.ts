import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType, REST, type APIInteractionResponse } from 'discord.js';
import type { KnowledgeService } from '../knowledge/service.ts';
import { addSecret, logger, setLogLevel } from '../log.ts';
import type { Clock, Scheduler } from '../schedule.ts';
import { parseInteraction, requestOf } from '../discord/api-request.ts';
import { briefer, defaultBriefingStateFile, scheduleBriefings } from '../discord/briefing.ts';
import { commandSchemas } from '../discord/gateway.ts';
import { handleInteraction } from '../discord/handler.ts';
import { InteractionWebhook, interactionRest } from '../discord/interaction-rest.ts';
import type { Responder } from '../discord/request.ts';
import { serveKnowledge } from '../discord/serving.ts';
import type { BotContext } from '../discord/types.ts';
import { readServeConfig, type ServeConfig } from './config.ts';
import { verifyRequest } from './verify.ts';
import { exitOnSignals } from '../shutdown.ts';

/**
 * The HTTP transport: Discord's "Interactions Endpoint URL". Stateless (button state travels in
 * custom_id, knowledge is read from the shared directory and cache), so replicas can sit behind
 * any load balancer. Every request is verified before its body is parsed; the first response is
 * the HTTP response, and what follows goes through the interaction webhook, as on the gateway.
 */

/** Interaction payloads are a few kilobytes; a message a button sits on carries at most 6,000 characters of embeds. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A client that has not sent its whole request by then is cut off (408). */
export const REQUEST_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 5_000;

export interface ServerOptions {
  env?: NodeJS.ProcessEnv;
  /** --port, which wins over PORT. */
  port?: string;
  knowledge?: KnowledgeService;
  clock?: Clock;
  stateFile?: string;
  handleSignals?: boolean;
  /** Read the knowledge cache but leave writing it to another process (a second worker). */
  readOnlyCache?: boolean;
  /** How long a client may take to send its whole request (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

export interface ServerHandle {
  url: string;
  port: number;
  config: ServeConfig;
  knowledge: KnowledgeService;
  interactionRest: REST;
  scheduler: Scheduler | null;
  stop(): Promise<void>;
}

/** The first response goes back as the HTTP response; the webhook does the rest. */
class HttpResponder extends InteractionWebhook implements Responder {
  constructor(rest: REST, applicationId: string, token: string, private readonly res: http.ServerResponse) {
    super(rest, applicationId, token);
  }
  callback(body: APIInteractionResponse): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.res.headersSent || this.res.destroyed) return reject(new Error('the HTTP request is gone (Discord stopped waiting)'));
      this.res.once('finish', resolve);
      this.res.once('close', () => this.res.writableFinished || reject(new Error('the connection closed before the response was sent')));
      sendJson(this.res, 200, body);
    });
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The body, or null once it is over the limit (the caller answers 413). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startServer(opts: ServerOptions = {}): Promise<ServerHandle> {
  const config = readServeConfig(opts.env ?? process.env, { port: opts.port });
  setLogLevel(config.logLevel);
  addSecret(config.token);
  const { knowledge, firstLoad } = serveKnowledge(config.knowledgeDir, opts.knowledge, { readOnlyCache: opts.readOnlyCache });
  const rest = interactionRest(config.apiUrl);
  const botRest = config.token ? new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token) : null;
  const briefing = config.briefingChannelId && botRest
    ? briefer({ rest: botRest, channelId: config.briefingChannelId, knowledge, stateFile: opts.stateFile ?? defaultBriefingStateFile(config.knowledgeDir, opts.env) })
    : null;
  const scheduler = scheduleBriefings(config.briefingSchedule, briefing, opts.clock);
  const ctx: BotContext = { knowledge, postBriefing: briefing ? () => briefing.post() : null };
  const schemas = commandSchemas();

  const refuse = (res: http.ServerResponse, status: number, reason: string, level: 'debug' | 'warn' = 'debug') => {
    logger[level]('http request refused', { status, reason });
    sendJson(res, status, { error: reason });
  };

  const onInteraction = async (req: http.IncomingMessage, res: http.ServerResponse, receivedAt: number) => {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) {
      res.setHeader('connection', 'close');
      return refuse(res, 413, `the body is over ${MAX_BODY_BYTES} bytes`, 'warn');
    }
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const verdict = await verifyRequest(config.publicKey, header('x-signature-ed25519'), header('x-signature-timestamp'), body, Math.floor(Date.now() / 1000));
    if (!verdict.ok) return refuse(res, 401, verdict.reason);
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(res, 400, 'the body is not JSON', 'warn');
    }
    const parsed = parseInteraction(raw, schemas);
    if (!parsed.ok) return refuse(res, 400, parsed.problem, 'warn');
    const { interaction } = parsed;
    if (interaction.kind === 'ping') return sendJson(res, 200, { type: InteractionResponseType.Pong });
    const { applicationId, token } = interaction.base;
    const request = requestOf(interaction, new HttpResponder(rest, applicationId, token, res), receivedAt)!;
    await handleInteraction(ctx, request);
    // Every path of the handler answers; should one not, Discord is told at once rather than left waiting.
    if (!res.headersSent) refuse(res, 500, 'no response was produced', 'warn');
  };

  const server = http.createServer({
    requestTimeout: opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
    // How often those limits are checked (Node's default, 30 s, would let a slow client hang on that long).
    connectionsCheckingInterval: Math.min(1_000, opts.requestTimeoutMs ?? 1_000),
  }, (req, res) => {
    const receivedAt = performance.now();
    const url = (req.url ?? '/').split('?')[0];
    const route = url === '/interactions' ? 'interactions' : url === '/healthz' ? 'healthz' : null;
    if (!route) return refuse(res, 404, `no such path: use POST /interactions or GET /healthz`);
    const method = route === 'interactions' ? 'POST' : 'GET';
    if (req.method !== method && !(route === 'healthz' && req.method === 'HEAD')) {
      res.setHeader('allow', route === 'healthz' ? 'GET, HEAD' : 'POST');
      return refuse(res, 405, `${url} takes ${method}`);
    }
    if (route === 'healthz') {
      const kb = knowledge.current;
      return sendJson(res, kb ? 200 : 503, kb ? { status: 'ready', articles: kb.articles.length, paragraphs: kb.paragraphs.length } : { status: 'loading' });
    }
    onInteraction(req, res, receivedAt).catch((error) => {
      logger.error('http request failed', { error });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error, socket) => {
    logger.debug('http client error', { error: (error as Error).message });
    const code = (error as NodeJS.ErrnoException).code;
    const status = code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
  scheduler?.start();
  logger.info('http endpoint listening', { url: `${url}/interactions`, health: `${url}/healthz`, briefing: scheduler ? config.briefingSchedule!.text : 'off' });
  if (briefing?.firstRun) void firstLoad.then(() => briefing.post()).catch(() => undefined);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    scheduler?.stop();
    await new Promise<void>((r) => {
      server.close(() => r());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2_000).unref();
    });
    knowledge.close();
    await knowledge.saveNow();
    for (const r of [rest, botRest]) {
      r?.clearHashSweeper();
      r?.clearHandlerSweeper();
    }
    logger.info('stopped');
  };
  if (opts.handleSignals) exitOnSignals(stop);
  return { url, port, config, knowledge, interactionRest: rest, scheduler, stop };
}

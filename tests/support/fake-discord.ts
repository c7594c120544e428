/**
 * A Discord on 127.0.0.1: enough of the REST API and the gateway for the unmodified discord.js
 * client to log in and serve interactions. It records what the bot sends and checks every payload
 * against Discord's rules, answering 400 / 50035 with an `errors` tree as Discord does.
 *
 * By default it is polite. A test makes it misbehave, per route or globally, as the real one does:
 * - `fault(route, …)`: 500/502/503, a response that never comes, either before or after doing what
 *   was asked (Discord accepted it, the answer was lost), 429 with retry_after (route or global; in
 *   the body, the Retry-After header, or both), or any status with a body.
 * - `bucket(route, …)`: X-RateLimit-* headers on every answer and a 429 when a bucket is spent.
 * - the interaction lifecycle: the 3-second window (10062 after it), a second callback (40060),
 *   `@original` before a response (10008) and after the token's life (50027).
 * - the gateway: `closeGateway(code)` (4000, 4007, 4009, 1006…), `reconnect()` (op 7),
 *   `invalidSession(resumable)` (op 9), `zombie()` (heartbeats never acknowledged, close never
 *   answered); RESUME replays what a session missed, as long as the session is resumable.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { WebSocketServer, WebSocket } from 'ws';

export const APP_ID = '1100000000000000001';
export const GUILD_ID = '1200000000000000002';
/** A second server: with two shards it is shard 0's ((id >> 22) % 2), while GUILD_ID is shard 1's. */
export const SECOND_GUILD_ID = '1200000000004194306';
export const CHANNEL_ID = '1300000000000000003';
export const BRIEF_CHANNEL_ID = '1300000000000000004';
export const USER = { id: '1400000000000000005', username: 'analyst', discriminator: '0', global_name: 'Analyst', avatar: null };
export const OTHER_USER = { id: '1400000000000000006', username: 'colleague', discriminator: '0', global_name: 'Colleague', avatar: null };
export const TOKEN = 'fake.discord-token.for-tests-0123456789abcdef';

let seq = 1500000000000000000n;
const snowflake = () => String(seq++);

/** The routes faults and buckets apply to. */
export type Route = 'callback' | 'original' | 'followup' | 'channel' | 'commands' | 'gateway' | 'other';

/** How a slash command is sent: by whom, with which permissions, in a DM, with attachment options ({ option: file }). */
export interface SlashOptions {
  user?: typeof USER;
  permissions?: string;
  dm?: boolean;
  /** The server it comes from (default GUILD_ID). */
  guild?: string;
  attachments?: Record<string, { url: string; filename: string; content_type?: string; size: number }>;
}

export interface Fault {
  /** Answer with this status (500, 502, 503, 400…) instead of doing what was asked. */
  status?: number;
  /** The JSON body of that answer (e.g. a 50035 errors tree); Discord-like by default. */
  body?: unknown;
  /** Never answer: the request hangs until the client gives up. */
  hang?: boolean;
  /** Do what was asked first, then fail with `status` or hang: the work is done, the answer lost. */
  afterAccepting?: boolean;
  /** Answer 429 Too Many Requests. retryAfter in seconds. */
  rateLimit?: { retryAfter: number; global?: boolean; in?: 'body' | 'header' | 'both' };
  /** How many requests it applies to (default 1; Infinity for every one). */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  route: Route;
  body: any;
  status: number;
  at: number;
  /** What the fake did: 'ok', 'fault', 'hang', 'ratelimit', 'invalid', 'refused'. */
  how: string;
}

export interface Callback {
  interactionId: string;
  type: number;
  data: any;
  /** ms between dispatch and the first response. */
  latency: number;
}

interface PendingInteraction {
  id: string;
  token: string;
  dispatchedAt: number;
  responded: boolean;
  /** Flags set by the first response (64: ephemeral), which later edits keep. */
  flags: number;
  original: any | null;
  followups: any[];
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  /** Everything dispatched in this session, for RESUME to replay. */
  events: { op: 0; t: string; s: number; d: unknown }[];
  resumable: boolean;
  socket: WebSocket | null;
}

interface Answer {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
  how?: string;
}

export class FakeDiscord extends EventEmitter {
  private server = http.createServer((req, res) => void this.onRequest(req, res));
  private wss = new WebSocketServer({ noServer: true });
  private sockets = new Set<WebSocket>();
  private sessionOf = new Map<WebSocket, Session>();
  private readonly sessions = new Map<string, Session>();
  private readonly faults: { route: Route | 'any'; fault: Fault; left: number }[] = [];
  private readonly buckets = new Map<Route, { limit: number; windowMs: number; used: Map<string, { n: number; resetAt: number }> }>();
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly nonces = new Map<string, any>();
  private readonly byToken = new Map<string, PendingInteraction>();
  private zombies = new WeakSet<WebSocket>();
  port = 0;
  readonly requests: RecordedRequest[] = [];
  readonly callbacks: Callback[] = [];
  readonly violations: { path: string; problems: string[] }[] = [];
  readonly channelMessages: { channel: string; body: any }[] = [];
  readonly identifies: any[] = [];
  readonly resumes: any[] = [];
  readonly commands = new Map<string, any[]>();
  readonly interactions = new Map<string, PendingInteraction>();
  /** The 3-second rule; tests of deferral rely on it. */
  responseWindowMs = 3000;
  /** How long an interaction token works for @original edits and follow-ups (Discord: 15 minutes). */
  tokenLifeMs = 15 * 60_000;
  /** Sent in HELLO; small values let a test see heartbeats (and zombies) quickly. */
  heartbeatIntervalMs = 45_000;
  /** Gateway connections opened so far. */
  connections = 0;
  /** What GET /gateway/bot recommends: the shard count, and how many shards may identify at once. */
  gatewayShards = 1;
  maxConcurrency = 1;
  /** The servers the bot is in; each gateway session is sent those of its shard. */
  guilds = [GUILD_ID];

  async start(): Promise<this> {
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.wss.close();
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  get connected(): boolean {
    return this.sockets.size > 0;
  }

  // ---- misbehaviour --------------------------------------------------------------------------

  /** The next `times` requests on `route` ('any': every route) meet this fault. */
  fault(route: Route | 'any', fault: Fault): this {
    this.faults.push({ route, fault, left: fault.times ?? 1 });
    return this;
  }

  clearFaults(): this {
    this.faults.length = 0;
    this.buckets.clear();
    return this;
  }

  /** A rate-limit bucket on a route, per major parameter (channel, webhook token, interaction), as Discord keeps them. */
  bucket(route: Route, limit: number, windowMs: number): this {
    this.buckets.set(route, { limit, windowMs, used: new Map() });
    return this;
  }

  /** Forgets what was recorded (requests, callbacks, interactions, posts): long runs measure the bot's memory, not the recorder's. */
  forget(): this {
    for (const list of [this.requests, this.callbacks, this.violations, this.channelMessages, this.identifies, this.resumes]) list.length = 0;
    this.interactions.clear();
    this.byToken.clear();
    this.nonces.clear();
    for (const session of this.sessions.values()) session.events.length = 0;
    return this;
  }

  /** Requests that are being held without an answer. */
  get hangingRequests(): number {
    return this.hanging.size;
  }

  // ---- gateway -------------------------------------------------------------------------------

  private send(ws: WebSocket, payload: object) {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  /** The session of the shard a server's events go to, as Discord routes them ((guild_id >> 22) % shards); DMs go to shard 0. */
  private sessionsFor(guildId: string | null): Session[] {
    const live = [...this.sessions.values()].filter((s) => s.resumable);
    return live.filter((s) => (guildId ? shardOfGuild(guildId, s.shard[1]) : 0) === s.shard[0]);
  }

  private dispatch(t: string, d: { guild_id?: string }) {
    for (const session of this.sessionsFor(d.guild_id ?? null)) {
      const event = { op: 0 as const, t, s: ++session.seq, d };
      session.events.push(event);
      if (session.events.length > 5000) session.events.shift();
      if (session.socket) this.send(session.socket, event);
    }
  }

  private onSocket(ws: WebSocket) {
    this.sockets.add(ws);
    this.connections++;
    this.emit('connection');
    ws.on('close', (code) => {
      this.sockets.delete(ws);
      const s = this.sessionOf.get(ws);
      if (s && s.socket === ws) s.socket = null;
      this.emit('disconnect', code);
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } });
    ws.on('message', (raw) => {
      let msg: any;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        return ws.close(4002, 'Decode error');
      }
      if (msg.op === 1) {
        if (!this.zombies.has(ws)) this.send(ws, { op: 11 });
      } else if (msg.op === 2) this.identify(ws, msg.d);
      else if (msg.op === 6) this.resume(ws, msg.d);
    });
  }

  private identify(ws: WebSocket, d: any) {
    this.identifies.push(d);
    const shard: [number, number] = Array.isArray(d?.shard) ? d.shard : [0, 1];
    // A new session of a shard replaces the old one, as on Discord.
    for (const [id, s] of this.sessions) if (s.shard[0] === shard[0]) this.sessions.delete(id);
    const session: Session = { id: `session-${shard[0]}-${randomBytes(6).toString('hex')}`, shard, seq: 0, events: [], resumable: true, socket: ws };
    const mine = this.guilds.filter((g) => shardOfGuild(g, shard[1]) === shard[0]);
    this.sessions.set(session.id, session);
    this.sessionOf.set(ws, session);
    const ready = {
      v: 10, user: { id: APP_ID, username: 'Keystone', discriminator: '0', bot: true, avatar: null, global_name: null, flags: 0 },
      guilds: mine.map((id) => ({ id, unavailable: true })), session_id: session.id, resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      application: { id: APP_ID, flags: 0 }, shard,
    };
    this.send(ws, { op: 0, t: 'READY', s: ++session.seq, d: ready });
    for (const id of mine) this.send(ws, { op: 0, t: 'GUILD_CREATE', s: ++session.seq, d: guild(id) });
    this.emit('identify', d);
  }

  private resume(ws: WebSocket, d: any) {
    this.resumes.push(d);
    const session = this.sessions.get(d?.session_id);
    if (!session || !session.resumable || d?.token !== TOKEN) {
      // Not resumable: the client must identify again (after waiting 1–5 s, Discord says).
      this.send(ws, { op: 9, d: false });
      this.emit('resume', { ok: false });
      return;
    }
    session.socket = ws;
    this.sessionOf.set(ws, session);
    const missed = session.events.filter((e) => e.s > Number(d.seq ?? 0));
    for (const e of missed) this.send(ws, e);
    this.send(ws, { op: 0, t: 'RESUMED', s: ++session.seq, d: {} });
    this.emit('resume', { ok: true, replayed: missed.length });
  }

  /** Closes every gateway connection with a close code; 1006 drops the TCP connection without a close frame. */
  closeGateway(code: number): void {
    // 4007 (invalid seq) and 4009 (session timed out) end the session: the client must identify.
    for (const ws of this.sockets) {
      const s = this.sessionOf.get(ws);
      if (s && (code === 4007 || code === 4009)) s.resumable = false;
      if (code === 1006) ws.terminate();
      else ws.close(code, `closed by the test Discord (${code})`);
    }
  }

  /** op 7 Reconnect: the client should close and resume. */
  reconnect(): void {
    for (const ws of this.sockets) this.send(ws, { op: 7, d: null });
  }

  /** op 9 Invalid Session; with `resumable` false the session is gone and the client must identify again. */
  invalidSession(resumable: boolean): void {
    for (const ws of this.sockets) {
      const s = this.sessionOf.get(ws);
      if (s && !resumable) s.resumable = false;
      this.send(ws, { op: 9, d: resumable });
    }
  }

  /** Every open connection becomes a zombie: heartbeats unacknowledged, nothing read, a close never answered. */
  zombie(): void {
    for (const ws of this.sockets) {
      this.zombies.add(ws);
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    }
  }

  // ---- interactions --------------------------------------------------------------------------

  private base(user = USER, permissions = '2147483647', dm = false, guildId = GUILD_ID) {
    const id = snowflake();
    const token = `itok-${randomBytes(12).toString('hex')}`;
    const p: PendingInteraction = { id, token, dispatchedAt: performance.now(), responded: false, flags: 0, original: null, followups: [] };
    this.interactions.set(id, p);
    this.byToken.set(token, p);
    if (dm) {
      // A direct message: no server, no member, no permissions; the user is at the top level.
      return { id, token, application_id: APP_ID, version: 1, channel_id: '1300000000000000099', channel: { id: '1300000000000000099', type: 1 }, user, locale: 'en-US', entitlements: [], authorizing_integration_owners: { '1': user.id }, context: 1, app_permissions: '0' };
    }
    return {
      id, token, application_id: APP_ID, version: 1, guild_id: guildId, channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: guildId, name: 'talks', position: 0, permission_overwrites: [], nsfw: false, parent_id: null },
      member: { user, roles: [], joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, pending: false, permissions, nick: null, avatar: null },
      app_permissions: '2147483647', locale: 'en-US', guild_locale: 'en-US', entitlements: [],
      authorizing_integration_owners: { '0': guildId }, context: 0, attachment_size_limit: 8388608,
    };
  }

  private commandId(name: string): string {
    for (const list of this.commands.values()) {
      const c = list.find((x) => x.name === name);
      if (c) return c.id;
    }
    return snowflake();
  }

  /** Sends a slash command; options as { name: value } (undefined values are left out, as Discord leaves out unset options). */
  slash(name: string, options: Record<string, string | number | boolean | undefined> = {}, opts: SlashOptions = {}): string {
    return this.sendInteraction(this.slashPayload(name, options, opts));
  }

  autocomplete(name: string, options: Record<string, string>, focused: string): string {
    return this.sendInteraction(this.autocompletePayload(name, options, focused));
  }

  /** Clicks a button on a message the bot sent (the message as recorded from its payload). */
  click(customId: string, message: any, opts: { user?: typeof USER; ephemeral?: boolean; permissions?: string } = {}): string {
    return this.sendInteraction(this.clickPayload(customId, message, opts));
  }

  // The payloads themselves, for a transport other than the gateway (the HTTP endpoint is sent the same JSON).

  slashPayload(name: string, options: Record<string, string | number | boolean | undefined> = {}, opts: SlashOptions = {}): any {
    const types: Record<string, number> = { string: 3, number: 10, boolean: 5 };
    const given = Object.entries(options).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
    // Attachment options are sent the way Discord does: the option's value is an id in data.resolved.
    const files = Object.entries(opts.attachments ?? {}).map(([option, f]) => ({ option, id: snowflake(), f }));
    return {
      ...this.base(opts.user, opts.permissions, opts.dm, opts.guild), type: 2,
      data: {
        id: this.commandId(name), name, type: 1, ...(opts.dm ? {} : { guild_id: opts.guild ?? GUILD_ID }),
        options: [...given.map(([k, v]) => ({ name: k, type: types[typeof v], value: v })), ...files.map((x) => ({ name: x.option, type: 11, value: x.id }))],
        ...(files.length ? { resolved: { attachments: Object.fromEntries(files.map((x) => [x.id, { id: x.id, proxy_url: x.f.url, ...x.f }])) } } : {}),
      },
    };
  }

  autocompletePayload(name: string, options: Record<string, string>, focused: string): any {
    return {
      ...this.base(), type: 4,
      data: { id: this.commandId(name), name, type: 1, guild_id: GUILD_ID, options: Object.entries(options).map(([k, v]) => ({ name: k, type: 3, value: v, ...(k === focused ? { focused: true } : {}) })) },
    };
  }

  clickPayload(customId: string, message: any, opts: { user?: typeof USER; ephemeral?: boolean; permissions?: string } = {}): any {
    return {
      ...this.base(opts.user, opts.permissions), type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: { ...this.message(message), flags: opts.ephemeral ? 64 : 0, interaction_metadata: { id: snowflake(), type: 2, user: opts.user ?? USER, authorizing_integration_owners: { '0': GUILD_ID } } },
    };
  }

  private sendInteraction(payload: any): string {
    this.dispatch('INTERACTION_CREATE', payload);
    return payload.id;
  }

  /**
   * Records an interaction's first response that reached Discord another way than the callback
   * endpoint (the HTTP endpoint's response body), with the same checks; returns what the callback
   * endpoint would have answered.
   */
  acceptResponse(interactionId: string, body: any): { status: number; json?: unknown } {
    const p = this.interactions.get(interactionId);
    return p ? this.acceptCallback(p, body, false) : { status: 404, json: { message: 'Unknown interaction', code: 10062 } };
  }

  private acceptCallback(p: PendingInteraction, body: any, withResponse: boolean): Answer {
    const latency = performance.now() - p.dispatchedAt;
    if (p.responded) return { status: 400, json: { message: 'Interaction has already been acknowledged.', code: 40060 }, how: 'refused' };
    if (latency > this.responseWindowMs) return { status: 404, json: { message: 'Unknown interaction', code: 10062 }, how: 'refused' };
    const errors = body?.type === 8 ? choiceErrors(body.data?.choices ?? []) : body?.data && (body.type === 4 || body.type === 7) ? messageErrors(body.data, 'data.') : [];
    if (errors.length) return this.invalid(`/interactions/${p.id}/callback`, errors);
    p.responded = true;
    p.flags = body.data?.flags ?? 0;
    if (body.type === 4 || body.type === 7) p.original = this.message(body.data);
    this.callbacks.push({ interactionId: p.id, type: body.type, data: body.data, latency });
    return withResponse ? { status: 200, json: { interaction: { id: p.id, type: 2 }, resource: { type: body.type, message: p.original } } } : { status: 204 };
  }

  /** Resolves with the first response to an interaction (callback), once it arrives. */
  async response(interactionId: string, timeoutMs = 10_000): Promise<Callback> {
    return this.waitFor(() => this.callbacks.find((c) => c.interactionId === interactionId), timeoutMs, `no response to interaction ${interactionId}`);
  }

  /** The message that finally shows for an interaction: the edited original, or the callback's data. */
  async finalMessage(interactionId: string, timeoutMs = 10_000): Promise<any> {
    const cb = await this.response(interactionId, timeoutMs);
    if (cb.type !== 5 && cb.type !== 6) return cb.data;
    const p = this.interactions.get(interactionId)!;
    return this.waitFor(() => p.followups[0] ?? p.original, timeoutMs, `deferred interaction ${interactionId} never completed`);
  }

  followups(interactionId: string): any[] {
    return this.interactions.get(interactionId)?.followups ?? [];
  }

  async waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private message(body: any): any {
    return {
      id: snowflake(), channel_id: CHANNEL_ID, type: 20, content: body?.content ?? '', embeds: body?.embeds ?? [], components: body?.components ?? [],
      author: { id: APP_ID, username: 'Keystone', discriminator: '0', bot: true, avatar: null, global_name: null },
      timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [],
      pinned: false, flags: body?.flags ?? 0, application_id: APP_ID, webhook_id: APP_ID,
    };
  }

  // ---- REST ----------------------------------------------------------------------------------

  private takeFault(route: Route): Fault | null {
    const i = this.faults.findIndex((f) => (f.route === route || f.route === 'any') && f.left > 0);
    if (i < 0) return null;
    const f = this.faults[i];
    if (--f.left <= 0) this.faults.splice(i, 1);
    return f.fault;
  }

  /** X-RateLimit-* headers for the request's bucket, and whether it is spent. */
  private spend(route: Route, key: string): { headers: Record<string, string>; limited: number | null } {
    const b = this.buckets.get(route);
    if (!b) return { headers: {}, limited: null };
    const now = Date.now();
    let u = b.used.get(key);
    if (!u || u.resetAt <= now) b.used.set(key, (u = { n: 0, resetAt: now + b.windowMs }));
    const resetAfter = (u.resetAt - now) / 1000;
    const headers = (remaining: number) => ({
      'x-ratelimit-limit': String(b.limit), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(u!.resetAt / 1000),
      'x-ratelimit-reset-after': resetAfter.toFixed(3), 'x-ratelimit-bucket': `bucket-${route}`,
    });
    if (u.n >= b.limit) return { headers: { ...headers(0), 'x-ratelimit-scope': 'user', 'retry-after': String(Math.ceil(resetAfter)) }, limited: resetAfter };
    u.n++;
    return { headers: headers(b.limit - u.n), limited: null };
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any = null;
    if (raw) {
      const type = req.headers['content-type'] ?? '';
      try {
        if (type.includes('application/json')) body = JSON.parse(raw);
        else if (type.includes('multipart/form-data')) body = JSON.parse(/name="payload_json"[^\n]*\r?\n(?:[^\n]*\r?\n)?\r?\n([\s\S]*?)\r?\n--/.exec(raw)?.[1] ?? 'null');
      } catch {
        body = undefined;
      }
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/^\/api\/v\d+/, '');
    const method = req.method ?? 'GET';
    const { route, key } = routeOf(method, path);
    const record = (status: number, how: string) => {
      this.requests.push({ method, path, route, body, status, at: Date.now(), how });
      this.emit('request', { method, path, route, body, status, how });
    };
    const send = (a: Answer) => {
      record(a.status, a.how ?? 'ok');
      if (a.json === undefined) res.writeHead(a.status, a.headers ?? {});
      else res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.json === undefined ? undefined : JSON.stringify(a.json));
    };
    const hang = () => {
      record(0, 'hang');
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
    };
    if (body === undefined) return send({ status: 400, json: { message: 'The request body contains invalid JSON.', code: 50109 }, how: 'invalid' });

    const fault = this.takeFault(route);
    if (fault?.rateLimit) {
      const { retryAfter, global = false, in: where = 'both' } = fault.rateLimit;
      const headers: Record<string, string> = { 'x-ratelimit-scope': global ? 'global' : 'user' };
      if (global) headers['x-ratelimit-global'] = 'true';
      else Object.assign(headers, { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': String(retryAfter), 'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter), 'x-ratelimit-bucket': `bucket-${route}` });
      if (where !== 'body') headers['retry-after'] = String(Math.ceil(retryAfter));
      const json = where === 'header' ? { message: 'You are being rate limited.', code: 0 } : { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 };
      return send({ status: 429, json, headers, how: 'ratelimit' });
    }
    const failing = (f: Fault) => (f.hang ? hang() : send({ status: f.status ?? 500, json: f.body ?? { message: `${f.status ?? 500}: the test Discord failed on purpose`, code: 0 }, how: 'fault' }));
    if (fault && !fault.afterAccepting) return failing(fault);
    const { headers, limited } = this.spend(route, key);
    if (limited !== null) return send({ status: 429, json: { message: 'You are being rate limited.', retry_after: limited, global: false, code: 0 }, headers, how: 'ratelimit' });

    const authed = req.headers.authorization === `Bot ${TOKEN}`;
    const needsAuth = route !== 'callback' && route !== 'original' && route !== 'followup' && !path.startsWith('/webhooks/');
    const answer = needsAuth && !authed ? { status: 401, json: { message: '401: Unauthorized', code: 0 }, how: 'refused' } : this.handle(method, path, route, body, url);
    if (fault) return failing(fault); // the work is done; the answer is what fails
    send({ ...answer, headers: { ...headers, ...answer.headers } });
  }

  private invalid(path: string, errors: FieldError[]): Answer {
    this.violations.push({ path, problems: errors.map((e) => `${e.path}: ${e.message}`) });
    return { status: 400, json: { message: 'Invalid Form Body', code: 50035, errors: errorsTree(errors) }, how: 'invalid' };
  }

  /** What Discord does with a request that passed its rate limits: the state it changes and its answer. */
  private handle(method: string, path: string, route: Route, body: any, url: URL): Answer {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return { status: 200, json: { url: `ws://127.0.0.1:${this.port}/gateway`, shards: this.gatewayShards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.maxConcurrency } } };
    }
    if (method === 'GET' && path === '/gateway') return { status: 200, json: { url: `ws://127.0.0.1:${this.port}/gateway` } };
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const key = m[2] ? `guild:${m[2]}` : 'global';
      if (method === 'PUT') {
        const errors = (body as any[]).flatMap((c, i) => commandErrors(c, i));
        if (errors.length) return this.invalid(path, errors);
        const saved = (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: m![1], version: snowflake(), type: 1, ...(m![2] ? { guild_id: m![2] } : {}) }));
        this.commands.set(key, saved);
        return { status: 200, json: saved };
      }
      if (method === 'GET') return { status: 200, json: this.commands.get(key) ?? [] };
    }
    if (route === 'callback' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const p = this.interactions.get(m[1]);
      if (!p || p.token !== m[2]) return { status: 404, json: { message: 'Unknown interaction', code: 10062 }, how: 'refused' };
      return this.acceptCallback(p, body, url.searchParams.get('with_response') === 'true');
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|%40original|\d+))?$/.exec(path))) {
      const p = this.byToken.get(m[2]);
      if (!p) return { status: 404, json: { message: 'Unknown Webhook', code: 10015 }, how: 'refused' };
      if (performance.now() - p.dispatchedAt > this.tokenLifeMs) return { status: 401, json: { message: 'Invalid Webhook Token', code: 50027 }, how: 'refused' };
      if (!p.responded) return { status: 404, json: { message: 'Unknown Message', code: 10008 }, how: 'refused' };
      if (method === 'GET') return { status: 200, json: p.original ?? this.message({}) };
      if (method === 'DELETE') {
        p.original = null;
        return { status: 204 };
      }
      const errors = messageErrors(body ?? {});
      if (errors.length) return this.invalid(path, errors);
      const msg = this.message(body);
      if (method === 'PATCH') p.original = { ...msg, flags: (msg.flags ?? 0) | p.flags };
      else if (method === 'POST') p.followups.push(msg);
      return { status: 200, json: msg };
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      const errors = messageErrors(body ?? {});
      if (errors.length) return this.invalid(path, errors);
      // enforce_nonce: a second post with the same nonce returns the first message instead of a new one.
      const nonceKey = body?.nonce != null && body.enforce_nonce ? `${m[1]}:${body.nonce}` : null;
      const earlier = nonceKey ? this.nonces.get(nonceKey) : undefined;
      if (earlier) return { status: 200, json: earlier };
      this.channelMessages.push({ channel: m[1], body });
      const msg = { ...this.message(body), channel_id: m[1], type: 0, nonce: body?.nonce };
      if (nonceKey) this.nonces.set(nonceKey, msg);
      return { status: 200, json: msg };
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === 'GET') return { status: 200, json: { id: m[1], type: 0, guild_id: GUILD_ID, name: 'briefings', position: 1, permission_overwrites: [] } };
    if (path === '/users/@me') return { status: 200, json: { id: APP_ID, username: 'Keystone', discriminator: '0', bot: true, avatar: null } };
    return { status: 404, json: { message: '404: Not Found', code: 0 }, how: 'refused' };
  }
}

/** Which route a request is on, and the major parameter its rate-limit bucket is kept by. */
export function routeOf(method: string, path: string): { route: Route; key: string } {
  let m: RegExpExecArray | null;
  if ((m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path))) return { route: 'callback', key: m[1] };
  if ((m = /^\/webhooks\/\d+\/([^/]+)\/messages\/(?:@original|%40original)$/.exec(path))) return { route: 'original', key: m[1] };
  if ((m = /^\/webhooks\/\d+\/([^/]+)$/.exec(path)) && method === 'POST') return { route: 'followup', key: m[1] };
  if ((m = /^\/channels\/(\d+)\/messages$/.exec(path))) return { route: 'channel', key: m[1] };
  if (/^\/applications\//.test(path)) return { route: 'commands', key: 'app' };
  if (/^\/gateway/.test(path)) return { route: 'gateway', key: 'gateway' };
  return { route: 'other', key: path };
}

/** One broken rule of a payload, where Discord would put it in the errors tree. */
interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** Discord's errors tree: `{ embeds: { 0: { description: { _errors: [{ code, message }] } } } }`. */
export function errorsTree(errors: FieldError[]): Record<string, unknown> {
  const root: Record<string, any> = {};
  for (const e of errors) {
    let node = root;
    for (const part of e.path.split('.').filter(Boolean)) node = node[part] ??= {};
    (node._errors ??= []).push({ code: e.code, message: e.message });
  }
  return root;
}

const tooLong = (path: string, max: number): FieldError => ({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
const required = (path: string): FieldError => ({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });

/** Discord's message rules (../shared/docs/discord-limits.md), checked on their own, not with the bot's code; plus the house rule that nothing pings. */
export function messageErrors(body: any, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);
  if (len(body.content) > 2000) out.push(tooLong(`${prefix}content`, 2000));
  const embeds: any[] = body.embeds ?? [];
  if (embeds.length > 10) out.push(tooLong(`${prefix}embeds`, 10));
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `${prefix}embeds.${i}`;
    if (len(e.title) > 256) out.push(tooLong(`${at}.title`, 256));
    if (len(e.description) > 4096) out.push(tooLong(`${at}.description`, 4096));
    if ((e.fields ?? []).length > 25) out.push(tooLong(`${at}.fields`, 25));
    (e.fields ?? []).forEach((f: any, j: number) => {
      if (!len(f.name)) out.push(required(`${at}.fields.${j}.name`));
      if (len(f.name) > 256) out.push(tooLong(`${at}.fields.${j}.name`, 256));
      if (!len(f.value)) out.push(required(`${at}.fields.${j}.value`));
      if (len(f.value) > 1024) out.push(tooLong(`${at}.fields.${j}.value`, 1024));
      total += len(f.name) + len(f.value);
    });
    if (len(e.footer?.text) > 2048) out.push(tooLong(`${at}.footer.text`, 2048));
    if (len(e.author?.name) > 256) out.push(tooLong(`${at}.author.name`, 256));
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
  });
  if (total > 6000) out.push({ path: `${prefix}embeds`, code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  const rows: any[] = body.components ?? [];
  if (rows.length > 5) out.push(tooLong(`${prefix}components`, 5));
  const ids = new Set<string>();
  rows.forEach((r, i) => {
    if ((r.components ?? []).length > 5) out.push(tooLong(`${prefix}components.${i}.components`, 5));
    (r.components ?? []).forEach((c: any, j: number) => {
      const at = `${prefix}components.${i}.components.${j}`;
      if (len(c.label) > 80) out.push(tooLong(`${at}.label`, 80));
      if (c.style !== 5 && !len(c.custom_id)) out.push(required(`${at}.custom_id`));
      if (len(c.custom_id) > 100) out.push(tooLong(`${at}.custom_id`, 100));
      if (c.custom_id && ids.has(c.custom_id)) out.push({ path: `${at}.custom_id`, code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
      if (c.custom_id) ids.add(c.custom_id);
    });
  });
  if (!body.allowed_mentions || (body.allowed_mentions.parse ?? []).length) out.push({ path: `${prefix}allowed_mentions`, code: 'KEYSTONE_MUST_NOT_PING', message: 'allowed_mentions.parse is not []' });
  return out;
}

function choiceErrors(choices: any[]): FieldError[] {
  const out: FieldError[] = [];
  if (choices.length > 25) out.push(tooLong('data.choices', 25));
  choices.forEach((c, i) => {
    if (!c.name || c.name.length > 100) out.push(tooLong(`data.choices.${i}.name`, 100));
    if (String(c.value).length > 100) out.push(tooLong(`data.choices.${i}.value`, 100));
  });
  return out;
}

function commandErrors(c: any, i: number): FieldError[] {
  const out: FieldError[] = [];
  const bad = (field: string, message: string) => out.push({ path: `${i}.${field}`, code: 'APPLICATION_COMMAND_INVALID', message });
  if (!/^[-_\p{L}\p{N}]{1,32}$/u.test(c.name) || c.name !== c.name.toLowerCase()) bad('name', `command name "${c.name}"`);
  if (!c.description || c.description.length > 100) bad('description', `/${c.name} description length ${c.description?.length}`);
  if ((c.options ?? []).length > 25) bad('options', `/${c.name} has too many options`);
  let total = c.name.length + (c.description?.length ?? 0);
  (c.options ?? []).forEach((o: any, j: number) => {
    total += o.name.length + (o.description?.length ?? 0);
    if (!o.description || o.description.length > 100) bad(`options.${j}.description`, `/${c.name} ${o.name} description length ${o.description?.length}`);
    if (o.type === 3 && o.max_length != null && (o.max_length < 1 || o.max_length > 6000)) bad(`options.${j}.max_length`, `/${c.name} ${o.name} max_length`);
  });
  if (total > 8000) bad('name', `/${c.name} over 8000 characters`);
  return out;
}

/** Discord's rule for which shard receives a server's events. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function guild(id = GUILD_ID) {
  return {
    id, name: id === GUILD_ID ? 'Newsroom' : 'Newsroom 2', icon: null, owner_id: OTHER_USER.id, afk_timeout: 300, verification_level: 0, default_message_notifications: 0,
    explicit_content_filter: 0, roles: [{ id, name: '@everyone', permissions: '1024', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [], features: [], mfa_level: 0, system_channel_flags: 0, premium_tier: 0, nsfw_level: 0, preferred_locale: 'en-US', premium_progress_bar_enabled: false,
    joined_at: '2025-01-01T00:00:00.000Z', large: false, unavailable: false, member_count: 2, voice_states: [], members: [], presences: [], threads: [], stickers: [],
    stage_instances: [], guild_scheduled_events: [],
    channels: [
      { id: CHANNEL_ID, type: 0, name: 'talks', position: 0, permission_overwrites: [], nsfw: false, parent_id: null },
      { id: BRIEF_CHANNEL_ID, type: 0, name: 'briefings', position: 1, permission_overwrites: [], nsfw: false, parent_id: null },
    ],
  };
}

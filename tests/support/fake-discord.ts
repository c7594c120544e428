/**
 * A Discord on 127.0.0.1: enough of the REST API and the gateway for the unmodified discord.js
 * client to log in and serve interactions. It records what the bot sends, checks every message
 * payload against Discord's limits (answering 400 / 50035 like Discord does), and enforces the
 * three-second window for the first response to an interaction.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { WebSocketServer, type WebSocket } from 'ws';
import { limitViolations } from '../../src/render/discord-limits.ts';

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

export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
  status: number;
  at: number;
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

export class FakeDiscord extends EventEmitter {
  private server = http.createServer((req, res) => void this.onRequest(req, res));
  private wss = new WebSocketServer({ noServer: true });
  private sockets = new Set<WebSocket>();
  private seqNo = 0;
  port = 0;
  readonly requests: RecordedRequest[] = [];
  readonly callbacks: Callback[] = [];
  readonly violations: { path: string; problems: string[] }[] = [];
  readonly channelMessages: { channel: string; body: any }[] = [];
  readonly identifies: any[] = [];
  readonly commands = new Map<string, any[]>();
  readonly interactions = new Map<string, PendingInteraction>();
  /** The 3-second rule; tests of deferral rely on it. */
  responseWindowMs = 3000;
  /** What GET /gateway/bot recommends: the shard count, and how many shards may identify at once. */
  gatewayShards = 1;
  maxConcurrency = 1;
  /** The servers the bot is in; each gateway session is sent those of its shard. */
  guilds = [GUILD_ID];
  /** The [shard id, shard count] each gateway session identified with. */
  private shardOf = new Map<WebSocket, [number, number]>();

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
    this.wss.close();
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  get connected(): boolean {
    return this.sockets.size > 0;
  }

  // ---- gateway -------------------------------------------------------------------------------

  private send(ws: WebSocket, payload: object) {
    ws.send(JSON.stringify(payload));
  }

  /** Sent to the session of the shard that owns the payload's server, as Discord routes events. */
  private dispatch(t: string, d: { guild_id?: string }) {
    for (const ws of this.sockets) {
      const [id, count] = this.shardOf.get(ws) ?? [0, 1];
      if (!d.guild_id || shardOfGuild(d.guild_id, count) === id) this.send(ws, { op: 0, t, s: ++this.seqNo, d });
    }
  }

  private onSocket(ws: WebSocket) {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.shardOf.delete(ws);
      this.emit('disconnect');
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: 45000 } });
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.op === 1) this.send(ws, { op: 11 });
      else if (msg.op === 2) {
        this.identifies.push(msg.d);
        const shard: [number, number] = msg.d.shard ?? [0, 1];
        this.shardOf.set(ws, shard);
        const mine = this.guilds.filter((g) => shardOfGuild(g, shard[1]) === shard[0]);
        this.send(ws, {
          op: 0, t: 'READY', s: ++this.seqNo,
          d: {
            v: 10, user: { id: APP_ID, username: 'Keystone', discriminator: '0', bot: true, avatar: null, global_name: null, flags: 0 },
            guilds: mine.map((id) => ({ id, unavailable: true })), session_id: `session-${shard[0]}-${this.identifies.length}`, resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
            application: { id: APP_ID, flags: 0 }, shard,
          },
        });
        for (const id of mine) this.send(ws, { op: 0, t: 'GUILD_CREATE', s: ++this.seqNo, d: guild(id) });
        this.emit('identify', msg.d);
      }
    });
  }

  // ---- interactions --------------------------------------------------------------------------

  private base(user = USER, permissions = '2147483647', guildId = GUILD_ID) {
    const id = snowflake();
    const token = `itok-${randomBytes(12).toString('hex')}`;
    this.interactions.set(id, { id, token, dispatchedAt: performance.now(), responded: false, flags: 0, original: null, followups: [] });
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

  /** Sends a slash command; options as { name: value }. */
  slash(name: string, options: Record<string, string | number | boolean> = {}, opts: { user?: typeof USER; permissions?: string; guild?: string } = {}): string {
    return this.sendInteraction(this.slashPayload(name, options, opts));
  }

  autocomplete(name: string, options: Record<string, string>, focused: string): string {
    return this.sendInteraction(this.autocompletePayload(name, options, focused));
  }

  /** Clicks a button on a message the bot sent (the message as recorded from its payload). */
  click(customId: string, message: any, opts: { user?: typeof USER; ephemeral?: boolean } = {}): string {
    return this.sendInteraction(this.clickPayload(customId, message, opts));
  }

  // The payloads themselves, for a transport other than the gateway (the HTTP endpoint is sent the same JSON).

  slashPayload(name: string, options: Record<string, string | number | boolean> = {}, opts: { user?: typeof USER; permissions?: string; guild?: string } = {}): any {
    const types: Record<string, number> = { string: 3, number: 10, boolean: 5 };
    return {
      ...this.base(opts.user, opts.permissions, opts.guild), type: 2,
      data: { id: this.commandId(name), name, type: 1, guild_id: opts.guild ?? GUILD_ID, options: Object.entries(options).map(([k, v]) => ({ name: k, type: types[typeof v], value: v })) },
    };
  }

  autocompletePayload(name: string, options: Record<string, string>, focused: string): any {
    return {
      ...this.base(), type: 4,
      data: { id: this.commandId(name), name, type: 1, guild_id: GUILD_ID, options: Object.entries(options).map(([k, v]) => ({ name: k, type: 3, value: v, ...(k === focused ? { focused: true } : {}) })) },
    };
  }

  clickPayload(customId: string, message: any, opts: { user?: typeof USER; ephemeral?: boolean } = {}): any {
    return {
      ...this.base(opts.user), type: 3,
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

  private acceptCallback(p: PendingInteraction, body: any, withResponse: boolean): { status: number; json?: unknown } {
    const latency = performance.now() - p.dispatchedAt;
    if (p.responded) return { status: 400, json: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    if (latency > this.responseWindowMs) return { status: 404, json: { message: 'Unknown interaction', code: 10062 } };
    if (body?.type === 8) {
      const problems = choiceProblems(body.data?.choices ?? []);
      if (problems.length) return this.invalidBody(`/interactions/${p.id}/callback`, problems);
    } else if (body?.data && (body.type === 4 || body.type === 7)) {
      const problems = limitViolations(body.data);
      if (!body.data.allowed_mentions || (body.data.allowed_mentions.parse ?? []).length) problems.push('allowed_mentions.parse is not []');
      if (problems.length) return this.invalidBody(`/interactions/${p.id}/callback`, problems);
    }
    p.responded = true;
    p.flags = body.data?.flags ?? 0;
    if (body.type === 4 || body.type === 7) p.original = this.message(body.data);
    this.callbacks.push({ interactionId: p.id, type: body.type, data: body.data, latency });
    return withResponse ? { status: 200, json: { interaction: { id: p.id, type: 2 }, resource: { type: body.type, message: p.original } } } : { status: 204 };
  }

  private invalidBody(path: string, problems: string[]): { status: number; json: unknown } {
    this.violations.push({ path, problems });
    return { status: 400, json: { message: 'Invalid Form Body', code: 50035, errors: problems } };
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

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any = null;
    if (raw) {
      const type = req.headers['content-type'] ?? '';
      if (type.includes('application/json')) body = JSON.parse(raw);
      else if (type.includes('multipart/form-data')) body = JSON.parse(/name="payload_json"[^\n]*\r?\n(?:[^\n]*\r?\n)?\r?\n([\s\S]*?)\r?\n--/.exec(raw)?.[1] ?? 'null');
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/^\/api\/v\d+/, '');
    const method = req.method ?? 'GET';
    const reply = (status: number, json?: unknown) => {
      this.requests.push({ method, path, body, status, at: Date.now() });
      if (json === undefined) {
        res.writeHead(status);
        res.end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      }
      this.emit('request', { method, path, body, status });
    };
    const authed = req.headers.authorization === `Bot ${TOKEN}`;
    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsAuth && !authed) return reply(401, { message: '401: Unauthorized', code: 0 });
    const invalid = (problems: string[]) => {
      this.violations.push({ path, problems });
      reply(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
    };

    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return reply(200, { url: `ws://127.0.0.1:${this.port}/gateway`, shards: this.gatewayShards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.maxConcurrency } });
    }
    if (method === 'GET' && path === '/gateway') return reply(200, { url: `ws://127.0.0.1:${this.port}/gateway` });
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const key = m[2] ? `guild:${m[2]}` : 'global';
      if (method === 'PUT') {
        const problems = (body as any[]).flatMap(commandProblems);
        if (problems.length) return invalid(problems);
        const saved = (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: m![1], version: snowflake(), type: 1, ...(m![2] ? { guild_id: m![2] } : {}) }));
        this.commands.set(key, saved);
        return reply(200, saved);
      }
      if (method === 'GET') return reply(200, this.commands.get(key) ?? []);
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      const p = this.interactions.get(m[1]);
      if (!p || p.token !== m[2]) return reply(404, { message: 'Unknown interaction', code: 10062 });
      const r = this.acceptCallback(p, body, url.searchParams.get('with_response') === 'true');
      return reply(r.status, r.json);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|%40original|\d+))?$/.exec(path))) {
      const p = [...this.interactions.values()].find((x) => x.token === m![2]);
      if (!p) return reply(404, { message: 'Unknown Webhook', code: 10015 });
      if (method === 'GET') return reply(200, p.original ?? this.message({}));
      if (method === 'DELETE') {
        p.original = null;
        return reply(204);
      }
      const problems = limitViolations(body ?? {});
      if (body && (!body.allowed_mentions || (body.allowed_mentions.parse ?? []).length)) problems.push('allowed_mentions.parse is not []');
      if (problems.length) return invalid(problems);
      const msg = this.message(body);
      if (method === 'PATCH') p.original = { ...msg, flags: (msg.flags ?? 0) | p.flags };
      else if (method === 'POST') p.followups.push(msg);
      return reply(200, msg);
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      const problems = limitViolations(body ?? {});
      if (!body?.allowed_mentions || (body.allowed_mentions.parse ?? []).length) problems.push('allowed_mentions.parse is not []');
      if (problems.length) return invalid(problems);
      this.channelMessages.push({ channel: m[1], body });
      return reply(200, { ...this.message(body), channel_id: m[1], type: 0 });
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === 'GET') return reply(200, { id: m[1], type: 0, guild_id: GUILD_ID, name: 'briefings', position: 1, permission_overwrites: [] });
    if (path === '/users/@me') return reply(200, { id: APP_ID, username: 'Keystone', discriminator: '0', bot: true, avatar: null });
    reply(404, { message: '404: Not Found', code: 0 });
  }
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

function commandProblems(c: any): string[] {
  const p: string[] = [];
  if (!/^[-_\p{L}\p{N}]{1,32}$/u.test(c.name) || c.name !== c.name.toLowerCase()) p.push(`command name "${c.name}"`);
  if (!c.description || c.description.length > 100) p.push(`/${c.name} description length ${c.description?.length}`);
  if ((c.options ?? []).length > 25) p.push(`/${c.name} has too many options`);
  let total = c.name.length + c.description.length;
  for (const o of c.options ?? []) {
    total += o.name.length + o.description.length;
    if (!o.description || o.description.length > 100) p.push(`/${c.name} ${o.name} description length ${o.description?.length}`);
    if (o.type === 3 && o.max_length != null && (o.max_length < 1 || o.max_length > 6000)) p.push(`/${c.name} ${o.name} max_length`);
  }
  if (total > 8000) p.push(`/${c.name} over 8000 characters`);
  return p;
}

function choiceProblems(choices: any[]): string[] {
  const p: string[] = [];
  if (choices.length > 25) p.push(`${choices.length} choices`);
  for (const c of choices) {
    if (!c.name || c.name.length > 100) p.push(`choice name length ${c.name?.length}`);
    if (String(c.value).length > 100) p.push(`choice value length ${String(c.value).length}`);
  }
  return p;
}

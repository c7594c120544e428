import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteractionResponse,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { DiscordPayload } from '../render/discord.ts';
import type { Attachment, AutocompleteRequest, ButtonRequest, Choice, CommandRequest, OptionReader, Request, Responder, Visibility } from './request.ts';

/**
 * Raw interaction JSON (a gateway INTERACTION_CREATE, or the body of a signed HTTP request) turned
 * into a Request, after checking it against the command schemas. Both transports go through here,
 * so a command sees the same thing whichever carried it.
 */

export type CommandSchemas = ReadonlyMap<string, RESTPostAPIChatInputApplicationCommandsJSONBody>;

/** What an interaction is, once its shape has been checked. */
export type ParsedInteraction =
  | { kind: 'ping' }
  | { kind: 'command' | 'autocomplete'; base: Base; commandName: string; options: Map<string, OptionValue>; focused: string | null; attachments?: Map<string, Attachment> }
  | { kind: 'button'; base: Base; customId: string; messageFooter: string };

export type ParseResult =
  | { ok: true; interaction: ParsedInteraction }
  /** `unknownCommand`: well formed, but not a command of ours (a stale registration). */
  | { ok: false; problem: string; unknownCommand?: boolean; id?: string; token?: string; applicationId?: string };

interface Base {
  id: string;
  applicationId: string;
  token: string;
  userId: string;
  guildId: string | null;
  memberPermissions: bigint | null;
}

type OptionValue = string | number | boolean;

const SNOWFLAKE = /^\d{1,20}$/;
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): x is string => typeof x === 'string';

/** The JS type each option type carries on the wire. */
const VALUE_TYPES: Partial<Record<ApplicationCommandOptionType, 'string' | 'number' | 'boolean'>> = {
  [ApplicationCommandOptionType.String]: 'string',
  [ApplicationCommandOptionType.Integer]: 'number',
  [ApplicationCommandOptionType.Number]: 'number',
  [ApplicationCommandOptionType.Boolean]: 'boolean',
  // The value is the attachment's id; what it is comes in data.resolved.attachments.
  [ApplicationCommandOptionType.Attachment]: 'string',
};

/** data.resolved.attachments: the files attachment options point at, by id. */
function parseAttachments(resolved: unknown): Map<string, Attachment> | string {
  const out = new Map<string, Attachment>();
  const list = isObject(resolved) ? resolved.attachments : undefined;
  if (list === undefined) return out;
  if (!isObject(list)) return 'data.resolved.attachments is not an object';
  for (const [id, a] of Object.entries(list)) {
    if (!isObject(a) || !str(a.url) || !/^https?:\/\//.test(a.url) || !str(a.filename) || typeof a.size !== 'number') return `attachment ${id.slice(0, 20)} has no url, filename or size`;
    out.set(id, { url: a.url, filename: a.filename, contentType: str(a.content_type) ? a.content_type : null, size: a.size });
  }
  return out;
}

function parseBase(raw: Record<string, unknown>): Base | string {
  const { id, application_id: applicationId, token } = raw;
  if (!str(id) || !SNOWFLAKE.test(id)) return 'id is missing or not a snowflake';
  if (!str(applicationId) || !SNOWFLAKE.test(applicationId)) return 'application_id is missing or not a snowflake';
  if (!str(token) || !token || token.length > 500) return 'token is missing';
  const member = raw.member;
  const user = isObject(member) && isObject(member.user) ? member.user : raw.user;
  if (!isObject(user) || !str(user.id) || !SNOWFLAKE.test(user.id)) return 'neither member.user.id nor user.id is a snowflake';
  const guildId = raw.guild_id ?? null;
  if (guildId !== null && (!str(guildId) || !SNOWFLAKE.test(guildId))) return 'guild_id is not a snowflake';
  let memberPermissions: bigint | null = null;
  if (isObject(member)) {
    if (!str(member.permissions) || !/^\d{1,40}$/.test(member.permissions)) return 'member.permissions is not a permission bit set';
    memberPermissions = BigInt(member.permissions);
  }
  return { id, applicationId, token, userId: user.id, guildId, memberPermissions };
}

function parseOptions(raw: unknown, schema: RESTPostAPIChatInputApplicationCommandsJSONBody, autocomplete: boolean) {
  const declared = new Map((schema.options ?? []).map((o) => [o.name, o]));
  const values = new Map<string, OptionValue>();
  let focused: string | null = null;
  if (raw !== undefined && !Array.isArray(raw)) return `/${schema.name}: data.options is not a list`;
  for (const o of (raw ?? []) as unknown[]) {
    if (!isObject(o) || !str(o.name)) return `/${schema.name}: an option has no name`;
    const d = declared.get(o.name);
    if (!d) return `/${schema.name} has no option "${o.name.slice(0, 40)}"`;
    if (o.type !== d.type) return `/${schema.name} ${o.name}: option type ${String(o.type).slice(0, 20)}, expected ${d.type}`;
    if (values.has(o.name)) return `/${schema.name} ${o.name}: given twice`;
    if (autocomplete && o.focused === true) {
      // What is being typed arrives as a string whatever the option's type.
      if (!str(o.value) && typeof o.value !== 'number') return `/${schema.name} ${o.name}: the focused value is not text`;
      focused = String(o.value);
      values.set(o.name, o.value);
      continue;
    }
    const want = VALUE_TYPES[d.type];
    if (!want || typeof o.value !== want) return `/${schema.name} ${o.name}: expected a ${want ?? 'supported'} value, got ${o.value === null ? 'null' : typeof o.value}`;
    if (typeof o.value === 'number' && !Number.isFinite(o.value)) return `/${schema.name} ${o.name}: not a finite number`;
    values.set(o.name, o.value as OptionValue);
  }
  if (!autocomplete) {
    for (const d of declared.values()) if ('required' in d && d.required && !values.has(d.name)) return `/${schema.name}: the required option "${d.name}" is missing`;
  } else if (focused === null) return `/${schema.name}: an autocomplete request has no focused option`;
  return { values, focused };
}

/** Checks an interaction's shape against our command schemas; never throws, whatever it is given. */
export function parseInteraction(raw: unknown, schemas: CommandSchemas): ParseResult {
  if (!isObject(raw)) return { ok: false, problem: 'the body is not a JSON object' };
  if (raw.type === InteractionType.Ping) return { ok: true, interaction: { kind: 'ping' } };
  const base = parseBase(raw);
  if (typeof base === 'string') return { ok: false, problem: base };
  const ids = { id: base.id, token: base.token, applicationId: base.applicationId };
  const data = raw.data;
  if (!isObject(data)) return { ok: false, problem: 'data is missing', ...ids };
  if (raw.type === InteractionType.ApplicationCommand || raw.type === InteractionType.ApplicationCommandAutocomplete) {
    if (!str(data.name)) return { ok: false, problem: 'data.name is missing', ...ids };
    if (data.type !== undefined && data.type !== ApplicationCommandType.ChatInput) return { ok: false, problem: `/${data.name.slice(0, 40)} is not a slash command`, ...ids };
    const schema = schemas.get(data.name);
    if (!schema) return { ok: false, problem: `unknown command /${data.name.slice(0, 40)}`, unknownCommand: true, ...ids };
    const autocomplete = raw.type === InteractionType.ApplicationCommandAutocomplete;
    const parsed = parseOptions(data.options, schema, autocomplete);
    if (typeof parsed === 'string') return { ok: false, problem: parsed, ...ids };
    const attachments = parseAttachments(data.resolved);
    if (typeof attachments === 'string') return { ok: false, problem: attachments, ...ids };
    for (const o of schema.options ?? []) {
      const v = parsed.values.get(o.name);
      if (o.type === ApplicationCommandOptionType.Attachment && v !== undefined && !attachments.has(String(v)) && !autocomplete) return { ok: false, problem: `/${schema.name} ${o.name}: the attachment is not in data.resolved`, ...ids };
    }
    return { ok: true, interaction: { kind: autocomplete ? 'autocomplete' : 'command', base, commandName: data.name, options: parsed.values, focused: parsed.focused, attachments } };
  }
  if (raw.type === InteractionType.MessageComponent) {
    if (!str(data.custom_id) || data.custom_id.length > 100) return { ok: false, problem: 'data.custom_id is missing or over 100 characters', ...ids };
    if (data.component_type !== ComponentType.Button) return { ok: false, problem: 'only buttons are supported', ...ids };
    const message = raw.message;
    const embeds = isObject(message) && Array.isArray(message.embeds) ? message.embeds : [];
    const footer = isObject(embeds[0]) && isObject(embeds[0].footer) && str(embeds[0].footer.text) ? embeds[0].footer.text : '';
    return { ok: true, interaction: { kind: 'button', base, customId: data.custom_id, messageFooter: footer } };
  }
  return { ok: false, problem: `interaction type ${String(raw.type).slice(0, 10)} is not supported`, ...ids };
}

function optionReader(values: Map<string, OptionValue>, attachments: Map<string, Attachment> = new Map()): OptionReader {
  const typed = <T>(name: string, type: string) => {
    const v = values.get(name);
    return typeof v === type ? (v as T) : null;
  };
  return {
    string: (name) => typed<string>(name, 'string'),
    boolean: (name) => typed<boolean>(name, 'boolean'),
    number: (name) => typed<number>(name, 'number'),
    attachment: (name) => attachments.get(String(values.get(name))) ?? null,
  };
}

const flagsOf = (v: Visibility) => (v.ephemeral ? MessageFlags.Ephemeral : undefined);
const messageBody = (p: DiscordPayload) => ({ content: p.content, embeds: p.embeds, components: p.components, allowed_mentions: p.allowed_mentions });

/** The state of one interaction's responses, shared by commands and buttons. */
class Repliable {
  protected ack: 'none' | 'deferred' | 'deferred-update' | 'replied' = 'none';
  private firstEphemeral = false;
  private edited = false;
  /** The first response on its way: webhook calls wait for it, since Discord knows no @original before it. */
  private sent: Promise<void> = Promise.resolve();
  readonly id: string;
  readonly userId: string;
  readonly guildId: string | null;
  readonly memberPermissions: bigint | null;

  constructor(base: Base, protected readonly responder: Responder, readonly receivedAt: number) {
    this.id = base.id;
    this.userId = base.userId;
    this.guildId = base.guildId;
    this.memberPermissions = base.memberPermissions;
  }

  get acknowledged(): boolean {
    return this.ack !== 'none';
  }
  get deferred(): boolean {
    return this.ack === 'deferred';
  }
  get replied(): boolean {
    return this.ack === 'replied' || this.edited;
  }
  get ephemeral(): boolean {
    return this.firstEphemeral;
  }

  /** The first response may be sent once; a second would be refused by Discord (40060). */
  protected first(body: APIInteractionResponse, ack: Repliable['ack'], ephemeral: boolean): Promise<void> {
    if (this.ack !== 'none') return Promise.reject(new Error(`interaction ${this.id} was already acknowledged`));
    this.ack = ack;
    this.firstEphemeral = ephemeral;
    this.sent = this.responder.callback(body);
    return this.sent;
  }

  reply(payload: DiscordPayload, v: Visibility): Promise<void> {
    return this.first({ type: InteractionResponseType.ChannelMessageWithSource, data: { ...messageBody(payload), flags: flagsOf(v) } as never }, 'replied', v.ephemeral);
  }
  defer(v: Visibility): Promise<void> {
    return this.first({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: flagsOf(v) } }, 'deferred', v.ephemeral);
  }
  async editReply(payload: DiscordPayload): Promise<void> {
    this.edited = true;
    await this.sent;
    await this.responder.editOriginal({ ...messageBody(payload), content: payload.content ?? null } as never);
  }
  async deleteReply(): Promise<void> {
    await this.sent;
    await this.responder.deleteOriginal();
  }
  async followUp(payload: DiscordPayload, v: Visibility): Promise<void> {
    await this.sent;
    await this.responder.followUp({ ...messageBody(payload), flags: flagsOf(v) } as never);
  }
}

class ApiCommand extends Repliable implements CommandRequest {
  readonly kind = 'command';
  readonly options: OptionReader;
  constructor(base: Base, responder: Responder, receivedAt: number, readonly commandName: string, values: Map<string, OptionValue>, attachments?: Map<string, Attachment>) {
    super(base, responder, receivedAt);
    this.options = optionReader(values, attachments);
  }
}

class ApiButton extends Repliable implements ButtonRequest {
  readonly kind = 'button';
  constructor(base: Base, responder: Responder, receivedAt: number, readonly customId: string, readonly messageFooter: string) {
    super(base, responder, receivedAt);
  }
  update(payload: DiscordPayload): Promise<void> {
    if (this.ack === 'deferred-update') return this.editReply(payload);
    return this.first({ type: InteractionResponseType.UpdateMessage, data: messageBody(payload) as never }, 'replied', false);
  }
  deferUpdate(): Promise<void> {
    return this.first({ type: InteractionResponseType.DeferredMessageUpdate }, 'deferred-update', false);
  }
}

class ApiAutocomplete implements AutocompleteRequest {
  readonly kind = 'autocomplete';
  readonly id: string;
  readonly userId: string;
  readonly guildId: string | null;
  readonly memberPermissions: bigint | null;
  readonly options: OptionReader;
  responded = false;
  constructor(base: Base, private readonly responder: Responder, readonly receivedAt: number, readonly commandName: string, values: Map<string, OptionValue>, readonly focused: string) {
    this.id = base.id;
    this.userId = base.userId;
    this.guildId = base.guildId;
    this.memberPermissions = base.memberPermissions;
    this.options = optionReader(values);
  }
  async respond(choices: Choice[]): Promise<void> {
    if (this.responded) throw new Error(`autocomplete ${this.id} was already answered`);
    this.responded = true;
    await this.responder.callback({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
  }
}

/** The Request for a checked interaction (null for a PING, which has none). */
export function requestOf(parsed: ParsedInteraction, responder: Responder, receivedAt = performance.now()): Request | null {
  switch (parsed.kind) {
    case 'ping':
      return null;
    case 'command':
      return new ApiCommand(parsed.base, responder, receivedAt, parsed.commandName, parsed.options, parsed.attachments);
    case 'autocomplete':
      return new ApiAutocomplete(parsed.base, responder, receivedAt, parsed.commandName, parsed.options, parsed.focused ?? '');
    case 'button':
      return new ApiButton(parsed.base, responder, receivedAt, parsed.customId, parsed.messageFooter);
  }
}

/** The ids a transport needs to answer an interaction through its webhook. */
export function webhookIds(parsed: ParsedInteraction): Base | null {
  return parsed.kind === 'ping' ? null : parsed.base;
}

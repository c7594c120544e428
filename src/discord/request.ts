import type { APIInteractionResponse, RESTPatchAPIWebhookWithTokenMessageJSONBody, RESTPostAPIWebhookWithTokenJSONBody } from 'discord.js';
import type { DiscordPayload } from '../render/discord.ts';

/**
 * The one shape commands, paging and buttons read an interaction through, whatever carried it:
 * the gateway (discord.js) or a signed HTTP request. A transport adapts to this; it decides nothing.
 */

/** A name and the value it stands for (autocomplete). */
export interface Choice {
  name: string;
  value: string;
}

/** Whether an answer is seen by the asker only. */
export interface Visibility {
  ephemeral: boolean;
}

/** A file attached to a command (an attachment option), as Discord describes it. */
export interface Attachment {
  url: string;
  filename: string;
  /** The media type Discord detected, when it did. */
  contentType: string | null;
  size: number;
}

/** A command's options, read with the types its schema declares (checked when the request was made). */
export interface OptionReader {
  string(name: string): string | null;
  boolean(name: string): boolean | null;
  number(name: string): number | null;
  attachment(name: string): Attachment | null;
}

interface BaseRequest {
  readonly id: string;
  readonly userId: string;
  /** Null in a direct message. */
  readonly guildId: string | null;
  /** The member's permissions in the channel; null outside a server. */
  readonly memberPermissions: bigint | null;
  /** performance.now() when the transport received it: the 3-second window for the first response runs from here. */
  readonly receivedAt: number;
}

/** An interaction answered with a message: a slash command or a button. */
export interface Repliable extends BaseRequest {
  /** A first response was sent (of any kind); a second one would be refused. */
  readonly acknowledged: boolean;
  /** A first response of "thinking…" was sent; the answer edits it. */
  readonly deferred: boolean;
  /** A message (or a message update) was sent as the first response. */
  readonly replied: boolean;
  /** Whether the first response was ephemeral (it cannot change afterwards). */
  readonly ephemeral: boolean;
  reply(payload: DiscordPayload, v: Visibility): Promise<void>;
  defer(v: Visibility): Promise<void>;
  editReply(payload: DiscordPayload): Promise<void>;
  deleteReply(): Promise<void>;
  followUp(payload: DiscordPayload, v: Visibility): Promise<void>;
}

export interface CommandRequest extends Repliable {
  readonly kind: 'command';
  readonly commandName: string;
  readonly options: OptionReader;
}

export interface ButtonRequest extends Repliable {
  readonly kind: 'button';
  readonly customId: string;
  /** The footer of the first embed of the message the button is on ('' when none). */
  readonly messageFooter: string;
  /** Replaces the message the button is on (the first response, or an edit after deferUpdate). */
  update(payload: DiscordPayload): Promise<void>;
  /** Acknowledges now; the message is updated later. */
  deferUpdate(): Promise<void>;
}

export interface AutocompleteRequest extends BaseRequest {
  readonly kind: 'autocomplete';
  readonly commandName: string;
  readonly options: OptionReader;
  /** What is typed in the focused option so far. */
  readonly focused: string;
  readonly responded: boolean;
  respond(choices: Choice[]): Promise<void>;
}

export type Request = CommandRequest | ButtonRequest | AutocompleteRequest;

/**
 * What a transport supplies to answer one interaction: the first response (the gateway POSTs it to
 * the callback endpoint, the HTTP endpoint writes it as its HTTP response), and the interaction's
 * webhook for everything after it (the same for both).
 */
export interface Responder {
  callback(body: APIInteractionResponse): Promise<void>;
  editOriginal(body: RESTPatchAPIWebhookWithTokenMessageJSONBody): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(body: RESTPostAPIWebhookWithTokenJSONBody): Promise<void>;
}

const ADMINISTRATOR = 1n << 3n;

/** Whether the member has a permission (administrators have every permission). */
export function hasPermission(perms: bigint | null, flag: bigint): boolean {
  if (perms === null) return false;
  return (perms & flag) === flag || (perms & ADMINISTRATOR) === ADMINISTRATOR;
}

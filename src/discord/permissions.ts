import { PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { hasPermission } from './request.ts';

const NAMES = new Map<bigint, string>([
  [PermissionFlagsBits.ManageGuild, 'Manage Server'],
  [PermissionFlagsBits.Administrator, 'Administrator'],
  [PermissionFlagsBits.ManageMessages, 'Manage Messages'],
]);

/** The permissions a command's schema asks of members (default_member_permissions), or null for everyone. */
export function requiredPermissions(data: RESTPostAPIChatInputApplicationCommandsJSONBody): bigint | null {
  const p = data.default_member_permissions;
  return p == null || p === '' ? null : BigInt(p);
}

/**
 * Whether a member may run a command. Discord hides a command with default_member_permissions from
 * those without them, but a stale client, a server's own overrides or a hand-made request can still
 * send it, and in a direct message nothing is checked at all: so the handler checks again, and such
 * commands run in servers only.
 */
export function mayRun(data: RESTPostAPIChatInputApplicationCommandsJSONBody, req: { guildId: string | null; memberPermissions: bigint | null }): boolean {
  const needed = requiredPermissions(data);
  if (needed === null) return true;
  return req.guildId !== null && hasPermission(req.memberPermissions, needed);
}

/** "Manage Server", for telling someone what they lack. */
export function permissionNames(bits: bigint): string {
  const names = [...NAMES].filter(([flag]) => (bits & flag) === flag).map(([, n]) => n);
  return names.length ? names.join(', ') : `permissions ${bits}`;
}

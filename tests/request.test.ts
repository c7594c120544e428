import { describe, expect, it } from 'vitest';
import { parseInteraction, requestOf } from '../src/discord/api-request.ts';
import { commandSchemas } from '../src/discord/gateway.ts';
import { hasPermission, type Responder } from '../src/discord/request.ts';
import { respond } from '../src/discord/respond.ts';
import { answerInTime } from '../src/discord/deadline.ts';
import { messagePayload } from '../src/render/discord.ts';

const schemas = commandSchemas();
const USER = { id: '1400000000000000005', username: 'analyst' };
const base = { id: '1500000000000000001', application_id: '1100000000000000001', token: 'itok-abc', guild_id: '1200000000000000002', member: { user: USER, permissions: '32' } };
const slash = (name: string, options: unknown[] = []) => ({ ...base, type: 2, data: { id: '1', name, type: 1, options } });

/** A transport that only records what it was asked to send. */
function recorder() {
  const calls: { op: string; body?: any }[] = [];
  const responder: Responder = {
    callback: async (body) => void calls.push({ op: 'callback', body }),
    editOriginal: async (body) => void calls.push({ op: 'edit', body }),
    deleteOriginal: async () => void calls.push({ op: 'delete' }),
    followUp: async (body) => void calls.push({ op: 'followup', body }),
  };
  return { calls, responder };
}

describe('parseInteraction: one check for both transports', () => {
  it('reads a slash command with typed options, user, guild and permissions', () => {
    const r = parseInteraction(slash('ask', [{ name: 'question', type: 3, value: 'How long?' }, { name: 'private', type: 5, value: true }]), schemas);
    expect(r.ok).toBe(true);
    const req = requestOf((r as any).interaction, recorder().responder)!;
    expect(req.kind).toBe('command');
    if (req.kind !== 'command') return;
    expect(req.commandName).toBe('ask');
    expect(req.options.string('question')).toBe('How long?');
    expect(req.options.boolean('private')).toBe(true);
    expect(req.options.string('private')).toBeNull();
    expect(req.userId).toBe(USER.id);
    expect(req.guildId).toBe('1200000000000000002');
    expect(req.memberPermissions).toBe(32n);
  });

  it('reads a user outside a server, with no permissions', () => {
    const { member: _m, guild_id: _g, ...dm } = base;
    const r = parseInteraction({ ...dm, user: USER, type: 2, data: { name: 'sources', type: 1 } }, schemas);
    const req = requestOf((r as any).interaction, recorder().responder)!;
    expect(req.userId).toBe(USER.id);
    expect(req.guildId).toBeNull();
    expect(req.memberPermissions).toBeNull();
  });

  it('reads autocomplete (the focused value) and buttons (custom_id and the footer)', () => {
    const ac = parseInteraction({ ...base, type: 4, data: { name: 'who', type: 1, options: [{ name: 'person', type: 3, value: 'Witk', focused: true }] } }, schemas);
    const a = requestOf((ac as any).interaction, recorder().responder)!;
    expect(a.kind === 'autocomplete' && a.focused).toBe('Witk');
    const click = parseInteraction({ ...base, type: 3, data: { custom_id: 'ks1|page|who|1|-|x', component_type: 2 }, message: { embeds: [{ footer: { text: '/who “x” · page 1/2' } }] } }, schemas);
    const b = requestOf((click as any).interaction, recorder().responder)!;
    expect(b.kind === 'button' && [b.customId, b.messageFooter]).toEqual(['ks1|page|who|1|-|x', '/who “x” · page 1/2']);
    expect(parseInteraction({ type: 1 }, schemas)).toEqual({ ok: true, interaction: { kind: 'ping' } });
  });

  it.each([
    ['not an object', 'null', /not a JSON object/],
    ['a list', '[]', /not a JSON object/],
    ['no id', JSON.stringify({ ...slash('who'), id: undefined }), /id is missing/],
    ['a numeric id', JSON.stringify({ ...slash('who'), id: 15 }), /id is missing/],
    ['no token', JSON.stringify({ ...slash('who'), token: '' }), /token/],
    ['no user', JSON.stringify({ ...slash('who'), member: { permissions: '0' } }), /user\.id/],
    ['bad permissions', JSON.stringify({ ...slash('who'), member: { user: USER, permissions: 'all' } }), /permissions/],
    ['no data', JSON.stringify({ ...base, type: 2 }), /data is missing/],
    ['an unknown command', JSON.stringify(slash('launch')), /unknown command \/launch/],
    ['an unknown option', JSON.stringify(slash('who', [{ name: 'age', type: 3, value: 'x' }])), /has no option "age"/],
    ['a number for a string', JSON.stringify(slash('who', [{ name: 'person', type: 3, value: 7 }])), /expected a string value, got number/],
    ['a wrong option type', JSON.stringify(slash('who', [{ name: 'person', type: 4, value: 7 }])), /option type 4, expected 3/],
    ['a string for a boolean', JSON.stringify(slash('who', [{ name: 'private', type: 5, value: 'yes' }])), /expected a boolean/],
    ['a missing required option', JSON.stringify(slash('ask')), /required option "question" is missing/],
    ['an option twice', JSON.stringify(slash('who', [{ name: 'person', type: 3, value: 'a' }, { name: 'person', type: 3, value: 'b' }])), /given twice/],
    ['options not a list', JSON.stringify({ ...slash('who'), data: { name: 'who', options: {} } }), /not a list/],
    ['autocomplete without focus', JSON.stringify({ ...base, type: 4, data: { name: 'who', options: [{ name: 'person', type: 3, value: 'x' }] } }), /no focused option/],
    ['a select menu', JSON.stringify({ ...base, type: 3, data: { custom_id: 'x', component_type: 3 } }), /only buttons/],
    ['a modal', JSON.stringify({ ...base, type: 5, data: { custom_id: 'x' } }), /type 5 is not supported/],
  ])('refuses %s with a reason', (_what, json, reason) => {
    const r = parseInteraction(JSON.parse(json), schemas);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(reason);
  });

  it('marks an unknown command as such, with the ids to answer it', () => {
    const r = parseInteraction(slash('launch'), schemas);
    expect(r).toEqual(expect.objectContaining({ ok: false, unknownCommand: true, id: base.id, token: base.token }));
  });
});

describe('a Request answers through its transport', () => {
  const parsedSlash = (parseInteraction(slash('who'), schemas) as any).interaction;

  it('replies inline as the first response, ephemeral by flag', async () => {
    const { calls, responder } = recorder();
    const req = requestOf(parsedSlash, responder)!;
    if (req.kind !== 'command') throw new Error('not a command');
    await respond(req, messagePayload('hi'), { ephemeral: true });
    expect(calls).toEqual([{ op: 'callback', body: { type: 4, data: expect.objectContaining({ flags: 64, allowed_mentions: { parse: [] } }) } }]);
    await expect(req.defer({ ephemeral: false })).rejects.toThrow(/already acknowledged/);
  });

  it('after a deferral, edits the original; a private answer to a public deferral replaces it', async () => {
    const same = recorder();
    const a = requestOf(parsedSlash, same.responder)!;
    if (a.kind !== 'command') throw new Error('not a command');
    await a.defer({ ephemeral: false });
    await respond(a, messagePayload('answer'), { ephemeral: false });
    expect(same.calls.map((c) => c.op)).toEqual(['callback', 'edit']);
    expect(same.calls[0].body).toEqual({ type: 5, data: { flags: undefined } });
    expect(same.calls[1].body.content).toBeNull();

    const other = recorder();
    const b = requestOf(parsedSlash, other.responder)!;
    if (b.kind !== 'command') throw new Error('not a command');
    await b.defer({ ephemeral: false });
    await respond(b, messagePayload('nothing found'), { ephemeral: true });
    expect(other.calls.map((c) => c.op)).toEqual(['callback', 'delete', 'followup']);
    expect(other.calls[2].body.flags).toBe(64);
  });

  it('updates a button’s message at once, or edits it after deferUpdate', async () => {
    const click = (parseInteraction({ ...base, type: 3, data: { custom_id: 'ks1|x', component_type: 2 } }, schemas) as any).interaction;
    const now = recorder();
    const a = requestOf(click, now.responder)!;
    if (a.kind !== 'button') throw new Error('not a button');
    await a.update(messagePayload('page 2'));
    expect(now.calls[0].body.type).toBe(7);
    const later = recorder();
    const b = requestOf(click, later.responder)!;
    if (b.kind !== 'button') throw new Error('not a button');
    await b.deferUpdate();
    await b.update(messagePayload('page 2'));
    expect(later.calls.map((c) => [c.op, c.body?.type])).toEqual([['callback', 6], ['edit', undefined]]);
  });

  it('reads permissions like Discord: a flag, or administrator', () => {
    expect(hasPermission(32n, 32n)).toBe(true);
    expect(hasPermission(8n, 32n)).toBe(true);
    expect(hasPermission(2048n, 32n)).toBe(false);
    expect(hasPermission(null, 32n)).toBe(false);
  });
});

describe('answerInTime: inline when ready, deferred when not', () => {
  const parsedSlash = () => (parseInteraction(slash('who'), schemas) as any).interaction;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('answers inline when the work is done within the budget', async () => {
    const { calls, responder } = recorder();
    const req = requestOf(parsedSlash(), responder)! as any;
    const r = await answerInTime(req, () => req.defer({ ephemeral: false }), async () => respond(req, messagePayload('x'), { ephemeral: false }), 1000);
    expect(r.deferred).toBe(false);
    expect(calls.map((c) => c.body?.type ?? c.op)).toEqual([4]);
  });

  it('defers when the work is still waiting at the deadline, and edits only once the deferral went out', async () => {
    const calls: string[] = [];
    const responder: Responder = {
      // A slow first response: the edit must not overtake it (Discord knows no @original before it).
      callback: async (body) => {
        calls.push(`callback ${body.type} start`);
        await sleep(30);
        calls.push(`callback ${body.type} done`);
      },
      editOriginal: async () => void calls.push('edit'),
      deleteOriginal: async () => void calls.push('delete'),
      followUp: async () => void calls.push('followup'),
    };
    const req = requestOf(parsedSlash(), responder)! as any;
    const r = await answerInTime(req, () => req.defer({ ephemeral: false }), async () => {
      await sleep(40);
      await respond(req, messagePayload('x'), { ephemeral: false });
    }, 10);
    expect(r.deferred).toBe(true);
    expect(calls).toEqual(['callback 5 start', 'callback 5 done', 'edit']);
  });

  it('defers first when the request is already late', async () => {
    const { calls, responder } = recorder();
    const req = requestOf(parsedSlash(), responder, performance.now() - 5000)! as any;
    const r = await answerInTime(req, () => req.defer({ ephemeral: true }), async () => respond(req, messagePayload('x'), { ephemeral: true }), 1500);
    expect(r.deferred).toBe(true);
    expect(calls.map((c) => c.op)).toEqual(['callback', 'edit']);
    expect(calls[0].body).toEqual({ type: 5, data: { flags: 64 } });
  });
});

import { GatewayDispatchEvents, InteractionResponseType, MessageFlags, type Client, type REST } from 'discord.js';
import { logger } from '../log.ts';
import { messagePayload } from '../render/discord.ts';
import { parseInteraction, requestOf, type CommandSchemas } from './api-request.ts';
import { commandByName } from './commands/index.ts';
import { handleInteraction } from './handler.ts';
import { CallbackResponder } from './interaction-rest.ts';
import type { BotContext } from './types.ts';

/** The schemas interactions are checked against: the command modules', as registered. */
export function commandSchemas(): CommandSchemas {
  return new Map([...commandByName].map(([name, c]) => [name, c.data]));
}

/**
 * The gateway transport: every INTERACTION_CREATE the client receives, as raw JSON, becomes a
 * Request answered through `rest` (the interaction REST client). discord.js's own interaction
 * objects are not used, so a command runs exactly as it does over HTTP.
 */
export function serveGateway(client: Client, ctx: BotContext, rest: REST): void {
  const schemas = commandSchemas();
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (raw: unknown, shard: number) => {
    const receivedAt = performance.now();
    const parsed = parseInteraction(raw, schemas);
    if (!parsed.ok) {
      logger.warn('interaction refused', { interaction: parsed.id ?? null, shard, problem: parsed.problem });
      // Discord sent it, so someone is waiting: say so rather than leave "the application did not respond".
      if (parsed.id && parsed.token && parsed.applicationId) {
        const text = parsed.unknownCommand ? `Keystone does not know that command (yet). Try /help.` : 'Keystone could not read that request; please try again.';
        new CallbackResponder(rest, parsed.applicationId, parsed.id, parsed.token, receivedAt)
          .callback({ type: InteractionResponseType.ChannelMessageWithSource, data: { ...messagePayload(text), flags: MessageFlags.Ephemeral } as never })
          .catch(() => undefined);
      }
      return;
    }
    const { interaction } = parsed;
    if (interaction.kind === 'ping') return;
    const { applicationId, id, token } = interaction.base;
    const request = requestOf(interaction, new CallbackResponder(rest, applicationId, id, token, receivedAt), receivedAt);
    if (request) void handleInteraction(ctx, request);
  });
}

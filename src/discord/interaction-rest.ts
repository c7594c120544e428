import { REST, Routes, type APIInteractionResponse } from 'discord.js';
import type { Responder } from './request.ts';

/**
 * The REST client for interaction endpoints: callbacks, and the interaction webhook (`@original`
 * edits, deletes, follow-ups). Discord does not count these against the bot's global limit of
 * 50 requests a second, but discord.js's REST counts every request but the callback against it,
 * so the 51st edit within a second would wait out the rest of that second. This client has no
 * client-side global limit; the per-route buckets Discord announces in X-RateLimit headers, and
 * 429s with retry_after (a global one included), are still honoured by the same REST machinery.
 * Interaction endpoints need no bot token: the interaction token authorises them.
 */
export function interactionRest(apiUrl: string | null): REST {
  return new REST({ ...(apiUrl ? { api: apiUrl } : {}), globalRequestsPerSecond: Number.POSITIVE_INFINITY });
}

/** The webhook half of a Responder: what follows the first response, on either transport. */
export class InteractionWebhook implements Omit<Responder, 'callback'> {
  constructor(protected readonly rest: REST, protected readonly applicationId: string, protected readonly token: string) {}

  async editOriginal(body: unknown): Promise<void> {
    await this.rest.patch(Routes.webhookMessage(this.applicationId, this.token, '@original'), { body, auth: false });
  }
  async deleteOriginal(): Promise<void> {
    await this.rest.delete(Routes.webhookMessage(this.applicationId, this.token, '@original'), { auth: false });
  }
  async followUp(body: unknown): Promise<void> {
    await this.rest.post(Routes.webhook(this.applicationId, this.token), { body, auth: false });
  }
}

/** The gateway's Responder: the first response is POSTed to the interaction's callback endpoint. */
export class CallbackResponder extends InteractionWebhook implements Responder {
  constructor(rest: REST, applicationId: string, private readonly interactionId: string, token: string) {
    super(rest, applicationId, token);
  }
  async callback(body: APIInteractionResponse): Promise<void> {
    await this.rest.post(Routes.interactionCallback(this.interactionId, this.token), { body, auth: false });
  }
}

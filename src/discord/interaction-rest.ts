import { REST, Routes, type APIInteractionResponse } from 'discord.js';
import type { Responder } from './request.ts';
import { NotAnswered, failureReason, isTransient, sendFirstResponse, sendIdempotent } from './delivery.ts';
import { logger } from '../log.ts';

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
  // No retries of its own: each kind of request has its own rule (delivery.ts); a blind retry of a
  // callback lands after the 3-second window, and one of a follow-up posts it twice.
  // Every interaction's webhook is a rate-limit handler of its own, dead after 15 minutes: swept each
  // minute rather than each hour, or a busy bot holds tens of thousands (measured by npm run soak).
  return new REST({ ...(apiUrl ? { api: apiUrl } : {}), globalRequestsPerSecond: Number.POSITIVE_INFINITY, retries: 0, handlerSweepInterval: 60_000 });
}

/** The webhook half of a Responder: what follows the first response, on either transport. */
export class InteractionWebhook implements Omit<Responder, 'callback'> {
  constructor(protected readonly rest: REST, protected readonly applicationId: string, protected readonly token: string) {}

  async editOriginal(body: unknown): Promise<void> {
    await sendIdempotent((signal) => this.rest.patch(Routes.webhookMessage(this.applicationId, this.token, '@original'), { body, auth: false, signal }));
  }
  async deleteOriginal(): Promise<void> {
    await sendIdempotent((signal) => this.rest.delete(Routes.webhookMessage(this.applicationId, this.token, '@original'), { auth: false, signal }));
  }
  async followUp(body: unknown): Promise<void> {
    try {
      await this.rest.post(Routes.webhook(this.applicationId, this.token), { body, auth: false });
    } catch (e) {
      // Not idempotent: after a 5xx or a timeout it may be posted already, so it is neither retried nor followed by an apology.
      if (isTransient(e)) throw new NotAnswered(`the follow-up may not have been posted (${failureReason(e)}); not sent again, so it is never posted twice`, { cause: e });
      throw e;
    }
  }
}

/** The gateway's Responder: the first response is POSTed to the interaction's callback endpoint. */
export class CallbackResponder extends InteractionWebhook implements Responder {
  /** `receivedAt`: performance.now() when the interaction arrived; the 3-second window runs from there. */
  constructor(rest: REST, applicationId: string, private readonly interactionId: string, token: string, private readonly receivedAt = performance.now()) {
    super(rest, applicationId, token);
  }
  async callback(body: APIInteractionResponse): Promise<void> {
    const how = await sendFirstResponse((signal) => this.rest.post(Routes.interactionCallback(this.interactionId, this.token), { body, auth: false, signal }), this.receivedAt);
    // The user has the answer: only the first try's reply was lost on the way back.
    if (how === 'acknowledged') logger.info('first response had landed; its retry was refused with 40060', { interaction: this.interactionId });
  }
}

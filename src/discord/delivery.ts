/**
 * How requests to Discord are retried, by what they are:
 * - the first response to an interaction must land within 3 s of Discord sending it: each try gets
 *   a timeout that leaves room for one more, and there is one retry at most; a retry that Discord
 *   refuses with 40060 means the first try had landed (its answer was lost on the way back);
 * - an `@original` edit is idempotent: retried until it lands, while the token lives;
 * - a follow-up is not: a failure that may have reached Discord (5xx, a timeout) is never retried,
 *   or the channel would see the answer twice.
 * The REST client for interactions makes no retries of its own (interaction-rest.ts): these are all.
 */

/** Discord's window for the first response, from when it sent the interaction. */
export const RESPONSE_WINDOW_MS = 3000;
/** Kept back for the response's way to Discord and a busy moment of the process. */
const MARGIN_MS = 250;
/** A first try never gets less than this, unless less is left. */
const MIN_FIRST_TRY_MS = 600;
/** How long one try of an edit may take before it is retried: the token lives 15 minutes, so no hurry (discord.js's own default). */
const EDIT_TRY_MS = 15_000;
const EDIT_TRIES = 3;

/** The first response could not be delivered: the interaction cannot be answered any more. */
export class NotAnswered extends Error {
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(`the interaction could not be answered: ${reason}`, options);
  }
}

interface ErrorFacts {
  status?: number;
  code?: number | string;
  name?: string;
  message?: string;
  cause?: { code?: string };
}

const facts = (e: unknown): ErrorFacts => (typeof e === 'object' && e !== null ? (e as ErrorFacts) : {});

/** A timeout, a dropped connection or a 5xx: the request may or may not have reached Discord. */
export function isTransient(e: unknown): boolean {
  const f = facts(e);
  if (f.name === 'AbortError' || f.name === 'TimeoutError') return true;
  if (typeof f.status === 'number' && f.status >= 500) return true;
  const net = f.cause?.code ?? (typeof f.code === 'string' ? f.code : undefined);
  return ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'].includes(net ?? '');
}

/** One line saying why a request failed: Discord's code and message (a 50035 carries its errors tree), or the network's. */
export function failureReason(e: unknown): string {
  const f = facts(e);
  if (f.name === 'AbortError' || f.name === 'TimeoutError') return 'no answer from Discord in time';
  const status = typeof f.status === 'number' ? `HTTP ${f.status}` : null;
  const code = typeof f.code === 'number' ? `code ${f.code}` : null;
  const message = (f.message ?? String(e)).replace(/\s*\n\s*/g, '; ');
  return [status, code, message].filter(Boolean).join(', ');
}

const timeout = (ms: number) => AbortSignal.timeout(Math.max(1, Math.round(ms)));

/**
 * Sends the first response of an interaction received at `receivedAt` (performance.now()). Resolves
 * 'sent', or 'acknowledged' when a retry finds the first try had landed; throws NotAnswered when the
 * window is gone or both tries failed.
 */
export async function sendFirstResponse(send: (signal: AbortSignal) => Promise<unknown>, receivedAt: number, now: () => number = () => performance.now()): Promise<'sent' | 'acknowledged'> {
  const deadline = receivedAt + RESPONSE_WINDOW_MS - MARGIN_MS;
  let lastError: unknown = null;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const left = deadline - now();
    if (left <= 0) break;
    // The first try leaves half of what is left for a retry; the retry takes the rest.
    const budget = attempt === 1 ? Math.min(left, Math.max(MIN_FIRST_TRY_MS, left / 2)) : left;
    try {
      await send(timeout(budget));
      return 'sent';
    } catch (e) {
      lastError = e;
      const code = facts(e).code;
      if (code === 40060 && attempt > 1) return 'acknowledged';
      if (code === 10062) throw new NotAnswered('Discord no longer knows the interaction (10062: its 3-second window had passed)', { cause: e });
      if (!isTransient(e)) throw new NotAnswered(failureReason(e), { cause: e });
    }
  }
  if (lastError) throw new NotAnswered(`${failureReason(lastError)}, and the retry did not land within the 3-second window`, { cause: lastError });
  throw new NotAnswered('the 3-second window had passed before the answer was ready');
}

/** An idempotent request (an `@original` edit or delete): retried on transient failures, a few times. */
export async function sendIdempotent(send: (signal: AbortSignal) => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send(timeout(EDIT_TRY_MS));
      return;
    } catch (e) {
      if (!isTransient(e) || attempt >= EDIT_TRIES) throw e;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

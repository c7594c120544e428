import { logger } from '../log.ts';
import type { Repliable } from './request.ts';

/**
 * How long after receipt an interaction may go without a first response before the bot defers it.
 * Discord allows 3 s from when it sent the interaction; the other 1.5 s cover the way in, the
 * deferral's way back and a busy moment of the process.
 */
export const DEFER_AFTER_MS = 1500;

/**
 * Runs `work`, which answers the interaction, so that the first response is never late: the answer
 * goes inline when it is ready in time (the usual case: answers take milliseconds); `defer` is sent
 * first when the request is already late, or when `work` is still waiting on something at the
 * deadline (the knowledge base, a reload, a fetch), and the answer then edits the deferral.
 */
export async function answerInTime<T>(
  request: Repliable,
  defer: () => Promise<void>,
  work: () => Promise<T>,
  budgetMs = DEFER_AFTER_MS,
): Promise<{ result: T; deferred: boolean }> {
  let deferred = false;
  const deferNow = () => {
    if (request.acknowledged) return Promise.resolve();
    deferred = true;
    return defer().catch((error) => logger.warn('deferring an interaction failed', { interaction: request.id, error }));
  };
  const left = budgetMs - (performance.now() - request.receivedAt);
  if (left <= 0) await deferNow();
  const timer = left > 0 ? setTimeout(() => void deferNow(), left) : null;
  try {
    return { result: await work(), deferred };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

import { logger } from './log.ts';

/** SIGINT/SIGTERM stop a serving process cleanly and exit 0 (1 if stopping failed); a stray rejection is logged, not fatal. */
export function exitOnSignals(stop: () => Promise<void>): void {
  const onSignal = (signal: string) => {
    logger.info('shutting down', { signal });
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
}

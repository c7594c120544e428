import dotenv from 'dotenv';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

/** Reads .env from the checkout (quietly: dotenv 17 announces itself otherwise). Real environment wins. */
export function loadEnv(): void {
  dotenv.config({ path: path.join(PROJECT_ROOT, '.env'), quiet: true });
}

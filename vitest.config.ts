import { defineConfig } from 'vitest/config';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machines have 2 cores; child-process tests are heavy, so keep workers few.
    maxWorkers: 2,
    // Tests never read or write the checkout's own cache.
    env: { KEYSTONE_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'keystone-cache-')) },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machines have 2 cores; child-process tests are heavy, so keep workers few.
    maxWorkers: 2,
  },
});

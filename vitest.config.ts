import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'contracts/**/*.contract.test.ts'],
    globalSetup: ['contracts/setup/servers.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    // The contract suites share one sandbox, and some move its clock: one file at a time.
    fileParallelism: false,
    hookTimeout: 90_000,
  },
});

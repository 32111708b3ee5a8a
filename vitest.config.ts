import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // under CI a missing ../shared or Chromium fails the run; locally the run says what it skipped
    globalSetup: ['test/setup/requirements.ts'],
    reporters: ['default', './test/setup/skipped-reporter.ts'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests share one built site and one Chromium; run files one at a time.
    fileParallelism: false,
    // Builds the site once per run for the browser tests (tests/e2e/).
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two lanes on two cores: the browser files (one at a time, see below) beside the unit files. By
    // default Vitest keeps one core free, and then every file ran after the other (730 s).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          // Build once and serve once for every browser test.
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: one browser at a time keeps timings stable.
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores. `npm test` runs the two projects as two processes side by side (scripts/test.ts); a
    // run of named files uses both workers. By default Vitest keeps one core free.
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

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two workers on two cores (by default Vitest keeps one core free, and every file ran after the
    // other: 730 s); the browser files run one at a time (below).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          // The search's variant table (the page installs it from the index's manifest).
          setupFiles: ['tests/setup-search.ts'],
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
          // One browser file at a time: browser files side by side with each other and the unit files
          // ran about 1.6 times slower each, and the whole run took as long (471 s against 475 s).
          fileParallelism: false,
          // The page sweeps wait on the browser more than they use the CPU (about half of two cores
          // at 5 pages at once): more pages at once, 209 s → 167 s for a11y.test.ts.
          maxConcurrency: 8,
        },
      },
    ],
  },
});

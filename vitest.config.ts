import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The unit files run as one group before the browser files, on both workers. With no timings cached (a
 * fresh clone, CI) Vitest starts the largest files first, and the property test, the longest (about 55 s)
 * but not the largest, started 46 s in and ended the group late. The files named here start first.
 */
const LONGEST_FIRST = ['tests/search-property.test.ts', 'tests/demand-cli.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((name) => spec.moduleId.endsWith(name));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    // Two workers on two cores (by default Vitest keeps one core free, and every file ran after the
    // other: 730 s); the browser files run one at a time (below).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
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

import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The unit files run as one group before the browser files, on both workers. With no timings cached (a
 * fresh clone, CI) Vitest starts the largest files first, and the property test, the longest (about 55 s)
 * but not the largest, started 46 s in and ended the group late. The files named here start first.
 */
const LONGEST_FIRST = ['tests/search-property.test.ts', 'tests/demand-cli.test.ts'];

export default class LongestFirst extends BaseSequencer {
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

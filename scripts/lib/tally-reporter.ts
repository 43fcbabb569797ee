/**
 * A Vitest reporter that counts outcomes for `npm test`'s closing line, "N passed, N failed": each test
 * case once, plus each failure outside a test (a file that failed to load, a failing hook, an unhandled
 * error), plus the checks `npm test` runs beside Vitest (add()).
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export class TallyReporter implements Reporter {
  passed = 0;
  failed = 0;
  skipped = 0;

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const { state } = test.result();
        if (state === 'passed') this.passed += 1;
        else if (state === 'failed') this.failed += 1;
        else this.skipped += 1;
      }
      this.failed += module.errors().length;
    }
    this.failed += unhandledErrors.length;
  }

  /** Counts a check run beside Vitest as one test. */
  add(ok: boolean): void {
    if (ok) this.passed += 1;
    else this.failed += 1;
  }

  line(): string {
    return `${this.passed} passed, ${this.failed} failed${this.skipped ? `, ${this.skipped} skipped` : ''}`;
  }
}

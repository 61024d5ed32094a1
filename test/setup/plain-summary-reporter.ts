import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node' with { 'resolution-mode': 'import' };

/**
 * Ends the run with the plain line CI tooling reads in any language:
 * `tests: N passed, N failed, N skipped`. Under `npm test` each Nx project's run also appends its
 * counts to DUBAN_TEST_TALLY, and test/setup/run-test-targets.mjs prints the total at the end.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      // A file that failed to load has no tests: count it, or a broken file would read as green.
      if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0) counts.failed++;
    }
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
    if (process.env.DUBAN_TEST_TALLY) appendFileSync(process.env.DUBAN_TEST_TALLY, `${JSON.stringify(counts)}\n`);
  }
}

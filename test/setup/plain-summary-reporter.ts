import { appendFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestModule } from 'vitest/node' with { 'resolution-mode': 'import' };
import { tallyCounts, tallyLine } from './test-tally';

/**
 * Ends the run with the plain line CI tooling reads in any language:
 * `tests: N passed, N failed, N skipped`. Under `npm test` each Nx project's run also appends its
 * counts to DUBAN_TEST_TALLY, and test/setup/run-test-targets.mjs prints the total at the end.
 */
export default class PlainSummaryReporter implements Reporter {
  private readonly started = Date.now();

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    const counts = tallyCounts(
      testModules.map((testModule) => ({
        testStates: [...testModule.children.allTests()].map((test) => test.result().state),
        suiteErrors: testModule.errors().length + [...testModule.children.allSuites()].reduce((sum, suite) => sum + suite.errors().length, 0),
        state: testModule.state(),
      })),
      unhandledErrors.length,
    );
    process.stdout.write(`\n${tallyLine(counts)}\n`);
    // Nx names the project whose target runs this (NX_TASK_TARGET_PROJECT), for the per-project times.
    const project = process.env.NX_TASK_TARGET_PROJECT;
    const seconds = Math.round((Date.now() - this.started) / 1000);
    if (process.env.DUBAN_TEST_TALLY) appendFileSync(process.env.DUBAN_TEST_TALLY, `${JSON.stringify({ ...counts, project, seconds })}\n`);
  }
}

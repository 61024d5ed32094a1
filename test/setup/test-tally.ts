/** What one test file's run left for the tally: its tests' states and the errors outside any test. */
export interface ModuleOutcome {
  /** Each test's final state (vitest: 'passed', 'failed', 'skipped', 'pending'). */
  testStates: readonly string[];
  /** Errors of the file or its suites, not of a test: an import that threw, a beforeAll or afterAll that threw. */
  suiteErrors: number;
  /** The file's own verdict ('failed' when any of the above failed). */
  state: string;
}

export interface TallyCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * The counts of one run. A file whose failure no test carries (it did not load, or a beforeAll
 * threw and vitest marked its tests skipped) counts as one failed, and so does each unhandled
 * error: otherwise a broken file reads "0 failed".
 */
export function tallyCounts(modules: readonly ModuleOutcome[], unhandledErrors = 0): TallyCounts {
  const counts = { passed: 0, failed: unhandledErrors, skipped: 0 };
  for (const module of modules) {
    let failedTests = 0;
    for (const state of module.testStates) {
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') failedTests++;
      else counts.skipped++;
    }
    counts.failed += failedTests;
    if (failedTests === 0 && (module.suiteErrors > 0 || module.state === 'failed')) counts.failed++;
  }
  return counts;
}

/** The line CI tooling reads, in any language. */
export const tallyLine = (counts: TallyCounts) => `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;

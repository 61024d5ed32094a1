import { describe, expect, it } from 'vitest';
import { tallyCounts, tallyLine, type ModuleOutcome } from './test-tally';

const file = (testStates: string[], suiteErrors = 0, state = 'passed'): ModuleOutcome => ({ testStates, suiteErrors, state });

describe('the tally of a test run', () => {
  it('counts each test by its final state', () => {
    expect(tallyCounts([file(['passed', 'passed', 'skipped']), file(['failed', 'passed', 'pending'], 0, 'failed')])).toEqual({
      passed: 3,
      failed: 1,
      skipped: 2,
    });
  });

  it('counts a file that failed to load (no tests collected) as failed', () => {
    expect(tallyCounts([file([], 1, 'failed'), file(['passed'])])).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });

  it('counts a file whose beforeAll threw (its tests marked skipped) as failed', () => {
    expect(tallyCounts([file(['skipped', 'skipped'], 1, 'failed')])).toEqual({ passed: 0, failed: 1, skipped: 2 });
  });

  it('counts an afterAll that threw after every test passed as failed', () => {
    expect(tallyCounts([file(['passed'], 1, 'failed')])).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });

  it('does not count a file twice when failed tests already carry its failure', () => {
    expect(tallyCounts([file(['failed', 'failed'], 0, 'failed')])).toEqual({ passed: 0, failed: 2, skipped: 0 });
  });

  it('counts each unhandled error as failed', () => {
    expect(tallyCounts([file(['passed'])], 2)).toEqual({ passed: 1, failed: 2, skipped: 0 });
  });

  it('prints the line CI reads', () => {
    expect(tallyLine({ passed: 5, failed: 1, skipped: 2 })).toBe('tests: 5 passed, 1 failed, 2 skipped');
  });
});

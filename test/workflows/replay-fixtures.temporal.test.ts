import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_FIXTURES_DIR, readHistoryFixture, replayAll } from '../support/histories';

/**
 * Histories recorded by earlier runs of the tests (DUBAN_RECORD_HISTORIES=1) and committed:
 * a change to workflow code that would break running workflows fails here.
 */
describe('replay of committed workflow histories', () => {
  const files = readdirSync(HISTORY_FIXTURES_DIR).filter((f) => f.endsWith('.history.pb'));

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it('replays each of them against the current workflow code without nondeterminism', async () => {
    const histories = files.map((file) => ({
      workflowId: path.basename(file, '.history.pb'),
      history: readHistoryFixture(readFileSync(path.join(HISTORY_FIXTURES_DIR, file))),
    }));
    expect(await replayAll(histories)).toBe(files.length);
  });
});

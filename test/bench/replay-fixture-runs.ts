import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowRun } from '@duban/audit';
import { HISTORY_FIXTURES_DIR, readHistoryFixture } from '../support/histories';

/** The committed history fixtures, each repeated `copies` times under ids of its own: what the replay benches replay. */
export function replayFixtureRuns(copies: number): { runs: WorkflowRun[]; events: number } {
  const fixtures = readdirSync(HISTORY_FIXTURES_DIR).filter((f) => f.endsWith('.history.pb'));
  const runs: WorkflowRun[] = fixtures.flatMap((file) => {
    const history = readHistoryFixture(readFileSync(path.join(HISTORY_FIXTURES_DIR, file)));
    return Array.from({ length: copies }, (_, i) => ({
      workflowId: `${path.basename(file, '.history.pb')}-${i}`,
      runId: `bench-${i}`,
      history,
      eventCount: history.events.length,
    }));
  });
  return { runs, events: runs.reduce((sum, r) => sum + r.eventCount, 0) };
}

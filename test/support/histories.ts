import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { sharedWorkflowBundle } from '../setup/shared-workflow-bundle';

export const HISTORY_FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'histories');

/** Fetches the histories of finished test workflows, to replay them against the current code. */
export async function fetchHistories(client: Client, workflowIds: string[]) {
  return Promise.all(workflowIds.map(async (workflowId) => ({ workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() })));
}

/**
 * Replays histories against the workflow code as it is now; any nondeterminism fails.
 * Returns how many replayed.
 */
export async function replayAll(histories: Array<{ workflowId: string; history: unknown }>): Promise<number> {
  let replayed = 0;
  const results = Worker.runReplayHistories({ workflowBundle: await sharedWorkflowBundle(), replayName: 'duban-replay' }, histories as never);
  for await (const result of results) {
    if (result.error) throw new Error(`replay of ${result.workflowId} failed: ${String(result.error)}`);
    replayed++;
  }
  return replayed;
}

/** `DUBAN_RECORD_HISTORIES=1` keeps the tests' histories as fixtures (binary protobuf: the JSON helpers trip over two protobufjs copies in the SDK's tree), so later code is checked against them. */
export function maybeRecordFixtures(prefix: string, histories: Array<{ workflowId: string; history: unknown }>): void {
  if (process.env.DUBAN_RECORD_HISTORIES !== '1') return;
  mkdirSync(HISTORY_FIXTURES_DIR, { recursive: true });
  for (const [i, { history }] of histories.entries()) {
    writeFileSync(
      path.join(HISTORY_FIXTURES_DIR, `${prefix}-${i + 1}.history.pb`),
      temporal.api.history.v1.History.encode(history as never).finish(),
    );
  }
}

/** Reads a history fixture: the binary protobuf `History` message, exactly as the server sent it. */
export function readHistoryFixture(bytes: Uint8Array) {
  return temporal.api.history.v1.History.decode(bytes);
}

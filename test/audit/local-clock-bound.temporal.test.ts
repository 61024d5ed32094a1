import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '@duban/audit';
import { auditReplay as replay } from './audit-ledgers';
import { forgeFile, scratchFolders } from './audit-fixtures';

// A campaign bundle exported on 2026-12-03 where a unit's first workflow task ended right after
// loadCampaignPlan's marker: the unit's code read its clock for `enrolled` in the next task
// (history event 7, 12:57:41.431), while a replay reads it at the local activity's recorded
// completion (12:57:41.332). The ledger is true to the original run; verify must accept it, and
// still refuse an `at` the original run could not have read.
const FIXTURE = path.join(__dirname, '../fixtures/bundles/unit-enrolled-in-next-task');
const UNIT_LEDGER = 'ledger/campaign-3907f69c-50a1-42d3-bdc5-6c9b14b78033-unit-u-diligent-16a03e14.events.json';
/** The end of the task that recorded the marker of recordUnitEvents carrying `enrolled` (history event 8). */
const RECORDING_TASK_END = Date.parse('2026-12-03T12:57:41.568Z');
const scratch = scratchFolders();
afterAll(() => scratch.removeAll());

async function withEnrolledAt(at: number): Promise<string> {
  const bundle = await scratch.copyOf(FIXTURE);
  const events = JSON.parse(await readFile(path.join(bundle, UNIT_LEDGER), 'utf8')) as Array<{ seq: number; at: string }>;
  events.find((e) => e.seq === 1)!.at = new Date(at).toISOString();
  await forgeFile(bundle, UNIT_LEDGER, Buffer.from(JSON.stringify(events, null, 2)));
  return bundle;
}

describe('a unit event timed after a local activity (本地活动后的时钟)', () => {
  it('verifies the bundle as exported: the original run read its clock in the task after the marker', async () => {
    const verified = await verifyBundle(FIXTURE, { replay });
    expect(verified.problems).toEqual([]);
  });

  it('accepts an `at` up to the end of the task that recorded the projecting activity, and nothing later', async () => {
    expect((await verifyBundle(await withEnrolledAt(RECORDING_TASK_END), { replay })).problems).toEqual([]);
    const late = await verifyBundle(await withEnrolledAt(RECORDING_TASK_END + 1), { replay });
    expect(late.problems).toEqual([{ file: UNIT_LEDGER, problem: expect.stringContaining('event seq 1 (enrolled) is not as projected') }]);
  });

  it('refuses an `at` earlier than the replayed clock', async () => {
    const early = await verifyBundle(await withEnrolledAt(Date.parse('2026-12-03T12:57:41.331Z')), { replay });
    expect(early.problems).toEqual([{ file: UNIT_LEDGER, problem: expect.stringContaining('event seq 1 (enrolled) is not as projected') }]);
  });
});

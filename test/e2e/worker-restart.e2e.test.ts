import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY } from '@duban/domain';
import {
  awaitRegisteredUpdate,
  claimCompletionUpdate,
  hazardStateQuery,
  hazardWorkflowId,
  reportProgressUpdate,
  submitPlanUpdate,
  verifyUpdate,
} from '@duban/workflows';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { connectDevServer, type DevServerHarness } from '../support/dev-server';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, unitA } from '../support/hazard-fixtures';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';

let dev: DevServerHarness;
beforeAll(async () => {
  dev = await connectDevServer();
});
afterAll(async () => dev.close());

describe('a worker restart in the middle of a hazard (real dev server)', () => {
  it('loses nothing: updates sent while no worker runs are applied once by the next worker', async () => {
    const taskQueue = `restart-${randomUUID()}`;
    const hazardId = randomUUID();
    const now = Date.now();

    const first = await dev.newWorker(taskQueue);
    const firstRun = first.run();
    const handle = await dev.client.workflow.start(hazardWorkflow, {
      taskQueue,
      workflowId: hazardWorkflowId(hazardId),
      args: [{ hazardId, report: hazardReport(now), reporter: inspector, policy: STANDARD_HAZARD_POLICY }],
    });
    await handle.executeUpdate(awaitRegisteredUpdate);
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(now + 20 * DAY_MS) }] });
    first.shutdown();
    await firstRun;

    // No worker now: the update waits in Temporal, durable, until one comes back.
    const progress = handle.executeUpdate(reportProgressUpdate, {
      args: [{ actor: unitA, text: '连墙件已补设4处', percentComplete: 60 }],
      updateId: `progress-${hazardId}`,
    });
    await new Promise((r) => setTimeout(r, 1000));

    const second = await dev.newWorker(taskQueue);
    const secondRun = second.run();
    try {
      const result = await progress;
      expect(result.state.progressReportCount).toBe(1);
      // The same update id again is the same update, not a second report.
      const again = await handle.executeUpdate(reportProgressUpdate, {
        args: [{ actor: unitA, text: '连墙件已补设4处', percentComplete: 60 }],
        updateId: `progress-${hazardId}`,
      });
      expect(again.state.progressReportCount).toBe(1);

      await handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '全部补设完成' }] });
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision: 'accept', comment: '复查合格' }] });
      const final = await handle.result();
      expect(final).toMatchObject({ status: 'signed_off', progressReportCount: 1, lastSeq: 5 });

      const rows: Array<{ seq: number; type: string }> = await dev.dataSource.query(
        'select seq, type from hazard_event where hazard_id = $1 order by seq',
        [hazardId],
      );
      expect(rows).toEqual([
        { seq: 1, type: 'reported' },
        { seq: 2, type: 'plan_submitted' },
        { seq: 3, type: 'progress_reported' },
        { seq: 4, type: 'completion_claimed' },
        { seq: 5, type: 'signed_off' },
      ]);
      expect((await handle.query(hazardStateQuery)).status).toBe('signed_off');

      const histories = await fetchHistories(dev.client, [handle.workflowId]);
      maybeRecordFixtures('worker-restart', histories);
      expect(await replayAll(histories)).toBe(1);
    } finally {
      second.shutdown();
      await secondRun;
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporal } from '@temporalio/proto';
import { STANDARD_HAZARD_POLICY } from '@duban/domain';
import { awaitRegisteredUpdate, hazardWorkflowId, reportProgressUpdate, submitPlanUpdate } from '@duban/workflows';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { connectDevServer, eventually, type DevServerHarness } from '../support/dev-server';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, unitA } from '../support/hazard-fixtures';

// A hazard upserts a search attribute (检索属性) only when its value changed: a progress report
// moves nothing the API lists by, so it adds no upsert to the history, while the list by status
// still finds the hazard where it is.

const UPSERTED = temporal.api.enums.v1.EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES;

let dev: DevServerHarness;
beforeAll(async () => {
  dev = await connectDevServer();
});
afterAll(async () => dev.close());

/** The attribute names each upsert event of the workflow's history carried, in order (Duban's own: patched() upserts TemporalChangeVersion). */
async function upserts(workflowId: string): Promise<string[][]> {
  const history = await dev.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? [])
    .filter((e) => e.eventType === UPSERTED)
    .map((e) =>
      Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {})
        .filter((name) => name.startsWith('Duban'))
        .sort(),
    )
    .filter((names) => names.length > 0);
}

describe('search attributes upserted on change only (real dev server)', () => {
  it('the report upserts all of them, the plan only the status it moves, progress reports none', async () => {
    const taskQueue = `search-attributes-${randomUUID()}`;
    const hazardId = randomUUID();
    const now = Date.now();
    const worker = await dev.newWorker(taskQueue);
    await worker.runUntil(async () => {
      const handle = await dev.client.workflow.start(hazardWorkflow, {
        taskQueue,
        workflowId: hazardWorkflowId(hazardId),
        args: [{ hazardId, report: hazardReport(now), reporter: inspector, policy: STANDARD_HAZARD_POLICY }],
      });
      await handle.executeUpdate(awaitRegisteredUpdate);
      const [opening] = await upserts(handle.workflowId);
      expect(opening).toEqual(expect.arrayContaining(['DubanUnitId', 'DubanHazardGrade', 'DubanHazardStatus', 'DubanOverdue', 'DubanDeadline']));

      const planned = await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(now + 20 * DAY_MS) }] });
      for (const percentComplete of [30, 60])
        await handle.executeUpdate(reportProgressUpdate, { args: [{ actor: unitA, text: `完成${percentComplete}%`, percentComplete }] });

      expect(planned.state.status).toBe('rectifying');
      // The plan moved the status (awaiting_plan → rectifying) and nothing else; the progress reports moved nothing.
      expect((await upserts(handle.workflowId)).slice(1)).toEqual([['DubanHazardStatus']]);

      // The list by status (what the API's visibility queries read) still sees the current status.
      const query = `WorkflowId = '${handle.workflowId}' AND DubanHazardStatus = '${planned.state.status}'`;
      await eventually(async () => {
        for await (const found of dev.client.workflow.list({ query })) return found.workflowId === handle.workflowId;
        return false;
      });
    });
  });
});

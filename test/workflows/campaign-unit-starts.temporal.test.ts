import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@temporalio/worker';
import { SAFETY_MONTH_TEMPLATE } from '@duban/domain';
import {
  addUnitUpdate,
  awaitCampaignRegisteredUpdate,
  campaignWorkflowId,
  DubanCampaignId,
  DubanUnitId,
  unitObligationsWorkflowId,
  unitViewQuery,
  type UnitObligationsInput,
} from '@duban/workflows';
import { createCampaignActivities } from '../../apps/worker/src/campaign-activities';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { launchOf, lateJoiner, manyUnits } from '../support/campaign-fixtures';
import { connectDevServer, eventually, untilQueryable, type DevServerHarness } from '../support/dev-server';
import { office } from '../support/hazard-fixtures';

// Issue 14: a campaign starts its units through an activity with the client — each start on the
// unit's own shard — rather than as children through the campaign's one history.
const UNITS = 260; // more than one launch batch (250)
let dev: DevServerHarness;
let worker: Worker;
let running: Promise<void>;
let taskQueue: string;

beforeAll(async () => {
  dev = await connectDevServer();
  taskQueue = `campaign-unit-starts-${randomUUID()}`;
  worker = await dev.newWorker(taskQueue);
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await dev?.close();
});

const eventTypes = async (workflowId: string) =>
  ((await dev.client.workflow.getHandle(workflowId).fetchHistory()).events ?? []).map((e) => ({
    type: String(e.eventType),
    activity: e.activityTaskScheduledEventAttributes?.activityType?.name,
  }));

describe('a launch starts its units through an activity (单位工作流由活动启动)', () => {
  it(`starts all ${UNITS} units in two batches, none as a child; each unit carries its campaign and unit search attributes`, async () => {
    const campaignId = randomUUID();
    const units = manyUnits(UNITS).map((u) => ({ ...u, unitId: `${u.unitId}-${campaignId.slice(0, 8)}` }));
    const campaign = await dev.client.workflow.start(campaignWorkflow, {
      taskQueue,
      workflowId: campaignWorkflowId(campaignId),
      args: [{ launch: launchOf(campaignId, SAFETY_MONTH_TEMPLATE, units, Date.now() + 3600_000), launchedBy: office }],
    });
    await campaign.executeUpdate(awaitCampaignRegisteredUpdate);
    await eventually(async () => (await eventTypes(campaign.workflowId)).filter((e) => e.activity === 'startUnits').length === 2, 60_000);
    for (const unit of [units[0]!, units[UNITS - 1]!])
      await untilQueryable(() => dev.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unit.unitId)).query(unitViewQuery));

    const events = await eventTypes(campaign.workflowId);
    expect(events.filter((e) => e.type.includes('START_CHILD_WORKFLOW'))).toEqual([]);
    const last = await dev.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, units[UNITS - 1]!.unitId)).describe();
    expect(last.typedSearchAttributes.get(DubanCampaignId)).toBe(campaignId);
    expect(last.typedSearchAttributes.get(DubanUnitId)).toBe(units[UNITS - 1]!.unitId);
    expect(last.raw.workflowExecutionInfo?.parentExecution ?? null).toBeNull();

    // A unit added later goes the same way.
    const joiner = { ...lateJoiner, unitId: `${lateJoiner.unitId}-${campaignId.slice(0, 8)}` };
    await campaign.executeUpdate(addUnitUpdate, { args: [{ actor: office, reason: '新开工项目纳入排查范围', unit: joiner }] });
    await untilQueryable(() => dev.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, joiner.unitId)).query(unitViewQuery));
    expect((await eventTypes(campaign.workflowId)).filter((e) => e.activity === 'startUnits')).toHaveLength(3);
  }, 180_000);

  it('a retried start (the activity again, after a worker died) starts nothing twice, not even a unit whose workflow has ended', async () => {
    const campaignId = randomUUID();
    const unit = { ...lateJoiner, unitId: `${lateJoiner.unitId}-${campaignId.slice(0, 8)}` };
    const input: UnitObligationsInput = { campaignId, unit, enrolledBy: office };
    // startUnits needs only the client; the ledger is the campaign workflow's, not touched here.
    const { startUnits } = createCampaignActivities({ client: dev.client, reader: undefined as never, writer: undefined as never });
    // The unit reads its campaign's plan first: none in the ledger, so it retries and stays running.
    expect(await startUnits({ taskQueue, units: [input] })).toBe(1);
    const first = await dev.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unit.unitId)).describe();
    expect(await startUnits({ taskQueue, units: [input] })).toBe(0);
    await dev.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unit.unitId)).terminate('test: the unit ended');
    expect(await startUnits({ taskQueue, units: [input] })).toBe(0);
    const after = await dev.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unit.unitId)).describe();
    expect(after.runId).toBe(first.runId);
  }, 60_000);
});

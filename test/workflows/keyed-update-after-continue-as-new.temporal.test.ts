import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyedUpdateId } from '@duban/domain';
import {
  awaitCampaignRegisteredUpdate,
  campaignWorkflowId,
  closeCampaignUpdate,
  recordInspectionUpdate,
  unitObligationsWorkflowId,
  unitViewQuery,
  type UnitObligationsInput,
} from '@duban/workflows';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { launchOf, negligentUnit, testTemplate } from '../support/campaign-fixtures';
import { untilQueryable } from '../support/dev-server';
import { DAY_MS, office } from '../support/hazard-fixtures';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

/** Six reports a day, none filed: a unit history that reaches continue-as-new within a few months. */
const DENSE_TEMPLATE = testTemplate({
  id: 'dense-keyed-test',
  name: '密集填报测试活动 (dense test campaign)',
  phases: [{ id: 'whole', name: '全程', duration: { amount: 400, unit: 'days' }, deliverables: [] }],
  reports: ['08:00', '10:00', '12:00', '14:00', '16:00', '18:00'].map((cutoff, n) => ({
    id: `r${n}`,
    name: `第${n + 1}报`,
    cadence: 'daily' as const,
    cutoff,
    zeroReportAllowed: true,
  })),
});

const harness = useTimeSkippingHarness('keyed');

describe('a keyed update sent again after its workflow continued as new', () => {
  it('is recognised from the carried memory and answered again, not applied a second time', async () => {
    const { env, dataSource } = harness;
    const campaignId = randomUUID();
    const campaign = await env.client.workflow.start(campaignWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: campaignWorkflowId(campaignId),
      args: [{ launch: launchOf(campaignId, DENSE_TEMPLATE, [negligentUnit], (await env.currentTimeMs()) + 3600_000), launchedBy: office }],
    });
    await campaign.executeUpdate(awaitCampaignRegisteredUpdate);
    const unit = env.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, negligentUnit.unitId));
    await untilQueryable(() => unit.query(unitViewQuery));
    const inspection = { actor: office, tierId: 'city', checkItemIds: [], note: '市级督查组现场检查' };
    const updateId = keyedUpdateId(randomUUID());
    const inspect = (id: string) => unit.executeUpdate(recordInspectionUpdate, { args: [inspection], updateId: id });

    const first = await inspect(updateId);
    expect(first.events.map((e) => e.type)).toEqual(['inspection_recorded']);
    // Within the run Temporal itself answers the repeated id.
    expect((await inspect(updateId)).events).toEqual(first.events);
    const { runId: firstRunId } = await unit.describe();

    for (let days = 0; (await unit.describe()).runId === firstRunId; days += 20) {
      if (days > 400) throw new Error('the unit workflow never continued as new');
      await env.sleep(20 * DAY_MS);
    }
    // The new run started with the keyed update in its input (and the state carried over).
    const { events } = await unit.fetchHistory();
    const payload = events?.[0].workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const input = JSON.parse(Buffer.from(payload!.data!).toString('utf8')) as UnitObligationsInput;
    expect(input.carriedState?.counters.inspections).toBe(1);
    expect(input.carriedUpdates).toEqual([{ id: updateId, name: 'recordInspection', kept: first.events }]);

    const again = await inspect(updateId);
    expect(again.events).toEqual(first.events);
    expect(again.view.state.counters.inspections).toBe(1);
    expect(again.view.state.lastSeq).toBeGreaterThan(first.view.state.lastSeq);
    expect((await unit.query(unitViewQuery)).state.counters.inspections).toBe(1);
    const recorded = async () =>
      (
        await dataSource.query(
          `select count(*)::int as n from campaign_event where campaign_id = $1 and unit_id = $2 and type = 'inspection_recorded'`,
          [campaignId, negligentUnit.unitId],
        )
      )[0].n;
    expect(await recorded()).toBe(1);

    // Another key is another update: applied, and remembered alongside.
    const next = await inspect(keyedUpdateId(randomUUID()));
    expect(next.view.state.counters.inspections).toBe(2);
    expect(await recorded()).toBe(2);

    await campaign.executeUpdate(closeCampaignUpdate, { args: [{ actor: office, reason: '结束' }] });
    expect((await campaign.result()).status).toBe('closed');
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCampaignSchedule, obligationsBetween } from '@duban/domain';
import { awaitCampaignRegisteredUpdate, campaignWorkflowId, closeCampaignUpdate, unitObligationsWorkflowId, unitViewQuery } from '@duban/workflows';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { launchOf, negligentUnit, testTemplate } from '../support/campaign-fixtures';
import { untilQueryable } from '../support/dev-server';
import { DAY_MS, office } from '../support/hazard-fixtures';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

/** Two daily reports for 700 days: a unit history long enough to have to continue as new. */
const LONG_TEMPLATE = testTemplate({
  id: 'long-drive-test',
  name: '长周期测试活动 (700-day test campaign)',
  phases: [{ id: 'whole', name: '全程', duration: { amount: 700, unit: 'days' }, deliverables: [] }],
  reports: [
    { id: 'morning', name: '早报', cadence: 'daily', cutoff: '09:00', zeroReportAllowed: true },
    { id: 'evening', name: '晚报', cadence: 'daily', cutoff: '17:00', zeroReportAllowed: true },
  ],
  escalation: [
    { id: 'remind', instrument: 'reminder', afterMissed: 1 },
    { id: 'summon', instrument: 'summons', afterMissed: 100 },
  ],
});

const harness = useTimeSkippingHarness('long');

describe('a unit workflow over a long campaign', () => {
  it('continues as new with its state carried over, and the ledger sees one unbroken history', async () => {
    const { env, dataSource } = harness;
    const campaignId = randomUUID();
    const startsAt = (await env.currentTimeMs()) + 3600_000;
    const campaign = await env.client.workflow.start(campaignWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: campaignWorkflowId(campaignId),
      args: [{ launch: launchOf(campaignId, LONG_TEMPLATE, [negligentUnit], startsAt), launchedBy: office }],
    });
    await campaign.executeUpdate(awaitCampaignRegisteredUpdate);
    const unit = env.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, negligentUnit.unitId));
    await untilQueryable(() => unit.query(unitViewQuery));
    await env.sleep(701 * DAY_MS);

    const schedule = buildCampaignSchedule(LONG_TEMPLATE, new Date(startsAt), {});
    const expected = obligationsBetween(LONG_TEMPLATE, schedule, new Date(startsAt - 1), new Date(schedule.endsAt)).length;
    const state = (await unit.query(unitViewQuery)).state;
    expect(expected).toBe(1400);
    expect(state.counters.missed).toBe(expected);
    expect(state.escalations.map((e) => e.stepId)).toEqual(['remind', 'summon']);

    const description = await unit.describe();
    expect(description.runId).not.toBe(description.raw.workflowExecutionInfo?.firstRunId);
    // Each run's history stayed under the continue-as-new bound.
    expect(description.historyLength).toBeLessThan(4100);

    const [{ missed, events, maxSeq }] = await dataSource.query(
      `select u.missed, (select count(*)::int from campaign_event e where e.campaign_id = u.campaign_id and e.unit_id = u.unit_id) as events,
              (select max(seq)::int from campaign_event e where e.campaign_id = u.campaign_id and e.unit_id = u.unit_id) as "maxSeq"
         from campaign_unit u where u.campaign_id = $1 and u.unit_id = $2`,
      [campaignId, negligentUnit.unitId],
    );
    // enrolled + 1,400 misses + 2 rungs, numbered without a gap across runs.
    expect({ missed, events, maxSeq }).toEqual({ missed: expected, events: expected + 3, maxSeq: expected + 3 });

    await campaign.executeUpdate(closeCampaignUpdate, { args: [{ actor: office, reason: '结束' }] });
    expect((await campaign.result()).status).toBe('closed');
  });
});

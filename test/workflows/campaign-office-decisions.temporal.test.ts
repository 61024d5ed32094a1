import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { buildCampaignSchedule, obligationsBetween } from '@duban/domain';
import {
  awaitCampaignRegisteredUpdate,
  campaignViewQuery,
  campaignWorkflowId,
  closeCampaignUpdate,
  extendPhaseUpdate,
  pauseCampaignUpdate,
  removeUnitUpdate,
  resumeCampaignUpdate,
  submitReportUpdate,
  unitObligationsWorkflowId,
  unitViewQuery,
} from '@duban/workflows';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { diligentUnit, launchOf, negligentUnit, testTemplate } from '../support/campaign-fixtures';
import { untilQueryable } from '../support/dev-server';
import { DAY_MS, office, unitA } from '../support/hazard-fixtures';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

/** Two five-day phases, a daily report and a deliverable per phase: small enough to count by hand. */
const TEMPLATE = testTemplate({
  id: 'two-phase-test',
  name: '两阶段测试活动 (two-phase test campaign)',
  phases: [
    {
      id: 'self-check',
      name: '自查自纠',
      duration: { amount: 5, unit: 'days' },
      deliverables: [{ id: 'self-check-report', name: '自查报告', dueAfter: { amount: 4, unit: 'days' } }],
    },
    { id: 'rectify', name: '集中整治', duration: { amount: 5, unit: 'days' }, deliverables: [{ id: 'rectify-ledger', name: '整治台账' }] },
  ],
  reports: [{ id: 'daily', name: '一日一报', cadence: 'daily', cutoff: '17:00', zeroReportAllowed: true }],
});

const harness = useTimeSkippingHarness('decisions');

describe("the office's decisions on a running campaign, under time skipping", () => {
  it('pause spares the units what falls due meanwhile, a phase extension moves later obligations, a removed unit owes nothing more', async () => {
    const { env, dataSource } = harness;
    const campaignId = randomUUID();
    const t0 = await env.currentTimeMs();
    const startsAt = t0 + 3600_000;
    const campaign = await env.client.workflow.start(campaignWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: campaignWorkflowId(campaignId),
      args: [{ launch: launchOf(campaignId, TEMPLATE, [diligentUnit, negligentUnit], startsAt), launchedBy: office }],
    });
    await campaign.executeUpdate(awaitCampaignRegisteredUpdate);
    const unit = (unitId: string) => env.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unitId));
    await untilQueryable(() => unit(negligentUnit.unitId).query(unitViewQuery));
    await untilQueryable(() => unit(diligentUnit.unitId).query(unitViewQuery));

    // Office only, with a reason.
    const byUnit = await campaign.executeUpdate(pauseCampaignUpdate, { args: [{ actor: unitA, reason: 'x' }] }).catch((e) => e);
    expect(byUnit).toBeInstanceOf(WorkflowUpdateFailedError);
    const noReason = await campaign.executeUpdate(pauseCampaignUpdate, { args: [{ actor: office, reason: ' ' }] }).catch((e) => e);
    expect((noReason as WorkflowUpdateFailedError).cause?.message).toMatch(/reason is required/);

    await env.sleep(2 * DAY_MS);
    const pausedAt = await env.currentTimeMs();
    await campaign.executeUpdate(pauseCampaignUpdate, { args: [{ actor: office, reason: '暴雨红色预警，暂停现场排查' }] });
    await env.sleep(3 * DAY_MS);
    const resumedAt = await env.currentTimeMs();
    await campaign.executeUpdate(resumeCampaignUpdate, { args: [{ actor: office, reason: '预警解除' }] });
    const extended = await campaign.executeUpdate(extendPhaseUpdate, {
      args: [{ actor: office, reason: '整治任务重', phaseId: 'rectify', by: { amount: 2, unit: 'days' } }],
    });
    expect(extended.view.schedule.endsAt).toBe(new Date(startsAt + 12 * DAY_MS).toISOString());
    await env.sleep(1 * DAY_MS);
    const removedAt = await env.currentTimeMs();
    await campaign.executeUpdate(removeUnitUpdate, { args: [{ actor: office, reason: '企业已关闭注销', unitId: diligentUnit.unitId }] });
    await env.sleep(9 * DAY_MS);

    const schedule = buildCampaignSchedule(TEMPLATE, new Date(startsAt), { rectify: [{ amount: 2, unit: 'days' }] });
    const count = (from: number, to: number) => obligationsBetween(TEMPLATE, schedule, new Date(from), new Date(to)).length;
    const negligent = (await unit(negligentUnit.unitId).query(unitViewQuery)).state;
    // Everything due before the pause and after the resume, to the extended end; nothing during the pause.
    expect(negligent.counters.missed).toBe(count(startsAt - 1, pausedAt) + count(resumedAt, startsAt + 12 * DAY_MS));
    expect(negligent.counters.missed).toBeLessThan(count(startsAt - 1, startsAt + 12 * DAY_MS));
    // The rectify ledger fell due at the extended phase end.
    expect(negligent.missedOpen).toContain('deliverable:rectify-ledger');
    expect(
      (
        await dataSource.query(
          `select data->>'dueAt' as due from campaign_event where campaign_id = $1 and unit_id = $2 and data->>'obligationId' = 'deliverable:rectify-ledger'`,
          [campaignId, negligentUnit.unitId],
        )
      )[0].due,
    ).toBe(new Date(startsAt + 12 * DAY_MS).toISOString());

    const removed = (await unit(diligentUnit.unitId).query(unitViewQuery)).state;
    expect(removed.status).toBe('removed');
    expect(removed.counters.missed).toBe(count(startsAt - 1, pausedAt) + count(resumedAt, removedAt));
    const late = await unit(diligentUnit.unitId)
      .executeUpdate(submitReportUpdate, {
        args: [{ actor: { ...unitA, unitId: diligentUnit.unitId }, obligationId: 'deliverable:rectify-ledger', zero: false, content: 'x' }],
      })
      .catch((e) => e);
    // The removed unit's workflow has ended: nothing more can be filed there.
    expect(late).toBeInstanceOf(Error);
    expect(String(late.message)).toMatch(/completed|not found/i);

    expect((await campaign.query(campaignViewQuery)).state).toMatchObject({ status: 'running', removedUnitIds: [diligentUnit.unitId] });
    await campaign.executeUpdate(closeCampaignUpdate, { args: [{ actor: office, reason: '活动结束' }] });
    expect((await campaign.result()).status).toBe('closed');
    const decisions: Array<{ type: string; actor_role: string; reason: string }> = await dataSource.query(
      `select type, actor_role, reason from campaign_event where campaign_id = $1 and unit_id = '' and type not in ('launched', 'units_enrolled', 'phase_started') order by seq`,
      [campaignId],
    );
    expect(decisions).toEqual([
      { type: 'paused', actor_role: 'office', reason: '暴雨红色预警，暂停现场排查' },
      { type: 'resumed', actor_role: 'office', reason: '预警解除' },
      { type: 'phase_extended', actor_role: 'office', reason: '整治任务重' },
      { type: 'unit_removed', actor_role: 'office', reason: '企业已关闭注销' },
      { type: 'closed', actor_role: 'office', reason: '活动结束' },
    ]);
    const phaseStarts: Array<{ phase: string }> = await dataSource.query(
      `select data->>'phaseId' as phase from campaign_event where campaign_id = $1 and type = 'phase_started' order by seq`,
      [campaignId],
    );
    expect(phaseStarts.map((p) => p.phase)).toEqual(['self-check', 'rectify']);

    const histories = await fetchHistories(env.client, [
      campaign.workflowId,
      unit(negligentUnit.unitId).workflowId,
      unit(diligentUnit.unitId).workflowId,
    ]);
    maybeRecordFixtures('campaign-decisions', histories);
    expect(await replayAll(histories)).toBe(3);
  });
});

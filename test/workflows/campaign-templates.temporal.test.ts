import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCampaignSchedule,
  obligationsBetween,
  SHIPPED_CAMPAIGN_TEMPLATES,
  type CampaignTemplate,
  type UnitObligationsState,
} from '@duban/domain';
import {
  addUnitUpdate,
  awaitCampaignRegisteredUpdate,
  campaignWorkflowId,
  claimCompletionUpdate,
  closeCampaignUpdate,
  hazardStateQuery,
  hazardWorkflowId,
  recordFindingUpdate,
  recordInspectionUpdate,
  submitPlanUpdate,
  submitReportUpdate,
  unitObligationsWorkflowId,
  unitViewQuery,
  verifyUpdate,
} from '@duban/workflows';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { diligentUnit, lateJoiner, launchOf, negligentUnit } from '../support/campaign-fixtures';
import { untilQueryable } from '../support/dev-server';
import { DAY_MS, fiveInPlacePlan, inspector, office } from '../support/hazard-fixtures';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-env';

let harness: TimeSkippingHarness;
let running: Promise<void>;
let workflowIds: string[] = [];

/**
 * A fresh time-skipping environment per template: in one shared environment the Java test
 * server stopped skipping time for the second campaign (every workflow idle on a timer, no
 * lock held) — a test-server quirk seen only after a first campaign's units had completed.
 */
function freshEnvironmentPerTemplate(prefix: string) {
  beforeAll(async () => {
    workflowIds = [];
    harness = await startTimeSkippingHarness(`campaigns-${randomUUID()}`);
    running = harness.worker.run();
  });
  afterAll(async () => {
    harness.worker.shutdown();
    await running;
    await harness.teardown();
  });
  return prefix;
}

const unitActor = (unitId: string) => ({ id: `${unitId}-safety-officer`, name: `${unitId} 安全员`, role: 'unit' as const, unitId });

/**
 * Runs a shipped template over its real durations under time skipping: a diligent unit reports
 * every obligation on time (零报告 where allowed), a negligent one reports nothing, a third
 * joins mid-campaign; an inspector's finding becomes a hazard that is rectified and signed off.
 */
async function runToCompletion(template: CampaignTemplate) {
  const { env, dataSource } = harness;
  const campaignId = randomUUID();
  const t0 = await env.currentTimeMs();
  const startsAt = t0 + 3600_000;
  const launch = launchOf(campaignId, template, [diligentUnit, negligentUnit], startsAt);
  const campaign = await env.client.workflow.start(campaignWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: campaignWorkflowId(campaignId),
    args: [{ launch, launchedBy: office }],
  });
  workflowIds.push(campaign.workflowId);
  await campaign.executeUpdate(awaitCampaignRegisteredUpdate);
  const unitHandle = (unitId: string) => env.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unitId));
  await untilQueryable(() => unitHandle(diligentUnit.unitId).query(unitViewQuery));
  await untilQueryable(() => unitHandle(negligentUnit.unitId).query(unitViewQuery));

  const schedule = buildCampaignSchedule(template, new Date(startsAt), {});
  const endsAt = Date.parse(schedule.endsAt);
  const midpoint = startsAt + Math.floor((endsAt - startsAt) / 2 / DAY_MS) * DAY_MS;
  let hazardId: string | undefined;
  let lateJoinerAdded = false;
  let reported = 0;

  for (let now = await env.currentTimeMs(); now < endsAt + DAY_MS; now = await env.currentTimeMs()) {
    // The diligent unit files everything due in the next day, before its cut-off.
    for (const obligation of obligationsBetween(template, schedule, new Date(now - 1), new Date(now + DAY_MS))) {
      const zero = obligation.zeroReportAllowed && reported % 3 === 0;
      await unitHandle(diligentUnit.unitId).executeUpdate(submitReportUpdate, {
        args: [
          {
            actor: unitActor(diligentUnit.unitId),
            obligationId: obligation.id,
            zero,
            content: zero ? '' : `${obligation.name}：已完成自查，无新增隐患`,
          },
        ],
      });
      reported++;
    }
    if (!hazardId && now >= startsAt + 2 * DAY_MS) {
      const tier = template.inspectionTiers[0]?.id ?? 'self';
      const checkItemIds = template.checkItems.slice(0, 2).map((i) => i.id);
      await unitHandle(diligentUnit.unitId).executeUpdate(recordInspectionUpdate, {
        args: [{ actor: inspector, tierId: tier, checkItemIds, note: '现场检查' }],
      });
      const finding = await unitHandle(diligentUnit.unitId).executeUpdate(recordFindingUpdate, {
        args: [
          {
            actor: inspector,
            title: '临边防护缺失',
            description: '5层临边未设防护栏杆',
            location: '3号楼5层',
            industry: '建筑施工',
            grade: 'general',
            finder: '张工',
            deadline: new Date(now + 10 * DAY_MS).toISOString(),
          },
        ],
      });
      hazardId = finding.hazardId;
      const hazard = env.client.workflow.getHandle(hazardWorkflowId(hazardId));
      await untilQueryable(() => hazard.query(hazardStateQuery));
      await hazard.executeUpdate(submitPlanUpdate, { args: [{ actor: unitActor(diligentUnit.unitId), plan: fiveInPlacePlan(now + 5 * DAY_MS) }] });
      await hazard.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitActor(diligentUnit.unitId), summary: '已设置防护栏杆' }] });
      await hazard.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision: 'accept', comment: '复查合格' }] });
      workflowIds.push(hazard.workflowId);
    }
    if (!lateJoinerAdded && now >= midpoint) {
      await campaign.executeUpdate(addUnitUpdate, { args: [{ actor: office, reason: '新开工项目纳入排查范围', unit: lateJoiner }] });
      await untilQueryable(() => unitHandle(lateJoiner.unitId).query(unitViewQuery));
      lateJoinerAdded = true;
    }
    await env.sleep(DAY_MS);
  }

  const beforeClose = {
    diligent: (await unitHandle(diligentUnit.unitId).query(unitViewQuery)).state,
    negligent: (await unitHandle(negligentUnit.unitId).query(unitViewQuery)).state,
    lateJoiner: (await unitHandle(lateJoiner.unitId).query(unitViewQuery)).state,
  };
  await campaign.executeUpdate(closeCampaignUpdate, { args: [{ actor: office, reason: '活动结束，转入总结验收' }] });
  const final = await campaign.result();
  const finals: Record<string, UnitObligationsState> = {};
  for (const unit of [diligentUnit, negligentUnit, lateJoiner]) {
    finals[unit.unitId] = await unitHandle(unit.unitId).result();
    workflowIds.push(unitHandle(unit.unitId).workflowId);
  }
  const unitRows: Array<{ unit_id: string; status: string; missed: number; on_time: number; escalation_count: number }> = await dataSource.query(
    'select unit_id, status, missed, on_time, escalation_count from campaign_unit where campaign_id = $1 order by unit_id',
    [campaignId],
  );
  const [hazardRow] = await dataSource.query('select status, campaign_id, unit_id from hazard_ledger where hazard_id = $1', [hazardId]);
  return { campaignId, schedule, final, finals, beforeClose, unitRows, hazardRow, reported };
}

describe.each(SHIPPED_CAMPAIGN_TEMPLATES.map((t) => [t.name, t] as const))('shipped template %s, over its real durations', (_name, template) => {
  freshEnvironmentPerTemplate(template.id);

  it('tracks every unit to the end: on-time reports, missed ones escalated, a finding signed off, a unit added mid-way', async () => {
    const run = await runToCompletion(template);
    const { diligent, negligent, lateJoiner: joiner } = run.beforeClose;
    const totalObligations = obligationsBetween(
      template,
      run.schedule,
      new Date(Date.parse(run.schedule.startsAt) - 1),
      new Date(run.schedule.endsAt),
    ).length;
    expect(totalObligations).toBeGreaterThan(0);

    // The diligent unit met every obligation on time and was never escalated.
    expect(diligent.counters).toMatchObject({ onTime: totalObligations, missed: 0, due: totalObligations });
    expect(diligent.escalations).toEqual([]);
    expect(diligent.counters.findings).toBe(1);
    // The negligent one missed everything and climbed the whole ladder.
    expect(negligent.counters).toMatchObject({ onTime: 0, missed: totalObligations });
    expect(negligent.escalations.map((e) => e.stepId)).toEqual(template.escalation.filter((s) => s.afterMissed <= totalObligations).map((s) => s.id));
    // The late joiner owes only what fell due after it joined.
    expect(joiner.counters.missed).toBeLessThan(totalObligations);
    expect(Date.parse(joiner.enrolledAt)).toBeGreaterThan(Date.parse(run.schedule.startsAt));

    expect(run.final.status).toBe('closed');
    expect(Object.values(run.finals).map((s) => s.status)).toEqual(['closed', 'closed', 'closed']);
    expect(run.unitRows).toEqual([
      expect.objectContaining({ unit_id: diligentUnit.unitId, status: 'closed', missed: 0, escalation_count: 0 }),
      expect.objectContaining({ unit_id: lateJoiner.unitId, status: 'closed' }),
      expect.objectContaining({ unit_id: negligentUnit.unitId, status: 'closed', missed: totalObligations }),
    ]);
    expect(run.hazardRow).toMatchObject({ status: 'signed_off', campaign_id: run.campaignId, unit_id: diligentUnit.unitId });
  });

  it('replays the histories it recorded against the current workflow code', async () => {
    const histories = await fetchHistories(harness.env.client, workflowIds);
    maybeRecordFixtures(`campaign-${template.id}`, histories.slice(0, 3));
    expect(await replayAll(histories)).toBe(workflowIds.length);
  });
});

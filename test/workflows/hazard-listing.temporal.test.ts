import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { STANDARD_HAZARD_POLICY, type Actor, type HazardReport } from '@duban/domain';
import {
  awaitRegisteredUpdate,
  claimCompletionUpdate,
  delistUpdate,
  hazardStateQuery,
  hazardWorkflowId,
  listForSupervisionUpdate,
  submitPlanUpdate,
  verifyUpdate,
} from '@duban/workflows';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, office, unitA } from '../support/hazard-fixtures';
import { fetchHistories, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

// 挂牌督办 by level through the real workflow, worker and ledger: an office lists, a higher
// committee raises, the ladder adds no second listing, and the file stays open after the
// sign-off until the listing level closes the listing (销号).

const harness = useTimeSkippingHarness('listing');
const workflowIds: string[] = [];

const countyOffice: Actor = { ...office, id: 'county-office-wu', unitId: 'county-aqw', regionId: '411721' };
const cityOffice: Actor = { ...office, id: 'city-office-zhou', unitId: 'city-aqw', regionId: '411700' };
const tracker = { name: '县应急管理局 孙科长', personId: 'person-sun' };

async function report(overrides: Partial<HazardReport> = {}) {
  const now = await harness.env.currentTimeMs();
  const hazardId = randomUUID();
  const handle = await harness.env.client.workflow.start(hazardWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: hazardWorkflowId(hazardId),
    args: [{ hazardId, report: hazardReport(now, overrides), reporter: inspector, policy: STANDARD_HAZARD_POLICY }],
  });
  workflowIds.push(handle.workflowId);
  await handle.executeUpdate(awaitRegisteredUpdate);
  return { hazardId, handle, t0: now };
}

async function ledgerRow(hazardId: string) {
  const [row] = await harness.dataSource.query(
    'select listing_level, listing_region_id, listing_tracker_name, listed_at, delisted_at, status from hazard_ledger where hazard_id = $1',
    [hazardId],
  );
  return row;
}

const eventTypes = async (hazardId: string): Promise<string[]> =>
  (await harness.dataSource.query('select type from hazard_event where hazard_id = $1 order by seq', [hazardId])).map(
    (e: { type: string }) => e.type,
  );

describe('挂牌督办 by level in the hazard workflow, under time skipping', () => {
  it('lists, raises, refuses a lowering, and keeps the file open after the sign-off until the listing is closed', async () => {
    const { hazardId, handle, t0 } = await report();
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(t0 + 20 * DAY_MS) }] });
    await handle.executeUpdate(listForSupervisionUpdate, { args: [{ actor: countyOffice, level: 'county', tracker, reason: '县安委会挂牌督办' }] });
    await harness.env.sleep(2 * DAY_MS);
    const raised = await handle.executeUpdate(listForSupervisionUpdate, {
      args: [{ actor: cityOffice, level: 'city', tracker, reason: '市安委会提级督办' }],
    });
    expect(raised.events.map((e) => e.type)).toEqual(['listing_changed']);
    const lowered = await handle
      .executeUpdate(listForSupervisionUpdate, { args: [{ actor: countyOffice, level: 'county', tracker, reason: '降级' }] })
      .catch((e) => e);
    expect(lowered).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((lowered as WorkflowUpdateFailedError).cause as ApplicationFailure).details?.[0]).toMatchObject({
      code: 'hazard.listing.level_lower',
      field: 'level',
    });

    // 10 days late: reminder and notice, but no second listing from the ladder.
    await harness.env.sleep(38 * DAY_MS);
    let state = await handle.query(hazardStateQuery);
    expect(state.escalations.map((e) => e.instrument)).toEqual(['reminder', 'notice']);
    expect(state.listing).toMatchObject({ level: 'city', regionId: '411700', tracker: { ...tracker, unitId: 'city-aqw' } });

    await handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '已补设连墙件', attachments: ['file://photo.jpg'] }] });
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision: 'accept', comment: '验收合格' }] });
    await harness.env.sleep(DAY_MS);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(await ledgerRow(hazardId)).toMatchObject({ status: 'signed_off', listing_level: 'city', delisted_at: null });

    await handle.executeUpdate(delistUpdate, { args: [{ actor: cityOffice, reason: '经市安委会复核, 同意销号' }] });
    state = await handle.result();
    expect(state.listing?.delisted).toMatchObject({ by: { id: 'city-office-zhou' }, reason: '经市安委会复核, 同意销号' });
    const row = await ledgerRow(hazardId);
    expect(row).toMatchObject({ listing_level: 'city', listing_region_id: '411700', listing_tracker_name: tracker.name });
    expect(row.delisted_at).toEqual(new Date(state.listing!.delisted!.at));
    expect(await eventTypes(hazardId)).toEqual([
      'reported',
      'plan_submitted',
      'listed',
      'listing_changed',
      'escalated',
      'overdue',
      'escalated',
      'completion_claimed',
      'signed_off',
      'delisted',
    ]);
  });

  it('closes an unlisted hazard at its sign-off, as before', async () => {
    const { handle } = await report();
    await handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '现场整改完毕' }] });
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision: 'accept', comment: '验收合格' }] });
    expect((await handle.result()).status).toBe('signed_off');
  });

  it("keeps a major hazard listed by the policy on report (county) open until that level's 销号", async () => {
    const { handle, t0 } = await report({ grade: 'major' });
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(t0 + 20 * DAY_MS) }] });
    await handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '整改完毕' }] });
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision: 'accept', comment: '验收合格', effectEvaluation: '效果良好' }] });
    expect((await handle.query(hazardStateQuery)).listing).toMatchObject({ level: 'county', tracker: null });
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await handle.executeUpdate(delistUpdate, { args: [{ actor: countyOffice, reason: '县安委会同意销号' }] });
    expect((await handle.result()).listing?.delisted?.by.id).toBe('county-office-wu');
  });

  it('replays every history this file recorded against the current workflow code', async () => {
    const histories = await fetchHistories(harness.env.client, workflowIds);
    expect(await replayAll(histories)).toBe(workflowIds.length);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  accountabilityFiringKey,
  openAccountabilityAction,
  reviewAccidentRecord,
  foldAccidentOpening,
  openAccidentFile,
  seedCityControlIndicators,
  STANDARD_ACCIDENT_POLICY,
  STANDARD_ACCOUNTABILITY_ACTION_POLICY,
  type AccidentReport,
  type Actor,
} from '@duban/domain';
import { AccidentLedgerWriter, AccidentRecordReader, AccidentRecordWriter } from '@duban/persistence';
import { accountabilityActionStateQuery, accountabilityActionWorkflowId, recordActionTakenUpdate } from '@duban/workflows';
import { accidentRecordReviewWorkflow } from '../../workflows/src/accident-record/accident-record-review.workflow';
import { accountabilityActionWorkflow } from '../../workflows/src/accident-record/accountability-action.workflow';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

const harness = useTimeSkippingHarness('accident-record');
const DAY_MS = 24 * 3600_000;
const office: Actor = { id: 'office-li', name: '市安委办 李主任', role: 'office' };
const auditor: Actor = { id: 'audit-1', name: '纪委监委', role: 'auditor' };
const unit: Actor = { id: 'unit-wang', name: '事故企业 王总', role: 'unit', unitId: 'ent' };

/** An accident in `regionId` on a 2026 day, with `deaths` (graded by the domain: 3–9 较大, 10–29 重大). */
async function accident(regionId: string, day: string, deaths: number, sector: AccidentReport['sector'] = 'industry_trade'): Promise<string> {
  const id = randomUUID();
  const occurredAt = `${day}T02:00:00.000Z`;
  const report: AccidentReport = {
    occurredAt,
    regionId,
    location: '厂区',
    unitId: 'ent',
    industry: '危险化学品',
    sector,
    kind: 'poisoning_asphyxiation',
    casualties: { deaths, missing: 0, seriousInjuries: 0, directLossYuan: 0 },
    livesEndangered: deaths,
    account: '中毒窒息',
    reporter: '王总',
    reportedAt: occurredAt,
  };
  await new AccidentLedgerWriter(harness.dataSource).record(
    foldAccidentOpening(openAccidentFile(id, report, unit, STANDARD_ACCIDENT_POLICY, new Date(occurredAt))),
  );
  return id;
}

function review(asOf: string) {
  return harness.env.client.workflow.execute(accidentRecordReviewWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: `accident-record-review-${randomUUID()}`,
    args: [{ asOf }],
  });
}

const summonsKey = (ruleId: string, county: string) => accountabilityFiringKey({ ruleId, territoryId: county, period: '2026' });

describe('the accident record review (按月检查, 问责规则), under time skipping', () => {
  // First in the file: the Java test server stopped skipping time for a sleep after a review's children had run.
  it('falls overdue at its due date when nobody records the summons, and can still be done late', async () => {
    const county = `county-${randomUUID()}`;
    const major = await accident(county, '2026-02-10', 12);
    const reader = new AccidentRecordReader(harness.dataSource);
    const facts = (await reader.accidentFacts(2026)).filter((f) => f.accidentId === major);
    const [firing] = reviewAccidentRecord({ facts, territories: {}, indicators: [] }, '2026-02').firings;
    const action = openAccountabilityAction(firing, new Date(await harness.env.currentTimeMs()));
    await new AccidentRecordWriter(harness.dataSource).recordReview({ checks: [], firings: [{ firing, action }], checkedAt: new Date() });
    const handle = await harness.env.client.workflow.start(accountabilityActionWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: accountabilityActionWorkflowId(action.firingKey),
      args: [{ action }],
    });
    await harness.env.sleep((STANDARD_ACCOUNTABILITY_ACTION_POLICY.dueWithinDays + 1) * DAY_MS);
    expect(await handle.query(accountabilityActionStateQuery)).toMatchObject({ status: 'overdue' });
    expect(await reader.firing(action.firingKey)).toMatchObject({ status: 'overdue', overdueAt: expect.any(String), accidentIds: [major] });
    const now = new Date(await harness.env.currentTimeMs()).toISOString();
    await handle.executeUpdate(recordActionTakenUpdate, { args: [{ actor: office, heldAt: now, minutes: '逾期后约谈' }] });
    expect(await handle.result()).toMatchObject({ status: 'done', overdueAt: expect.any(String) });
    expect(await reader.firing(action.firingKey)).toMatchObject({ status: 'done', minutes: '逾期后约谈', overdueAt: expect.any(String) });
  });

  it('summons a county at 2 较大 or 1 重大 but not at 1 较大, once; the office records the summons held (done)', async () => {
    const [oneLarger, twoLarger, oneMajor] = [1, 2, 3].map(() => `county-${randomUUID()}`);
    await accident(oneLarger, '2026-02-03', 3);
    const first = await accident(twoLarger, '2026-02-03', 3);
    const second = await accident(twoLarger, '2026-02-20', 4);
    const major = await accident(oneMajor, '2026-02-10', 12);

    const result = await review('2026-03-01T00:00:00.000Z');
    expect(result.month).toBe('2026-02');
    const two = summonsKey('county-two-larger-summons', twoLarger);
    const one = summonsKey('county-major-summons', oneMajor);
    expect(result.firings).toMatchObject({ [two]: 'open', [one]: 'open' });
    expect(Object.keys(result.firings).filter((key) => key.includes(oneLarger))).toEqual([]);
    expect(result.started).toEqual(expect.arrayContaining([two, one]));

    const reader = new AccidentRecordReader(harness.dataSource);
    expect(await reader.firings({ territoryId: oneLarger, year: 2026 })).toEqual([]);
    const [summons] = (await reader.firings({ territoryId: twoLarger, year: 2026 })).filter((f) => f.instrument === 'summons');
    expect(summons).toMatchObject({ ruleId: 'county-two-larger-summons', accidentIds: [first, second], firedOn: '2026-02-20', status: 'open' });
    expect(Date.parse(summons.due) - Date.parse(summons.openedAt)).toBe(STANDARD_ACCOUNTABILITY_ACTION_POLICY.dueWithinDays * DAY_MS);
    expect(await reader.firings({ territoryId: oneMajor, year: 2026 })).toEqual([
      expect.objectContaining({ ruleId: 'county-major-summons', accidentIds: [major] }),
    ]);

    // The office held the summons for two 较大: the update records it; an auditor may not.
    const twoHandle = harness.env.client.workflow.getHandle(accountabilityActionWorkflowId(two));
    const now = new Date(await harness.env.currentTimeMs()).toISOString();
    await expect(
      twoHandle.executeUpdate(recordActionTakenUpdate, { args: [{ actor: auditor, heldAt: now, minutes: '纪要' }] }),
    ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    const done = await twoHandle.executeUpdate(recordActionTakenUpdate, {
      args: [{ actor: office, heldAt: now, minutes: '约谈县政府主要负责同志, 纪要存档' }],
    });
    expect(done).toMatchObject({ status: 'done', taken: { recordedBy: office } });
    expect(await twoHandle.result()).toMatchObject({ status: 'done' });
    expect(await reader.firing(two)).toMatchObject({ status: 'done', minutes: '约谈县政府主要负责同志, 纪要存档', recordedBy: { id: office.id } });

    // A second run finds the same firings: nothing is started again, the done one stays done.
    const again = await review('2026-03-01T00:00:00.000Z');
    expect(again.firings[two]).toBe('done');
    // Awaiting a run's result lets the test server skip time, so the untouched one may already be overdue.
    expect(['open', 'overdue']).toContain(again.firings[one]);
    expect(again.started.filter((key) => key === two || key === one)).toEqual([]);
  });

  it('checks the seed’s caps monthly: a month that warns (5 of 6 industry deaths), then one that breaches', async () => {
    const region = `city-${randomUUID()}`;
    const indicators = seedCityControlIndicators(region, 2026);
    await new AccidentRecordWriter(harness.dataSource).putIndicators({
      regionId: region,
      year: 2026,
      indicators,
      setBy: office,
      reason: '年度控制指标',
      at: new Date(),
    });
    await accident(region, '2026-04-08', 5);
    await accident(region, '2026-05-12', 2);
    await accident(region, '2026-05-20', 1, 'road_traffic');

    await review('2026-05-01T00:00:00.000Z');
    await review('2026-06-01T00:00:00.000Z');
    const reader = new AccidentRecordReader(harness.dataSource);
    const byMonth = async (month: string) =>
      (await reader.checks({ regionId: region, month })).map((c) => [c.indicatorId.split(':').pop(), c.used, c.status, c.warningAt, c.breach]);
    expect(await byMonth('2026-04')).toEqual([
      ['deaths-all', 5, 'within', null, null],
      ['deaths-industry-trade', 5, 'warning', 0.8, null],
      ['larger-accidents', 1, 'warning', 1, null],
    ]);
    expect(await byMonth('2026-05')).toEqual([
      ['deaths-all', 8, 'within', null, null],
      ['deaths-industry-trade', 7, 'breach', null, { instrument: 'accountability', veto: true }],
      ['larger-accidents', 1, 'warning', 1, null],
    ]);
  });
});

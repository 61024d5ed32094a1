import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cstDate, STANDARD_ENFORCEMENT_POLICY, type Actor, type EnforcementCaseFiling } from '@duban/domain';
import { EnforcementRecordStore } from '@duban/persistence';
import { awaitEnforcementRegisteredUpdate, enforcementCaseWorkflowId, type EnforcementRecordReviewInput } from '@duban/workflows';
import { enforcementCaseWorkflow } from '../../workflows/src/enforcement/enforcement-case.workflow';
import { enforcementRecordReviewWorkflow } from '../../workflows/src/enforcement/enforcement-record-review.workflow';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

const harness = useTimeSkippingHarness('enforcement-record');
const LAW = '《安全生产法》第一百一十三条';
const office: Actor = { id: 'o1', name: '县安委办 李主任', role: 'office' };
const run = randomUUID().slice(0, 8);
const unit = (name: string) => `${name}-${run}`;
/** Noon in China on that day: its China day is the date itself. */
const noonCst = (day: string) => `${day}T04:00:00.000Z`;

/** Opens one case (立案) against `unitId` with one serious violation found on `day`, and waits for it to be in the ledger. */
async function openCase(unitId: string, day: string): Promise<string> {
  const caseId = `case-${randomUUID()}`;
  const filing: EnforcementCaseFiling = {
    caseId,
    unitId,
    regionId: 'county-a',
    origin: 'inspection',
    violation: { description: '超能力组织生产', serious: true, foundAt: noonCst(day), legalBasis: LAW },
    respondents: [{ respondentId: `${unitId}-company`, role: 'enterprise', name: '某煤业有限公司' }],
    legalBasis: LAW,
  };
  const handle = await harness.env.client.workflow.start(enforcementCaseWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: enforcementCaseWorkflowId(caseId),
    args: [{ filing, opener: office, policy: STANDARD_ENFORCEMENT_POLICY }],
  });
  await handle.executeUpdate(awaitEnforcementRegisteredUpdate);
  return caseId;
}

const review = (asOf?: string, asked: EnforcementRecordReviewInput = {}) =>
  harness.env.client.workflow.execute(enforcementRecordReviewWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: `enforcement-record-review-${randomUUID()}`,
    args: [{ ...(asOf ? { asOf } : {}), ...asked }],
  });

describe('the rules over the enforcement record, run by the review workflow over the real ledger', () => {
  it('fires the one-month rule for two serious acts 30 days apart, not 32; records each firing once', async () => {
    const within = unit('mine-30');
    const beyond = unit('mine-32');
    await openCase(within, '2026-03-01');
    await openCase(within, '2026-03-31');
    await openCase(beyond, '2026-03-01');
    await openCase(beyond, '2026-04-02');

    const first = await review();
    const store = new EnforcementRecordStore(harness.dataSource);
    const fired = await store.firings({ unitId: within });
    expect(fired.map((f) => [f.ruleId, f.windowFrom, f.windowTo, f.firedOn])).toEqual([
      ['two-serious-within-one-month', '2026-03-01', '2026-04-01', '2026-03-31'],
    ]);
    expect(fired[0]!.measure).toContain('关闭整顿');
    expect(first.newFirings).toContain(fired[0]!.firingKey);
    expect(await store.firings({ unitId: beyond })).toEqual([]);

    // A run without a reason (as before one was asked) keeps none.
    expect([first.reason, first.requestedBy]).toEqual([null, null]);
    // A second run finds the same firing and records nothing new; it keeps who asked and why.
    const second = await review(undefined, { reason: '专项行动前核查', requestedBy: office });
    expect([second.reason, second.requestedBy]).toEqual(['专项行动前核查', office]);
    expect(second.firings).toContain(fired[0]!.firingKey);
    expect(second.newFirings).not.toContain(fired[0]!.firingKey);
    expect(await store.firings({ unitId: within })).toHaveLength(1);
  });

  it('records a repeat offender’s blacklist entry (屡纠不改), then its exit after 12 clean months, each with actor, time and reason', async () => {
    const offender = unit('repeat');
    for (const day of ['2025-01-10', '2025-02-10', '2025-03-10']) await openCase(offender, day);
    const store = new EnforcementRecordStore(harness.dataSource);

    const listed = await review('2025-06-01');
    let changes = await store.blacklistChanges({ unitId: offender });
    expect(changes.map((c) => [c.kind, c.onDay])).toEqual([['entry', '2025-03-10']]);
    expect(listed.newBlacklistChanges).toEqual(expect.arrayContaining([changes[0]!.changeKey]));
    expect(changes[0]).toMatchObject({ exposure: true, actor: { role: 'system' } });
    expect(changes[0]!.reason).toContain('屡纠不改');

    const today = cstDate(new Date(await harness.env.currentTimeMs()));
    await review(today);
    changes = await store.blacklistChanges({ unitId: offender });
    expect(changes.map((c) => [c.kind, c.onDay, c.enteredOn])).toEqual([
      ['entry', '2025-03-10', '2025-03-10'],
      ['exit', '2026-03-10', '2025-03-10'],
    ]);
    expect(changes.every((c) => c.at && c.actor.id && c.reason && c.runId)).toBe(true);
    expect(changes[0]!.runId).not.toBe(changes[1]!.runId);
  });
});

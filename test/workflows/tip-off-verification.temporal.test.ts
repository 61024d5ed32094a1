import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  STANDARD_ACCIDENT_POLICY,
  STANDARD_TIP_OFF_POLICY,
  type AccidentReport,
  type Actor,
  type TipOff,
  type TipOffVerification,
} from '@duban/domain';
import {
  accidentStateQuery,
  accidentWorkflowId,
  awaitAccidentRegisteredUpdate,
  awaitTipOffRegisteredUpdate,
  tipOffStateQuery,
  tipOffWorkflowId,
  verifyTipOffUpdate,
} from '@duban/workflows';
import { accidentWorkflow } from '../../workflows/src/accident/accident.workflow';
import { tipOffWorkflow } from '../../workflows/src/tip-off/tip-off.workflow';
import { createTipOffActivities } from '../../apps/worker/src/tip-off-activities';
import { TipOffLedgerWriter } from '@duban/persistence';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

const harness = useTimeSkippingHarness('tip-off');
const HOUR_MS = 3600_000;
const office: Actor = { id: 'office-city', name: '市安委办 核查员', role: 'office' };
const unit: Actor = { id: 'unit-pm', name: '项目部 经理', role: 'unit', unitId: 'central-enterprise-project' };
const iso = (ms: number) => new Date(ms).toISOString();

/** Seed 002 篇八's "12·25": an online tip about a tunnel accident on a central-enterprise project. */
function onlineTip(tipOffId: string, receivedAt: number): TipOff {
  return {
    tipOffId,
    channel: 'online',
    informant: '匿名',
    receivedAt: iso(receivedAt),
    account: '某中央企业重点工程隧道施工发生事故, 造成多人死亡, 未上报',
    regionId: 'county-1225',
    unitId: 'central-enterprise-project',
  };
}

function verified(deaths: number, verifiedAt: number): TipOffVerification {
  return {
    verified: true,
    findings: `经核实, 隧道施工事故造成${deaths}人死亡`,
    casualties: { deaths, missing: 0, seriousInjuries: 0, directLossYuan: 0 },
    responsiblePeople: ['项目经理 甲', '项目部安全负责人 乙'],
    verifiedBy: '市应急管理局 核查组',
    verifiedAt: iso(verifiedAt),
  };
}

function facts(occurredAt: number, reportedAt: number): Omit<AccidentReport, 'casualties'> {
  return {
    occurredAt: iso(occurredAt),
    regionId: 'county-1225',
    location: '某重点工程隧道施工现场',
    unitId: 'central-enterprise-project',
    industry: '建筑施工',
    sector: 'industry_trade',
    kind: 'collapse',
    livesEndangered: 0,
    account: '隧道施工发生坍塌; 经举报人网络举报并核实',
    reporter: '市安委办 核查员',
    reportedAt: iso(reportedAt),
  };
}

async function startTip(tip: TipOff) {
  const handle = await harness.env.client.workflow.start(tipOffWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: tipOffWorkflowId(tip.tipOffId),
    args: [{ tip, receiver: office, policy: STANDARD_TIP_OFF_POLICY, accidentPolicy: STANDARD_ACCIDENT_POLICY }],
  });
  await handle.executeUpdate(awaitTipOffRegisteredUpdate);
  return handle;
}

async function ledgerRow(tipOffId: string) {
  const [row] = await harness.dataSource.query('select * from tip_off_ledger where tip_off_id = $1', [tipOffId]);
  return row;
}

describe('tip-offs (举报) verified into the accident record, under time skipping', () => {
  // First: it skips 25 hours, and once an activity has sent an update to another workflow (the 谎报
  // case) the Java test server was seen to keep time locked, so a later sleep never returned.
  it('a tip not verified by its deadline turns overdue (核查逾期); verified late, it is recorded as late', async () => {
    const t0 = await harness.env.currentTimeMs();
    const tipOffId = `tip-${randomUUID()}`;
    const handle = await startTip({ ...onlineTip(tipOffId, t0), channel: 'media', informant: '某网络媒体' });
    await harness.env.sleep('25 hours');
    expect(await handle.query(tipOffStateQuery)).toMatchObject({ status: 'awaiting_verification', overdue: true });
    expect(await ledgerRow(tipOffId)).toMatchObject({ overdue: true, status: 'awaiting_verification' });

    const now = await harness.env.currentTimeMs();
    const notVerified: TipOffVerification = { ...verified(0, now), verified: false, casualties: undefined, findings: '经核查, 报道所述事故不属实' };
    await handle.executeUpdate(verifyTipOffUpdate, { args: [{ actor: office, verification: notVerified }] });
    expect(await handle.result()).toMatchObject({ status: 'not_verified', overdue: true, verifiedOnTime: false });
    const types = (await harness.dataSource.query('select type from tip_off_event where tip_off_id = $1 order by seq', [tipOffId])).map(
      (r: { type: string }) => r.type,
    );
    expect(types).toEqual(['received', 'verification_overdue', 'not_verified']);
  });

  it('"12·25": an online tip verified with 8 deaths the unit never reported opens a 较大 accident flagged 瞒报', async () => {
    const t0 = await harness.env.currentTimeMs();
    const tipOffId = `tip-${randomUUID()}`;
    const accidentId = randomUUID();
    const handle = await startTip(onlineTip(tipOffId, t0 - 2 * HOUR_MS));
    expect(await ledgerRow(tipOffId)).toMatchObject({ status: 'awaiting_verification', overdue: false, accident_id: null });

    const answer = await handle.executeUpdate(verifyTipOffUpdate, {
      args: [{ actor: office, verification: verified(8, t0), accident: { kind: 'new', accidentId, facts: facts(t0 - 72 * HOUR_MS, t0) } }],
    });
    expect(answer.events.map((e) => e.type)).toEqual(['verified']);
    expect(answer.state.accident).toMatchObject({ accidentId, kind: 'opened' });

    const final = await handle.result();
    expect(final).toMatchObject({ status: 'verified', verifiedOnTime: true, accident: { accidentId, concealment: ['concealment'] } });

    // The accident's own workflow holds the record: 较大 (3–9 deaths), opened from the tip, 瞒报 against the unit.
    const accident = harness.env.client.workflow.getHandle(accidentWorkflowId(accidentId));
    const state = await accident.query(accidentStateQuery);
    expect(state).toMatchObject({ grade: 'larger', openedFrom: 'tip_off', casualties: { deaths: 8 } });
    expect(state.concealment.map((flag) => [flag.kind, flag.tipOffId, flag.unitId])).toEqual([
      ['concealment', tipOffId, 'central-enterprise-project'],
    ]);
    expect(await ledgerRow(tipOffId)).toMatchObject({ status: 'verified', accident_id: accidentId, accident_link: 'opened', concealed: true });
    // The query answered after the child's first task, which records its opening before anything else.
    await expect
      .poll(async () => (await harness.dataSource.query('select * from accident_ledger where accident_id = $1', [accidentId]))[0])
      .toMatchObject({
        grade: 'larger',
        opened_from: 'tip_off',
        concealment_flags: 1,
      });

    const histories = await fetchHistories(harness.env.client, [handle.workflowId]);
    maybeRecordFixtures('tip-off-verification', histories);
    expect(await replayAll(histories)).toBe(1);
  });

  it('a tip verified against an accident whose unit reported fewer deaths flags 谎报, once however often it is carried', async () => {
    const t0 = await harness.env.currentTimeMs();
    const accidentId = randomUUID();
    const report: AccidentReport = {
      ...facts(t0 - 6 * HOUR_MS, t0 - 5 * HOUR_MS),
      casualties: { deaths: 2, missing: 0, seriousInjuries: 0, directLossYuan: 0 },
      reporter: '项目部 经理',
    };
    const accident = await harness.env.client.workflow.start(accidentWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: accidentWorkflowId(accidentId),
      args: [{ accidentId, report, recorder: unit, policy: STANDARD_ACCIDENT_POLICY, opening: { from: 'unit_report' } }],
    });
    await accident.executeUpdate(awaitAccidentRegisteredUpdate);

    const tipOffId = `tip-${randomUUID()}`;
    const handle = await startTip(onlineTip(tipOffId, t0 - HOUR_MS));
    await handle.executeUpdate(verifyTipOffUpdate, {
      args: [{ actor: office, verification: verified(5, t0), accident: { kind: 'existing', accidentId } }],
    });
    expect(await handle.result()).toMatchObject({ accident: { accidentId, kind: 'updated', concealment: ['false_report'] } });
    const flags = (await accident.query(accidentStateQuery)).concealment;
    expect(flags.map((flag) => [flag.kind, flag.tipOffId])).toEqual([['false_report', tipOffId]]);
    expect(await ledgerRow(tipOffId)).toMatchObject({ accident_link: 'updated', falsely_reported: true, concealed: false });

    // The activity retried (at-least-once) records the tip on the accident once.
    const activities = createTipOffActivities({ writer: new TipOffLedgerWriter(harness.dataSource), client: harness.env.client });
    const state = await handle.query(tipOffStateQuery);
    const again = await activities.recordTipOffOnAccident({ accidentId, actor: office, tip: state.tip, verification: state.verification! });
    expect(again.concealment).toEqual(['false_report']);
    expect((await accident.query(accidentStateQuery)).tipOffs.map((t) => t.tipOffId)).toEqual([tipOffId]);
  });
});

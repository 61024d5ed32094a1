import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { STANDARD_ACCIDENT_POLICY, SYSTEM_ACTOR, type AccidentReport, type Actor, type FourGate } from '@duban/domain';
import {
  accidentStateQuery,
  accidentWorkflowId,
  awaitAccidentRegisteredUpdate,
  closeGateUpdate,
  closeInvestigationUpdate,
  linkRectificationHazardUpdate,
  openInvestigationUpdate,
  recordEducationUpdate,
  recordResponsibilityUpdate,
  reportFollowUpUpdate,
  submitInvestigationReportUpdate,
  syncRectificationHazardUpdate,
} from '@duban/workflows';
import { accidentWorkflow } from '../../workflows/src/accident/accident.workflow';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';
import { updateRefusal } from '../support/update-refusal';

const harness = useTimeSkippingHarness('accident');
const DAY_MS = 24 * 3600_000;
const office: Actor = { id: 'office-li', name: '市安委办 李主任', role: 'office' };
const team: Actor = { id: 'team-zhang', name: '事故调查组 张组长', role: 'inspector' };
const unit: Actor = { id: 'unit-wang', name: '事故企业 王总', role: 'unit', unitId: 'liulin-chem' };

/** Seed 001's Jiyuan "8·21" 窒息 accident, first reported with 2 deaths half an hour after it happened. */
function accidentReport(occurredAt: number): AccidentReport {
  return {
    occurredAt: new Date(occurredAt).toISOString(),
    regionId: 'jiyuan-lilin',
    location: '梨林镇某化工企业污水池',
    unitId: 'liulin-chem',
    industry: '危险化学品',
    sector: 'industry_trade',
    kind: 'poisoning_asphyxiation',
    casualties: { deaths: 2, missing: 0, seriousInjuries: 1, directLossYuan: 3_000_000 },
    livesEndangered: 3,
    account: '清理污水池作业时发生中毒窒息, 施救人员盲目施救',
    reporter: '王总 (企业主要负责人)',
    reportedAt: new Date(occurredAt + 1_800_000).toISOString(),
  };
}

async function ledgerRow(accidentId: string) {
  const [row] = await harness.dataSource.query('select * from accident_ledger where accident_id = $1', [accidentId]);
  return row;
}

/** The domain's refusal as the caller gets it (its message). */
const refusal = async (promise: Promise<unknown>): Promise<string> => (await updateRefusal(promise)).message;

describe('an accident from 快报 to 结案 under 四不放过, under time skipping', () => {
  it('grades on the 续报, escalates the late investigation report, holds closing until all four gates hold, and projects every step', async () => {
    const t0 = await harness.env.currentTimeMs();
    const accidentId = randomUUID();
    const occurredAt = t0 - 3_600_000;
    const handle = await harness.env.client.workflow.start(accidentWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: accidentWorkflowId(accidentId),
      args: [{ accidentId, report: accidentReport(occurredAt), recorder: unit, policy: STANDARD_ACCIDENT_POLICY, opening: { from: 'unit_report' } }],
    });
    await handle.executeUpdate(awaitAccidentRegisteredUpdate);
    expect(await ledgerRow(accidentId)).toMatchObject({ grade: 'general', deaths: 2, investigation_status: null, opened_from: 'unit_report' });

    // 续报: a third death makes it 较大 (larger), investigated by the city.
    const followUp = await handle.executeUpdate(reportFollowUpUpdate, {
      args: [
        {
          actor: unit,
          casualties: { deaths: 3, missing: 0, seriousInjuries: 0, directLossYuan: 3_000_000 },
          account: '一名重伤人员经抢救无效死亡',
          reporter: '王总',
          reportedAt: new Date(t0).toISOString(),
        },
      ],
    });
    expect(followUp.state.grade).toBe('larger');
    const opened = await handle.executeUpdate(openInvestigationUpdate, {
      args: [{ actor: office, leader: '张组长', members: ['应急局 刘', '公安局 陈'] }],
    });
    expect(opened.state.investigation).toMatchObject({ level: 'city', reportDue: new Date(occurredAt + 60 * DAY_MS).toISOString() });

    // Nobody submits: 7 days before the due date a reminder, on it the report is overdue with a notice, 15 days later listed.
    await harness.env.sleep(60 * DAY_MS + 16 * DAY_MS);
    let state = await handle.query(accidentStateQuery);
    expect(state.investigation?.overdue).toBe(true);
    expect(state.investigation?.escalations.map((e) => e.instrument)).toEqual(['reminder', 'notice', 'listed_supervision']);
    expect(await ledgerRow(accidentId)).toMatchObject({ report_overdue: true, investigation_status: 'investigating', open_gates: 4 });

    await handle.executeUpdate(submitInvestigationReportUpdate, {
      args: [{ actor: team, summary: '事故调查报告', causes: '有限空间作业未检测、未通风' }],
    });
    await handle.executeUpdate(recordResponsibilityUpdate, {
      args: [
        {
          actor: office,
          person: '王某',
          position: '企业主要负责人',
          measure: 'judicial_referral',
          decidedBy: '市应急管理局',
          detail: '移送公安机关',
        },
      ],
    });
    await handle.executeUpdate(linkRectificationHazardUpdate, { args: [{ actor: team, hazardId: 'h-vent', status: 'rectifying' }] });
    const now = await harness.env.currentTimeMs();
    await handle.executeUpdate(recordEducationUpdate, {
      args: [{ actor: unit, heldAt: new Date(now).toISOString(), topic: '有限空间作业警示教育', attendees: ['班组长 甲', '作业人员 乙'] }],
    });
    const close = (gate: FourGate) =>
      handle.executeUpdate(closeGateUpdate, { args: [{ actor: office, gate, evidence: '见附件', person: '市安委办 李主任' }] });
    for (const gate of ['cause', 'responsibility', 'education'] as const) await close(gate);

    // Gate 3 holds only once the linked hazard is signed off (销号); closing with a gate open is refused, leaving no trace.
    const seqBefore = (await handle.query(accidentStateQuery)).lastSeq;
    expect(await refusal(close('rectification'))).toMatch(/h-vent/);
    expect(await refusal(handle.executeUpdate(closeInvestigationUpdate, { args: [{ actor: office, authority: '市政府批复' }] }))).toMatch(
      /整改措施未落实不放过/,
    );
    expect((await handle.query(accidentStateQuery)).lastSeq).toBe(seqBefore);
    await handle.executeUpdate(syncRectificationHazardUpdate, { args: [{ actor: SYSTEM_ACTOR, hazardId: 'h-vent', status: 'signed_off' }] });
    await close('rectification');
    await handle.executeUpdate(closeInvestigationUpdate, { args: [{ actor: office, authority: '市人民政府批复 (市政函〔2026〕45号)' }] });

    state = await handle.result();
    expect(state.investigation).toMatchObject({ status: 'closed', closed: { by: office, authority: '市人民政府批复 (市政函〔2026〕45号)' } });
    expect(await ledgerRow(accidentId)).toMatchObject({
      investigation_status: 'closed',
      open_gates: 0,
      grade: 'larger',
      deaths: 3,
      version: state.lastSeq,
    });
    const events: Array<{ seq: number; type: string; actor_id: string; reason: string; step_id: string | null }> = await harness.dataSource.query(
      `select seq, type, actor_id, reason, data->>'stepId' as step_id from accident_event where accident_id = $1 order by seq`,
      [accidentId],
    );
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    // Nobody recorded a level's receipt here: each report the 较大 accident owed is recorded missing (漏报) at its deadline.
    const missed = events.filter((e) => e.type === 'chain_report_missed');
    expect(missed.map((e) => e.step_id).sort()).toEqual(['city-2h', 'city-government-2h', 'county-1h', 'province-2h']);
    expect(events.filter((e) => e.type !== 'chain_report_missed').map((e) => e.type)).toEqual([
      'reported',
      'follow_up_reported',
      'grade_changed',
      'investigation_opened',
      'escalated',
      'report_overdue',
      'escalated',
      'escalated',
      'investigation_report_submitted',
      'responsibility_recorded',
      'rectification_hazard_linked',
      'education_recorded',
      'gate_closed',
      'gate_closed',
      'gate_closed',
      'rectification_hazard_status',
      'gate_closed',
      'investigation_closed',
    ]);
    expect(events.every((e) => e.reason.length > 0 && e.actor_id.length > 0)).toBe(true);

    const histories = await fetchHistories(harness.env.client, [handle.workflowId]);
    maybeRecordFixtures('accident-investigation', histories);
    expect(await replayAll(histories)).toBe(1);
  });
});

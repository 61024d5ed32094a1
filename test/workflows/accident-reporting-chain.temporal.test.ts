import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classifyReports, owedReports, STANDARD_ACCIDENT_POLICY, type AccidentReport, type Actor } from '@duban/domain';
import {
  accidentStateQuery,
  accidentWorkflowId,
  awaitAccidentRegisteredUpdate,
  extendReportDeadlineUpdate,
  openInvestigationUpdate,
  recordChainReportUpdate,
  reportFollowUpUpdate,
} from '@duban/workflows';
import { accidentWorkflow } from '../../workflows/src/accident/accident.workflow';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

// The reporting chain (逐级上报) as obligations with deadlines, under time skipping: a level that
// receives nothing by its deadline is recorded missing (漏报) when the deadline passes; its report,
// when it comes, reads late (迟报) by how much; a 续报 that raises the grade owes the next level
// at once. And the investigation's 60 days with one extension of at most 60.

const harness = useTimeSkippingHarness('chain');
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const office: Actor = { id: 'office-li', name: '县安委办 李主任', role: 'office' };
const unit: Actor = { id: 'unit-zhao', name: '某建筑公司 赵总', role: 'unit', unitId: 'jianzhu-1' };

function accidentReport(occurredAt: number): AccidentReport {
  return {
    occurredAt: new Date(occurredAt).toISOString(),
    regionId: 'county-7',
    location: '某在建项目基坑',
    unitId: 'jianzhu-1',
    industry: '建筑施工',
    sector: 'industry_trade',
    kind: 'collapse',
    casualties: { deaths: 1, missing: 0, seriousInjuries: 0, directLossYuan: 1_200_000 },
    livesEndangered: 1,
    account: '基坑局部坍塌',
    reporter: '赵总 (企业主要负责人)',
    reportedAt: new Date(occurredAt + 600_000).toISOString(),
  };
}

const eventsOf = async (accidentId: string): Promise<Array<{ type: string; step_id: string | null; actor_role: string; reason: string }>> =>
  harness.dataSource.query(`select type, data->>'stepId' as step_id, actor_role, reason from accident_event where accident_id = $1 order by seq`, [
    accidentId,
  ]);

describe('the reporting chain under time skipping', () => {
  it('records the county’s late report as 漏报 at its deadline and 迟报 when it comes, and owes the province at once after a rise to 较大', async () => {
    const t0 = await harness.env.currentTimeMs();
    const accidentId = randomUUID();
    const handle = await harness.env.client.workflow.start(accidentWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: accidentWorkflowId(accidentId),
      args: [{ accidentId, report: accidentReport(t0), recorder: unit, policy: STANDARD_ACCIDENT_POLICY, opening: { from: 'unit_report' } }],
    });
    await handle.executeUpdate(awaitAccidentRegisteredUpdate);

    // The county's hour passes with nothing received: Duban records 漏报 then, not when someone looks.
    await harness.env.sleep(HOUR_MS + 60_000);
    let state = await handle.query(accidentStateQuery);
    expect(state.chainMissed).toEqual([{ stepId: 'county-1h', deadline: new Date(t0 + HOUR_MS).toISOString() }]);
    let events = await eventsOf(accidentId);
    expect(events.filter((e) => e.type === 'chain_report_missed')).toMatchObject([{ step_id: 'county-1h', actor_role: 'system' }]);

    // The county receives it 40 minutes late: recorded, and read as 迟报 by 40 min.
    await harness.env.sleep(45 * 60_000);
    const received = await handle.executeUpdate(recordChainReportUpdate, {
      args: [{ actor: office, stepId: 'county-1h', receivedAt: new Date(t0 + HOUR_MS + 40 * 60_000).toISOString(), channel: 'written' }],
    });
    expect(received.events[0].reason).toContain('迟报 by 40 min');
    const now = new Date(await harness.env.currentTimeMs());
    const county = classifyReports(owedReports(received.state), received.state.chainReceipts, now).find((r) => r.obligation.stepId === 'county-1h');
    expect(county).toMatchObject({ timeliness: 'late', lateByMinutes: 40 });

    // The city receives within its two hours of the county's receipt (its own clock starts there).
    await handle.executeUpdate(recordChainReportUpdate, {
      args: [{ actor: office, stepId: 'city-2h', receivedAt: new Date(t0 + 105 * 60_000).toISOString(), channel: 'written' }],
    });
    // A 续报: 3 deaths make it 较大, owing the province (2 h after the city's receipt, but not before the 续报) and the city government.
    await harness.env.sleep(HOUR_MS);
    const risen = await handle.executeUpdate(reportFollowUpUpdate, {
      args: [
        {
          actor: unit,
          casualties: { deaths: 3, missing: 0, seriousInjuries: 0, directLossYuan: 2_000_000 },
          livesEndangered: 3,
          account: '两名被困人员经抢救无效死亡',
          reporter: '赵总',
          reportedAt: new Date(await harness.env.currentTimeMs()).toISOString(),
        },
      ],
    });
    expect(risen.state.grade).toBe('larger');
    const owed = owedReports(risen.state).map((o) => o.stepId);
    expect(owed).toEqual(expect.arrayContaining(['province-2h', 'city-government-2h']));
    await harness.env.sleep(2 * HOUR_MS + 60_000);
    state = await handle.query(accidentStateQuery);
    expect(state.chainMissed?.map((m) => m.stepId).sort()).toEqual(['city-government-2h', 'county-1h', 'province-2h']);

    // The investigation: due 60 days after the accident; one extension of at most 60 days.
    const opened = await handle.executeUpdate(openInvestigationUpdate, { args: [{ actor: office, leader: '刘组长', members: ['应急局 陈'] }] });
    expect(opened.state.investigation?.reportDue).toBe(new Date(t0 + 60 * DAY_MS).toISOString());
    const tooLong = await handle
      .executeUpdate(extendReportDeadlineUpdate, { args: [{ actor: office, days: 61, approval: '市政府批复', reason: '技术鉴定' }] })
      .catch((e) => e);
    expect(String(tooLong.cause?.message ?? tooLong)).toMatch(/60/);
    const extended = await handle.executeUpdate(extendReportDeadlineUpdate, {
      args: [{ actor: office, days: 60, approval: '市政府批复 (市政函〔2026〕7号)', reason: '需技术鉴定' }],
    });
    expect(extended.state.investigation?.reportDue).toBe(new Date(t0 + 120 * DAY_MS).toISOString());
    const again = await handle
      .executeUpdate(extendReportDeadlineUpdate, { args: [{ actor: office, days: 1, approval: '再次', reason: '再次延期' }] })
      .catch((e) => e);
    expect(again).toBeInstanceOf(Error);
    await harness.env.sleep(121 * DAY_MS);
    state = await handle.query(accidentStateQuery);
    expect(state.investigation?.overdue).toBe(true);

    events = await eventsOf(accidentId);
    expect(events.filter((e) => e.type === 'chain_report_missed').map((e) => e.step_id)).toEqual(['county-1h', 'province-2h', 'city-government-2h']);

    const histories = await fetchHistories(harness.env.client, [handle.workflowId]);
    maybeRecordFixtures('accident-reporting-chain', histories);
    expect(await replayAll(histories)).toBe(1);
  });
});

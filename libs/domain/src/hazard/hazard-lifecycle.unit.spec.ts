import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { DomainRejection } from '../rejection';
import { DeciderSpecification, type Given } from '../testing/decider-specification';
import { WEEKDAY_CALENDAR } from '../time/work-calendar';
import { admitHazardReport, openHazardFile } from './decide-hazard';
import type { HazardCommand } from './hazard-commands';
import { foldOpeningEvents, hazardDecider } from './hazard-decider';
import type { NewHazardEvent } from './hazard-events';
import { STANDARD_HAZARD_POLICY } from './hazard-policy';
import type { HazardReport } from './hazard-report';
import type { HazardState } from './hazard-state';
import { decideDueTimers, nextTimerAt, pendingEscalations } from './hazard-timers';

const office: Actor = { id: 'o1', name: '安委办 李主任', role: 'office' };
const inspector: Actor = { id: 'i1', name: '检查组 张工', role: 'inspector' };
const unitA: Actor = { id: 'a1', name: 'A公司 王经理', role: 'unit', unitId: 'unit-a' };
const unitB: Actor = { id: 'b1', name: 'B公司 赵经理', role: 'unit', unitId: 'unit-b' };
const auditor: Actor = { id: 'au', name: '纪委 审计', role: 'auditor' };

const t0 = new Date('2026-11-02T02:00:00Z');
const day = 24 * 3600_000;
const at = (days: number) => new Date(t0.getTime() + days * day);

function report(overrides: Partial<HazardReport> = {}): HazardReport {
  return {
    title: '脚手架连墙件缺失',
    description: '3号楼外架第5步连墙件缺失6处',
    location: '城南安置房项目3号楼',
    industry: '建筑施工',
    unitId: 'unit-a',
    grade: 'general',
    source: 'inspection',
    finder: '张工',
    deadline: at(30).toISOString(),
    ...overrides,
  };
}

type HazardGiven = Given<HazardState, HazardCommand, NewHazardEvent>;

/** Given a hazard file just opened at t0 (its report, and 挂牌督办 where policy lists the grade). */
function opened(overrides: Partial<HazardReport> = {}): HazardGiven {
  const opening = openHazardFile('h1', report(overrides), inspector, STANDARD_HAZARD_POLICY, t0);
  const reported = opening[0];
  if (reported?.type !== 'reported') throw new Error('a hazard file opens with its report');
  return DeciderSpecification.for(hazardDecider, { start: [reported], context: WEEKDAY_CALENDAR, now: t0 }).given(opening);
}

const plan = (deadline: Date) => ({
  responsiblePerson: '王经理',
  measures: '补设连墙件',
  funds: { amountYuan: 5000, source: '安全生产费用' },
  deadline: deadline.toISOString(),
  contingencyPlan: '停止该区域作业',
});

function rejection(fn: () => unknown): DomainRejection {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('reporting (隐患登记)', () => {
  it('opens a file awaiting the plan, with the deadline the finder set', () => {
    expect(opened().state).toMatchObject({ status: 'awaiting_plan', deadline: at(30).toISOString(), lastSeq: 1, listedForSupervision: false });
  });

  it('lists a major hazard for supervision (挂牌督办) at once', () => {
    const file = foldOpeningEvents(openHazardFile('h1', report({ grade: 'major' }), inspector, STANDARD_HAZARD_POLICY, t0));
    expect(file.events.map((e) => e.type)).toEqual(['reported', 'escalated']);
    expect(file.events[1]).toMatchObject({ hazardId: 'h1', seq: 2, data: { instrument: 'listed_supervision' } });
    expect(file.state.listedForSupervision).toBe(true);
    expect(opened({ grade: 'major' }).state).toEqual(file.state);
  });

  it('refuses bad reports naming the field, and units reporting for others', () => {
    expect(rejection(() => admitHazardReport(report({ deadline: at(-1).toISOString() }), inspector, STANDARD_HAZARD_POLICY, t0))).toMatchObject({
      kind: 'invalid',
      field: 'deadline',
    });
    expect(rejection(() => admitHazardReport(report({ grade: 'severe' as never }), inspector, STANDARD_HAZARD_POLICY, t0))).toMatchObject({
      kind: 'invalid',
      field: 'grade',
    });
    expect(rejection(() => admitHazardReport(report({ title: 'x'.repeat(201) }), inspector, STANDARD_HAZARD_POLICY, t0))).toMatchObject({
      kind: 'invalid',
      field: 'title',
    });
    expect(rejection(() => admitHazardReport(report({ deadline: at(400).toISOString() }), inspector, STANDARD_HAZARD_POLICY, t0))).toMatchObject({
      kind: 'invalid',
      field: 'deadline',
    });
    expect(rejection(() => admitHazardReport(report(), unitB, STANDARD_HAZARD_POLICY, t0))).toMatchObject({ kind: 'forbidden' });
    expect(rejection(() => admitHazardReport(report(), auditor, STANDARD_HAZARD_POLICY, t0))).toMatchObject({ kind: 'forbidden' });
    expect(() => admitHazardReport(report(), unitA, STANDARD_HAZARD_POLICY, t0)).not.toThrow();
  });
});

describe('rectification to sign-off (整改到销号)', () => {
  it('runs plan → progress → claim → reject → claim → accept', () => {
    opened()
      .when({ type: 'submit_plan', actor: unitA, plan: plan(at(20)) }, at(1))
      .thenState({ status: 'rectifying' })
      .when({ type: 'report_progress', actor: unitA, text: '已补设4处', percentComplete: 60 }, at(5))
      .then([
        {
          type: 'progress_reported',
          actor: unitA,
          at: at(5).toISOString(),
          data: { text: '已补设4处', percentComplete: 60, attachments: [] },
          reason: '已补设4处',
        },
      ])
      .when({ type: 'claim_completion', actor: unitA, summary: '全部补设', attachments: ['photo://1'] }, at(10))
      .thenState({ status: 'awaiting_verification', claim: { summary: '全部补设', attachments: ['photo://1'] } })
      .when({ type: 'verify', actor: inspector, decision: 'reject', comment: '第6处未按规范设置' }, at(11))
      .thenState({ status: 'rectifying', rejectionCount: 1, deadline: at(30).toISOString() })
      .when({ type: 'claim_completion', actor: unitA, summary: '已整改第6处' }, at(12))
      .thenState({ status: 'awaiting_verification' })
      .when({ type: 'verify', actor: inspector, decision: 'accept', comment: '复查合格' }, at(13))
      .thenState({ status: 'signed_off', lastSeq: 7, signedOff: { by: inspector, comment: '复查合格' } });
  });

  it('rejects an incomplete plan naming every missing 五到位 item', () => {
    const r = opened()
      .when({ type: 'submit_plan', actor: unitA, plan: { ...plan(at(20)), funds: undefined as never, contingencyPlan: '' } }, at(1))
      .thenThrows({ kind: 'invalid', code: 'hazard.plan.five_in_place_missing', field: 'plan', details: { missing: ['funds', 'contingency'] } });
    expect(r.message).toContain('资金到位');
    expect(r.message).toContain('预案到位');
  });

  it('lets only the owning unit act, the inspecting side verify, and the auditor nothing', () => {
    const file = opened();
    file.when({ type: 'submit_plan', actor: unitB, plan: plan(at(20)) }, at(1)).thenThrows({ kind: 'forbidden', code: 'permission.own_unit_only' });
    file
      .when({ type: 'submit_plan', actor: auditor, plan: plan(at(20)) }, at(1))
      .thenThrows({ kind: 'forbidden', code: 'permission.role_not_allowed' });
    file
      .when({ type: 'claim_completion', actor: unitA, summary: '立即整改完毕' }, at(1))
      .thenState({ status: 'awaiting_verification' })
      .when({ type: 'verify', actor: unitA, decision: 'accept', comment: 'ok' }, at(2))
      .thenThrows({ kind: 'forbidden' });
  });

  it('requires an effect evaluation (效果评价) to sign off a major hazard, and a plan before its claim', () => {
    const file = opened({ grade: 'major' });
    file.when({ type: 'claim_completion', actor: unitA, summary: 'done' }, at(1)).thenThrows({ kind: 'conflict', code: 'hazard.status.not_allowed' });
    const claimed = file
      .when({ type: 'submit_plan', actor: unitA, plan: plan(at(20)) }, at(1))
      .thenState({ status: 'rectifying' })
      .when({ type: 'claim_completion', actor: unitA, summary: 'done' }, at(2))
      .thenState({ status: 'awaiting_verification' });
    claimed
      .when({ type: 'verify', actor: inspector, decision: 'accept', comment: 'ok' }, at(3))
      .thenThrows({ code: 'hazard.verification.effect_evaluation_required', field: 'effectEvaluation' });
    claimed
      .when({ type: 'verify', actor: inspector, decision: 'accept', comment: 'ok', effectEvaluation: '连续监测30天无异常' }, at(3))
      .thenState({ status: 'signed_off', signedOff: { effectEvaluation: '连续监测30天无异常' } });
  });
});

describe('extensions (延期)', () => {
  it('moves the deadline only when the office approves, at most as often as policy allows', () => {
    let file = opened()
      .when({ type: 'submit_plan', actor: unitA, plan: plan(at(20)) }, at(1))
      .thenState({ status: 'rectifying' })
      .when({ type: 'request_extension', actor: unitA, requestedDeadline: at(40).toISOString(), reason: '材料到货延迟' }, at(2))
      .thenState({ pendingExtension: { requestedDeadline: at(40).toISOString() }, deadline: at(30).toISOString() });
    file
      .when({ type: 'request_extension', actor: unitA, requestedDeadline: at(45).toISOString(), reason: 'again' }, at(2))
      .thenThrows({ kind: 'conflict' });
    file.when({ type: 'decide_extension', actor: unitA, approve: true, reason: 'self' }, at(2)).thenThrows({ kind: 'forbidden' });
    file = file
      .when({ type: 'decide_extension', actor: office, approve: false, reason: '理由不充分' }, at(3))
      .thenState({ deadline: at(30).toISOString() });
    for (const [i, target] of [50, 60].entries()) {
      file = file
        .when({ type: 'request_extension', actor: unitA, requestedDeadline: at(target).toISOString(), reason: `第${i + 1}次` }, at(4 + i))
        .thenState({ pendingExtension: { requestedDeadline: at(target).toISOString() } })
        .when({ type: 'decide_extension', actor: office, approve: true, reason: '同意' }, at(4 + i))
        .thenState({ deadline: at(target).toISOString(), extensionsGranted: i + 1 });
    }
    expect(file.state.deadline).toBe(at(60).toISOString());
    expect(file.state.extensionHistory.map((e) => e.previousDeadline)).toEqual([at(30).toISOString(), at(50).toISOString()]);
    file
      .when({ type: 'request_extension', actor: unitA, requestedDeadline: at(70).toISOString(), reason: '第三次' }, at(6))
      .thenThrows({ kind: 'conflict', code: 'hazard.extension.limit_reached', message: /allows 2/ });
  });

  it('refuses an earlier or unparseable requested deadline', () => {
    const file = opened();
    file
      .when({ type: 'request_extension', actor: unitA, requestedDeadline: at(29).toISOString(), reason: 'r' }, at(1))
      .thenThrows({ field: 'requestedDeadline' });
    file.when({ type: 'request_extension', actor: unitA, requestedDeadline: 'soon', reason: 'r' }, at(1)).thenThrows({ field: 'requestedDeadline' });
  });
});

describe('escalation ladder (督办升级)', () => {
  it('schedules reminder, notice, listing and summons from the deadline', () => {
    const s = opened().state;
    expect(pendingEscalations(s).map((p) => [p.step.instrument, p.dueAt.toISOString()])).toEqual([
      ['reminder', at(27).toISOString()],
      ['notice', at(30).toISOString()],
      ['listed_supervision', at(37).toISOString()],
      ['summons', at(45).toISOString()],
    ]);
    expect(nextTimerAt(s)?.toISOString()).toBe(at(27).toISOString());
  });

  it('fires each rung once when due, with the system as actor and the rule as reason', () => {
    let file = opened();
    const walk = (days: number) => {
      const events = decideDueTimers(file.state, at(days));
      file = file.and(events);
      return events.map((e) => (e.type === 'escalated' ? e.data.instrument : e.type));
    };
    expect(walk(26)).toEqual([]);
    expect(walk(27)).toEqual(['reminder']);
    expect(walk(27.5)).toEqual([]);
    expect(walk(30)).toEqual(['overdue', 'notice']);
    expect(walk(44)).toEqual(['listed_supervision']);
    expect(walk(45)).toEqual(['summons']);
    expect(nextTimerAt(file.state)).toBeUndefined();
    expect(file.state.escalations.every((e) => e.reason.includes(STANDARD_HAZARD_POLICY.id))).toBe(true);
    expect(file.state).toMatchObject({ overdue: true, listedForSupervision: true });
  });

  it('skips the listing rung for a hazard listed at report, and pauses while awaiting verification', () => {
    const file = opened({ grade: 'major' });
    expect(pendingEscalations(file.state).map((p) => p.step.instrument)).toEqual(['reminder', 'notice', 'summons']);
    const claimed = file
      .when({ type: 'submit_plan', actor: unitA, plan: plan(at(20)) }, at(1))
      .thenState({ status: 'rectifying' })
      .when({ type: 'claim_completion', actor: unitA, summary: 'done' }, at(2))
      .thenState({ status: 'awaiting_verification' });
    expect(decideDueTimers(claimed.state, at(50))).toEqual([]);
    const rejected = claimed
      .when({ type: 'verify', actor: inspector, decision: 'reject', comment: '不合格' }, at(50))
      .thenState({ status: 'rectifying' });
    // Rejected after the deadline: overdue at once, the missed rungs fire together.
    expect(decideDueTimers(rejected.state, at(50)).map((e) => (e.type === 'escalated' ? e.data.instrument : e.type))).toEqual([
      'overdue',
      'reminder',
      'notice',
      'summons',
    ]);
  });

  it('restarts the ladder from an extended deadline', () => {
    const file = opened();
    const extended = file
      .and(decideDueTimers(file.state, at(27)))
      .when({ type: 'request_extension', actor: unitA, requestedDeadline: at(40).toISOString(), reason: '材料' }, at(28))
      .thenState({ pendingExtension: { requestedDeadline: at(40).toISOString() } })
      .when({ type: 'decide_extension', actor: office, approve: true, reason: '同意' }, at(28))
      .thenState({ deadline: at(40).toISOString() });
    expect(pendingEscalations(extended.state)[0]).toMatchObject({ step: { instrument: 'reminder' }, dueAt: at(37) });
  });

  it('records a missed monitoring report once per silence, not per period', () => {
    const monitored = opened({ grade: 'major' })
      .when({ type: 'submit_plan', actor: unitA, plan: plan(at(25)) }, at(1))
      .thenState({ status: 'rectifying' })
      .when({ type: 'start_monitoring', actor: unitA, measures: '24小时专人值守', watchPerson: '刘师傅' }, at(1))
      .thenState({ monitoring: { nextReportDue: at(8).toISOString() } })
      .when({ type: 'report_monitoring', actor: unitA, text: '无异常' }, at(7))
      .thenState({ monitoring: { nextReportDue: at(14).toISOString() } });
    const missed = decideDueTimers(monitored.state, at(20));
    expect(missed.map((e) => e.type)).toEqual(['monitoring_report_missed']);
    expect(monitored.and(missed).state.monitoring).toMatchObject({ missedCount: 1, reportCount: 1, nextReportDue: at(27).toISOString() });
  });
});

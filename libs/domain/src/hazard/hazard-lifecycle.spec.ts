import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { DomainRejection } from '../rejection';
import { admitHazardReport, decideHazard, openHazardFile } from './decide-hazard';
import { applyEvents } from '../decider';
import { foldOpeningEvents, hazardDecider } from './hazard-decider';
import type { HazardCommand } from './hazard-commands';
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

function open(overrides: Partial<HazardReport> = {}): HazardState {
  return foldOpeningEvents(openHazardFile('h1', report(overrides), inspector, STANDARD_HAZARD_POLICY, t0)).state;
}

function run(state: HazardState, command: HazardCommand, now: Date): HazardState {
  return applyEvents(hazardDecider, state, decideHazard(state, command, now)).state;
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
    const state = open();
    expect(state).toMatchObject({ status: 'awaiting_plan', deadline: at(30).toISOString(), lastSeq: 1, listedForSupervision: false });
  });

  it('lists a major hazard for supervision (挂牌督办) at once', () => {
    const opened = foldOpeningEvents(openHazardFile('h1', report({ grade: 'major' }), inspector, STANDARD_HAZARD_POLICY, t0));
    expect(opened.events.map((e) => e.type)).toEqual(['reported', 'escalated']);
    expect(opened.events[1]).toMatchObject({ seq: 2, data: { instrument: 'listed_supervision' } });
    expect(opened.state.listedForSupervision).toBe(true);
  });

  it('refuses bad reports naming the field, and units reporting for others', () => {
    expect(rejection(() => admitHazardReport(report({ deadline: at(-1).toISOString() }), inspector, STANDARD_HAZARD_POLICY, t0))).toMatchObject({ kind: 'invalid', field: 'deadline' });
    expect(rejection(() => admitHazardReport(report({ grade: 'severe' as never }), inspector, STANDARD_HAZARD_POLICY, t0))).toMatchObject({ kind: 'invalid', field: 'grade' });
    expect(rejection(() => admitHazardReport(report({ title: 'x'.repeat(201) }), inspector, STANDARD_HAZARD_POLICY, t0))).toMatchObject({ kind: 'invalid', field: 'title' });
    expect(rejection(() => admitHazardReport(report({ deadline: at(400).toISOString() }), inspector, STANDARD_HAZARD_POLICY, t0))).toMatchObject({ kind: 'invalid', field: 'deadline' });
    expect(rejection(() => admitHazardReport(report(), unitB, STANDARD_HAZARD_POLICY, t0))).toMatchObject({ kind: 'forbidden' });
    expect(rejection(() => admitHazardReport(report(), auditor, STANDARD_HAZARD_POLICY, t0))).toMatchObject({ kind: 'forbidden' });
    expect(() => admitHazardReport(report(), unitA, STANDARD_HAZARD_POLICY, t0)).not.toThrow();
  });
});

describe('rectification to sign-off (整改到销号)', () => {
  it('runs plan → progress → claim → reject → claim → accept', () => {
    let s = open();
    s = run(s, { type: 'submit_plan', actor: unitA, plan: plan(at(20)) }, at(1));
    expect(s.status).toBe('rectifying');
    s = run(s, { type: 'report_progress', actor: unitA, text: '已补设4处', percentComplete: 60 }, at(5));
    s = run(s, { type: 'claim_completion', actor: unitA, summary: '全部补设', attachments: ['photo://1'] }, at(10));
    expect(s.status).toBe('awaiting_verification');
    s = run(s, { type: 'verify', actor: inspector, decision: 'reject', comment: '第6处未按规范设置' }, at(11));
    expect(s).toMatchObject({ status: 'rectifying', rejectionCount: 1, deadline: at(30).toISOString() });
    s = run(s, { type: 'claim_completion', actor: unitA, summary: '已整改第6处' }, at(12));
    s = run(s, { type: 'verify', actor: inspector, decision: 'accept', comment: '复查合格' }, at(13));
    expect(s).toMatchObject({ status: 'signed_off', lastSeq: 7, signedOff: { by: inspector, comment: '复查合格' } });
  });

  it('rejects an incomplete plan naming every missing 五到位 item', () => {
    const s = open();
    const r = rejection(() => decideHazard(s, { type: 'submit_plan', actor: unitA, plan: { ...plan(at(20)), funds: undefined as never, contingencyPlan: '' } }, at(1)));
    expect(r).toMatchObject({ kind: 'invalid', field: 'plan', details: { missing: ['funds', 'contingency'] } });
    expect(r.message).toContain('资金到位');
    expect(r.message).toContain('预案到位');
  });

  it('lets only the owning unit act, the inspecting side verify, and the auditor nothing', () => {
    let s = open();
    expect(rejection(() => decideHazard(s, { type: 'submit_plan', actor: unitB, plan: plan(at(20)) }, at(1))).kind).toBe('forbidden');
    expect(rejection(() => decideHazard(s, { type: 'submit_plan', actor: auditor, plan: plan(at(20)) }, at(1))).kind).toBe('forbidden');
    s = run(s, { type: 'claim_completion', actor: unitA, summary: '立即整改完毕' }, at(1));
    expect(rejection(() => decideHazard(s, { type: 'verify', actor: unitA, decision: 'accept', comment: 'ok' }, at(2))).kind).toBe('forbidden');
  });

  it('requires an effect evaluation (效果评价) to sign off a major hazard, and a plan before its claim', () => {
    let s = open({ grade: 'major' });
    expect(rejection(() => decideHazard(s, { type: 'claim_completion', actor: unitA, summary: 'done' }, at(1))).kind).toBe('conflict');
    s = run(s, { type: 'submit_plan', actor: unitA, plan: plan(at(20)) }, at(1));
    s = run(s, { type: 'claim_completion', actor: unitA, summary: 'done' }, at(2));
    expect(rejection(() => decideHazard(s, { type: 'verify', actor: inspector, decision: 'accept', comment: 'ok' }, at(3)))).toMatchObject({ field: 'effectEvaluation' });
    s = run(s, { type: 'verify', actor: inspector, decision: 'accept', comment: 'ok', effectEvaluation: '连续监测30天无异常' }, at(3));
    expect(s.signedOff?.effectEvaluation).toBe('连续监测30天无异常');
  });
});

describe('extensions (延期)', () => {
  it('moves the deadline only when the office approves, at most as often as policy allows', () => {
    let s = run(open(), { type: 'submit_plan', actor: unitA, plan: plan(at(20)) }, at(1));
    s = run(s, { type: 'request_extension', actor: unitA, requestedDeadline: at(40).toISOString(), reason: '材料到货延迟' }, at(2));
    expect(rejection(() => decideHazard(s, { type: 'request_extension', actor: unitA, requestedDeadline: at(45).toISOString(), reason: 'again' }, at(2))).kind).toBe('conflict');
    expect(rejection(() => decideHazard(s, { type: 'decide_extension', actor: unitA, approve: true, reason: 'self' }, at(2))).kind).toBe('forbidden');
    s = run(s, { type: 'decide_extension', actor: office, approve: false, reason: '理由不充分' }, at(3));
    expect(s.deadline).toBe(at(30).toISOString());
    for (const [i, target] of [50, 60].entries()) {
      s = run(s, { type: 'request_extension', actor: unitA, requestedDeadline: at(target).toISOString(), reason: `第${i + 1}次` }, at(4 + i));
      s = run(s, { type: 'decide_extension', actor: office, approve: true, reason: '同意' }, at(4 + i));
    }
    expect(s.deadline).toBe(at(60).toISOString());
    expect(s.extensionHistory.map((e) => e.previousDeadline)).toEqual([at(30).toISOString(), at(50).toISOString()]);
    expect(rejection(() => decideHazard(s, { type: 'request_extension', actor: unitA, requestedDeadline: at(70).toISOString(), reason: '第三次' }, at(6))).message).toMatch(/allows 2/);
  });

  it('refuses an earlier or unparseable requested deadline', () => {
    const s = open();
    expect(rejection(() => decideHazard(s, { type: 'request_extension', actor: unitA, requestedDeadline: at(29).toISOString(), reason: 'r' }, at(1))).field).toBe('requestedDeadline');
    expect(rejection(() => decideHazard(s, { type: 'request_extension', actor: unitA, requestedDeadline: 'soon', reason: 'r' }, at(1))).field).toBe('requestedDeadline');
  });
});

describe('escalation ladder (督办升级)', () => {
  it('schedules reminder, notice, listing and summons from the deadline', () => {
    const s = open();
    expect(pendingEscalations(s).map((p) => [p.step.instrument, p.dueAt.toISOString()])).toEqual([
      ['reminder', at(27).toISOString()],
      ['notice', at(30).toISOString()],
      ['listed_supervision', at(37).toISOString()],
      ['summons', at(45).toISOString()],
    ]);
    expect(nextTimerAt(s)?.toISOString()).toBe(at(27).toISOString());
  });

  it('fires each rung once when due, with the system as actor and the rule as reason', () => {
    let s = open();
    const walk = (days: number) => {
      const events = decideDueTimers(s, at(days));
      s = applyEvents(hazardDecider, s, events).state;
      return events.map((e) => (e.type === 'escalated' ? e.data.instrument : e.type));
    };
    expect(walk(26)).toEqual([]);
    expect(walk(27)).toEqual(['reminder']);
    expect(walk(27.5)).toEqual([]);
    expect(walk(30)).toEqual(['overdue', 'notice']);
    expect(walk(44)).toEqual(['listed_supervision']);
    expect(walk(45)).toEqual(['summons']);
    expect(nextTimerAt(s)).toBeUndefined();
    expect(s.escalations.every((e) => e.reason.includes(STANDARD_HAZARD_POLICY.id))).toBe(true);
    expect(s).toMatchObject({ overdue: true, listedForSupervision: true });
  });

  it('skips the listing rung for a hazard listed at report, and pauses while awaiting verification', () => {
    let s = open({ grade: 'major' });
    expect(pendingEscalations(s).map((p) => p.step.instrument)).toEqual(['reminder', 'notice', 'summons']);
    s = run(s, { type: 'submit_plan', actor: unitA, plan: plan(at(20)) }, at(1));
    s = run(s, { type: 'claim_completion', actor: unitA, summary: 'done' }, at(2));
    expect(decideDueTimers(s, at(50))).toEqual([]);
    s = run(s, { type: 'verify', actor: inspector, decision: 'reject', comment: '不合格' }, at(50));
    // Rejected after the deadline: overdue at once, the missed rungs fire together.
    expect(decideDueTimers(s, at(50)).map((e) => e.type === 'escalated' ? e.data.instrument : e.type)).toEqual(['overdue', 'reminder', 'notice', 'summons']);
  });

  it('restarts the ladder from an extended deadline', () => {
    let s = open();
    s = applyEvents(hazardDecider, s, decideDueTimers(s, at(27))).state;
    s = run(s, { type: 'request_extension', actor: unitA, requestedDeadline: at(40).toISOString(), reason: '材料' }, at(28));
    s = run(s, { type: 'decide_extension', actor: office, approve: true, reason: '同意' }, at(28));
    expect(pendingEscalations(s)[0]).toMatchObject({ step: { instrument: 'reminder' }, dueAt: at(37) });
  });

  it('records a missed monitoring report once per silence, not per period', () => {
    let s = run(open({ grade: 'major' }), { type: 'submit_plan', actor: unitA, plan: plan(at(25)) }, at(1));
    s = run(s, { type: 'start_monitoring', actor: unitA, measures: '24小时专人值守', watchPerson: '刘师傅' }, at(1));
    expect(s.monitoring?.nextReportDue).toBe(at(8).toISOString());
    s = run(s, { type: 'report_monitoring', actor: unitA, text: '无异常' }, at(7));
    expect(s.monitoring?.nextReportDue).toBe(at(14).toISOString());
    const missed = decideDueTimers(s, at(20));
    expect(missed.map((e) => e.type)).toEqual(['monitoring_report_missed']);
    s = applyEvents(hazardDecider, s, missed).state;
    expect(s.monitoring).toMatchObject({ missedCount: 1, reportCount: 1, nextReportDue: at(27).toISOString() });
  });
});

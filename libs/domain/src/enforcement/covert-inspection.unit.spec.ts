import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { DomainRejection } from '../rejection';
import { DeciderSpecification } from '../testing/decider-specification';
import type { CovertInspectionCommand } from './covert-inspection-commands';
import { covertInspectionDecider, foldCovertInspectionOpening } from './covert-inspection-decider';
import { STANDARD_COVERT_INSPECTION_POLICY, type CovertInspectionPlan } from './covert-inspection-plan';
import { authorizeCovertInspectionRead } from './covert-inspection-permissions';
import { drawCovertSample } from './covert-sample';
import { decideCovertInspectionTimers, nextCovertInspectionTimerAt } from './decide-covert-inspection';
import { planCovertInspection } from './plan-covert-inspection';

const office: Actor = { id: 'o1', name: '区安委办 邓主任', role: 'office' };
const leader: Actor = { id: 'i-lead', name: '暗访组 吴组长', role: 'inspector' };
const member: Actor = { id: 'i-2', name: '暗访组 李', role: 'inspector' };
const outsider: Actor = { id: 'i-9', name: '其他检查组', role: 'inspector' };
const auditor: Actor = { id: 'a1', name: '纪委监委', role: 'auditor' };
const countyGov: Actor = { id: 'u-cg', name: '县政府', role: 'unit', unitId: 'county-gov' };
const PLANNED = new Date('2026-07-01T01:00:00Z');
const VISIT = new Date('2026-07-05T02:00:00Z');

const plan: CovertInspectionPlan = {
  inspectionId: 'covert-2026-07',
  title: '汛期安全生产暗访',
  regionId: 'gaoping',
  leader: { accountId: leader.id, name: leader.name },
  members: [{ accountId: member.id, name: member.name }],
  candidates: Array.from({ length: 12 }, (_, i) => ({ unitId: `ent-${i}`, regionId: i < 6 ? 'town-1' : 'town-2', industryId: 'construction' })),
  seed: 'seed-7f3a',
  stratifyBy: 'region',
  perStratum: 2,
};
const opening = planCovertInspection(plan, office, STANDARD_COVERT_INSPECTION_POLICY, PLANNED);
const given = () => DeciderSpecification.for(covertInspectionDecider, { start: [opening[0] as never], now: VISIT }).given(opening);
const sampled = drawCovertSample(plan.candidates, plan).unitIds;
const [first, second] = sampled;

const finding = (grade: 'general' | 'major', unitId = first, actor: Actor = member): CovertInspectionCommand => ({
  type: 'record_finding',
  actor,
  unitId,
  grade,
  description: grade === 'major' ? '深基坑无支护, 临边无防护' : '消防通道堆放杂物',
});
const orderFor = (findingIds: string[], unitId = first): Extract<CovertInspectionCommand, { type: 'issue_rectification_order' }> => ({
  type: 'issue_rectification_order',
  actor: leader,
  unitId,
  findingIds,
  instruction: '立即停止深基坑作业, 限期完成支护',
  timeLimit: { amount: 10, unit: 'days' },
  countyGovernmentUnitId: 'county-gov',
  industryDepartmentUnitId: 'county-housing',
});
const ack = (recipient: 'county_government' | 'industry_department', actor: Actor = office): CovertInspectionCommand => ({
  type: 'acknowledge_feedback',
  actor,
  orderId: 'covert-2026-07:o1',
  recipient,
  acknowledgedBy: '签收人',
});

describe('暗访计划: planned without notice, sampled from a recorded seed', () => {
  it('records the plan with a sample the record reproduces, two per town', () => {
    const { state } = foldCovertInspectionOpening(opening);
    expect(state.sample.strata.map((s) => [s.key, s.unitIds.length])).toEqual([
      ['town-1', 2],
      ['town-2', 2],
    ]);
    expect(drawCovertSample([...state.plan.candidates].reverse(), state.plan)).toEqual(state.sample);
    expect(opening[0].reason).toContain('seed-7f3a');
  });

  it('shows the plan only to the office and the team until done, then to the auditor and the units inspected', () => {
    const { state } = foldCovertInspectionOpening(opening);
    expect(() => authorizeCovertInspectionRead(state, office)).not.toThrow();
    expect(() => authorizeCovertInspectionRead(state, member)).not.toThrow();
    expect(() => authorizeCovertInspectionRead(state, outsider)).toThrow(expect.objectContaining({ code: 'covert.plan.hidden' }));
    expect(() => authorizeCovertInspectionRead(state, auditor)).toThrow(expect.objectContaining({ code: 'permission.role_not_allowed' }));
    const inspected: Actor = { id: 'u', name: '被查企业', role: 'unit', unitId: first };
    expect(() => authorizeCovertInspectionRead(state, inspected)).toThrow(DomainRejection);
    const done = { ...state, status: 'completed' as const };
    expect(() => authorizeCovertInspectionRead(done, auditor)).not.toThrow();
    expect(() => authorizeCovertInspectionRead(done, inspected)).not.toThrow();
    const notSampled = plan.candidates.find((c) => !sampled.includes(c.unitId))!.unitId;
    expect(() => authorizeCovertInspectionRead(done, { ...inspected, unitId: notSampled })).toThrow(
      expect.objectContaining({ code: 'permission.own_unit_only' }),
    );
  });

  it('refuses a planner who is not the office', () => {
    expect(() => planCovertInspection(plan, leader, STANDARD_COVERT_INSPECTION_POLICY, PLANNED)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });
});

describe('findings → 现场整改指令 with a time limit, feedback to two recipients, a major hazard listed', () => {
  it('orders rectification, owes feedback to the county government and the industry department, and lists the major hazard', () => {
    const ordered = given()
      .when(finding('major'))
      .then([{ type: 'finding_recorded', data: { findingId: 'covert-2026-07:f1', grade: 'major', unitId: first } }])
      .when(finding('general'))
      .then([{}])
      .when(orderFor(['covert-2026-07:f1', 'covert-2026-07:f2']))
      .then([
        {
          type: 'rectification_ordered',
          data: {
            orderId: 'covert-2026-07:o1',
            dueAt: '2026-07-15T02:00:00.000Z',
            feedback: [
              { recipient: 'county_government', unitId: 'county-gov', due: '2026-07-10T02:00:00.000Z' },
              { recipient: 'industry_department', unitId: 'county-housing', due: '2026-07-10T02:00:00.000Z' },
            ],
          },
        },
        { type: 'major_hazard_listed', data: { findingId: 'covert-2026-07:f1', signOffBy: '2026-07-15T02:00:00.000Z' } },
      ]);
    ordered.when(orderFor(['covert-2026-07:f1'])).thenThrows({ code: 'covert.finding.already_ordered' });
    const acknowledged = ordered
      .when(ack('county_government', countyGov))
      .thenState({ orders: [{ feedback: [{ acknowledged: { acknowledgedBy: '签收人', by: countyGov } }, { recipient: 'industry_department' }] }] });
    expect(acknowledged.state.orders[0].feedback[1].acknowledged).toBeUndefined();
    acknowledged.when(ack('county_government')).thenThrows({ code: 'covert.feedback.already_acknowledged' });
    acknowledged.when(ack('industry_department', countyGov)).thenThrows({ code: 'covert.feedback.not_recipient' });
    expect(nextCovertInspectionTimerAt(acknowledged.state)).toEqual(new Date('2026-07-10T02:00:00.000Z'));
    const overdue = decideCovertInspectionTimers(acknowledged.state, new Date('2026-07-10T02:00:00.000Z'));
    expect(overdue).toMatchObject([{ type: 'feedback_overdue', data: { recipient: 'industry_department' } }]);
    expect(nextCovertInspectionTimerAt(acknowledged.and(overdue).state)).toBeUndefined();
    acknowledged
      .when(ack('industry_department'))
      .then([{}])
      .when({ type: 'complete', actor: leader, summary: '发现2个问题, 均已下达整改指令' })
      .thenState({ status: 'completed' });
  });

  it('keeps the work to the team and the sample, and ends only with every finding ordered', () => {
    given()
      .when(finding('general', first, outsider))
      .thenThrows({ code: 'covert.team.not_member' });
    const unsampled = plan.candidates.find((c) => !sampled.includes(c.unitId))!.unitId;
    given().when(finding('general', unsampled)).thenThrows({ code: 'covert.unit.not_sampled' });
    const found = given().when(finding('general', second)).then([{}]);
    found.when(orderFor(['covert-2026-07:f1'], first)).thenThrows({ code: 'covert.finding.unknown' });
    found.when({ type: 'complete', actor: leader, summary: 'x' }).thenThrows({ code: 'covert.inspection.findings_unordered' });
    found.when({ type: 'complete', actor: member, summary: 'x' }).thenThrows({ code: 'covert.team.not_member' });
    found.when({ ...orderFor(['covert-2026-07:f1'], second), timeLimit: { amount: 200, unit: 'days' } }).thenThrows({ field: 'timeLimit' });
    const done = found
      .when(orderFor(['covert-2026-07:f1'], second))
      .then([{}])
      .when({ type: 'complete', actor: office, summary: '结束' })
      .then([{ type: 'completed' }]);
    done.when(finding('general')).thenThrows({ code: 'covert.inspection.completed' });
  });
});

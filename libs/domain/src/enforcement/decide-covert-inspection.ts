import { SYSTEM_ACTOR } from '../actor';
import { HAZARD_GRADE_LABELS, HAZARD_GRADES } from '../hazard/hazard-grade';
import { isValidId } from '../hazard/hazard-report';
import { requireOneOf } from '../one-of';
import { authorize } from '../permissions';
import { conflict, forbidden, invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { addSpan } from '../time/add-span';
import type { TimeSpan } from '../time/time-span';
import type { CovertInspectionCommand } from './covert-inspection-commands';
import type { NewCovertInspectionEvent } from './covert-inspection-events';
import { COVERT_INSPECTION_PERMISSIONS } from './covert-inspection-permissions';
import { FEEDBACK_RECIPIENT_LABELS, FEEDBACK_RECIPIENTS } from './covert-inspection-plan';
import { isOnCovertTeam, type CovertInspectionState } from './covert-inspection-state';

type Cmd<T extends CovertInspectionCommand['type']> = Extract<CovertInspectionCommand, { type: T }>;

function requireTeam(s: CovertInspectionState, c: CovertInspectionCommand): void {
  if (c.actor.role === 'inspector' && !isOnCovertTeam(s, c.actor))
    throw forbidden('covert.team.not_member', `${c.actor.name} is not on the team of covert inspection ${s.inspectionId}`);
}

function requireOpen(s: CovertInspectionState): void {
  if (s.status === 'completed') throw conflict('covert.inspection.completed', `covert inspection ${s.inspectionId} is completed`);
}

function requireSampled(s: CovertInspectionState, unitId: unknown): string {
  if (typeof unitId !== 'string' || !s.sample.unitIds.includes(unitId))
    throw invalid('covert.unit.not_sampled', 'unitId', `${String(unitId)} is not in the sample of ${s.inspectionId}`);
  return unitId;
}

function timeLimit(span: TimeSpan, max: TimeSpan, now: Date): Date {
  if (!span || !['hours', 'days', 'workdays'].includes(span.unit) || !Number.isInteger(span.amount) || span.amount < 1)
    throw invalid('input.out_of_range', 'timeLimit', 'timeLimit must be a whole number ≥ 1 of hours, days or workdays');
  const due = addSpan(now, span);
  if (due > addSpan(now, max)) throw invalid('input.out_of_range', 'timeLimit', 'timeLimit is longer than the policy allows');
  return due;
}

function order(s: CovertInspectionState, c: Cmd<'issue_rectification_order'>, now: Date): NewCovertInspectionEvent[] {
  requireTeam(s, c);
  requireOpen(s);
  const unitId = requireSampled(s, c.unitId);
  if (!Array.isArray(c.findingIds) || c.findingIds.length === 0) throw invalid('input.too_few', 'findingIds', 'an order names at least one finding');
  const findings = c.findingIds.map((id, i) => {
    const f = s.findings.find((x) => x.findingId === id && x.unitId === unitId);
    if (!f) throw invalid('covert.finding.unknown', `findingIds[${i}]`, `${String(id)} is not a finding at ${unitId}`);
    if (f.orderId) throw conflict('covert.finding.already_ordered', `${f.findingId} is already in order ${f.orderId}`);
    return f;
  });
  const instruction = requiredText(c.instruction, 'instruction');
  for (const field of ['countyGovernmentUnitId', 'industryDepartmentUnitId'] as const)
    if (!isValidId(c[field])) throw invalid('input.malformed_id', field, `${field} must be a unit id`);
  const dueAt = timeLimit(c.timeLimit, s.policy.maxOrderTimeLimit, now).toISOString();
  const feedbackDue = addSpan(now, s.policy.feedbackAcknowledgeWithin).toISOString();
  const orderId = `${s.inspectionId}:o${s.orders.length + 1}`;
  const base = { at: now.toISOString(), actor: c.actor };
  const ordered: NewCovertInspectionEvent = {
    ...base,
    type: 'rectification_ordered',
    data: {
      orderId,
      unitId,
      findingIds: findings.map((f) => f.findingId),
      instruction,
      dueAt,
      feedback: [
        { recipient: 'county_government', unitId: c.countyGovernmentUnitId, due: feedbackDue },
        { recipient: 'industry_department', unitId: c.industryDepartmentUnitId, due: feedbackDue },
      ],
    },
    reason: `现场整改指令 to ${unitId}, 限时 ${dueAt}: ${instruction}; 反馈县区政府 ${c.countyGovernmentUnitId}、行业主管部门 ${c.industryDepartmentUnitId}`,
  };
  const listed: NewCovertInspectionEvent[] = findings
    .filter((f) => f.grade === 'major')
    .map((f) => ({
      ...base,
      type: 'major_hazard_listed',
      data: { findingId: f.findingId, unitId, orderId, signOffBy: dueAt },
      reason: `重大隐患挂牌督办, 限期销号 by ${dueAt}: ${f.description}`,
    }));
  return [ordered, ...listed];
}

/** The events a command on a covert inspection causes at `now`, or a rejection saying why not. */
export function decideCovertInspection(s: CovertInspectionState, c: CovertInspectionCommand, now: Date): NewCovertInspectionEvent[] {
  authorize(COVERT_INSPECTION_PERMISSIONS, c.type, c.actor);
  const base = { at: now.toISOString(), actor: c.actor };
  switch (c.type) {
    case 'record_finding': {
      requireTeam(s, c);
      requireOpen(s);
      const unitId = requireSampled(s, c.unitId);
      const grade = requireOneOf(c.grade, HAZARD_GRADES, 'grade', { note: '一般隐患/重大隐患' });
      const description = requiredText(c.description, 'description');
      const findingId = `${s.inspectionId}:f${s.findings.length + 1}`;
      return [
        {
          ...base,
          type: 'finding_recorded',
          data: { findingId, unitId, description, grade },
          reason: `${HAZARD_GRADE_LABELS[grade]} at ${unitId}: ${description}`,
        },
      ];
    }
    case 'issue_rectification_order':
      return order(s, c, now);
    case 'acknowledge_feedback': {
      const recipient = requireOneOf(c.recipient, FEEDBACK_RECIPIENTS, 'recipient');
      const o = s.orders.find((x) => x.orderId === c.orderId);
      if (!o) throw invalid('covert.order.unknown', 'orderId', `${String(c.orderId)} is not an order of ${s.inspectionId}`);
      const feedback = o.feedback.find((f) => f.recipient === recipient);
      if (!feedback) throw invalid('covert.order.unknown', 'recipient', `order ${o.orderId} owes no feedback to ${recipient}`);
      if (c.actor.role === 'unit' && c.actor.unitId !== feedback.unitId)
        throw forbidden('covert.feedback.not_recipient', `the ${recipient} feedback of ${o.orderId} is for unit ${feedback.unitId}`);
      if (feedback.acknowledged) throw conflict('covert.feedback.already_acknowledged', `acknowledged on ${feedback.acknowledged.at}`);
      const acknowledgedBy = requiredText(c.acknowledgedBy, 'acknowledgedBy', TEXT_LIMITS.shortText);
      return [
        {
          ...base,
          type: 'feedback_acknowledged',
          data: { orderId: o.orderId, recipient, acknowledgedBy },
          reason: `${FEEDBACK_RECIPIENT_LABELS[recipient]} ${acknowledgedBy} 签收 ${o.orderId}`,
        },
      ];
    }
    case 'complete': {
      requireTeam(s, c);
      requireOpen(s);
      if (c.actor.role === 'inspector' && c.actor.id !== s.plan.leader.accountId)
        throw forbidden('covert.team.not_member', 'only the team’s leader (or the office) ends the inspection');
      const unordered = s.findings.filter((f) => !f.orderId).map((f) => f.findingId);
      if (unordered.length > 0)
        throw conflict('covert.inspection.findings_unordered', `findings without an on-site rectification order: ${unordered.join(', ')}`);
      const summary = requiredText(c.summary, 'summary');
      return [{ ...base, type: 'completed', data: { summary }, reason: summary }];
    }
  }
}

/** When Duban must look next: the earliest feedback still unacknowledged and not yet recorded overdue. */
export function nextCovertInspectionTimerAt(s: CovertInspectionState): Date | undefined {
  const dues = s.orders.flatMap((o) => o.feedback.filter((f) => !f.acknowledged && !f.overdue).map((f) => Date.parse(f.due)));
  return dues.length === 0 ? undefined : new Date(Math.min(...dues));
}

/** What falls due at `now`: each feedback obligation past its due time without acknowledgement is recorded overdue. */
export function decideCovertInspectionTimers(s: CovertInspectionState, now: Date): NewCovertInspectionEvent[] {
  return s.orders.flatMap((o) =>
    o.feedback
      .filter((f) => !f.acknowledged && !f.overdue && Date.parse(f.due) <= now.getTime())
      .map((f): NewCovertInspectionEvent => ({
        type: 'feedback_overdue',
        data: { orderId: o.orderId, recipient: f.recipient, due: f.due },
        at: now.toISOString(),
        actor: SYSTEM_ACTOR,
        reason: `反馈未签收: ${FEEDBACK_RECIPIENT_LABELS[f.recipient]} ${f.unitId} was due to acknowledge ${o.orderId} by ${f.due}`,
      })),
  );
}

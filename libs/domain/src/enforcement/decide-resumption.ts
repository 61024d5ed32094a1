import { forbidden, conflict, invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { addSpan } from '../time/add-span';
import { parseDateTime } from '../accident/accident-report';
import type { EnforcementCommand } from './enforcement-commands';
import type { NewEnforcementEvent } from './enforcement-events';
import {
  SUPERVISED_STATUSES,
  SUSPENSION_STATUS_LABELS,
  type EnforcementCaseState,
  type SuspensionState,
  type SuspensionStatus,
} from './enforcement-state';
import { requireNotClosedDown } from './decide-measures';
import { admitViolation } from './open-enforcement-case';

export type ResumptionCommandType = 'file_rectification' | 'record_resumption_inspection' | 'sign_resumption' | 'record_supervision_check';
type Cmd<T extends EnforcementCommand['type']> = Extract<EnforcementCommand, { type: T }>;

function names(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0) throw invalid('input.too_few', field, `${field} must name at least one person`);
  return value.map((name, i) => requiredText(name, `${field}[${i}]`, TEXT_LIMITS.shortText));
}

/** The suspension, in one of `statuses`, or a conflict saying where it stands. */
function requireSuspension(s: EnforcementCaseState, statuses: ReadonlySet<SuspensionStatus>, step: string): SuspensionState {
  requireNotClosedDown(s);
  const p = s.suspension;
  if (!p) throw conflict('enforcement.suspension.none', `no suspension (停产整顿) in case ${s.caseId}: nothing to ${step}`);
  if (!statuses.has(p.status))
    throw conflict('enforcement.resumption.status_not_allowed', `cannot ${step} while ${SUSPENSION_STATUS_LABELS[p.status]}`);
  return p;
}

/** The procedural steps' legal basis: the policy the case keeps (its rules' sources). */
const policyBasis = (s: EnforcementCaseState) => s.policy.source;

/**
 * Suspension → resumption (复工复产, 002 篇八: 达到安全生产标准并经层层签字确认后方可复工复产):
 * rectification filed, 复产验收, signatures level by level in the policy's order, then resumed; a
 * failed inspection at the policy's limit requires closure (篇五: 经停产整顿仍未达到要求的, 一律关闭取缔).
 * A suspended unit stays supervised: a check that finds it producing records a new, serious violation.
 */
export function decideResumption(s: EnforcementCaseState, c: Cmd<ResumptionCommandType>, now: Date): NewEnforcementEvent[] {
  const base = { at: now.toISOString(), actor: c.actor, legalBasis: policyBasis(s) };
  switch (c.type) {
    case 'file_rectification': {
      requireSuspension(s, new Set(['suspended']), 'file a rectification');
      const summary = requiredText(c.summary, 'summary');
      const attachments =
        c.attachments === undefined ? [] : c.attachments.map((a, i) => requiredText(a, `attachments[${i}]`, TEXT_LIMITS.attachmentRef));
      return [{ ...base, type: 'rectification_filed', data: { summary, attachments }, reason: summary }];
    }
    case 'record_resumption_inspection': {
      const p = requireSuspension(s, new Set(['rectification_filed']), 'inspect for resumption');
      if (typeof c.passed !== 'boolean') throw invalid('input.not_boolean', 'passed', 'passed must be true or false');
      const findings = requiredText(c.findings, 'findings');
      const inspectors = names(c.inspectors, 'inspectors');
      const attempt = p.inspections.length + 1;
      const inspected: NewEnforcementEvent = {
        ...base,
        type: 'resumption_inspected',
        data: { passed: c.passed, findings, inspectors, attempt },
        reason: `复产验收 #${attempt} ${c.passed ? '合格' : '不合格'}: ${findings}`,
      };
      if (c.passed) {
        if (s.policy.resumptionSignatures.length > 0) return [inspected];
        return [inspected, { ...base, type: 'resumed', data: { signatures: 0 }, reason: '复产验收合格, the policy asks no signatures' }];
      }
      const failed = p.inspections.filter((i) => !i.passed).length + 1;
      if (failed < s.policy.failedInspectionsBeforeClosure) return [inspected];
      return [
        inspected,
        {
          ...base,
          type: 'closure_required',
          data: { failedInspections: failed },
          reason: `经停产整顿仍未达到要求 (${failed} failed resumption inspection(s)): 一律关闭取缔`,
        },
      ];
    }
    case 'sign_resumption': {
      const p = requireSuspension(s, new Set(['awaiting_signatures']), 'sign the resumption');
      const chain = s.policy.resumptionSignatures;
      const next = chain[p.signatures.length];
      if (c.levelId !== next.id)
        throw conflict('enforcement.resumption.signature_out_of_order', `the next signature is ${next.label} (${next.id}), not ${String(c.levelId)}`);
      if (c.actor.role === 'unit' && c.actor.unitId === s.unitId)
        throw forbidden('enforcement.resumption.self_signature', `unit ${s.unitId} may not sign its own resumption`);
      const signer = requiredText(c.signer, 'signer', TEXT_LIMITS.shortText);
      const opinion = requiredText(c.opinion, 'opinion');
      const signed: NewEnforcementEvent = {
        ...base,
        type: 'resumption_signed',
        data: { levelId: next.id, signer, opinion },
        reason: `${next.label} ${signer} 签字确认: ${opinion}`,
      };
      if (p.signatures.length + 1 < chain.length) return [signed];
      return [
        signed,
        { ...base, type: 'resumed', data: { signatures: chain.length }, reason: `复工复产: ${chain.map((l) => l.label).join(' → ')} 层层签字确认` },
      ];
    }
    case 'record_supervision_check': {
      requireSuspension(s, SUPERVISED_STATUSES, 'check the suspended unit');
      const checkedAt = parseDateTime(c.checkedAt, 'checkedAt');
      if (checkedAt > now) throw invalid('time.in_future', 'checkedAt', 'checkedAt must not be in the future');
      if (typeof c.producing !== 'boolean') throw invalid('input.not_boolean', 'producing', 'producing must be true or false');
      const findings = requiredText(c.findings, 'findings');
      const nextCheckDue = addSpan(checkedAt, s.policy.supervisionCheckEvery).toISOString();
      const checked: NewEnforcementEvent = {
        ...base,
        type: 'supervision_check_recorded',
        data: { checkedAt: checkedAt.toISOString(), producing: c.producing, findings, nextCheckDue },
        reason: `停产期间监管检查: ${c.producing ? '发现擅自生产' : '未生产'}; ${findings}`,
      };
      if (!c.producing) return [checked];
      const legalBasis = s.suspension?.imposed.legalBasis ?? policyBasis(s);
      const violation = admitViolation(
        { description: `停产整顿期间擅自生产 (producing while suspended): ${findings}`, serious: true, foundAt: checkedAt.toISOString(), legalBasis },
        `${s.caseId}:v${s.violations.length + 1}`,
        'supervision_check',
        now,
      );
      return [checked, { ...base, type: 'violation_recorded', data: { violation }, reason: violation.description, legalBasis }];
    }
  }
}

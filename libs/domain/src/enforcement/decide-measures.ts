import { addSpan } from '../time/add-span';
import { conflict, invalid } from '../rejection';
import { requireOneOf } from '../one-of';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { caseCloseRefusal } from './case-close-validator';
import type { EnforcementCommand } from './enforcement-commands';
import type { NewEnforcementEvent } from './enforcement-events';
import type { EnforcementCaseState } from './enforcement-state';
import { REFERRAL_OUTCOME_LABELS, REFERRAL_OUTCOMES, RESPONDENT_ROLE_LABELS } from './enforcement-terms';
import { admitViolation, validateRespondent } from './open-enforcement-case';

export type MeasureCommandType =
  | 'add_respondent'
  | 'record_violation'
  | 'flag_criminal'
  | 'impose_suspension'
  | 'impose_fine'
  | 'refer_to_judiciary'
  | 'record_referral_outcome'
  | 'impose_closure'
  | 'close_case';
type Cmd<T extends EnforcementCommand['type']> = Extract<EnforcementCommand, { type: T }>;

const basis = (value: unknown) => requiredText(value, 'legalBasis', TEXT_LIMITS.shortText);

function respondentOf(s: EnforcementCaseState, id: unknown, field: string) {
  const found = s.respondents.find((r) => r.respondentId === id);
  if (!found) throw invalid('enforcement.respondent.unknown', field, `${String(id)} is not a respondent of case ${s.caseId}`);
  return found;
}

/** A fine in whole yuan, at least 1. */
function yuan(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw invalid('input.out_of_range', field, `${field} must be whole yuan ≥ 1`);
  return value;
}

/** The events deciding a case's measures (四个一律), its parties and its closing cause. */
export function decideMeasures(s: EnforcementCaseState, c: Cmd<MeasureCommandType>, now: Date): NewEnforcementEvent[] {
  const base = { at: now.toISOString(), actor: c.actor };
  switch (c.type) {
    case 'add_respondent': {
      const respondent = validateRespondent(c.respondent, 'respondent');
      if (s.respondents.some((r) => r.respondentId === respondent.respondentId))
        throw invalid('input.duplicate_id', 'respondent.respondentId', `${respondent.respondentId} is already a respondent`);
      const reason = `一并处罚: ${respondent.name} (${RESPONDENT_ROLE_LABELS[respondent.role]}): ${requiredText(c.reason, 'reason')}`;
      return [{ ...base, type: 'respondent_added', data: { respondent }, reason, legalBasis: basis(c.legalBasis) }];
    }
    case 'record_violation': {
      const violation = admitViolation(c.violation, `${s.caseId}:v${s.violations.length + 1}`, 'recorded', now);
      const reason = requiredText(c.reason, 'reason');
      return [{ ...base, type: 'violation_recorded', data: { violation }, reason, legalBasis: violation.legalBasis }];
    }
    case 'flag_criminal': {
      if (s.criminal) throw conflict('enforcement.criminal.already_flagged', `flagged as criminal on ${s.criminal.at}`);
      return [{ ...base, type: 'criminal_flagged', data: {}, reason: requiredText(c.reason, 'reason'), legalBasis: basis(c.legalBasis) }];
    }
    case 'impose_suspension': {
      requireNotClosedDown(s);
      if (s.suspension) throw conflict('enforcement.suspension.already_imposed', `suspended since ${s.suspension.imposed.at}`);
      const respondent = respondentOf(s, c.respondentId, 'respondentId');
      if (respondent.role !== 'enterprise')
        throw invalid('enforcement.suspension.enterprise_only', 'respondentId', '停产整顿 is imposed on the enterprise, not a person');
      const reason = requiredText(c.reason, 'reason');
      const nextCheckDue = addSpan(now, s.policy.supervisionCheckEvery).toISOString();
      return [
        {
          ...base,
          type: 'suspension_imposed',
          data: { respondentId: respondent.respondentId, nextCheckDue },
          reason,
          legalBasis: basis(c.legalBasis),
        },
      ];
    }
    case 'impose_fine': {
      const respondent = respondentOf(s, c.respondentId, 'respondentId');
      const amountYuan = yuan(c.amountYuan, 'amountYuan');
      const upperLimitYuan = yuan(c.upperLimitYuan, 'upperLimitYuan');
      if (amountYuan !== upperLimitYuan)
        throw invalid(
          'enforcement.fine.not_upper_limit',
          'amountYuan',
          `上限处罚 is the upper limit ${upperLimitYuan} yuan of the cited article, not ${amountYuan}`,
        );
      if (s.fines.some((f) => f.respondentId === respondent.respondentId))
        throw conflict('enforcement.fine.already_imposed', `${respondent.name} has already been fined in this case`);
      const reason = `${respondent.name}: ${amountYuan} 元; ${requiredText(c.reason, 'reason')}`;
      return [
        {
          ...base,
          type: 'fine_imposed',
          data: { respondentId: respondent.respondentId, amountYuan, upperLimitYuan },
          reason,
          legalBasis: basis(c.legalBasis),
        },
      ];
    }
    case 'refer_to_judiciary': {
      if (s.referral)
        throw conflict('enforcement.referral.already_made', `referred to ${s.referral.receivingAuthority} on ${s.referral.referred.at}`);
      if (!Array.isArray(c.respondentIds) || c.respondentIds.length === 0)
        throw invalid('input.too_few', 'respondentIds', 'name at least one respondent referred');
      c.respondentIds.forEach((id, i) => respondentOf(s, id, `respondentIds[${i}]`));
      const receivingAuthority = requiredText(c.receivingAuthority, 'receivingAuthority', TEXT_LIMITS.shortText);
      const reason = `移送 ${receivingAuthority}: ${requiredText(c.reason, 'reason')}`;
      return [
        {
          ...base,
          type: 'referred_to_judiciary',
          data: { respondentIds: [...c.respondentIds], receivingAuthority },
          reason,
          legalBasis: basis(c.legalBasis),
        },
      ];
    }
    case 'record_referral_outcome': {
      if (!s.referral) throw conflict('enforcement.referral.none', 'the case has not been referred to the judiciary');
      if (s.referral.outcome) throw conflict('enforcement.referral.outcome_recorded', `the judiciary answered on ${s.referral.outcome.at}`);
      const outcome = requireOneOf(c.outcome, REFERRAL_OUTCOMES, 'outcome');
      const decisionRef = requiredText(c.decisionRef, 'decisionRef', TEXT_LIMITS.shortText);
      const reason = `${REFERRAL_OUTCOME_LABELS[outcome]} (${decisionRef}): ${requiredText(c.reason, 'reason')}`;
      return [{ ...base, type: 'referral_outcome_recorded', data: { outcome, decisionRef }, reason, legalBasis: decisionRef }];
    }
    case 'impose_closure': {
      requireNotClosedDown(s);
      const afterFailedResumption = s.suspension?.status === 'closure_required';
      const reason = requiredText(c.reason, 'reason');
      return [{ ...base, type: 'closure_imposed', data: { afterFailedResumption }, reason, legalBasis: basis(c.legalBasis) }];
    }
    case 'close_case': {
      const refusal = caseCloseRefusal(s);
      if (refusal) throw refusal;
      const conclusion = requiredText(c.conclusion, 'conclusion');
      return [{ ...base, type: 'case_closed', data: { conclusion }, reason: `结案: ${conclusion}`, legalBasis: basis(c.legalBasis) }];
    }
  }
}

/** 关闭取缔 is final: nothing suspends, resumes or closes the unit again. */
export function requireNotClosedDown(s: EnforcementCaseState): void {
  if (s.closure) throw conflict('enforcement.closure.final', `the unit was closed (关闭取缔) on ${s.closure.at}; that is final`);
}

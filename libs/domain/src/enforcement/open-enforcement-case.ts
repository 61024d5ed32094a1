import type { Actor } from '../actor';
import { isValidId } from '../hazard/hazard-report';
import { requireOneOf } from '../one-of';
import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { cstDate } from '../time/china-day';
import { parseDateTime } from '../accident/accident-report';
import type { EnforcementCaseFiling, Respondent, CaseViolation, CaseViolationInput } from './enforcement-case-filing';
import type { NewEnforcementEvent } from './enforcement-events';
import { authorizeEnforcementAction } from './enforcement-permissions';
import type { EnforcementPolicy } from './enforcement-policy';
import { CASE_ORIGIN_LABELS, CASE_ORIGINS, ORIGINS_WITH_SOURCE, RESPONDENT_ROLE_LABELS, RESPONDENT_ROLES } from './enforcement-terms';

function requireId(value: unknown, field: string): string {
  if (!isValidId(value)) throw invalid('input.malformed_id', field, `${field} must be 1–100 letters, digits, _ . : -`);
  return value;
}

/** A respondent's fields checked; a refusal names `field`. */
export function validateRespondent(respondent: Respondent, field: string): Respondent {
  requireId(respondent.respondentId, `${field}.respondentId`);
  requireOneOf(respondent.role, RESPONDENT_ROLES, `${field}.role`, { note: '一并处罚: 企业、法定代表人、实际控制人 …' });
  requiredText(respondent.name, `${field}.name`, TEXT_LIMITS.shortText);
  return respondent;
}

/** A violation's fields checked and its China day fixed; `now` bars one found in the future. */
export function admitViolation(
  input: CaseViolationInput,
  violationId: string,
  via: CaseViolation['via'],
  now: Date,
  field = 'violation',
): CaseViolation {
  requiredText(input.description, `${field}.description`);
  if (typeof input.serious !== 'boolean') throw invalid('input.not_boolean', `${field}.serious`, `${field}.serious must be true or false`);
  const foundAt = parseDateTime(input.foundAt, `${field}.foundAt`);
  if (foundAt > now) throw invalid('time.in_future', `${field}.foundAt`, `${field}.foundAt must not be in the future`);
  requiredText(input.legalBasis, `${field}.legalBasis`, TEXT_LIMITS.shortText);
  return { ...input, foundAt: foundAt.toISOString(), violationId, foundOn: cstDate(foundAt), via };
}

/** 立案: the actor may open it and the filing is complete; throws a rejection naming the field. */
export function admitEnforcementCase(filing: EnforcementCaseFiling, actor: Actor, now: Date): CaseViolation {
  authorizeEnforcementAction('open', actor, filing.unitId);
  requireId(filing.caseId, 'caseId');
  requireId(filing.unitId, 'unitId');
  requireId(filing.regionId, 'regionId');
  if (filing.industryId !== undefined) requireId(filing.industryId, 'industryId');
  requireOneOf(filing.origin, CASE_ORIGINS, 'origin');
  if (ORIGINS_WITH_SOURCE.has(filing.origin) && filing.sourceRef === undefined)
    throw invalid('enforcement.origin.source_required', 'sourceRef', `a case from ${CASE_ORIGIN_LABELS[filing.origin]} names its source record`);
  if (filing.sourceRef !== undefined) requireId(filing.sourceRef, 'sourceRef');
  if (!Array.isArray(filing.respondents)) throw invalid('input.not_a_list', 'respondents', 'respondents must be a list');
  filing.respondents.forEach((r, i) => validateRespondent(r, `respondents[${i}]`));
  const ids = filing.respondents.map((r) => r.respondentId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw invalid('input.duplicate_id', 'respondents', `respondent ${duplicate} is named twice`);
  if (!filing.respondents.some((r) => r.role === 'enterprise'))
    throw invalid('enforcement.respondent.enterprise_required', 'respondents', `name the enterprise (${RESPONDENT_ROLE_LABELS.enterprise})`);
  requiredText(filing.legalBasis, 'legalBasis', TEXT_LIMITS.shortText);
  return admitViolation(filing.violation, `${filing.caseId}:v1`, 'filing', now);
}

/** The event that opens a case (立案), with its policy; validates first (admitEnforcementCase). */
export function openEnforcementCase(filing: EnforcementCaseFiling, actor: Actor, policy: EnforcementPolicy, now: Date): NewEnforcementEvent[] {
  const violation = admitEnforcementCase(filing, actor, now);
  const named = filing.respondents.map((r) => `${r.name} (${RESPONDENT_ROLE_LABELS[r.role]})`).join(', ');
  return [
    {
      type: 'opened',
      data: { filing, policy, violation },
      at: now.toISOString(),
      actor,
      reason: `立案 from ${CASE_ORIGIN_LABELS[filing.origin]}: ${violation.description}; respondents ${named}`,
      legalBasis: filing.legalBasis,
    },
  ];
}

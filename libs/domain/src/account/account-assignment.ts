import { requireOneOf } from '../one-of';
import { ROLES, type Role } from '../actor';
import { isValidId } from '../hazard/hazard-report';
import { invalid } from '../rejection';

/**
 * What an account acts as (账号归属): the person (责任人) behind it, its role, and the scope the
 * role acts in. Ids are the registry's (plain ids until the registry checks them).
 */
export interface AccountAssignment {
  personId: string;
  role: Role;
  /** The unit the person acts for: required for role `unit` (a department 行业主管部门 is a unit too). */
  unitId?: string;
  /** The region (属地) the account acts in: required for office and auditor accounts. */
  regionId?: string;
  /** The industry (行业) a department's account governs: only on a unit account. */
  industryId?: string;
}

const OPTIONAL_IDS = ['unitId', 'regionId', 'industryId'] as const;

/** Refuses an assignment whose role and scope do not fit together, naming the field; answers it with absent ids dropped. */
export function validateAccountAssignment(assignment: AccountAssignment): AccountAssignment {
  if (!isValidId(assignment.personId)) throw invalid('input.malformed_id', 'personId', 'personId must be a Duban id');
  requireOneOf(assignment.role, ROLES, 'role');
  const valid: AccountAssignment = { personId: assignment.personId, role: assignment.role };
  for (const field of OPTIONAL_IDS) {
    const value = assignment[field];
    if (value === undefined || value === null) continue;
    if (!isValidId(value)) throw invalid('input.malformed_id', field, `${field} must be a Duban id`);
    valid[field] = value;
  }
  if (valid.role === 'unit' && valid.unitId === undefined)
    throw invalid('account.unit_required', 'unitId', 'a unit account (责任单位) must name the unit it acts for (unitId)');
  if ((valid.role === 'office' || valid.role === 'auditor') && valid.regionId === undefined)
    throw invalid('account.region_required', 'regionId', `an ${valid.role} account must name the region (属地) it acts in (regionId)`);
  if (valid.industryId !== undefined && valid.role !== 'unit')
    throw invalid('account.industry_unit_only', 'industryId', 'only a department’s unit account (行业主管部门) carries an industry (industryId)');
  return valid;
}

/** Whether two assignments are the same (a repeated write that changes nothing). */
export function sameAssignment(a: AccountAssignment, b: AccountAssignment): boolean {
  return a.personId === b.personId && a.role === b.role && OPTIONAL_IDS.every((field) => (a[field] ?? undefined) === (b[field] ?? undefined));
}

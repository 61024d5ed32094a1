import { invalid } from '../rejection';
import type { CompetentDepartmentRecord } from '../registry/competent-department';
import type { PersonRecord } from '../registry/person';
import type { UnitRecord } from '../registry/registry-unit';
import { REGION_PATH_SEPARATOR } from '../registry/region';
import { validateAccountAssignment, type AccountAssignment } from './account-assignment';

/**
 * What the registry (单位库) holds now about the ids an account names: each record in force and
 * not retired, or undefined. The API reads them (RegistryReader) and this module decides.
 */
export interface AccountRegistryFacts {
  /** The account's person (personId). */
  person: PersonRecord | undefined;
  /** The account's unit: the one it names, or for a unit account that names none, the person's. */
  unit: UnitRecord | undefined;
  /** Whether the region the account names (regionId) is in the registry; ignored when it names none. */
  regionKnown: boolean;
  /** The industry the account names (industryId), with its path (ancestors first, itself last). */
  industry: { id: string; path: string } | undefined;
  /** The unit's competent-department links (主管部门), when it names an industry. */
  departmentLinks: readonly CompetentDepartmentRecord[];
}

/** The unit the account acts for: the one named, or a unit account's person's own (责任单位账号默认本人所在单位). */
export function accountUnitId(assignment: Pick<AccountAssignment, 'role' | 'unitId'>, person: PersonRecord | undefined): string | undefined {
  return assignment.unitId ?? (assignment.role === 'unit' ? person?.unitId : undefined);
}

/**
 * Admits an account's assignment against the registry as of now, naming the field of the first
 * refusal: the person exists; the person belongs to the unit (a unit account's unit defaults to
 * the person's); the region and the industry exist; an office or auditor account with a unit acts
 * in that unit's region; a department's account carries only an industry its department governs
 * in its region (a competent-department link). Answers the assignment as it is to be stored.
 */
export function admitAccountAssignment(input: AccountAssignment, facts: AccountRegistryFacts): AccountAssignment {
  const { person, unit } = facts;
  if (!person) throw invalid('account.person_unknown', 'personId', `person ${input.personId} is not in the registry (单位库)`);
  const assignment = validateAccountAssignment({ ...input, unitId: accountUnitId(input, person) });
  const { unitId, regionId, industryId, role } = assignment;
  if (unitId !== undefined) {
    if (!unit) throw invalid('account.unit_unknown', 'unitId', `unit ${unitId} is not in the registry (单位库)`);
    if (person.unitId !== unitId)
      throw invalid('account.person_not_in_unit', 'unitId', `person ${person.id} belongs to unit ${person.unitId}, not ${unitId}`);
  }
  if (regionId !== undefined && !facts.regionKnown)
    throw invalid('account.region_unknown', 'regionId', `region ${regionId} is not in the registry (单位库)`);
  // An office or auditor acts for its unit's committee or organ: its territory is that unit's
  // region, never one the office chose apart from it (the scope claims come from the account, so
  // a different region would let the account act outside its own organ's territory). A person
  // seconded elsewhere gets an account on the unit they are seconded to.
  if ((role === 'office' || role === 'auditor') && unit && regionId !== undefined && regionId !== unit.regionId)
    throw invalid(
      'account.region_not_unit_region',
      'regionId',
      `an ${role} account acts in its unit's region: unit ${unit.id} is in region ${unit.regionId}, not ${regionId}`,
    );
  if (industryId !== undefined) {
    if (!facts.industry) throw invalid('account.industry_unknown', 'industryId', `industry ${industryId} is not in the registry (单位库)`);
    if (!unit || unit.kind !== 'department')
      throw invalid(
        'account.industry_not_department',
        'industryId',
        `only a department's account carries an industry; unit ${unitId} is not a department`,
      );
    // A link to an industry governs its sub-industries too (the industry's path names its ancestors).
    const lineage = facts.industry.path.split(REGION_PATH_SEPARATOR);
    const governs = facts.departmentLinks.some(
      (link) => link.departmentUnitId === unit.id && link.regionId === unit.regionId && lineage.includes(link.industryId),
    );
    if (!governs)
      throw invalid(
        'account.industry_not_governed',
        'industryId',
        `department ${unit.id} governs no industry ${industryId} in its region ${unit.regionId} (no competent-department link 主管部门)`,
      );
  }
  return assignment;
}

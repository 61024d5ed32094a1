import { requireOneOf } from '../one-of';
import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { UNIT_KINDS, type UnitKind } from '../campaign/campaign-scope';
import { optionalRegistryId, requireRegistryId } from './registry-id';

/** What an enterprise is, where it matters to supervision: 人员密集场所 and 在建工程 are inspected differently. */
export const ENTERPRISE_KINDS = ['ordinary', 'crowded_place', 'construction_project'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

/** An enterprise's state: every one is in the registry, licensed or not (只管有证的不管无证的 is the failure). */
export const UNIT_STATUSES = ['producing', 'suspended', 'closed', 'under_renovation', 'unlicensed'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  producing: '生产',
  suspended: '停产',
  closed: '关闭',
  under_renovation: '整改/装修',
  unlicensed: '无证',
};

/** 统一社会信用代码: 18 characters (GB 32100-2015's alphabet: digits and capitals but I, O, Z, S, V). */
export const CREDIT_CODE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$';

/** A unit in the registry (单位库): a local government, a department or an enterprise. */
export interface UnitRecord {
  id: string;
  name: string;
  kind: UnitKind;
  regionId: string;
  /** Required for an enterprise; null for the others (a department's industries are its competent-department links). */
  industryId: string | null;
  /** Enterprises only (null for the others). */
  enterpriseKind: EnterpriseKind | null;
  status: UnitStatus | null;
  licensed: boolean | null;
  creditCode: string | null;
}

/** Checks a unit's fields; the references (region, industry) are checked against the registry by the writer. */
export function validateRegistryUnit(record: UnitRecord): void {
  requireRegistryId(record.id, 'id');
  requiredText(record.name, 'name', TEXT_LIMITS.shortText);
  requireOneOf(record.kind, UNIT_KINDS, 'kind');
  requireRegistryId(record.regionId, 'regionId');
  const enterprise = record.kind === 'enterprise';
  const industryId = optionalRegistryId(record.industryId, 'industryId');
  if (enterprise && industryId === null) throw invalid('registry.unit.industry_required', 'industryId', 'an enterprise needs its industry (行业)');
  if (!enterprise) {
    for (const field of ['industryId', 'enterpriseKind', 'status', 'licensed'] as const) {
      if (record[field] !== null && record[field] !== undefined)
        throw invalid('registry.unit.enterprise_only', field, `${field} is for enterprises only, not a ${record.kind}`);
    }
  } else {
    // Required for an enterprise only: a rule across fields (kind), which the schema cannot state.
    requireOneOf(record.enterpriseKind, ENTERPRISE_KINDS, 'enterpriseKind', { missing: 'registry.unit.enterprise_field_required' });
    requireOneOf(record.status, UNIT_STATUSES, 'status', { missing: 'registry.unit.enterprise_field_required' });
    if (typeof record.licensed !== 'boolean')
      throw invalid('registry.unit.enterprise_field_required', 'licensed', 'licensed (true or false) is required for an enterprise');
    if (record.status === 'unlicensed' && record.licensed)
      throw invalid('registry.unit.licensed_but_unlicensed', 'licensed', 'a unit whose status is unlicensed (无证) cannot be licensed');
  }
  if (record.creditCode !== null && record.creditCode !== undefined && !new RegExp(CREDIT_CODE_PATTERN).test(record.creditCode))
    throw invalid('input.malformed', 'creditCode', 'creditCode must be an 18-character 统一社会信用代码');
}

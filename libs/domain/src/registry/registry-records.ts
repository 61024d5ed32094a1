import { invalid } from '../rejection';
import { validateCompetentDepartment, type CompetentDepartmentRecord } from './competent-department';
import { validateIndustry, type IndustryRecord } from './industry';
import { validatePerson, type PersonRecord } from './person';
import { validateRegion, type RegionRecord } from './region';
import { validateRegistryUnit, type UnitRecord } from './registry-unit';
import { validateResponsibility, type ResponsibilityRecord } from './responsibility';

/** The kinds of record the registry (单位库) keeps, each versioned. */
export const REGISTRY_KINDS = ['region', 'industry', 'competent_department', 'unit', 'person', 'responsibility'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export const REGISTRY_KIND_LABELS: Record<RegistryKind, string> = {
  region: '属地 (region)',
  industry: '行业 (industry)',
  competent_department: '主管部门 (competent department)',
  unit: '单位 (unit)',
  person: '责任人 (person)',
  responsibility: '责任关系 (responsibility link)',
};

export interface RegistryRecords {
  region: RegionRecord;
  industry: IndustryRecord;
  competent_department: CompetentDepartmentRecord;
  unit: UnitRecord;
  person: PersonRecord;
  responsibility: ResponsibilityRecord;
}
export type RecordOf<K extends RegistryKind> = RegistryRecords[K];
export type AnyRegistryRecord = RegistryRecords[RegistryKind];

/** A record another one names: `field` of the record holds the id of a `kind`. */
export interface RegistryReference {
  field: string;
  kind: RegistryKind;
  id: string;
}

/** The records `record` names, which must exist (current, not retired) when it is written. */
export function registryReferences<K extends RegistryKind>(kind: K, record: RecordOf<K>): RegistryReference[] {
  const refs: Array<[string, RegistryKind, string | null | undefined]> = [];
  const r = record as AnyRegistryRecord & Record<string, unknown>;
  switch (kind) {
    case 'region':
    case 'industry':
      refs.push(['parentId', kind, r.parentId as string | null]);
      break;
    case 'competent_department':
      refs.push(['regionId', 'region', r.regionId as string], ['industryId', 'industry', r.industryId as string]);
      refs.push(['departmentUnitId', 'unit', r.departmentUnitId as string]);
      break;
    case 'unit':
      refs.push(['regionId', 'region', r.regionId as string], ['industryId', 'industry', r.industryId as string | null]);
      break;
    case 'person':
      refs.push(['unitId', 'unit', r.unitId as string]);
      break;
    case 'responsibility':
      refs.push(['holderId', r.holderKind as RegistryKind, r.holderId as string], ['targetId', r.targetKind as RegistryKind, r.targetId as string]);
      break;
  }
  return refs.filter((ref): ref is [string, RegistryKind, string] => typeof ref[2] === 'string').map(([field, k, id]) => ({ field, kind: k, id }));
}

/** Finds a current (not retired) record of the registry, or undefined. */
export type RegistryLookup = <K extends RegistryKind>(kind: K, id: string) => RecordOf<K> | undefined;

/**
 * Checks one record in full: its own fields first (a refusal names the field), then that every
 * record it names is in the registry (`lookup`, as it holds them when the write lands).
 */
export function validateRegistryRecord<K extends RegistryKind>(kind: K, record: RecordOf<K>, lookup: RegistryLookup): void {
  if (typeof record !== 'object' || record === null) throw invalid('input.required', 'record', 'the record is required');
  const any = record as AnyRegistryRecord;
  switch (kind) {
    case 'region': {
      const region = any as RegionRecord;
      validateRegion(region, region.parentId ? lookup('region', region.parentId) : undefined);
      break;
    }
    case 'industry': {
      const industry = any as IndustryRecord;
      validateIndustry(industry, industry.parentId ? lookup('industry', industry.parentId) : undefined);
      break;
    }
    case 'competent_department': {
      const link = any as CompetentDepartmentRecord;
      validateCompetentDepartment(link, lookup('unit', link.departmentUnitId));
      break;
    }
    case 'unit':
      validateRegistryUnit(any as UnitRecord);
      break;
    case 'person':
      validatePerson(any as PersonRecord);
      break;
    case 'responsibility':
      validateResponsibility(any as ResponsibilityRecord);
      break;
  }
  for (const ref of registryReferences(kind, record)) {
    if (!lookup(ref.kind, ref.id))
      throw invalid('registry.reference.unknown', ref.field, `${ref.field}: ${REGISTRY_KIND_LABELS[ref.kind]} ${ref.id} is not in the registry`);
  }
}

/** The fields of a record in a fixed order, so that two equal records compare equal whatever order their keys came in. */
export function canonicalRecord(record: object): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value;
  return JSON.stringify(sorted(record));
}

/** A region's or industry's parent never changes (its stored path would go stale): re-parenting is retire + create. */
export function checkFixedFields<K extends RegistryKind>(kind: K, current: RecordOf<K>, next: RecordOf<K>): void {
  if (kind !== 'region' && kind !== 'industry') return;
  const before = (current as RegionRecord | IndustryRecord).parentId ?? null;
  const after = (next as RegionRecord | IndustryRecord).parentId ?? null;
  if (before !== after)
    throw invalid('registry.parent_fixed', 'parentId', `the parent (${before ?? 'none'}) cannot change: retire this ${kind} and create a new one`);
}

import type { RecordOf, RegistryKind } from '@duban/domain';
import { RegistryCompetentDepartmentVersion } from './registry-competent-department.entity';
import { RegistryIndustryVersion } from './registry-industry.entity';
import { RegistryPersonVersion } from './registry-person.entity';
import { RegistryRegionVersion } from './registry-region.entity';
import { RegistryResponsibilityVersion } from './registry-responsibility.entity';
import { RegistryUnitVersion } from './registry-unit.entity';

/** Each kind's table (its entity) and the properties that make up its record (the rest are the version's). */
export const REGISTRY_TABLES = {
  region: { entity: RegistryRegionVersion, fields: ['id', 'name', 'level', 'parentId', 'code'] },
  industry: { entity: RegistryIndustryVersion, fields: ['id', 'name', 'parentId'] },
  competent_department: {
    entity: RegistryCompetentDepartmentVersion,
    fields: ['id', 'regionId', 'industryId', 'departmentUnitId', 'supervision'],
  },
  unit: {
    entity: RegistryUnitVersion,
    fields: ['id', 'name', 'kind', 'regionId', 'industryId', 'enterpriseKind', 'status', 'licensed', 'creditCode'],
  },
  person: { entity: RegistryPersonVersion, fields: ['id', 'name', 'post', 'unitId', 'phone', 'roles'] },
  responsibility: { entity: RegistryResponsibilityVersion, fields: ['id', 'type', 'holderKind', 'holderId', 'targetKind', 'targetId'] },
} as const satisfies { [K in RegistryKind]: { entity: new () => object; fields: ReadonlyArray<keyof RecordOf<K>> } };

export const REGISTRY_ENTITIES = Object.values(REGISTRY_TABLES).map((t) => t.entity);

/** The kinds whose records form a tree and carry a stored path. */
export const PATH_KINDS: ReadonlySet<RegistryKind> = new Set(['region', 'industry']);

/** The record of `kind` in a row read back keyed by property: just its fields, optional ones as null. */
export function recordOf<K extends RegistryKind>(kind: K, row: Record<string, unknown>): RecordOf<K> {
  const fields: readonly string[] = REGISTRY_TABLES[kind].fields;
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? null])) as unknown as RecordOf<K>;
}

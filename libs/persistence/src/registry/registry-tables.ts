import { pickRegistryRecord, type RecordOf, type RegistryKind } from '@duban/domain';
import { RegistryCompetentDepartmentVersion } from './registry-competent-department.entity';
import { RegistryIndustryVersion } from './registry-industry.entity';
import { RegistryPersonVersion } from './registry-person.entity';
import { RegistryRegionVersion } from './registry-region.entity';
import { RegistryResponsibilityVersion } from './registry-responsibility.entity';
import { RegistryUnitVersion } from './registry-unit.entity';

/** Each kind's table (its entity); the record's fields are REGISTRY_RECORD_FIELDS, the rest of the row is the version's. */
export const REGISTRY_TABLES = {
  region: { entity: RegistryRegionVersion },
  industry: { entity: RegistryIndustryVersion },
  competent_department: { entity: RegistryCompetentDepartmentVersion },
  unit: { entity: RegistryUnitVersion },
  person: { entity: RegistryPersonVersion },
  responsibility: { entity: RegistryResponsibilityVersion },
} as const satisfies { [K in RegistryKind]: { entity: new () => RecordOf<K> } };

export const REGISTRY_ENTITIES = Object.values(REGISTRY_TABLES).map((t) => t.entity);

/** The kinds whose records form a tree and carry a stored path. */
export const PATH_KINDS: ReadonlySet<RegistryKind> = new Set(['region', 'industry']);

/** The record of `kind` in a row read back keyed by property. */
export function recordOf<K extends RegistryKind>(kind: K, row: Record<string, unknown>): RecordOf<K> {
  return pickRegistryRecord(kind, row);
}

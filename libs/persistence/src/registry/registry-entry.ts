import type { ListBounds, RecordOf, RegionLevel, RegistryChangeKind, RegistryKind, RegistrySelector, Role } from '@duban/domain';

/** One version of one record, with who changed it, when and why. */
export interface RegistryEntry<K extends RegistryKind = RegistryKind> {
  kind: K;
  record: RecordOf<K>;
  version: number;
  retired: boolean;
  change: RegistryChangeKind;
  /** ISO instants: in force from `validFrom` until `validTo` (null: current). */
  validFrom: string;
  validTo: string | null;
  reason: string;
  changedBy: { id: string; name: string; role: Role | 'system'; unitId: string | null };
  /** Regions and industries: the stored path (ancestors' ids, root first, itself last). */
  path?: string;
}

/**
 * The filters of a list; each applies to the kinds it names. `asOf` reads the versions in force
 * then (default: the current ones); retired records are left out unless `includeRetired`.
 */
export interface RegistryListFilter extends RegistrySelector {
  asOf?: Date;
  includeRetired?: boolean;
  /** region: its level. */
  level?: RegionLevel;
  /** unit: this one; person: of this unit; competent_department: this department; responsibility: held by or for this unit. */
  unitId?: string;
  /** unit, person: only those of units within these bounds (the reader's scope: libs/domain/src/scope/list-bounds.ts). */
  bounds?: ListBounds;
  limit?: number;
  offset?: number;
}

export interface RegistryPage<K extends RegistryKind> {
  items: Array<RegistryEntry<K>>;
  total: number;
}

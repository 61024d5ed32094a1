import type { Actor } from '../actor';
import type { AnyRegistryRecord, RegistryKind } from '../registry/registry-records';
import { authorizeTerritory } from './territory';

/**
 * What places a registry record in a territory (属地), for the office writing it: a unit's
 * region, a person's unit, a region's parent (a county office adds towns below itself, and the
 * city keeps the county's own record), a competent-department link's region, a responsibility
 * link's target (its holder unit when the target is an industry). An industry lies in no territory:
 * none (`{}`), which only an account bound by no territory may write.
 */
export type RegistryAnchor = { regionId: string } | { unitId: string } | Record<string, never>;

/** The field that holds a record's anchor, where a refusal of its territory points (an import's column). */
export const REGISTRY_ANCHOR_FIELD: Readonly<Record<RegistryKind, string>> = {
  unit: 'regionId',
  person: 'unitId',
  region: 'parentId',
  industry: 'id',
  competent_department: 'regionId',
  responsibility: 'targetId',
};

export function registryAnchorOf(kind: RegistryKind, record: AnyRegistryRecord): RegistryAnchor {
  const r = record as unknown as Record<string, string | null | undefined>;
  const region = (id: string | null | undefined): RegistryAnchor => (id ? { regionId: id } : {});
  switch (kind) {
    case 'unit':
      return region(r.regionId);
    case 'person':
      return r.unitId ? { unitId: r.unitId } : {};
    case 'region':
      return region(r.parentId);
    case 'competent_department':
      return region(r.regionId);
    case 'responsibility':
      if (r.targetKind === 'unit') return { unitId: r.targetId! };
      if (r.targetKind === 'region') return region(r.targetId);
      return r.holderKind === 'unit' ? { unitId: r.holderId! } : {};
    default:
      return {};
  }
}

/** Refuses (403 `permission.outside_territory`) a write of a record whose anchor's region path lies outside the actor's territory. */
export function authorizeRegistryWrite(actor: Actor, kind: RegistryKind, id: string, anchorPath: readonly string[] | null): void {
  authorizeTerritory(
    actor,
    anchorPath,
    `${kind} ${id} lies ${anchorPath === null ? 'in no territory of the registry' : `in ${anchorPath.join('/')}`}`,
  );
}

import { authorizeRegistryWrite, registryAnchorOf, type Actor, type AnyRegistryRecord } from '@duban/domain';
import type { ImportAdmission } from '@duban/registry-import';
import { isScoped, type Places } from '../auth/places';

/**
 * An office imports only rows within its territory (属地), by the rule its single writes follow
 * (libs/domain/src/scope/registry-territory.ts): each refused row is a row-level error, in a dry
 * run too. Regions and units earlier in the file place the rows below them (a county's new towns
 * and their units); the registry places the rest. None for an account bound by no territory.
 */
export function territoryAdmission(places: Places, actor: Actor): ImportAdmission | undefined {
  if (!isScoped(actor)) return undefined;
  const regions = new Map<string, readonly string[] | null>();
  const units = new Map<string, readonly string[] | null>();
  const regionPath = async (id: string) => (regions.has(id) ? regions.get(id)! : await places.ofRegion(actor, id));
  const unitPath = async (id: string) => (units.has(id) ? units.get(id)! : (await places.ofEach(actor, [id]))(id).regionPath);
  return async (kind, record) => {
    const anchor = registryAnchorOf(kind, record as AnyRegistryRecord);
    const path = 'regionId' in anchor ? await regionPath(anchor.regionId) : 'unitId' in anchor ? await unitPath(anchor.unitId) : null;
    // Remembered whether admitted or not: what lies below is judged on its own place.
    if (kind === 'region') regions.set(record.id, [...(path ?? []), record.id]);
    if (kind === 'unit') units.set(record.id, path);
    authorizeRegistryWrite(actor, kind, record.id, path);
  };
}

import { authorizeRegistryWrite, registryAnchorOf, type Actor, type AnyRegistryRecord, type RegistryKind } from '@duban/domain';
import { isScoped, type Places } from '../auth/places';

/**
 * An office writes only records within its territory (属地): each record given, and the version
 * it replaces or retires, must be anchored there (libs/domain/src/scope/registry-territory.ts).
 * Nothing is looked up for an account bound by no territory.
 */
export async function authorizeRegistryWriteOf(
  places: Places,
  actor: Actor,
  kind: RegistryKind,
  id: string,
  given: AnyRegistryRecord | undefined,
  current: () => Promise<AnyRegistryRecord | undefined>,
): Promise<void> {
  if (!isScoped(actor)) return;
  for (const record of [given, await current()]) {
    if (record === undefined) continue;
    const anchor = registryAnchorOf(kind, record);
    const path =
      'regionId' in anchor
        ? await places.ofRegion(actor, anchor.regionId)
        : 'unitId' in anchor
          ? ((await places.ofEach(actor, [anchor.unitId]))(anchor.unitId).regionPath as string[] | null)
          : null;
    authorizeRegistryWrite(actor, kind, id, path);
  }
}

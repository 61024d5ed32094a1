import { NotFoundException } from '@nestjs/common';
import { authorizeAccidentRecordAction, authorizeTerritory, type AccidentRecordAction, type Actor } from '@duban/domain';
import type { AccidentRecordReader, AccountabilityFiringRow, RegistryReader } from '@duban/persistence';

/**
 * The accident record belongs to regions (属地), not units: an office sets and runs what lies in
 * its territory, the others read it there. The region must be in the registry (404), then
 * within the caller's territory (403 saying so).
 */
export async function authorizeOnRegion(
  registry: RegistryReader,
  actor: Actor,
  action: AccidentRecordAction,
  regionId: string,
  what: string,
): Promise<void> {
  authorizeAccidentRecordAction(action, actor);
  const path = await registry.regionPathOf(regionId);
  if (path === null) throw new NotFoundException(`region ${regionId} is not in the registry (单位库)`);
  authorizeTerritory(actor, path, `${what} of region ${regionId}`);
}

/** One firing (问责): it must be on record (404), then its territory within the caller's. Answers its row. */
export async function authorizeOnFiring(
  reader: AccidentRecordReader,
  registry: RegistryReader,
  actor: Actor,
  action: AccidentRecordAction,
  firingKey: string,
): Promise<AccountabilityFiringRow> {
  authorizeAccidentRecordAction(action, actor);
  const firing = await reader.firing(firingKey);
  if (!firing) throw new NotFoundException(`firing ${firingKey} not found`);
  authorizeTerritory(actor, await registry.regionPathOf(firing.territoryId), `firing ${firingKey} is about region ${firing.territoryId}`);
  return firing;
}

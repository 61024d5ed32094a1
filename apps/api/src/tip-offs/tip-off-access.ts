import { NotFoundException } from '@nestjs/common';
import { authorize, authorizeTerritory, listBounds, TIP_OFF_PERMISSIONS, type Actor, type ListBounds, type TipOffAction } from '@duban/domain';
import type { TipOffLedgerReader } from '@duban/persistence';
import type { Places } from '../auth/places';

/**
 * A tip-off belongs to a region (属地), not to a unit (units never see tips about them): the
 * office acts on, and the others read, only the tips about their territory (403 saying so).
 */
export async function authorizeOnTipOffRegion(places: Places, actor: Actor, action: TipOffAction, regionId: string, what: string): Promise<void> {
  authorize(TIP_OFF_PERMISSIONS, action, actor);
  authorizeTerritory(actor, await places.ofRegion(actor, regionId), `${what} is about region ${regionId}`);
}

/** The object-level check of every action and read on one tip-off: the ledger must know it (404), then its region. Answers that region. */
export async function authorizeOnTipOff(
  ledger: TipOffLedgerReader,
  tipOffId: string,
  actor: Actor,
  action: TipOffAction,
  places: Places,
): Promise<string> {
  const regionId = await ledger.regionOf(tipOffId);
  if (regionId === undefined) throw new NotFoundException(`tip-off ${tipOffId} not found`);
  await authorizeOnTipOffRegion(places, actor, action, regionId, `tip-off ${tipOffId}`);
  return regionId;
}

/** What a read over many tip-offs is bounded to: the reader's territory. */
export function tipOffListBounds(actor: Actor): ListBounds {
  return listBounds(TIP_OFF_PERMISSIONS, 'read', actor);
}

import { authorize, HAZARD_PERMISSIONS, listBounds, type Actor, type HazardAction, type ListBounds } from '@duban/domain';
import type { HazardLedgerReader } from '@duban/persistence';
import { authorizeOn } from '../auth/authorize-on';
import type { Places } from '../auth/places';

/**
 * The object-level check of every action and read on one hazard: the ledger must know it (404),
 * and the actor may do `action` to its unit's hazard, in its territory and industry (403 in the
 * domain's words). Answers the hazard's unit.
 */
export function authorizeOnHazard(ledger: HazardLedgerReader, hazardId: string, actor: Actor, action: HazardAction, places: Places): Promise<string> {
  return authorizeOn(
    HAZARD_PERMISSIONS,
    action,
    actor,
    { find: () => ledger.unitOf(hazardId), unitOf: (unitId) => unitId, missing: () => `hazard ${hazardId} not found` },
    places,
  );
}

/** 隐患登记 for `unitId`: within the reporter's territory (a unit reporting its own is checked by the domain's admission). */
export async function authorizeHazardReport(places: Places, actor: Actor, unitId: string): Promise<void> {
  authorize(HAZARD_PERMISSIONS, 'report', actor, await places.of(actor, unitId));
}

/** What a read over many hazards is bounded to (the one unit asked for, refused outside the reader's scope). */
export async function hazardListBounds(places: Places, actor: Actor, requested: string | undefined): Promise<ListBounds> {
  return listBounds(HAZARD_PERMISSIONS, 'read', actor, requested === undefined ? undefined : await places.of(actor, requested));
}

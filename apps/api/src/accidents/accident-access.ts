import { ACCIDENT_PERMISSIONS, authorize, listBounds, type AccidentAction, type Actor, type ListBounds } from '@duban/domain';
import type { AccidentLedgerReader } from '@duban/persistence';
import { authorizeOn } from '../auth/authorize-on';
import type { Places } from '../auth/places';

/**
 * The object-level check of every action and read on one accident: the ledger must know it
 * (404), and the actor may do `action` to its unit's accident, in its territory and industry
 * (403 in the domain's words). Answers the accident's unit.
 */
export function authorizeOnAccident(
  ledger: AccidentLedgerReader,
  accidentId: string,
  actor: Actor,
  action: AccidentAction,
  places: Places,
): Promise<string> {
  return authorizeOn(
    ACCIDENT_PERMISSIONS,
    action,
    actor,
    { find: () => ledger.unitOf(accidentId), unitOf: (unitId) => unitId, missing: () => `accident ${accidentId} not found` },
    places,
  );
}

/** 事故快报 for `unitId`: within the reporter's territory (a unit reporting its own is checked by the domain's admission). */
export async function authorizeAccidentReport(places: Places, actor: Actor, unitId: string): Promise<void> {
  authorize(ACCIDENT_PERMISSIONS, 'report', actor, await places.of(actor, unitId));
}

/** What a read over many accidents is bounded to (the one unit asked for, refused outside the reader's scope). */
export async function accidentListBounds(places: Places, actor: Actor, requested: string | undefined): Promise<ListBounds> {
  return listBounds(ACCIDENT_PERMISSIONS, 'read', actor, requested === undefined ? undefined : await places.of(actor, requested));
}

import { authorize, ENFORCEMENT_PERMISSIONS, listBounds, type Actor, type EnforcementAction, type ListBounds } from '@duban/domain';
import type { EnforcementLedgerReader } from '@duban/persistence';
import { authorizeOn } from '../auth/authorize-on';
import type { Places } from '../auth/places';

/**
 * The object-level check of every action and read on one enforcement case: the ledger must know
 * it (404), and the actor may do `action` to a case against its unit, in its territory and
 * industry (403 in the domain's words). Answers the case's unit.
 */
export function authorizeOnEnforcementCase(
  ledger: EnforcementLedgerReader,
  caseId: string,
  actor: Actor,
  action: EnforcementAction,
  places: Places,
): Promise<string> {
  return authorizeOn(
    ENFORCEMENT_PERMISSIONS,
    action,
    actor,
    { find: () => ledger.unitOf(caseId), unitOf: (unitId) => unitId, missing: () => `enforcement case ${caseId} not found` },
    places,
  );
}

/** 立案 against `unitId`: within the opener's territory and industry. */
export async function authorizeEnforcementOpening(places: Places, actor: Actor, unitId: string): Promise<void> {
  authorize(ENFORCEMENT_PERMISSIONS, 'open', actor, await places.of(actor, unitId));
}

/** What a read over many cases is bounded to (the one unit asked for, refused outside the reader's scope). */
export async function enforcementListBounds(places: Places, actor: Actor, requested: string | undefined): Promise<ListBounds> {
  return listBounds(ENFORCEMENT_PERMISSIONS, 'read', actor, requested === undefined ? undefined : await places.of(actor, requested));
}

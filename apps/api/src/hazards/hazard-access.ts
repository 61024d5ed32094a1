import { HAZARD_PERMISSIONS, type Actor, type HazardAction } from '@duban/domain';
import type { HazardLedgerReader } from '@duban/persistence';
import { authorizeOn } from '../auth/authorize-on';

/**
 * The object-level check of every action and read on one hazard: the ledger must know it (404),
 * and the actor may do `action` to its unit's hazard (403 in the domain's words). Answers the
 * hazard's unit.
 */
export function authorizeOnHazard(ledger: HazardLedgerReader, hazardId: string, actor: Actor, action: HazardAction): Promise<string> {
  return authorizeOn(HAZARD_PERMISSIONS, action, actor, {
    find: () => ledger.unitOf(hazardId),
    unitOf: (unitId) => unitId,
    missing: () => `hazard ${hazardId} not found`,
  });
}

import type { Client } from '@temporalio/client';
import type { AccidentLedgerWriter, HazardLedgerReader } from '@duban/persistence';
import type { AccidentActivities } from '@duban/workflows';
import { syncNewlyLinkedHazards } from './hazard-activities';

/**
 * The accident workflow's only I/O: projecting its events into the PostgreSQL ledger (idempotent
 * writer); once a rectification hazard's link is in the ledger, the hazard's status as it is now.
 */
export function createAccidentActivities(deps: { writer: AccidentLedgerWriter; hazards: HazardLedgerReader; client: Client }): AccidentActivities {
  return {
    async recordAccidentEvents(input) {
      await deps.writer.record(input);
      await syncNewlyLinkedHazards(deps, input);
    },
  };
}

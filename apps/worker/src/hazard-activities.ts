import type { HazardLedgerWriter } from '@duban/persistence';
import type { HazardActivities } from '@duban/workflows';

/** The hazard workflow's only I/O: projecting its events into the PostgreSQL ledger (idempotent writer). */
export function createHazardActivities(writer: HazardLedgerWriter): HazardActivities {
  return {
    recordHazardEvents: (input) => writer.record(input),
  };
}

import type { AccidentLedgerWriter } from '@duban/persistence';
import type { AccidentActivities } from '@duban/workflows';

/** The accident workflow's only I/O: projecting its events into the PostgreSQL ledger (idempotent writer). */
export function createAccidentActivities(writer: AccidentLedgerWriter): AccidentActivities {
  return {
    recordAccidentEvents: (input) => writer.record(input),
  };
}

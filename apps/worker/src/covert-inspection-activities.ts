import type { CovertInspectionLedgerWriter } from '@duban/persistence';
import type { CovertInspectionActivities } from '@duban/workflows';

/** The covert inspection workflow's I/O: its ledger (暗访台账), through the idempotent writer. */
export function createCovertInspectionActivities(writer: CovertInspectionLedgerWriter): CovertInspectionActivities {
  return { recordCovertInspectionEvents: (input) => writer.record(input) };
}

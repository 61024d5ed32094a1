import type { EnforcementLedgerWriter } from '@duban/persistence';
import type { EnforcementActivities } from '@duban/workflows';

/** The enforcement case workflow's I/O: its ledger (执法台账), through the idempotent writer. */
export function createEnforcementActivities(writer: EnforcementLedgerWriter): EnforcementActivities {
  return { recordEnforcementEvents: (input) => writer.record(input) };
}

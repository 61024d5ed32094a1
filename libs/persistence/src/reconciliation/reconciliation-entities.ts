import { ReconciliationDriftRecord } from './reconciliation-drift-record.entity';
import { ReconciliationRunRecord } from './reconciliation-run-record.entity';

/** The reconciliation report's tables (台账核对): one list for DUBAN_ENTITIES. */
export const RECONCILIATION_ENTITIES = [ReconciliationRunRecord, ReconciliationDriftRecord];

export { HazardLedgerEntry } from './entities/hazard-ledger-entry.entity';
export { HazardEventRecord } from './entities/hazard-event-record.entity';
export { CreateHazardLedger1764057600000 } from './migrations/1764057600000-create-hazard-ledger';
export { DUBAN_ENTITIES, DUBAN_MIGRATIONS, DUBAN_MIGRATIONS_TABLE, dubanDataSourceOptions, runMigrations } from './data-source';
export { HazardLedgerWriter, type HazardLedgerRecordInput } from './hazard-ledger-writer';
export { HazardLedgerReader, LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX } from './hazard-ledger-reader';
export type {
  HazardEscalationFilter,
  HazardEscalationRow,
  HazardEventRow,
  HazardLedgerFilter,
  HazardLedgerRow,
  HazardLedgerSummary,
  HazardSummaryFilter,
} from './hazard-ledger-rows';

import { DataSource, type DataSourceOptions } from 'typeorm';
import { HazardEventRecord } from './hazard/hazard-event-record.entity';
import { HazardLedgerEntry } from './hazard/hazard-ledger-entry.entity';
import { CreateHazardLedger1764057600000 } from './migrations/1764057600000-create-hazard-ledger';
import { CampaignEventRecord } from './campaign/campaign-event-record.entity';
import { CampaignLedgerEntry } from './campaign/campaign-ledger-entry.entity';
import { CampaignSubmissionRecord } from './campaign/campaign-submission-record.entity';
import { CampaignUnitEntry } from './campaign/campaign-unit-entry.entity';
import { CampaignTaskRecord } from './campaign/campaign-task-record.entity';
import { CampaignInspectionAssignmentRecord } from './campaign/campaign-inspection-assignment.entity';
import { CreateCampaignTasks1764838800000 } from './migrations/1764838800000-create-campaign-tasks';
import { IdempotencyKeyRecord } from './idempotency/idempotency-key-record.entity';
import { AccountRecord } from './account/account-record.entity';
import { AuthSessionRecord } from './account/auth-session-record.entity';
import { CreateCampaignLedger1764144000000 } from './migrations/1764144000000-create-campaign-ledger';
import { CreateCampaignTemplate1764230400000 } from './migrations/1764230400000-create-campaign-template';
import { DropUnfilledCampaignColumns1764316800000 } from './migrations/1764316800000-drop-unfilled-campaign-columns';
import { CreateIdempotencyKey1764403200000 } from './migrations/1764403200000-create-idempotency-key';
import { AddCampaignUnitRegionPath1764748800000 } from './migrations/1764748800000-add-campaign-unit-region-path';
import { AddCampaignLaunchRegion1764840000000 } from './migrations/1764840000000-add-campaign-launch-region';
import { CreateRegistry1764489600000 } from './migrations/1764489600000-create-registry';
import { REGISTRY_ENTITIES } from './registry/registry-tables';
import { CreateAccounts1764576000000 } from './migrations/1764576000000-create-accounts';
import { WorkCalendarYearRecord } from './calendar/work-calendar-year-record.entity';
import { CreateWorkCalendar1764662400000 } from './migrations/1764662400000-create-work-calendar';
import { AccidentEventRecord } from './accident/accident-event-record.entity';
import { AccidentLedgerEntry } from './accident/accident-ledger-entry.entity';
import { CreateAccidentLedger1765000000000 } from './migrations/1765000000000-create-accident-ledger';
import { CreateAccidentRectificationLink1765050000000 } from './migrations/1765050000000-create-accident-rectification-link';
import { AccidentRectificationLink } from './accident/accident-rectification-link.entity';
import { TipOffEventRecord } from './tip-off/tip-off-event-record.entity';
import { TipOffLedgerEntry } from './tip-off/tip-off-ledger-entry.entity';
import { CreateTipOffLedger1765200000000 } from './migrations/1765200000000-create-tip-off-ledger';
import { AddHazardListing1764835200000 } from './migrations/1764835200000-add-hazard-listing';
import { ACCIDENT_RECORD_ENTITIES } from './accident-record/accident-record-entities';
import { CreateAccidentRecord1765100000000 } from './migrations/1765100000000-create-accident-record';
import { AddControlIndicatorRevisions1765300000000 } from './migrations/1765300000000-add-control-indicator-revisions';
import { EnforcementCaseLedgerEntry } from './enforcement/enforcement-case-ledger-entry.entity';
import { EnforcementEventRecord } from './enforcement/enforcement-event-record.entity';
import { CreateEnforcementLedger1765400000000 } from './migrations/1765400000000-create-enforcement-ledger';
import { CovertInspectionLedgerEntry } from './covert-inspection/covert-inspection-ledger-entry.entity';
import { CovertInspectionEventRecord } from './covert-inspection/covert-inspection-event-record.entity';
import { CovertExposurePublicationRecord } from './covert-inspection/covert-exposure-publication.entity';
import { CreateCovertInspectionLedger1765500000000 } from './migrations/1765500000000-create-covert-inspection-ledger';
import { ENFORCEMENT_RECORD_ENTITIES } from './enforcement-record/enforcement-record-entities';
import { CreateEnforcementRecord1765600000000 } from './migrations/1765600000000-create-enforcement-record';
import { EVIDENCE_ENTITIES } from './evidence/evidence-entities';
import { CreateEvidenceFiles1765800000000 } from './migrations/1765800000000-create-evidence-files';
import { IndexCampaignEventsByUnit1766000000000 } from './migrations/1766000000000-index-campaign-events-by-unit';
import { IndexHazardLedgerSorts1766150000000 } from './migrations/1766150000000-index-hazard-ledger-sorts';
import { RECONCILIATION_ENTITIES } from './reconciliation/reconciliation-entities';
import { CreateReconciliation1765900000000 } from './migrations/1765900000000-create-reconciliation';

type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

/**
 * For `TypeOrmModule.forRoot({ entities: DUBAN_ENTITIES, ... })`. Each entity is its table's one
 * description: the writers' and readers' column lists come from it (sql/entity-table.ts) and
 * migrations.pg.spec proves the migrations produce exactly these tables.
 */
export const DUBAN_ENTITIES = [
  HazardLedgerEntry,
  HazardEventRecord,
  CampaignLedgerEntry,
  CampaignUnitEntry,
  CampaignEventRecord,
  CampaignSubmissionRecord,
  IdempotencyKeyRecord,
  ...REGISTRY_ENTITIES,
  AccountRecord,
  AuthSessionRecord,
  WorkCalendarYearRecord,
  AccidentLedgerEntry,
  AccidentEventRecord,
  AccidentRectificationLink,
  CampaignTaskRecord,
  CampaignInspectionAssignmentRecord,
  TipOffLedgerEntry,
  TipOffEventRecord,
  ...ACCIDENT_RECORD_ENTITIES,
  EnforcementCaseLedgerEntry,
  EnforcementEventRecord,
  CovertInspectionLedgerEntry,
  CovertInspectionEventRecord,
  CovertExposurePublicationRecord,
  ...ENFORCEMENT_RECORD_ENTITIES,
  ...EVIDENCE_ENTITIES,
  ...RECONCILIATION_ENTITIES,
];

/** In order. Class references, not globs: the same list works from TS sources and from dist. */
export const DUBAN_MIGRATIONS = [
  CreateHazardLedger1764057600000,
  CreateCampaignLedger1764144000000,
  CreateCampaignTemplate1764230400000,
  DropUnfilledCampaignColumns1764316800000,
  CreateIdempotencyKey1764403200000,
  CreateRegistry1764489600000,
  CreateAccounts1764576000000,
  CreateWorkCalendar1764662400000,
  AddCampaignUnitRegionPath1764748800000,
  AddHazardListing1764835200000,
  CreateCampaignTasks1764838800000,
  AddCampaignLaunchRegion1764840000000,
  CreateAccidentLedger1765000000000,
  CreateAccidentRectificationLink1765050000000,
  CreateAccidentRecord1765100000000,
  CreateTipOffLedger1765200000000,
  AddControlIndicatorRevisions1765300000000,
  CreateEnforcementLedger1765400000000,
  CreateCovertInspectionLedger1765500000000,
  CreateEnforcementRecord1765600000000,
  CreateEvidenceFiles1765800000000,
  CreateReconciliation1765900000000,
  IndexCampaignEventsByUnit1766000000000,
  IndexHazardLedgerSorts1766150000000,
];

export const DUBAN_MIGRATIONS_TABLE = 'duban_migrations';

/**
 * Connection options for Duban's PostgreSQL. The schema only ever changes through the
 * migrations (`synchronize: false`, and they are not run implicitly on connect).
 * `overrides` is for pool size, logging and the like.
 */
export function dubanDataSourceOptions(url: string, overrides: Partial<Omit<PostgresOptions, 'type'>> = {}): DataSourceOptions {
  return {
    ...overrides,
    type: 'postgres',
    url,
    entities: DUBAN_ENTITIES,
    migrations: DUBAN_MIGRATIONS,
    migrationsTableName: DUBAN_MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
  };
}

// Any fixed 64-bit number; it only has to be the same in every Duban process.
const MIGRATION_LOCK_KEY = '7205759403792793';

/**
 * Applies pending migrations and returns the names of those it ran (empty when the schema is
 * current). Safe when several processes start at once (API, workers): TypeORM does not lock,
 * so a session advisory lock serialises them and the later ones find nothing to do.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dubanDataSourceOptions(url, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    const lock = dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      try {
        const ran = await dataSource.runMigrations({ transaction: 'all' });
        return ran.map((migration) => migration.name);
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
  } finally {
    await dataSource.destroy();
  }
}

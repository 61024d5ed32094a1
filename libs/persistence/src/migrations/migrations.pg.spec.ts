import { DataSource } from 'typeorm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DUBAN_MIGRATIONS, DUBAN_MIGRATIONS_TABLE, dubanDataSourceOptions, runMigrations } from '../data-source';
import { ScratchDatabases } from '../testing/scratch-databases';

// The entities are each table's one description (sql/entity-table.ts); these specs prove the
// migrations produce exactly them, apply once, and that every down() undoes its up().

const databases = new ScratchDatabases(inject('databaseUrl'));
afterAll(() => databases.dropAll(), 60_000);

/** Every migration's name, in the order runMigrations applies them (adding one needs no edit here). */
const ALL_MIGRATIONS = DUBAN_MIGRATIONS.map((Migration) => new Migration().name);

/** Tables no entity maps (read and written with raw SQL: apps/api/src/campaigns), so the schema diff cannot cover them. */
const TABLES_WITHOUT_ENTITY = ['campaign_template'];

async function withDataSource<T>(url: string, fn: (ds: DataSource) => Promise<T>, migrations = DUBAN_MIGRATIONS): Promise<T> {
  const ds = await new DataSource({ ...dubanDataSourceOptions(url, { poolSize: 2 }), migrations }).initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

async function publicTables(ds: DataSource): Promise<string[]> {
  const rows = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
  return rows.map((t: { table_name: string }) => t.table_name);
}

/** Everything a migration may change: tables' columns (name, type, null, default) and indexes; TypeORM's own table aside. */
async function schemaOf(ds: DataSource): Promise<{ columns: unknown[]; indexes: unknown[] }> {
  const columns = await ds.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> $1 ORDER BY table_name, column_name`,
    [DUBAN_MIGRATIONS_TABLE],
  );
  const indexes = await ds.query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1 ORDER BY indexname`,
    [DUBAN_MIGRATIONS_TABLE],
  );
  return { columns, indexes };
}

describe('migrations on PostgreSQL', () => {
  it('apply in timestamp order, once: a second run does nothing', async () => {
    const stamps = ALL_MIGRATIONS.map((name) => Number(/\d{13}$/.exec(name)?.[0]));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(ALL_MIGRATIONS[0]).toBe('CreateHazardLedger1764057600000');

    const url = await databases.create('migrations_once');
    expect(await runMigrations(url)).toEqual(ALL_MIGRATIONS);
    expect(await runMigrations(url)).toEqual([]);
    await withDataSource(url, async (ds) => {
      expect(await publicTables(ds)).toEqual([
        'accident_event',
        'accident_ledger',
        'accident_rectification_link',
        'account',
        'accountability_firing',
        'auth_session',
        'blacklist_change',
        'campaign',
        'campaign_event',
        'campaign_inspection_assignment',
        'campaign_submission',
        'campaign_task',
        'campaign_template',
        'campaign_unit',
        'control_indicator',
        'control_indicator_check',
        'control_indicator_revision',
        'covert_exposure_publication',
        'covert_inspection_event',
        'covert_inspection_ledger',
        DUBAN_MIGRATIONS_TABLE,
        'enforcement_case_ledger',
        'enforcement_event',
        'evidence_file',
        'evidence_upload',
        'hazard_event',
        'hazard_ledger',
        'idempotency_key',
        'reconciliation_drift',
        'reconciliation_run',
        'registry_competent_department',
        'registry_industry',
        'registry_person',
        'registry_region',
        'registry_responsibility',
        'registry_unit',
        'repeat_violation_firing',
        'tip_off_event',
        'tip_off_ledger',
        'work_calendar_year',
      ]);
      const indexes = await ds.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1 ORDER BY indexname`, [
        DUBAN_MIGRATIONS_TABLE,
      ]);
      expect(indexes.map((i: { indexname: string }) => i.indexname)).toEqual([
        'campaign_template_pkey',
        'idx_accident_event_type_at',
        'idx_accident_ledger_grade',
        'idx_accident_ledger_occurred_at',
        'idx_accident_ledger_region_id',
        'idx_accident_ledger_unit_id',
        'idx_accident_rectification_link_hazard_id',
        'idx_account_role',
        'idx_accountability_firing_status',
        'idx_accountability_firing_territory_period',
        'idx_auth_session_account_id',
        'idx_auth_session_family_id',
        'idx_blacklist_change_unit_id',
        'idx_campaign_event_campaign_id_type_at',
        'idx_campaign_event_unit_id_type_at',
        'idx_campaign_inspection_assignment_inspector',
        'idx_campaign_kind',
        'idx_campaign_status',
        'idx_campaign_submission_obligation_id',
        'idx_campaign_unit_region_industry',
        'idx_campaign_unit_roster',
        'idx_campaign_unit_status',
        'idx_control_indicator_check_region_month',
        'idx_control_indicator_region_year',
        'idx_covert_exposure_publication_published_at',
        'idx_covert_inspection_event_type_at',
        'idx_covert_inspection_ledger_completed_at',
        'idx_covert_inspection_ledger_region_id',
        'idx_covert_inspection_ledger_status_planned_at',
        'idx_enforcement_case_ledger_closure_imposed',
        'idx_enforcement_case_ledger_criminal',
        'idx_enforcement_case_ledger_next_check_due',
        'idx_enforcement_case_ledger_opened_at',
        'idx_enforcement_case_ledger_origin',
        'idx_enforcement_case_ledger_referred',
        'idx_enforcement_case_ledger_region_id',
        'idx_enforcement_case_ledger_status_opened_at',
        'idx_enforcement_case_ledger_suspension_status',
        'idx_enforcement_case_ledger_unit_id',
        'idx_enforcement_event_type_at',
        'idx_hazard_event_actor_unit_id',
        'idx_hazard_event_type_at',
        'idx_hazard_ledger_campaign_id',
        'idx_hazard_ledger_deadline',
        'idx_hazard_ledger_grade',
        'idx_hazard_ledger_grade_deadline',
        'idx_hazard_ledger_industry',
        'idx_hazard_ledger_listed',
        'idx_hazard_ledger_listing_level',
        'idx_hazard_ledger_overdue',
        'idx_hazard_ledger_reported_at',
        'idx_hazard_ledger_status',
        'idx_hazard_ledger_unit_id',
        'idx_idempotency_key_created_at',
        'idx_reconciliation_run_started_at',
        'idx_registry_competent_department_unit',
        'idx_registry_person_unit',
        'idx_registry_region_path',
        'idx_registry_responsibility_holder',
        'idx_registry_responsibility_target',
        'idx_registry_unit_industry',
        'idx_registry_unit_region',
        'idx_repeat_violation_firing_region_id',
        'idx_repeat_violation_firing_unit_id',
        'idx_tip_off_event_type_at',
        'idx_tip_off_ledger_accident_id',
        'idx_tip_off_ledger_region_id',
        'idx_tip_off_ledger_status_deadline',
        'pk_accident_event',
        'pk_accident_ledger',
        'pk_accident_rectification_link',
        'pk_account',
        'pk_accountability_firing',
        'pk_auth_session',
        'pk_blacklist_change',
        'pk_campaign',
        'pk_campaign_event',
        'pk_campaign_inspection_assignment',
        'pk_campaign_submission',
        'pk_campaign_task',
        'pk_campaign_unit',
        'pk_control_indicator',
        'pk_control_indicator_check',
        'pk_control_indicator_revision',
        'pk_covert_exposure_publication',
        'pk_covert_inspection_event',
        'pk_covert_inspection_ledger',
        'pk_enforcement_case_ledger',
        'pk_enforcement_event',
        'pk_evidence_file',
        'pk_evidence_upload',
        'pk_hazard_event',
        'pk_hazard_ledger',
        'pk_idempotency_key',
        'pk_reconciliation_drift',
        'pk_reconciliation_run',
        'pk_registry_competent_department',
        'pk_registry_industry',
        'pk_registry_person',
        'pk_registry_region',
        'pk_registry_responsibility',
        'pk_registry_unit',
        'pk_repeat_violation_firing',
        'pk_tip_off_event',
        'pk_tip_off_ledger',
        'pk_work_calendar_year',
        'uq_accident_event_accident_id_seq',
        'uq_account_login_key',
        'uq_auth_session_refresh_token_hash',
        'uq_campaign_event_campaign_id_unit_id_seq',
        'uq_covert_inspection_event_inspection_id_seq',
        'uq_enforcement_event_case_id_seq',
        'uq_hazard_event_hazard_id_seq',
        'uq_reconciliation_drift_run_id_kind_aggregate_id',
        'uq_registry_competent_department_current',
        'uq_registry_industry_current',
        'uq_registry_person_current',
        'uq_registry_region_current',
        'uq_registry_responsibility_current',
        'uq_registry_unit_current',
        'uq_tip_off_event_tip_off_id_seq',
        'uq_work_calendar_year_current',
      ]);
    });
  });

  it('produce exactly the schema the entities declare (TypeORM finds nothing to change)', async () => {
    const url = await databases.create('migrations_entities');
    await runMigrations(url);
    await withDataSource(url, async (ds) => {
      // The diff only looks at tables some entity maps: every table but the listed raw-SQL ones must have one.
      const entityTables = ds.entityMetadatas.map((m) => m.tableName).sort();
      expect((await publicTables(ds)).filter((t) => t !== DUBAN_MIGRATIONS_TABLE && !TABLES_WITHOUT_ENTITY.includes(t))).toEqual(entityTables);
      const diff = await ds.driver.createSchemaBuilder().log();
      expect(diff.upQueries.map((q) => q.query)).toEqual([]);
      // The columns nothing ever filled are gone (DropUnfilledCampaignColumns1764316800000).
      const dropped = await ds.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND (table_name, column_name) IN (('campaign_unit', 'score'), ('campaign_submission', 'due_at'))`,
      );
      expect(dropped).toEqual([]);
    });
  });

  it('started by several processes at once, apply each migration once', async () => {
    const url = await databases.create('migrations_race');
    const results = await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    expect(results.flat()).toEqual(ALL_MIGRATIONS);
    await withDataSource(url, async (ds) => {
      expect((await ds.query(`SELECT name FROM ${DUBAN_MIGRATIONS_TABLE} ORDER BY id`)).map((m: { name: string }) => m.name)).toEqual(ALL_MIGRATIONS);
    });
  });

  it('down() of each migration, newest first, restores exactly the schema before its up()', async () => {
    const url = await databases.create('migrations_down');
    // Apply them one at a time, noting the schema before each one's up(): what its down() must leave.
    const before: Array<Awaited<ReturnType<typeof schemaOf>>> = [];
    for (const [k, name] of ALL_MIGRATIONS.entries()) {
      await withDataSource(
        url,
        async (ds) => {
          before.push(await schemaOf(ds));
          expect((await ds.runMigrations({ transaction: 'all' })).map((m) => m.name)).toEqual([name]);
        },
        DUBAN_MIGRATIONS.slice(0, k + 1),
      );
    }
    await withDataSource(url, async (ds) => {
      for (let k = ALL_MIGRATIONS.length - 1; k >= 0; k--) {
        await ds.undoLastMigration({ transaction: 'all' });
        expect((await ds.query(`SELECT name FROM ${DUBAN_MIGRATIONS_TABLE} ORDER BY id`)).map((m: { name: string }) => m.name)).toEqual(
          ALL_MIGRATIONS.slice(0, k),
        );
        expect(await schemaOf(ds), `after down() of ${ALL_MIGRATIONS[k]}`).toEqual(before[k]);
      }
      expect(await publicTables(ds)).toEqual([DUBAN_MIGRATIONS_TABLE]);
    });
    // And up again from nothing.
    expect(await runMigrations(url)).toEqual(ALL_MIGRATIONS);
  });
});

import { DataSource } from 'typeorm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DUBAN_MIGRATIONS, dubanDataSourceOptions } from '../data-source';
import { ScratchDatabases } from '../testing/scratch-databases';
import { AddHazardListing1764835200000 } from './1764835200000-add-hazard-listing';

// Rows listed before listings had levels were listed by the policy, at county level: the
// migration gives them that level and the moment of their first listing escalation.

const databases = new ScratchDatabases(inject('databaseUrl'));
afterAll(() => databases.dropAll(), 60_000);

const LISTED_AT = '2026-05-04T02:00:00.000Z';

async function migrated(url: string, migrations: typeof DUBAN_MIGRATIONS, fn: (ds: DataSource) => Promise<void>): Promise<void> {
  const ds = await new DataSource({ ...dubanDataSourceOptions(url, { poolSize: 2 }), migrations }).initialize();
  try {
    await ds.runMigrations({ transaction: 'all' });
    await fn(ds);
  } finally {
    await ds.destroy();
  }
}

const insertRow = (ds: DataSource, hazardId: string, listed: boolean) =>
  ds.query(
    `INSERT INTO hazard_ledger (hazard_id, workflow_id, title, description, location, industry, unit_id, grade, source, finder, status,
       deadline, original_deadline, reported_at, reported_by_id, reported_by_name, reported_by_role, overdue, listed_for_supervision,
       under_monitoring, extensions_granted, rejection_count, policy_id, version, state)
     VALUES ($1, $3, '隐患', '描述', '部位', '建筑施工', 'unit-a', 'major', 'inspection', '张三', 'rectifying',
       now(), now(), now(), 'o-1', '王主任', 'office', false, $2, false, 0, 0, 'standard-2026', 2, '{}')`,
    [hazardId, listed, `hazard-${hazardId}`],
  );

describe('AddHazardListing1764835200000 on a ledger with rows', () => {
  it('gives rows listed before levels the county level and their first listing time; others stay unlisted', async () => {
    const url = await databases.create('migration_listing');
    const before = DUBAN_MIGRATIONS.filter((m) => m !== AddHazardListing1764835200000);
    await migrated(url, before, async (ds) => {
      await insertRow(ds, 'H-listed', true);
      await insertRow(ds, 'H-plain', false);
      await ds.query(
        `INSERT INTO hazard_event (hazard_id, seq, type, at, actor_id, actor_name, actor_role, reason, data) VALUES
           ('H-listed', 2, 'escalated', $1, 'duban', '督办系统', 'system', '挂牌督办', '{"instrument":"listed_supervision"}'),
           ('H-listed', 3, 'escalated', $2, 'duban', '督办系统', 'system', '约谈', '{"instrument":"summons"}')`,
        [LISTED_AT, '2026-05-01T00:00:00.000Z'],
      );
    });
    await migrated(url, DUBAN_MIGRATIONS, async (ds) => {
      const rows = await ds.query('SELECT hazard_id, listing_level, listed_at, delisted_at FROM hazard_ledger ORDER BY hazard_id');
      expect(rows).toEqual([
        { hazard_id: 'H-listed', listing_level: 'county', listed_at: new Date(LISTED_AT), delisted_at: null },
        { hazard_id: 'H-plain', listing_level: null, listed_at: null, delisted_at: null },
      ]);
    });
  });
});

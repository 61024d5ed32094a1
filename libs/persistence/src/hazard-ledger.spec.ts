import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  admitHazardReport,
  applyHazardEvents,
  decideDueTimers,
  decideHazard,
  foldOpeningEvents,
  openHazardFile,
  STANDARD_HAZARD_POLICY,
  type Actor,
  type HazardCommand,
  type HazardEvent,
  type HazardReport,
  type HazardState,
} from '@duban/domain';
import { DUBAN_MIGRATIONS, DUBAN_MIGRATIONS_TABLE, dubanDataSourceOptions, runMigrations } from './data-source';
import { ScratchDatabases } from './testing/scratch-databases';
import { HazardLedgerReader } from './hazard/hazard-ledger-reader';
import { HazardLedgerWriter } from './hazard/hazard-ledger-writer';

// ---- a fresh database per scenario on the suite's PostgreSQL

const databases = new ScratchDatabases(inject('databaseUrl'));
const freshDatabase = (prefix: string) => databases.create(prefix);

/**
 * Every migration's name, in the order runMigrations must apply them: taken from the list the
 * app registers, so that adding a migration does not mean editing this file.
 */
const ALL_MIGRATIONS = DUBAN_MIGRATIONS.map((Migration) => new Migration().name);

/** The hazard ledger's own migration, which comes first. */
const HAZARD_LEDGER_MIGRATION = 'CreateHazardLedger1764057600000';

/**
 * Tables created by the migrations that no entity maps, so the entities-vs-schema diff below
 * cannot cover them: `campaign_template` is read and written with raw SQL (apps/api/src/campaigns).
 */
const TABLES_WITHOUT_ENTITY = ['campaign_template'];

// ---- fixtures built with the domain's own functions, as the workflow builds them

const T0 = new Date('2026-03-02T01:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const OFFICE: Actor = { id: 'office-1', name: '王主任', role: 'office' };
const INSPECTOR: Actor = { id: 'insp-7', name: '李检查', role: 'inspector' };
const unitActor = (unitId: string): Actor => ({ id: `${unitId}-safety`, name: `${unitId} 安全员`, role: 'unit', unitId });

interface Hazard {
  state: HazardState;
  events: HazardEvent[];
}

function report(hazardId: string, over: Partial<HazardReport>, reporter: Actor = OFFICE): Hazard {
  const r: HazardReport = {
    title: `隐患 ${hazardId}`,
    description: '脚手架连墙件缺失',
    location: '3号楼',
    industry: '建筑施工',
    unitId: 'unit-a',
    grade: 'general',
    source: 'inspection',
    finder: '张三',
    deadline: days(30).toISOString(),
    ...over,
  };
  admitHazardReport(r, reporter, STANDARD_HAZARD_POLICY, T0);
  return foldOpeningEvents(openHazardFile(hazardId, r, reporter, STANDARD_HAZARD_POLICY, T0));
}

/** Applies a command; `events` are only the new ones (what the workflow records next). */
function act(h: Hazard, command: HazardCommand, now: Date): Hazard {
  return applyHazardEvents(h.state, decideHazard(h.state, command, now));
}

function timers(h: Hazard, now: Date): Hazard {
  return applyHazardEvents(h.state, decideDueTimers(h.state, now));
}

function plan(h: Hazard, now: Date): Hazard {
  return act(
    h,
    {
      type: 'submit_plan',
      actor: unitActor(h.state.report.unitId),
      plan: {
        responsiblePerson: '赵经理',
        measures: '补设连墙件',
        funds: { amountYuan: 20_000, source: '安全生产费用' },
        deadline: new Date(new Date(h.state.deadline).getTime() - 86_400_000).toISOString(),
        contingencyPlan: '设置警戒区',
      },
    },
    now,
  );
}

// ---------------------------------------------------------------------------

describe('hazard ledger on PostgreSQL', () => {
  let url: string;
  let dataSource: DataSource;
  let writer: HazardLedgerWriter;
  let reader: HazardLedgerReader;

  beforeAll(async () => {
    url = await freshDatabase('ledger_test');
  }, 120_000);

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await databases.dropAll();
  }, 60_000);

  it('migrations create the schema once; a second run does nothing', async () => {
    expect(ALL_MIGRATIONS[0]).toBe(HAZARD_LEDGER_MIGRATION);
    expect(await runMigrations(url)).toEqual(ALL_MIGRATIONS);
    expect(await runMigrations(url)).toEqual([]);

    dataSource = await new DataSource(dubanDataSourceOptions(url)).initialize();
    writer = new HazardLedgerWriter(dataSource);
    reader = new HazardLedgerReader(dataSource);

    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'campaign%' ORDER BY table_name`,
    );
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(['duban_migrations', 'hazard_event', 'hazard_ledger']);
    const indexes = await dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'hazard_%' ORDER BY indexname`,
    );
    expect(indexes.map((i: { indexname: string }) => i.indexname)).toEqual([
      'idx_hazard_event_actor_unit_id',
      'idx_hazard_event_type_at',
      'idx_hazard_ledger_campaign_id',
      'idx_hazard_ledger_deadline',
      'idx_hazard_ledger_grade',
      'idx_hazard_ledger_industry',
      'idx_hazard_ledger_listed',
      'idx_hazard_ledger_overdue',
      'idx_hazard_ledger_status',
      'idx_hazard_ledger_unit_id',
      'pk_hazard_event',
      'pk_hazard_ledger',
      'uq_hazard_event_hazard_id_seq',
    ]);
  });

  it('the entities declare exactly the schema the migration creates', async () => {
    // TypeORM's schema diff only looks at tables some entity maps; the one table it skips is
    // `campaign_template`, and only because it has no entity (raw SQL). Every other table has one.
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    const entityTables = dataSource.entityMetadatas.map((m) => m.tableName);
    expect(entityTables).not.toContain('campaign_template');
    expect(
      tables.map((t: { table_name: string }) => t.table_name).filter((t: string) => t !== DUBAN_MIGRATIONS_TABLE && !TABLES_WITHOUT_ENTITY.includes(t)),
    ).toEqual([...entityTables].sort());
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('concurrent runMigrations apply the migration once; down() removes the schema', async () => {
    const other = await freshDatabase('ledger_race');
    const results = await Promise.all([runMigrations(other), runMigrations(other), runMigrations(other)]);
    expect(results.flat()).toEqual(ALL_MIGRATIONS);

    const ds = await new DataSource(dubanDataSourceOptions(other)).initialize();
    try {
      // down() of every migration, newest first, takes the schema back to nothing.
      for (let applied = ALL_MIGRATIONS.length; applied > 0; applied--) await ds.undoLastMigration({ transaction: 'all' });
      expect(await ds.query(`SELECT name FROM ${DUBAN_MIGRATIONS_TABLE}`)).toEqual([]);
      const left = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
      expect(left.map((t: { table_name: string }) => t.table_name)).toEqual([DUBAN_MIGRATIONS_TABLE]);
    } finally {
      await ds.destroy();
    }
    expect(await runMigrations(other)).toEqual(ALL_MIGRATIONS);
  });

  it('recording the same events again (a retried activity) leaves one row per seq', async () => {
    const h = report('H-retry', { grade: 'major' }); // major: reported + listed at once → seq 1, 2
    expect(h.events.map((e) => e.seq)).toEqual([1, 2]);
    await writer.record(h);
    await writer.record(h);
    const planned = plan(h, days(1));
    // A retry after a timeout may resend a superset: old seqs are skipped, new ones added.
    await writer.record({ events: [...h.events, ...planned.events], state: planned.state });
    await writer.record({ events: [...h.events, ...planned.events], state: planned.state });

    const counts = await dataSource.query(`SELECT seq, count(*)::int AS n FROM hazard_event WHERE hazard_id = 'H-retry' GROUP BY seq ORDER BY seq`);
    expect(counts).toEqual([
      { seq: 1, n: 1 },
      { seq: 2, n: 1 },
      { seq: 3, n: 1 },
    ]);
    const row = await reader.get('H-retry');
    expect(row).toMatchObject({ version: 3, status: 'rectifying', listedForSupervision: true, lastEscalationInstrument: 'listed_supervision' });
  });

  it('an older snapshot arriving after a newer one does not overwrite it', async () => {
    const opened = report('H-order', { unitId: 'unit-b' });
    const claimed = act(opened, { type: 'claim_completion', actor: unitActor('unit-b'), summary: '已现场整改' }, days(2));
    const signed = act(claimed, { type: 'verify', actor: INSPECTOR, decision: 'accept', comment: '验收合格' }, days(3));

    await writer.record(signed); // v3 first …
    await writer.record(opened); // … then v1, late
    await writer.record(claimed); // … and v2, late

    const row = await reader.get('H-order');
    expect(row).toMatchObject({ version: 3, status: 'signed_off', signedOffAt: days(3).toISOString() });
    expect(await reader.snapshot('H-order')).toEqual(signed.state);
    // Events are recorded whatever the order: the log is complete.
    expect((await reader.events('H-order')).map((e) => [e.seq, e.type])).toEqual([
      [1, 'reported'],
      [2, 'completion_claimed'],
      [3, 'signed_off'],
    ]);
    // The same version again is a no-op too (updated_at does not move).
    const before = (await reader.get('H-order'))!.updatedAt;
    await writer.record(signed);
    expect((await reader.get('H-order'))!.updatedAt).toBe(before);
  });

  describe('with a populated ledger', () => {
    // unit-c: general, awaiting plan, campaign c-2026, deadline +20d
    // unit-c: major, rectifying, overdue and escalated, later extended
    // unit-d: major, rectifying under monitoring, campaign c-2026
    // unit-d: general, signed off after being overdue
    let overdueMajor: Hazard;

    beforeAll(async () => {
      const a = report('C-1', { unitId: 'unit-c', campaignId: 'c-2026', source: 'campaign', deadline: days(20).toISOString() });
      await writer.record(a);

      const b0 = report('C-2', { unitId: 'unit-c', grade: 'major', industry: '危险化学品', deadline: days(10).toISOString() });
      const b1 = plan(b0, days(1));
      const b2 = timers(b1, days(26)); // 16 days late: overdue, reminder, notice, summons (listed already)
      overdueMajor = { state: b2.state, events: [...b0.events, ...b1.events, ...b2.events] };
      await writer.record(overdueMajor);

      const c0 = report('D-1', { unitId: 'unit-d', grade: 'major', campaignId: 'c-2026', deadline: days(60).toISOString() }, unitActor('unit-d'));
      const c1 = plan(c0, days(1));
      const c2 = act(c1, { type: 'start_monitoring', actor: unitActor('unit-d'), measures: '每日巡查', watchPerson: '钱工' }, days(2));
      await writer.record({ events: [...c0.events, ...c1.events, ...c2.events], state: c2.state });

      const d0 = report('D-2', { unitId: 'unit-d', deadline: days(5).toISOString() });
      const d1 = timers(d0, days(6)); // overdue + reminder + notice
      const d2 = act(d1, { type: 'claim_completion', actor: unitActor('unit-d'), summary: '已整改' }, days(7));
      const d3 = act(d2, { type: 'verify', actor: OFFICE, decision: 'accept', comment: '同意销号' }, days(8));
      await writer.record({ events: [...d0.events, ...d1.events, ...d2.events, ...d3.events], state: d3.state });
    });

    const ids = (items: { hazardId: string }[]) => items.map((i) => i.hazardId);

    it('list filters return the right rows and totals, ordered by deadline', async () => {
      const all = await reader.list({});
      expect(all.total).toBe(6); // 4 here + H-retry + H-order
      expect(ids(all.items)).toEqual(['D-2', 'C-2', 'C-1', 'H-order', 'H-retry', 'D-1']);

      expect(ids((await reader.list({ unitId: 'unit-c' })).items)).toEqual(['C-2', 'C-1']);
      expect(await reader.list({ unitId: 'unit-d', grade: 'major' })).toMatchObject({ total: 1, items: [{ hazardId: 'D-1', underMonitoring: true }] });
      expect(ids((await reader.list({ status: 'signed_off' })).items)).toEqual(['D-2', 'H-order']);
      expect(ids((await reader.list({ overdue: true })).items)).toEqual(['D-2', 'C-2']);
      expect((await reader.list({ overdue: false })).total).toBe(4);
      expect(ids((await reader.list({ listedForSupervision: true })).items)).toEqual(['C-2', 'H-retry', 'D-1']);
      expect(ids((await reader.list({ campaignId: 'c-2026' })).items)).toEqual(['C-1', 'D-1']);
      expect(ids((await reader.list({ industry: '危险化学品' })).items)).toEqual(['C-2']);
      expect(await reader.list({ unitId: 'nobody' })).toEqual({ items: [], total: 0 });

      const page = await reader.list({ limit: 2, offset: 1 });
      expect(page.total).toBe(6);
      expect(ids(page.items)).toEqual(['C-2', 'C-1']);
      expect((await reader.list({ limit: 10_000 })).items).toHaveLength(6); // clamped to 500, not an error
      expect(await reader.list({ offset: 100 })).toEqual({ items: [], total: 6 });
    });

    it('rows are plain camelCase projections of the state', async () => {
      const row = await reader.get('C-2');
      expect(row).toEqual({
        hazardId: 'C-2',
        workflowId: 'hazard-C-2',
        title: '隐患 C-2',
        description: '脚手架连墙件缺失',
        location: '3号楼',
        industry: '危险化学品',
        unitId: 'unit-c',
        grade: 'major',
        source: 'inspection',
        finder: '张三',
        status: 'rectifying',
        deadline: days(10).toISOString(),
        originalDeadline: days(10).toISOString(),
        reportedAt: T0.toISOString(),
        reportedBy: { id: 'office-1', name: '王主任', role: 'office' },
        campaignId: null,
        overdue: true,
        listedForSupervision: true,
        underMonitoring: false,
        extensionsGranted: 0,
        rejectionCount: 0,
        lastEscalationInstrument: 'summons',
        lastEscalatedAt: days(26).toISOString(),
        signedOffAt: null,
        policyId: STANDARD_HAZARD_POLICY.id,
        version: overdueMajor.state.lastSeq,
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(await reader.get('nope')).toBeUndefined();
      expect(await reader.unitOf('C-2')).toBe('unit-c');
      expect(await reader.unitOf('nope')).toBeUndefined();
    });

    it('an approved extension moves the deadline but keeps the original one', async () => {
      const asked = act(overdueMajor, { type: 'request_extension', actor: unitActor('unit-c'), requestedDeadline: days(40).toISOString(), reason: '设备到货延迟' }, days(27));
      const approved = act(asked, { type: 'decide_extension', actor: OFFICE, approve: true, reason: '同意延期' }, days(28));
      await writer.record({ events: [...asked.events, ...approved.events], state: approved.state });
      expect(await reader.get('C-2')).toMatchObject({
        deadline: days(40).toISOString(),
        originalDeadline: days(10).toISOString(),
        overdue: false,
        extensionsGranted: 1,
      });
      // Later tests read the extended state.
      overdueMajor = { state: approved.state, events: [...overdueMajor.events, ...asked.events, ...approved.events] };
    });

    it('events come back in seq order with actor and reason', async () => {
      const events = await reader.events('C-2');
      expect(events.map((e) => e.seq)).toEqual(overdueMajor.events.map((e) => e.seq));
      expect(events.map((e) => e.type)).toEqual([
        'reported',
        'escalated', // listed on report (major)
        'plan_submitted',
        'overdue',
        'escalated', // reminder
        'escalated', // notice
        'escalated', // summons
        'extension_requested',
        'extension_approved',
      ]);
      expect(events[0]).toEqual({
        seq: 1,
        type: 'reported',
        at: T0.toISOString(),
        actor: { id: 'office-1', name: '王主任', role: 'office' }, // no unitId key when there is none
        reason: '隐患 C-2 (inspection)',
        data: overdueMajor.events[0]!.data,
      });
      expect(events[2]).toMatchObject({ type: 'plan_submitted', actor: unitActor('unit-c'), at: days(1).toISOString() });
      expect(events[3]).toMatchObject({ type: 'overdue', actor: { id: 'duban', role: 'system' }, reason: expect.stringContaining('逾期未整改') });
      expect(events[7]).toMatchObject({ type: 'extension_requested', reason: '设备到货延迟', data: { requestedDeadline: days(40).toISOString() } });
      expect(await reader.events('nope')).toEqual([]);
    });

    it('escalations: newest first, by the hazard unit, since an instant', async () => {
      const all = await reader.escalations({});
      expect(all.every((e) => e.type === 'escalated')).toBe(true);
      const times = all.map((e) => e.at);
      expect(times).toEqual([...times].sort().reverse());

      const unitC = await reader.escalations({ unitId: 'unit-c' });
      expect(unitC.map((e) => [e.hazardId, e.data.instrument])).toEqual([
        // same instant: hazard then seq descending
        ['C-2', 'summons'],
        ['C-2', 'notice'],
        ['C-2', 'reminder'],
        ['C-2', 'listed_supervision'],
      ]);
      expect(unitC[0]).toMatchObject({ actor: { id: 'duban', role: 'system' }, data: { stepId: 'summons-when-15-days-overdue', deadline: days(10).toISOString() } });

      const recent = await reader.escalations({ since: days(6) });
      expect(recent.map((e) => [e.hazardId, e.at])).toEqual([
        ['C-2', days(26).toISOString()],
        ['C-2', days(26).toISOString()],
        ['C-2', days(26).toISOString()],
        ['D-2', days(6).toISOString()],
        ['D-2', days(6).toISOString()],
      ]);
      expect(await reader.escalations({ unitId: 'unit-d', since: days(7) })).toEqual([]);
      expect(await reader.escalations({ limit: 2 })).toHaveLength(2);
    });

    it('summary counts by status and grade, overdue, listed, monitored', async () => {
      expect(await reader.summary({})).toEqual({
        total: 6,
        byStatus: { awaiting_plan: 1, rectifying: 3, awaiting_verification: 0, signed_off: 2 },
        byGrade: { general: 3, major: 3 },
        overdue: 1, // C-2 was extended (no longer overdue); D-2 keeps its flag after sign-off
        overdueOpen: 0,
        listedForSupervision: 3,
        underMonitoring: 1,
      });
      expect(await reader.summary({ unitId: 'unit-d' })).toMatchObject({ total: 2, byStatus: { rectifying: 1, signed_off: 1 }, overdue: 1, overdueOpen: 0, underMonitoring: 1 });
      expect(await reader.summary({ campaignId: 'c-2026' })).toMatchObject({ total: 2, byGrade: { general: 1, major: 1 }, listedForSupervision: 1 });
      expect(await reader.summary({ unitId: 'nobody' })).toMatchObject({ total: 0, byStatus: { awaiting_plan: 0 }, overdue: 0 });
    });
  });

  describe('a failure mid-transaction writes nothing', () => {
    const snapshot = async (hazardId: string) => ({
      row: await reader.get(hazardId),
      events: await dataSource.query(`SELECT seq FROM hazard_event WHERE hazard_id = $1 ORDER BY seq`, [hazardId]),
    });

    it('a bad event among good ones: no events, no ledger row', async () => {
      const h = report('F-1', { grade: 'major' });
      const bad = { ...h.events[1]!, reason: null } as unknown as HazardEvent; // reason is NOT NULL
      await expect(writer.record({ events: [h.events[0]!, bad], state: h.state })).rejects.toThrow(/null value in column "reason"/);
      expect(await snapshot('F-1')).toEqual({ row: undefined, events: [] });
    });

    it('a bad snapshot after good events: the events are rolled back and the row keeps its version', async () => {
      const h = report('F-2', {});
      await writer.record(h);
      const planned = plan(h, days(1));
      const badState = { ...planned.state, report: { ...planned.state.report, title: null } } as unknown as HazardState;
      await expect(writer.record({ events: planned.events, state: badState })).rejects.toThrow(/null value in column "title"/);
      expect(await snapshot('F-2')).toMatchObject({ row: { version: 1, status: 'awaiting_plan' }, events: [{ seq: 1 }] });
      // The retry with a good snapshot then goes through.
      await writer.record(planned);
      expect(await snapshot('F-2')).toMatchObject({ row: { version: 2, status: 'rectifying' }, events: [{ seq: 1 }, { seq: 2 }] });
    });

    it('a batch for the wrong hazard is refused before touching the database', async () => {
      const a = report('F-3', {});
      const b = report('F-4', {});
      await expect(writer.record({ events: a.events, state: b.state })).rejects.toThrow(/belongs to hazard F-3, not F-4/);
      expect(await snapshot('F-4')).toEqual({ row: undefined, events: [] });
    });
  });
});

import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  admitHazardReport,
  applyCampaignEvents,
  applyHazardEvents,
  applyUnitEvents,
  coverageMatrix,
  decideDueTimers,
  decideHazard,
  enrolledUnitState,
  foldOpeningEvents,
  launchedCampaignState,
  openHazardFile,
  scoreUnit,
  STANDARD_HAZARD_POLICY,
  SYSTEM_ACTOR,
  type Actor,
  type CampaignEvent,
  type CampaignLaunch,
  type CampaignSchedule,
  type CampaignState,
  type CampaignTemplate,
  type HazardCommand,
  type HazardEvent,
  type HazardReport,
  type HazardState,
  type NewCampaignEvent,
  type NewUnitEvent,
  type ScopeUnit,
  type UnitEvent,
  type UnitObligationsState,
} from '@duban/domain';
import { DUBAN_MIGRATIONS, DUBAN_MIGRATIONS_TABLE, dubanDataSourceOptions, runMigrations } from '../data-source';
import { ScratchDatabases } from '../testing/scratch-databases';
import { HazardLedgerWriter } from '../hazard/hazard-ledger-writer';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// ---- a fresh database per scenario on the suite's PostgreSQL

const databases = new ScratchDatabases(inject('databaseUrl'));
const freshDatabase = (prefix: string) => databases.create(prefix);

// ---- fixtures: states folded with the domain's own evolve functions, as the workflows fold them

const DAY = 86_400_000;
/** 2026-06-01 00:00 China Standard Time. */
const START = new Date('2026-06-01T00:00:00+08:00');
const days = (n: number) => new Date(START.getTime() + n * DAY);
const iso = (n: number) => days(n).toISOString();
/** 16:00 CST on the campaign's day n (0 = 2026-06-01). */
const afternoon = (n: number) => new Date(days(n).getTime() + 16 * 3_600_000).toISOString();
const OFFICE: Actor = { id: 'office-1', name: '王主任', role: 'office' };
const unitActor = (unitId: string): Actor => ({ id: `${unitId}-safety`, name: `${unitId} 安全员`, role: 'unit', unitId });

const TEMPLATE: CampaignTemplate = {
  id: 'tpl-drive',
  name: '百日安全生产活动',
  kind: 'hundred_day_drive',
  description: '三个阶段, 一日一报',
  source: 'spec fixture',
  phases: [
    { id: 'mobilise', name: '动员部署', duration: { amount: 10, unit: 'days' }, deliverables: [] },
    { id: 'self-check', name: '自查自纠', duration: { amount: 20, unit: 'days' }, deliverables: [{ id: 'self-check-report', name: '自查报告' }] },
    { id: 'rectify', name: '集中整治', duration: { amount: 30, unit: 'days' }, deliverables: [] },
  ],
  reports: [{ id: 'daily', name: '一日一报', cadence: 'daily', cutoff: '17:00', zeroReportAllowed: true }],
  targets: [{ id: 'on-time', name: '按时报送率', metric: 'reports_on_time_rate', threshold: 1 }],
  coverage: { regions: true, units: true, industries: true },
  checkItems: [{ id: 'c1', text: '安全生产责任制落实' }],
  activities: [],
  inspectionTiers: [{ id: 'self', name: '企业自查' }],
  escalation: [{ id: 'reminder-after-1-missed', instrument: 'reminder', afterMissed: 1 }],
};

const REGIONS = [
  { id: 'r-east', name: '东城区' },
  { id: 'r-west', name: '西城区' },
];
const INDUSTRIES = [
  { id: 'chem', name: '危险化学品' },
  { id: 'build', name: '建筑施工' },
];

/** Phases back to back from START + `shift` days (10, 20, 30 days), `extraMobilise` days added to the first. */
function schedule(extraMobilise = 0, shift = 0): CampaignSchedule {
  const bounds = [0, 10 + extraMobilise, 30 + extraMobilise, 60 + extraMobilise].map((d) => d + shift);
  return {
    startsAt: iso(bounds[0]!),
    endsAt: iso(bounds[3]!),
    phases: TEMPLATE.phases.map((p, i) => ({ phaseId: p.id, name: p.name, startsAt: iso(bounds[i]!), endsAt: iso(bounds[i + 1]!) })),
  };
}

interface Campaign {
  state: CampaignState;
  events: CampaignEvent[];
}

function launch(campaignId: string, units: ScopeUnit[], over: Partial<CampaignLaunch> = {}): Campaign {
  const l: CampaignLaunch = {
    campaignId,
    name: `专项行动 ${campaignId}`,
    template: TEMPLATE,
    scope: { regions: REGIONS, industries: INDUSTRIES, units, leadLeader: '张副县长', leadDepartment: '县应急管理局' },
    startsAt: iso(0),
    ...over,
  };
  return applyCampaignEvents(launchedCampaignState(l, OFFICE), [
    { type: 'launched', data: { templateId: l.template.id, unitCount: units.length, startsAt: l.startsAt }, at: iso(-1), actor: OFFICE, reason: `${l.name} 启动` },
  ]);
}

/** `events` are only the new ones (what the workflow records next). */
function campaignThen(c: Campaign, ...events: NewCampaignEvent[]): Campaign {
  return applyCampaignEvents(c.state, events);
}

const unit = (unitId: string, regionId: string, industryId?: string, kind: ScopeUnit['kind'] = 'enterprise'): ScopeUnit => ({
  unitId,
  name: `单位 ${unitId}`,
  kind,
  regionId,
  ...(industryId ? { industryId } : {}),
});

interface Unit {
  state: UnitObligationsState;
  events: UnitEvent[];
}

function enrol(campaignId: string, u: ScopeUnit, atDay = 0): Unit {
  const at = iso(atDay);
  return applyUnitEvents(enrolledUnitState(campaignId, u, at, false), [{ type: 'enrolled', data: { unit: u }, at, actor: OFFICE, reason: '纳入专项行动' }]);
}

function unitThen(u: Unit, ...events: NewUnitEvent[]): Unit {
  return applyUnitEvents(u.state, events);
}

const both = (a: Unit, b: Unit): Unit => ({ state: b.state, events: [...a.events, ...b.events] });

function dailyReport(u: Unit, day: number, opts: { onTime?: boolean; zero?: boolean; at?: string } = {}): NewUnitEvent {
  const date = new Date(days(day).getTime() + 8 * 3_600_000).toISOString().slice(0, 10); // the CST date
  return {
    type: 'report_submitted',
    data: { obligationId: `report:daily:${date}`, onTime: opts.onTime ?? true, zero: opts.zero ?? false, content: opts.zero ? '零报告' : `${date} 排查情况` },
    at: opts.at ?? afternoon(day),
    actor: unitActor(u.state.unit.unitId),
    reason: '一日一报',
  };
}

// ---- hazards, for the joins with the hazard ledger

interface Hazard {
  state: HazardState;
  events: HazardEvent[];
}

function hazard(hazardId: string, over: Partial<HazardReport>): Hazard {
  const r: HazardReport = {
    title: `隐患 ${hazardId}`,
    description: '消防通道堵塞',
    location: '1号车间',
    industry: '危险化学品',
    unitId: 'u-1',
    grade: 'general',
    source: 'campaign',
    finder: '李四',
    deadline: iso(10),
    ...over,
  };
  admitHazardReport(r, OFFICE, STANDARD_HAZARD_POLICY, days(0));
  return foldOpeningEvents(openHazardFile(hazardId, r, OFFICE, STANDARD_HAZARD_POLICY, days(0)));
}

function hazardAct(h: Hazard, command: HazardCommand, now: Date): Hazard {
  const next = applyHazardEvents(h.state, decideHazard(h.state, command, now));
  return { state: next.state, events: [...h.events, ...next.events] };
}

function signOff(h: Hazard, atDay: number): Hazard {
  const unitId = h.state.report.unitId;
  let next = h;
  if (days(atDay) > new Date(h.state.deadline)) {
    const late = applyHazardEvents(h.state, decideDueTimers(h.state, days(atDay)));
    next = { state: late.state, events: [...h.events, ...late.events] };
  }
  next = hazardAct(next, { type: 'claim_completion', actor: unitActor(unitId), summary: '已整改' }, days(atDay));
  return hazardAct(next, { type: 'verify', actor: OFFICE, decision: 'accept', comment: '验收合格' }, days(atDay));
}

// ---- the migrations, as the app registers them

/** Every migration's name, in the order runMigrations must apply them (adding one needs no edit here). */
const ALL_MIGRATIONS = DUBAN_MIGRATIONS.map((Migration) => new Migration().name);
const HAZARD_LEDGER_MIGRATION = 'CreateHazardLedger1764057600000';
const CAMPAIGN_LEDGER_MIGRATION = 'CreateCampaignLedger1764144000000';
/** The campaign ledger's migration and every later one: what down() may revert and still leave the hazard ledger's. */
const CAMPAIGN_MIGRATIONS = ALL_MIGRATIONS.slice(ALL_MIGRATIONS.indexOf(CAMPAIGN_LEDGER_MIGRATION));
const HAZARD_LEDGER_TABLES = [DUBAN_MIGRATIONS_TABLE, 'hazard_event', 'hazard_ledger'];

/**
 * Tables created by the migrations that no entity maps, so the entities-vs-schema diff below
 * cannot cover them: `campaign_template` is read and written with raw SQL (apps/api/src/campaigns).
 */
const TABLES_WITHOUT_ENTITY = ['campaign_template'];

async function publicTables(ds: DataSource): Promise<string[]> {
  const rows = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
  return rows.map((t: { table_name: string }) => t.table_name);
}

async function appliedMigrations(ds: DataSource): Promise<string[]> {
  return (await ds.query(`SELECT name FROM ${DUBAN_MIGRATIONS_TABLE} ORDER BY id`)).map((m: { name: string }) => m.name);
}

// ---------------------------------------------------------------------------

describe('campaign ledger on PostgreSQL', () => {
  let url: string;
  let dataSource: DataSource;
  let writer: CampaignLedgerWriter;
  let reader: CampaignLedgerReader;

  beforeAll(async () => {
    url = await freshDatabase('campaign_test');
  }, 120_000);

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await databases.dropAll();
  }, 60_000);

  const count = async (sql: string, params: unknown[] = []): Promise<number> => (await dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  it('migrations create the campaign ledger after the hazard ledger; a second run does nothing', async () => {
    expect(ALL_MIGRATIONS.slice(0, 2)).toEqual([HAZARD_LEDGER_MIGRATION, CAMPAIGN_LEDGER_MIGRATION]);
    expect(await runMigrations(url)).toEqual(ALL_MIGRATIONS);
    expect(await runMigrations(url)).toEqual([]);

    dataSource = await new DataSource(dubanDataSourceOptions(url)).initialize();
    writer = new CampaignLedgerWriter(dataSource);
    reader = new CampaignLedgerReader(dataSource);

    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual([
      'campaign',
      'campaign_event',
      'campaign_submission',
      'campaign_template',
      'campaign_unit',
      'duban_migrations',
      'hazard_event',
      'hazard_ledger',
    ]);
    const indexes = await dataSource.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'campaign%' ORDER BY indexname`);
    expect(indexes.map((i: { indexname: string }) => i.indexname)).toEqual([
      'campaign_template_pkey',
      'idx_campaign_event_campaign_id_type_at',
      'idx_campaign_kind',
      'idx_campaign_status',
      'idx_campaign_submission_obligation_id',
      'idx_campaign_unit_region_industry',
      'idx_campaign_unit_roster',
      'idx_campaign_unit_status',
      'pk_campaign',
      'pk_campaign_event',
      'pk_campaign_submission',
      'pk_campaign_unit',
      'uq_campaign_event_campaign_id_unit_id_seq',
    ]);
  });

  it('the entities declare exactly the schema the migrations create', async () => {
    // TypeORM's schema diff only looks at tables some entity maps; the one table it skips is
    // `campaign_template`, and only because it has no entity (raw SQL). Every other table has one.
    const entityTables = dataSource.entityMetadatas.map((m) => m.tableName);
    expect(entityTables).not.toContain('campaign_template');
    expect((await publicTables(dataSource)).filter((t) => t !== DUBAN_MIGRATIONS_TABLE && !TABLES_WITHOUT_ENTITY.includes(t))).toEqual(
      [...entityTables].sort(),
    );
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("down() of each campaign migration removes exactly its tables and leaves the hazard ledger's", async () => {
    const other = await freshDatabase('campaign_down');
    // Apply the migrations one at a time, noting the tables before each one's up(): what its down() must leave.
    const tablesBefore: string[][] = [];
    for (const [k, name] of ALL_MIGRATIONS.entries()) {
      const step = await new DataSource({ ...dubanDataSourceOptions(other), migrations: DUBAN_MIGRATIONS.slice(0, k + 1) }).initialize();
      try {
        tablesBefore.push(await publicTables(step));
        expect((await step.runMigrations({ transaction: 'all' })).map((m) => m.name)).toEqual([name]);
      } finally {
        await step.destroy();
      }
    }
    expect(await runMigrations(other)).toEqual([]);
    expect(tablesBefore[ALL_MIGRATIONS.indexOf(CAMPAIGN_LEDGER_MIGRATION)]).toEqual(HAZARD_LEDGER_TABLES);

    const ds = await new DataSource(dubanDataSourceOptions(other)).initialize();
    try {
      // Newest first, down to and including the campaign ledger's, checking the schema after each.
      for (let k = ALL_MIGRATIONS.length - 1; k >= ALL_MIGRATIONS.indexOf(CAMPAIGN_LEDGER_MIGRATION); k--) {
        await ds.undoLastMigration({ transaction: 'all' });
        expect(await appliedMigrations(ds)).toEqual(ALL_MIGRATIONS.slice(0, k));
        const left = await publicTables(ds);
        expect(left).toEqual(tablesBefore[k]);
        expect(left).toEqual(expect.arrayContaining(HAZARD_LEDGER_TABLES));
      }
      expect(await publicTables(ds)).toEqual(HAZARD_LEDGER_TABLES);
      expect(await appliedMigrations(ds)).toEqual([HAZARD_LEDGER_MIGRATION]);
    } finally {
      await ds.destroy();
    }
    expect(await runMigrations(other)).toEqual(CAMPAIGN_MIGRATIONS);
    expect(await runMigrations(other)).toEqual([]);
  });

  // -------------------------------------------------------------------------

  describe('campaigns', () => {
    const units3 = [unit('u-1', 'r-east', 'chem'), unit('u-2', 'r-east', 'build'), unit('u-3', 'r-west')];
    let c1: Campaign;

    it('recordCampaign twice (a retried activity) leaves one event per seq and the projected row', async () => {
      c1 = launch('C-1', units3);
      const input = { ...c1, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY };
      await writer.recordCampaign(input);
      await writer.recordCampaign(input);

      expect(await count(`campaign_event WHERE campaign_id = 'C-1'`)).toBe(1);
      expect(await reader.get('C-1')).toEqual({
        campaignId: 'C-1',
        workflowId: 'campaign-C-1',
        name: '专项行动 C-1',
        kind: 'hundred_day_drive',
        templateId: 'tpl-drive',
        scopeRegions: REGIONS,
        scopeIndustries: INDUSTRIES,
        leadLeader: '张副县长',
        leadDepartment: '县应急管理局',
        unitCount: 3,
        startsAt: iso(0),
        endsAt: iso(60),
        schedule: schedule(),
        phaseExtensions: {},
        status: 'running',
        currentPhaseId: null, // launched the day before the first phase starts
        currentPhase: null,
        launchedBy: { id: 'office-1', name: '王主任' },
        launchedAt: iso(-1),
        closedAt: null,
        version: 1,
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(await reader.snapshot('C-1')).toEqual(c1.state);
      expect(await reader.plan('C-1')).toEqual({
        campaignId: 'C-1',
        template: TEMPLATE,
        startsAt: iso(0),
        phaseExtensions: {},
        hazardPolicy: STANDARD_HAZARD_POLICY,
      });
      expect(await reader.plan('nope')).toBeUndefined();
      expect(await reader.get('nope')).toBeUndefined();
    });

    it('the row follows the newest snapshot; an older one arriving late changes nothing', async () => {
      const enrolled = campaignThen(c1, { type: 'units_enrolled', data: { from: 0, to: 3 }, at: iso(-1), actor: OFFICE, reason: '3 units' });
      const started = campaignThen(enrolled, { type: 'phase_started', data: { phaseId: 'self-check' }, at: iso(10), actor: OFFICE, reason: '自查自纠开始' });
      await writer.recordCampaign({ events: [...enrolled.events, ...started.events], state: started.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
      const row = await reader.get('C-1');
      expect(row).toMatchObject({ version: 3, currentPhaseId: 'self-check', currentPhase: schedule().phases[1] });

      await writer.recordCampaign({ ...c1, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY }); // v1, late
      expect(await reader.get('C-1')).toEqual(row);
      // The same version again is a no-op too (updated_at does not move).
      await writer.recordCampaign({ events: started.events, state: started.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
      expect(await reader.get('C-1')).toEqual(row);
      // An empty batch with the state still finds the last event's time in the log.
      await dataSource.query(`UPDATE campaign SET version = 2, current_phase_id = NULL WHERE campaign_id = 'C-1'`);
      await writer.recordCampaign({ events: [], state: started.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
      expect(await reader.get('C-1')).toMatchObject({ version: 3, currentPhaseId: 'self-check' });
      c1 = { state: started.state, events: [...c1.events, ...enrolled.events, ...started.events] };
    });

    it('batches recorded out of order: the log is complete and launched_at is filled in late', async () => {
      const launched = launch('C-2', units3.slice(0, 1), { startsAt: iso(-20) });
      const enrolled = campaignThen(launched, { type: 'units_enrolled', data: { from: 0, to: 1 }, at: iso(-19), actor: OFFICE, reason: '1 unit' });
      await writer.recordCampaign({ ...enrolled, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
      expect(await reader.get('C-2')).toMatchObject({ version: 2, launchedAt: null });
      await writer.recordCampaign({ ...launched, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
      expect(await reader.get('C-2')).toMatchObject({ version: 2, launchedAt: iso(-1) });
      expect((await reader.events('C-2')).map((e) => [e.seq, e.type])).toEqual([
        [1, 'launched'],
        [2, 'units_enrolled'],
      ]);
      // The plan keeps the launch's own start, whatever the schedule says.
      expect(await reader.plan('C-2')).toMatchObject({ startsAt: iso(-20) });
    });

    it('an extended phase moves the schedule; closing records closed_at and clears the current phase', async () => {
      const by = { amount: 5, unit: 'days' as const };
      const extended = campaignThen(c1, { type: 'phase_extended', data: { phaseId: 'mobilise', by, newEndsAt: iso(15) }, at: iso(12), actor: OFFICE, reason: '延长动员部署' });
      await writer.recordCampaign({ ...extended, schedule: schedule(5), hazardPolicy: STANDARD_HAZARD_POLICY });
      expect(await reader.get('C-1')).toMatchObject({
        version: 4,
        endsAt: iso(65),
        schedule: schedule(5),
        phaseExtensions: { mobilise: [by] },
        currentPhaseId: 'mobilise', // day 12 is in the extended first phase
      });
      expect(await reader.plan('C-1')).toMatchObject({ phaseExtensions: { mobilise: [by] } });

      const closed = campaignThen(extended, { type: 'closed', data: {}, at: iso(40), actor: OFFICE, reason: '活动结束' });
      await writer.recordCampaign({ ...closed, schedule: schedule(5), hazardPolicy: STANDARD_HAZARD_POLICY });
      expect(await reader.get('C-1')).toMatchObject({ version: 5, status: 'closed', closedAt: iso(40), currentPhaseId: null, currentPhase: null });
    });

    it('list filters by status and kind, newest start first, with totals', async () => {
      const sweep = launch('C-3', units3, { template: { ...TEMPLATE, id: 'tpl-sweep', kind: 'hazard_sweep' }, startsAt: iso(30) });
      await writer.recordCampaign({ ...sweep, schedule: schedule(0, 30), hazardPolicy: STANDARD_HAZARD_POLICY });
      const ids = (r: { items: Array<{ campaignId: string }> }) => r.items.map((i) => i.campaignId);
      // C-1 and C-2 share the start of their recorded schedules: then by id.
      expect(ids(await reader.list({}))).toEqual(['C-3', 'C-1', 'C-2']);
      expect(await reader.list({ status: 'closed' })).toMatchObject({ total: 1, items: [{ campaignId: 'C-1' }] });
      expect(ids(await reader.list({ status: 'running' }))).toEqual(['C-3', 'C-2']);
      expect(ids(await reader.list({ kind: 'hazard_sweep' }))).toEqual(['C-3']);
      expect(await reader.list({ limit: 1, offset: 1 })).toMatchObject({ total: 3, items: [{ campaignId: 'C-1' }] });
      expect(await reader.list({ kind: 'safety_month' })).toEqual({ items: [], total: 0 });
    });

    it('a batch for another campaign or past the state is refused before touching the database', async () => {
      const a = launch('C-9', units3);
      const b = launch('C-10', units3);
      await expect(writer.recordCampaign({ events: a.events, state: b.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY })).rejects.toThrow(
        /belongs to campaign C-9, not C-10/,
      );
      const ahead = { ...a.events[0]!, seq: 2 };
      await expect(writer.recordCampaign({ events: [ahead], state: a.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY })).rejects.toThrow(
        /outside 1\.\.1/,
      );
      expect(await count(`campaign WHERE campaign_id IN ('C-9', 'C-10')`)).toBe(0);
      expect(await count(`campaign_event WHERE campaign_id IN ('C-9', 'C-10')`)).toBe(0);
    });
  });

  // -------------------------------------------------------------------------

  describe('roster', () => {
    const regions = ['r-east', 'r-west', 'r-north'];
    const industries = ['chem', 'build', undefined];
    const big = Array.from({ length: 3_000 }, (_, i) => unit(`ent-${String(i).padStart(4, '0')}`, regions[i % 3]!, industries[i % 7 % 3]));
    // Not in id order, so that the roster order is visibly the launch order.
    big.reverse();

    it('saveRoster of 3,000 units, twice: 3,000 rows (batched multi-row inserts)', async () => {
      const t0 = performance.now();
      expect(await writer.saveRoster('R-BIG', big)).toBe(3_000);
      const t1 = performance.now();
      expect(await writer.saveRoster('R-BIG', big)).toBe(3_000);
      const t2 = performance.now();
      console.log(`[campaign ledger] saveRoster, 3,000 units: ${(t1 - t0).toFixed(0)} ms first, ${(t2 - t1).toFixed(0)} ms again (all ignored)`);
      expect(await count(`campaign_unit WHERE campaign_id = 'R-BIG'`)).toBe(3_000);
      expect(await count(`campaign_unit WHERE campaign_id = 'R-BIG' AND status = 'pending' AND version = 0 AND due = 0 AND hazard_ids = '[]'`)).toBe(3_000);
      expect(t1 - t0).toBeLessThan(10_000); // a generous guard: it takes well under a second
    });

    it('loadRosterPage: pages in launch order, stable across reads, covering the roster once', async () => {
      const read = async (limit: number) => {
        const all: ScopeUnit[] = [];
        for (let offset = 0; ; offset += limit) {
          const page = await reader.loadRosterPage('R-BIG', offset, limit);
          all.push(...page);
          if (page.length < limit) return all;
        }
      };
      const by500 = await read(500);
      expect(by500).toEqual(big); // ScopeUnits as given: no industryId key where there is none
      expect(await read(333)).toEqual(big);
      expect(await reader.loadRosterPage('R-BIG', 2_990, 500)).toEqual(big.slice(2_990));
      expect(await reader.loadRosterPage('R-BIG', 3_000, 500)).toEqual([]);
      expect(await reader.loadRosterPage('nope', 0, 10)).toEqual([]);
      await expect(reader.loadRosterPage('R-BIG', 0, 0)).rejects.toThrow(RangeError);
      await expect(reader.loadRosterPage('R-BIG', 0, 50_000)).rejects.toThrow(/1\.\.5000/); // refused, not clamped
      await expect(reader.loadRosterPage('R-BIG', -1, 10)).rejects.toThrow(RangeError);
      expect((await reader.unitIds('R-BIG')).slice(0, 3)).toEqual(big.slice(0, 3).map((u) => u.unitId));
    });

    it('without startIndex units are appended; a unit already there keeps its place', async () => {
      const [a, b, c] = [unit('a', 'r-east'), unit('b', 'r-east'), unit('c', 'r-west')];
      expect(await writer.saveRoster('R-APPEND', [b, a])).toBe(2);
      expect(await writer.saveRoster('R-APPEND', [a, c])).toBe(3);
      expect((await reader.loadRosterPage('R-APPEND', 0, 10)).map((u) => u.unitId)).toEqual(['b', 'a', 'c']);
      expect((await reader.units('R-APPEND')).items.map((u) => [u.unitId, u.rosterIndex])).toEqual([
        ['b', 0],
        ['a', 1],
        ['c', 3],
      ]);
      expect(await writer.saveRoster('R-APPEND', [])).toBe(3);

      // With explicit positions, chunks may be saved in any order.
      expect(await writer.saveRoster('R-CHUNKS', [c], 2)).toBe(1);
      expect(await writer.saveRoster('R-CHUNKS', [a, b], 0)).toBe(3);
      expect((await reader.loadRosterPage('R-CHUNKS', 0, 10)).map((u) => u.unitId)).toEqual(['a', 'b', 'c']);
      await expect(writer.saveRoster('R-CHUNKS', [a], -1)).rejects.toThrow(/startIndex/);
    });
  });

  // -------------------------------------------------------------------------

  describe('units', () => {
    // Campaign U-1 over four units; u-4 never reports (stays pending); u-5 is added later.
    const U = {
      u1: unit('u-1', 'r-east', 'chem'),
      u2: unit('u-2', 'r-east', 'build'),
      u3: unit('u-3', 'r-west', undefined, 'government'),
      u4: unit('u-4', 'r-west', 'chem'),
      u5: unit('u-5', 'r-west', 'build'),
    };
    let u1: Unit;
    let u2: Unit;
    let u3: Unit;

    beforeAll(async () => {
      const c = launch('U-1', [U.u1, U.u2, U.u3, U.u4]);
      await writer.recordCampaign({ ...c, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
      await writer.saveRoster('U-1', [U.u1, U.u2, U.u3, U.u4]);
    });

    it('recordUnit again (a retried activity) adds no events or submissions; the row follows the state', async () => {
      const opened = enrol('U-1', U.u1);
      const day0 = unitThen(opened, dailyReport(opened, 0));
      await writer.recordUnit(both(opened, day0));
      await writer.recordUnit(both(opened, day0));

      const missed = unitThen(day0, {
        type: 'obligation_missed',
        data: { obligationId: 'report:daily:2026-06-02', dueAt: '2026-06-02T09:00:00.000Z' },
        at: '2026-06-02T09:00:00.000Z',
        actor: SYSTEM_ACTOR,
        reason: '一日一报 逾期未报',
      });
      const escalated = unitThen(missed, {
        type: 'escalated',
        data: { stepId: 'reminder-after-1-missed', instrument: 'reminder', missedCount: 1 },
        at: '2026-06-02T09:00:00.000Z',
        actor: SYSTEM_ACTOR,
        reason: '提醒: 1 次未按时报送',
      });
      const late = unitThen(escalated, dailyReport(escalated, 1, { onTime: false, at: afternoon(2) }));
      const inspected = unitThen(late, {
        type: 'inspection_recorded',
        data: { tierId: 'self', checkItemIds: ['c1'], note: '自查完成' },
        at: afternoon(2),
        actor: unitActor('u-1'),
        reason: '自查完成',
      });
      const found = unitThen(
        inspected,
        { type: 'finding_recorded', data: { hazardId: 'HZ-1', title: '消防通道堵塞', grade: 'general' }, at: afternoon(2), actor: unitActor('u-1'), reason: '发现隐患' },
        { type: 'finding_recorded', data: { hazardId: 'HZ-2', title: '配电箱未接地', grade: 'general' }, at: afternoon(2), actor: unitActor('u-1'), reason: '发现隐患' },
      );
      const later = [...missed.events, ...escalated.events, ...late.events, ...inspected.events, ...found.events];
      // A retry after a timeout may resend a superset: old seqs are skipped, new ones added.
      await writer.recordUnit({ events: [...opened.events, ...day0.events, ...later], state: found.state });
      await writer.recordUnit({ events: [...opened.events, ...day0.events, ...later], state: found.state });
      u1 = { state: found.state, events: [...opened.events, ...day0.events, ...later] };

      const seqs = await dataSource.query(`SELECT seq, count(*)::int AS n FROM campaign_event WHERE campaign_id = 'U-1' AND unit_id = 'u-1' GROUP BY seq ORDER BY seq`);
      expect(seqs).toEqual(u1.events.map((e) => ({ seq: e.seq, n: 1 })));
      expect(await count(`campaign_submission WHERE campaign_id = 'U-1' AND unit_id = 'u-1'`)).toBe(2);
      expect((await reader.submissionsFor('U-1', { unitId: 'u-1' })).items).toEqual([
        {
          unitId: 'u-1',
          obligationId: 'report:daily:2026-06-01',
          kind: 'report',
          dueAt: null,
          submittedAt: afternoon(0),
          onTime: true,
          zero: false,
          content: '2026-06-01 排查情况',
          actorId: 'u-1-safety',
        },
        expect.objectContaining({ obligationId: 'report:daily:2026-06-02', onTime: false, submittedAt: afternoon(2) }),
      ]);

      const counters = found.state.counters;
      expect(counters).toMatchObject({ onTime: 1, late: 1, missed: 1, inspections: 1, findings: 2 }); // the fixture is what we think
      expect(await reader.unit('U-1', 'u-1')).toEqual({
        campaignId: 'U-1',
        unitId: 'u-1',
        rosterIndex: 0,
        name: '单位 u-1',
        kind: 'enterprise',
        regionId: 'r-east',
        industryId: 'chem',
        status: 'active',
        enrolledAt: iso(0),
        counters,
        escalationCount: 1,
        lastEscalationInstrument: 'reminder',
        lastEscalatedAt: '2026-06-02T09:00:00.000Z',
        hazardIds: ['HZ-1', 'HZ-2'],
        score: null,
        version: found.state.lastSeq,
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });

    it('an older unit snapshot arriving after a newer one does not overwrite it', async () => {
      const opened = enrol('U-1', U.u2);
      const day0 = unitThen(opened, dailyReport(opened, 0, { zero: true }));
      const day1 = unitThen(day0, dailyReport(day0, 1, { zero: true }));
      await writer.recordUnit(both(both(opened, day0), day1)); // v3 first …
      await writer.recordUnit(opened); // … then v1, late
      await writer.recordUnit(both(opened, day0)); // … and v2, late
      u2 = both(both(opened, day0), day1);
      expect(await reader.unit('U-1', 'u-2')).toMatchObject({ version: 3, counters: { onTime: 2, zeroReports: 2 }, status: 'active' });
      expect(await count(`campaign_submission WHERE campaign_id = 'U-1' AND unit_id = 'u-2' AND zero`)).toBe(2);

      u3 = enrol('U-1', U.u3);
      await writer.recordUnit(u3);
    });

    it('a unit not on the roster yet (added mid-campaign) is inserted by recordUnit, after the roster', async () => {
      const added = enrol('U-1', U.u5, 3);
      await writer.recordUnit(added);
      expect(await reader.unit('U-1', 'u-5')).toMatchObject({ rosterIndex: 4, status: 'active', enrolledAt: iso(3), version: 1, counters: { due: 0 } });
      expect((await reader.loadRosterPage('U-1', 0, 10)).map((u) => u.unitId)).toEqual(['u-1', 'u-2', 'u-3', 'u-4', 'u-5']);
      // Saving the roster again (e.g. the activity retried) neither duplicates nor resets it.
      expect(await writer.saveRoster('U-1', [U.u1, U.u2, U.u3, U.u4, U.u5])).toBe(5);
      expect(await reader.unit('U-1', 'u-5')).toMatchObject({ rosterIndex: 4, status: 'active', version: 1 });
    });

    it('a batch for another unit or campaign is refused before touching the database', async () => {
      const other = enrol('U-1', unit('u-x', 'r-east'));
      await expect(writer.recordUnit({ events: other.events, state: u3.state })).rejects.toThrow(/belongs to unit u-x of campaign U-1, not u-3 of U-1/);
      await expect(writer.recordUnit({ events: [{ ...u3.events[0]!, campaignId: 'U-2' }], state: u3.state })).rejects.toThrow(/campaign U-2/);
      expect(await reader.unit('U-1', 'u-x')).toBeUndefined();
    });

    it('reportsForDay: who reported that CST day, and which active units did not', async () => {
      expect(await reader.reportsForDay('U-1', '2026-06-01')).toEqual({
        date: '2026-06-01',
        received: [
          { unitId: 'u-1', obligationId: 'report:daily:2026-06-01', onTime: true, zero: false, submittedAt: afternoon(0) },
          { unitId: 'u-2', obligationId: 'report:daily:2026-06-01', onTime: true, zero: true, submittedAt: afternoon(0) },
        ],
        // u-4 is pending (no workflow yet), u-5 joined on 06-04.
        missing: ['u-3'],
      });
      expect(await reader.reportsForDay('U-1', '2026-06-02')).toMatchObject({
        received: [
          { unitId: 'u-2', onTime: true, zero: true },
          { unitId: 'u-1', onTime: false, zero: false, submittedAt: afternoon(2) },
        ],
        missing: ['u-3'],
      });
      expect(await reader.reportsForDay('U-1', '2026-06-04')).toMatchObject({ received: [], missing: ['u-1', 'u-2', 'u-3', 'u-5'] });
      await expect(reader.reportsForDay('U-1', '2026-6-1')).rejects.toThrow(RangeError);
      await expect(reader.reportsForDay('U-1', "2026-06-01' OR 1=1")).rejects.toThrow(RangeError);

      expect(await reader.submissionsFor('U-1', { obligationIdPrefix: 'report:daily:2026-06-02' })).toMatchObject({
        total: 2,
        items: [{ unitId: 'u-1' }, { unitId: 'u-2' }],
      });
      expect((await reader.submissionsFor('U-1', { obligationIdPrefix: 'report:' })).total).toBe(4);
      expect((await reader.submissionsFor('U-1', { obligationIdPrefix: 'deliverable:' })).total).toBe(0);
      expect((await reader.submissionsFor('U-1', { obligationIdPrefix: 'report:%' })).total).toBe(0); // no wildcards
    });

    it('units(): filtered pages with counters and totals; unitIds() skips removed and closed units', async () => {
      expect(await reader.units('U-1', {})).toMatchObject({ total: 5 });
      expect((await reader.units('U-1', { status: 'pending' })).items.map((u) => u.unitId)).toEqual(['u-4']);
      expect((await reader.units('U-1', { regionId: 'r-east' })).items.map((u) => [u.unitId, u.counters.onTime])).toEqual([
        ['u-1', 1],
        ['u-2', 2],
      ]);
      expect((await reader.units('U-1', { regionId: 'r-west', industryId: 'chem' })).items.map((u) => u.unitId)).toEqual(['u-4']);
      expect(await reader.units('U-1', { limit: 2, offset: 3 })).toMatchObject({ total: 5, items: [{ unitId: 'u-4' }, { unitId: 'u-5' }] });
      expect(await reader.units('U-1', { status: 'closed' })).toEqual({ items: [], total: 0 });

      const removed = unitThen(u3, { type: 'removed', data: {}, at: iso(5), actor: OFFICE, reason: '不在排查范围' });
      await writer.recordUnit(both(u3, removed));
      u3 = both(u3, removed);
      expect(await reader.unitIds('U-1')).toEqual(['u-1', 'u-2', 'u-4', 'u-5']);
      // A removed unit is no longer owed reports.
      expect((await reader.reportsForDay('U-1', '2026-06-01')).missing).toEqual([]);
    });

    it('coverageRows feed the domain coverage matrix', async () => {
      const rows = await reader.coverageRows('U-1');
      expect(rows).toEqual([
        { unitId: 'u-1', regionId: 'r-east', industryId: 'chem', inspected: true, reporting: true },
        { unitId: 'u-2', regionId: 'r-east', industryId: 'build', inspected: false, reporting: true },
        // u-3 was removed
        { unitId: 'u-4', regionId: 'r-west', industryId: 'chem', inspected: false, reporting: false },
        { unitId: 'u-5', regionId: 'r-west', industryId: 'build', inspected: false, reporting: false },
      ]);
      const matrix = coverageMatrix({ regions: REGIONS, industries: INDUSTRIES }, rows);
      expect(matrix.unitsInspectedRate).toBe(1 / 4);
      expect(matrix.cells).toContainEqual({ regionId: 'r-east', industryId: 'chem', unitsInScope: 1, unitsInspected: 1, unitsReporting: 1 });
    });

    it('hazardCounts and scores join the hazard ledger by campaign and unit', async () => {
      const hazards = new HazardLedgerWriter(dataSource);
      // u-1: HZ-1 signed off on time, HZ-2 signed off late; u-2: HZ-3 open and overdue, HZ-4 major and open;
      // HZ-5 belongs to u-1 but another campaign, HZ-6 to no campaign.
      await hazards.record(signOff(hazard('HZ-1', { campaignId: 'U-1', unitId: 'u-1', deadline: iso(10) }), 4));
      await hazards.record(signOff(hazard('HZ-2', { campaignId: 'U-1', unitId: 'u-1', deadline: iso(3) }), 6));
      const hz3 = hazard('HZ-3', { campaignId: 'U-1', unitId: 'u-2', deadline: iso(2) });
      const overdue = applyHazardEvents(hz3.state, decideDueTimers(hz3.state, days(4)));
      await hazards.record({ state: overdue.state, events: [...hz3.events, ...overdue.events] });
      await hazards.record(hazard('HZ-4', { campaignId: 'U-1', unitId: 'u-2', grade: 'major', deadline: iso(30) }));
      await hazards.record(signOff(hazard('HZ-5', { campaignId: 'OTHER', unitId: 'u-1' }), 1));
      await hazards.record(hazard('HZ-6', { unitId: 'u-1', source: 'inspection' }));

      expect(await reader.hazardCounts('U-1')).toEqual({
        found: 4,
        signedOff: 2,
        signedOffOnTime: 1,
        open: 2,
        rectifying: 0, // both open ones still await a plan
        overdue: 2, // HZ-2 (signed off late) and HZ-3
        overdueOpen: 1,
        listedForSupervision: 1, // HZ-4, major
      });
      expect(await reader.hazardCounts('nope')).toMatchObject({ found: 0, overdue: 0 });

      const scores = await reader.scores('U-1');
      expect(scores.map((s) => [s.unitId, s.status, s.escalations, s.hazards])).toEqual([
        ['u-1', 'active', 1, { found: 2, signedOff: 2, rectifiedOnTime: 1 }],
        ['u-2', 'active', 0, { found: 2, signedOff: 0, rectifiedOnTime: 0 }],
        ['u-3', 'removed', 0, { found: 0, signedOff: 0, rectifiedOnTime: 0 }],
        ['u-4', 'pending', 0, { found: 0, signedOff: 0, rectifiedOnTime: 0 }],
        ['u-5', 'active', 0, { found: 0, signedOff: 0, rectifiedOnTime: 0 }],
      ]);
      expect(scores[0]).toMatchObject({ name: '单位 u-1', regionId: 'r-east', industryId: 'chem', counters: u1.state.counters, recordedScore: null });
      // The rows are what the domain's assessment takes.
      expect(scoreUnit(scores[0]!).hazardsRectifiedOnTimeRate).toBe(0.5);
    });

    it('a closed unit: status closed, no longer signalled', async () => {
      const closed = unitThen(u2, { type: 'closed', data: {}, at: iso(60), actor: SYSTEM_ACTOR, reason: '专项行动结束' });
      await writer.recordUnit(both(u2, closed));
      expect(await reader.unit('U-1', 'u-2')).toMatchObject({ status: 'closed', version: closed.state.lastSeq });
      expect((await reader.scores('U-1'))[1]).toMatchObject({ unitId: 'u-2', status: 'closed' });
      expect(await reader.unitIds('U-1')).toEqual(['u-1', 'u-4', 'u-5']);
    });

    it('escalations and the audit trail', async () => {
      expect(await reader.escalations('U-1')).toEqual([
        {
          unitId: 'u-1',
          seq: 4,
          type: 'escalated',
          at: '2026-06-02T09:00:00.000Z',
          actor: SYSTEM_ACTOR,
          reason: '提醒: 1 次未按时报送',
          data: { stepId: 'reminder-after-1-missed', instrument: 'reminder', missedCount: 1 },
        },
      ]);
      expect(await reader.escalations('U-1', { unitId: 'u-2' })).toEqual([]);

      const trail = await reader.events('U-1');
      expect(trail.map((e) => [e.unitId, e.seq, e.type])).toEqual([
        [null, 1, 'launched'],
        ...u1.events.map((e) => ['u-1', e.seq, e.type]),
        ['u-2', 1, 'enrolled'],
        ['u-2', 2, 'report_submitted'],
        ['u-2', 3, 'report_submitted'],
        ['u-2', 4, 'closed'],
        ['u-3', 1, 'enrolled'],
        ['u-3', 2, 'removed'],
        ['u-5', 1, 'enrolled'],
      ]);
      expect(trail[0]).toMatchObject({ actor: { id: 'office-1', name: '王主任', role: 'office' }, reason: '专项行动 U-1 启动', data: { unitCount: 4 } });
      expect(trail[0]!.actor).not.toHaveProperty('unitId');
      expect((await reader.events('U-1', { unitId: 'u-2' })).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect((await reader.events('U-1', { unitId: null })).map((e) => e.type)).toEqual(['launched']);
      expect(await reader.events('nope')).toEqual([]);
    });
  });

  // -------------------------------------------------------------------------

  describe('a failure mid-transaction writes nothing', () => {
    it('recordCampaign: a bad event among good ones leaves no events and no row', async () => {
      const c = campaignThen(launch('F-1', []), { type: 'units_enrolled', data: { from: 0, to: 0 }, at: iso(-1), actor: OFFICE, reason: 'none' });
      const launched = launch('F-1', []);
      const bad = { ...c.events[0]!, reason: null } as unknown as CampaignEvent; // reason is NOT NULL
      await expect(
        writer.recordCampaign({ events: [...launched.events, bad], state: c.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY }),
      ).rejects.toThrow(/null value in column "reason"/);
      expect(await reader.get('F-1')).toBeUndefined();
      expect(await reader.events('F-1')).toEqual([]);
    });

    it('recordUnit: a bad snapshot after good events rolls back the events and the submissions', async () => {
      await writer.saveRoster('F-2', [unit('f-1', 'r-east')]);
      const opened = enrol('F-2', unit('f-1', 'r-east'));
      await writer.recordUnit(opened);
      const reported = unitThen(opened, dailyReport(opened, 0));
      const badState = { ...reported.state, unit: { ...reported.state.unit, name: null } } as unknown as UnitObligationsState;
      await expect(writer.recordUnit({ events: reported.events, state: badState })).rejects.toThrow(/null value in column "name"/);
      expect(await reader.unit('F-2', 'f-1')).toMatchObject({ version: 1, counters: { onTime: 0 } });
      expect((await reader.events('F-2')).map((e) => e.seq)).toEqual([1]);
      expect(await count(`campaign_submission WHERE campaign_id = 'F-2'`)).toBe(0);
      // The retry with a good snapshot then goes through.
      await writer.recordUnit(reported);
      expect(await reader.unit('F-2', 'f-1')).toMatchObject({ version: 2, counters: { onTime: 1 } });
      expect(await count(`campaign_submission WHERE campaign_id = 'F-2'`)).toBe(1);
    });

    it('saveRoster: a bad unit in a later batch leaves none of the earlier batches', async () => {
      const units = Array.from({ length: 1_200 }, (_, i) => unit(`f-${i}`, 'r-east'));
      units[1_100] = { ...units[1_100]!, regionId: null } as unknown as ScopeUnit; // region_id is NOT NULL
      await expect(writer.saveRoster('F-3', units)).rejects.toThrow(/null value in column "region_id"/);
      expect(await count(`campaign_unit WHERE campaign_id = 'F-3'`)).toBe(0);
    });
  });
});

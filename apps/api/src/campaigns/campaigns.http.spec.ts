import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  applyCampaignEvents,
  applyUnitEvents,
  buildCampaignSchedule,
  decideCampaign,
  decideUnit,
  enrolledUnitState,
  HUNDRED_DAY_DRIVE_TEMPLATE,
  launchedCampaignState,
  phaseAt,
  STANDARD_HAZARD_POLICY,
  type Actor,
  type CampaignCommand,
  type CampaignState,
  type CampaignTemplate,
  type HazardPolicy,
  type ScopeUnit,
  type UnitCommand,
  type UnitObligationsState,
} from '@duban/domain';
import { CampaignLedgerReader, HazardLedgerReader, type CampaignLedgerRow, type CampaignUnitFilter, type CampaignUnitRow } from '@duban/persistence';
import type { CampaignView, CampaignWorkflowInput, UnitView } from '@duban/workflows';
import { auditor, inspector, office, unitA, unitB } from '../testing/actors';
import { FakeTemporal, gatedStarts, type FakeWorkflowHandle } from '../testing/fake-temporal';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { CAMPAIGN_TEMPLATE_STORE, type CampaignTemplateStore, type StoredCampaignTemplate } from './campaign-template-store';
import { CampaignsModule } from './campaigns.module';

/**
 * The campaign HTTP layer over in-memory stand-ins: a fake Temporal client that runs the
 * domain's own decisions (as the workflows' validators and handlers do), an in-memory campaign
 * ledger and template store. The real workflows and PostgreSQL are the end-to-end tests' job.
 */
const SECRET = 'campaign-http-spec-secret';
const NOW = new Date('2026-03-02T08:00:00.000Z'); // 16:00 China Standard Time
const STARTS_AT = '2026-03-02T00:00:00+08:00';

const REGIONS = [
  { id: 'county-east', name: '东城区' },
  { id: 'county-west', name: '西城区' },
];
const INDUSTRIES = [
  { id: 'construction', name: '建筑施工' },
  { id: 'chemicals', name: '危险化学品' },
];
const UNITS: ScopeUnit[] = [
  { unitId: 'unit-a', name: '甲建设集团', kind: 'enterprise', regionId: 'county-east', industryId: 'construction' },
  { unitId: 'unit-b', name: '乙化工公司', kind: 'enterprise', regionId: 'county-west', industryId: 'chemicals' },
  { unitId: 'town-1', name: '东城街道', kind: 'government', regionId: 'county-east' },
];

function launchBody(overrides: Record<string, unknown> = {}, scope: Record<string, unknown> = {}) {
  return {
    name: '2026年春季百日安全生产活动',
    templateId: 'hundred-day-drive',
    scope: { regions: REGIONS, industries: INDUSTRIES, units: UNITS, leadLeader: '分管副市长 王某', leadDepartment: '市应急管理局', ...scope },
    startsAt: STARTS_AT,
    ...overrides,
  };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const CAMPAIGN_COMMAND: Record<string, CampaignCommand['type']> = {
  pauseCampaign: 'pause',
  resumeCampaign: 'resume',
  extendPhase: 'extend_phase',
  addUnit: 'add_unit',
  removeUnit: 'remove_unit',
  closeCampaign: 'close',
};
const UNIT_COMMAND: Record<string, UnitCommand['type']> = {
  submitReport: 'submit_report',
  recordInspection: 'record_inspection',
  recordFinding: 'record_finding',
};

interface FakeCampaign {
  state: CampaignState;
  hazardPolicy: HazardPolicy;
  roster: CampaignUnitRow[];
  units: Map<string, UnitObligationsState>;
}

class InMemoryTemplateStore implements CampaignTemplateStore {
  readonly rows = new Map<string, StoredCampaignTemplate>();
  async list() {
    return [...this.rows.values()];
  }
  async get(id: string) {
    return this.rows.get(id);
  }
  async insert(template: CampaignTemplate, by: Actor) {
    if (this.rows.has(template.id)) return undefined;
    const stored = { template: clone(template), createdBy: by.id, createdAt: NOW.toISOString() };
    this.rows.set(template.id, stored);
    return stored;
  }
}

class FakeCampaignWorld extends FakeTemporal<CampaignWorkflowInput> {
  campaigns = new Map<string, FakeCampaign>();
  unitFilters: CampaignUnitFilter[] = [];
  reportDays: string[] = [];
  templates = new InMemoryTemplateStore();

  private schedule(c: FakeCampaign) {
    return buildCampaignSchedule(c.state.template, new Date(c.state.startsAt), c.state.phaseExtensions);
  }

  view(c: FakeCampaign): CampaignView {
    const schedule = this.schedule(c);
    return { state: c.state, schedule, currentPhase: phaseAt(schedule, NOW), unitsLaunched: c.roster.length };
  }

  private unitView(c: FakeCampaign, state: UnitObligationsState): UnitView {
    return { state, schedule: this.schedule(c), open: [] };
  }

  private rosterRow(campaignId: string, unit: ScopeUnit, index: number): CampaignUnitRow {
    return {
      campaignId,
      unitId: unit.unitId,
      rosterIndex: index,
      name: unit.name,
      kind: unit.kind,
      regionId: unit.regionId,
      industryId: unit.industryId ?? null,
      status: 'active',
      enrolledAt: NOW.toISOString(),
      counters: { due: 0, onTime: 0, late: 0, missed: 0, zeroReports: 0, inspections: 0, findings: 0 },
      escalationCount: 0,
      lastEscalationInstrument: null,
      lastEscalatedAt: null,
      hazardIds: [],
      score: null,
      version: 1,
      updatedAt: NOW.toISOString(),
    };
  }

  /** The workflow handles a test may reach: a campaign's, or one unit's obligations. */
  protected handle(workflowId: string): FakeWorkflowHandle {
    const unitMatch = /^campaign-(.+?)-unit-(.+)$/.exec(workflowId);
    const campaignId = unitMatch ? unitMatch[1] : workflowId.replace(/^campaign-/, '');
    const find = () => {
      const c = this.campaigns.get(campaignId);
      if (!c) throw new WorkflowNotFoundError('workflow not found', workflowId, undefined);
      return c;
    };
    if (unitMatch) {
      const unitId = unitMatch[2];
      const findUnit = () => {
        const c = find();
        const state = c.units.get(unitId);
        if (!state) throw new WorkflowNotFoundError('workflow not found', workflowId, undefined);
        return { c, state };
      };
      return {
        update: async (name, args) => {
          const { c, state } = findUnit();
          const { actor, ...rest } = args[0] as { actor: Actor } & Record<string, unknown>;
          const hazardId = randomUUID();
          const command = (
            name === 'recordFinding'
              ? { type: 'record_finding', actor, hazardId, report: { ...rest, unitId, source: 'campaign' } }
              : { ...rest, actor, type: UNIT_COMMAND[name] }
          ) as UnitCommand;
          const events = decideUnit(state, command, NOW, { template: c.state.template, schedule: this.schedule(c), hazardPolicy: c.hazardPolicy });
          const applied = applyUnitEvents(state, events);
          c.units.set(unitId, applied.state);
          const result = { events: applied.events, view: this.unitView(c, applied.state) };
          return name === 'recordFinding' ? { ...result, hazardId } : result;
        },
        query: async () => {
          const { c, state } = findUnit();
          return this.unitView(c, state);
        },
      };
    }
    return {
      update: async (name, args) => {
        const c = find();
        const command = { ...(args[0] as object), type: CAMPAIGN_COMMAND[name] } as CampaignCommand;
        const events = decideCampaign(c.state, this.schedule(c), command, NOW);
        const applied = applyCampaignEvents(c.state, events);
        c.state = applied.state;
        return { events: applied.events, view: this.view(c) };
      },
      query: async () => this.view(find()),
    };
  }

  protected start(input: CampaignWorkflowInput) {
    const launch = input.launch!;
    const c: FakeCampaign = {
      state: launchedCampaignState(launch, input.launchedBy!),
      hazardPolicy: input.hazardPolicy!,
      roster: launch.scope.units.map((u, i) => this.rosterRow(launch.campaignId, u, i)),
      units: new Map(launch.scope.units.map((u) => [u.unitId, enrolledUnitState(launch.campaignId, u, NOW.toISOString(), false)])),
    };
    this.campaigns.set(launch.campaignId, c);
    return this.view(c);
  }

  private row(c: FakeCampaign): CampaignLedgerRow {
    const schedule = this.schedule(c);
    return {
      campaignId: c.state.campaignId,
      workflowId: `campaign-${c.state.campaignId}`,
      name: c.state.name,
      kind: c.state.template.kind,
      templateId: c.state.template.id,
      scopeRegions: c.state.scope.regions,
      scopeIndustries: c.state.scope.industries,
      leadLeader: c.state.scope.leadLeader,
      leadDepartment: c.state.scope.leadDepartment,
      unitCount: c.state.scope.unitCount,
      startsAt: schedule.startsAt,
      endsAt: schedule.endsAt,
      schedule,
      phaseExtensions: c.state.phaseExtensions,
      status: c.state.status,
      currentPhaseId: null,
      currentPhase: null,
      launchedBy: { id: c.state.launchedBy.id, name: c.state.launchedBy.name },
      launchedAt: NOW.toISOString(),
      closedAt: null,
      version: c.state.lastSeq,
      updatedAt: NOW.toISOString(),
    };
  }

  /** Roster rows with the counters of the unit states (what the ledger writer would project). */
  private rows(c: FakeCampaign): CampaignUnitRow[] {
    return c.roster.map((r) => {
      const state = c.units.get(r.unitId);
      return state ? { ...r, status: state.status, counters: state.counters, hazardIds: state.hazardIds } : r;
    });
  }

  readonly ledger: Partial<CampaignLedgerReader> = {
    get: async (id) => {
      const c = this.campaigns.get(id);
      return c && this.row(c);
    },
    list: async () => {
      const items = [...this.campaigns.values()].map((c) => this.row(c));
      return { items, total: items.length };
    },
    plan: async (id) => {
      const c = this.campaigns.get(id);
      return c && { campaignId: id, template: c.state.template, startsAt: c.state.startsAt, phaseExtensions: c.state.phaseExtensions, hazardPolicy: c.hazardPolicy };
    },
    unit: async (id, unitId) => {
      const c = this.campaigns.get(id);
      return c && this.rows(c).find((r) => r.unitId === unitId);
    },
    units: async (id, filter = {}) => {
      this.unitFilters.push(filter);
      const c = this.campaigns.get(id);
      const items = c ? this.rows(c).filter((r) => (!filter.status || r.status === filter.status) && (!filter.regionId || r.regionId === filter.regionId)) : [];
      return { items, total: items.length };
    },
    reportsForDay: async (id, date) => {
      this.reportDays.push(date);
      const c = this.campaigns.get(id)!;
      const received = this.rows(c).flatMap((r) =>
        Object.entries(c.units.get(r.unitId)?.submissions ?? {})
          .filter(([obligationId]) => obligationId.endsWith(`:${date}`))
          .map(([obligationId, s]) => ({ unitId: r.unitId, obligationId, onTime: s.onTime, zero: s.zero, submittedAt: s.at })),
      );
      return { date, received, missing: c.roster.map((r) => r.unitId).filter((u) => !received.some((x) => x.unitId === u)) };
    },
    coverageRows: async (id) =>
      this.rows(this.campaigns.get(id)!).map((r) => ({
        unitId: r.unitId,
        regionId: r.regionId,
        ...(r.industryId === null ? {} : { industryId: r.industryId }),
        inspected: r.counters.inspections > 0,
        reporting: r.counters.onTime + r.counters.late > 0,
      })),
    scores: async (id) =>
      this.rows(this.campaigns.get(id)!).map((r) => ({
        unitId: r.unitId,
        name: r.name,
        regionId: r.regionId,
        industryId: r.industryId,
        status: r.status,
        counters: r.counters,
        escalations: r.escalationCount,
        hazards: { found: r.hazardIds.length, signedOff: 0, rectifiedOnTime: 0 },
        recordedScore: null,
      })),
    hazardCounts: async () => ({ found: 0, signedOff: 0, signedOffOnTime: 0, open: 0, rectifying: 0, overdue: 0, overdueOpen: 0, listedForSupervision: 0 }),
    escalations: async () => [],
    events: async () => [],
    submissionsFor: async () => ({ items: [], total: 0 }),
  };

  readonly hazards: Partial<HazardLedgerReader> = {
    list: async () => ({ items: [], total: 0 }),
  };
}

const world = new FakeCampaignWorld();

let api: TestApp;

function call(method: string, path: string, actor?: Actor, body?: unknown): Promise<{ status: number; body: any }> {
  return api.call(method, path, actor, body);
}

async function launch(body: object = launchBody()): Promise<string> {
  const res = await call('POST', '/campaigns', office, body);
  expect(res.status).toBe(201);
  return res.body.campaignId;
}

/** The API over `client` and the in-memory world, listening on a free port. */
function startApp(client: unknown, registrationTimeoutMs?: number): Promise<TestApp> {
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client,
    imports: [CampaignsModule],
    overrides: [
      [CampaignLedgerReader, world.ledger],
      [HazardLedgerReader, world.hazards],
      [CAMPAIGN_TEMPLATE_STORE, world.templates],
    ],
    registrationTimeoutMs,
  });
}

beforeAll(async () => {
  api = await startApp(world.client);
});

afterAll(async () => {
  await api?.close();
});

beforeEach(() => {
  world.started.length = 0;
  world.updates.length = 0;
  world.unitFilters.length = 0;
  world.reportDays.length = 0;
});

describe('POST /campaigns (发起专项行动)', () => {
  it('starts campaignWorkflow by name with the campaign id, the task queue and conflict policy FAIL, and answers 201 { campaignId, registered: true, view }', async () => {
    const res = await call('POST', '/campaigns', office, launchBody());
    expect(res.status).toBe(201);
    const { campaignId, view } = res.body;
    expect(Object.keys(res.body).sort()).toEqual(['campaignId', 'registered', 'view']);
    expect(res.body.registered).toBe(true);
    expect(campaignId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(view.state).toMatchObject({ campaignId, status: 'running', scope: { unitCount: 3, leadDepartment: '市应急管理局' } });
    expect(world.started).toHaveLength(1);
    const [start] = world.started;
    expect(start.workflowType).toBe('campaignWorkflow');
    expect(start.options).toMatchObject({ workflowId: `campaign-${campaignId}`, taskQueue: 'duban', workflowIdConflictPolicy: 'FAIL' });
    const [input] = start.options.args as CampaignWorkflowInput[];
    expect(input).toEqual({
      launch: {
        campaignId,
        name: '2026年春季百日安全生产活动',
        template: HUNDRED_DAY_DRIVE_TEMPLATE,
        scope: { regions: REGIONS, industries: INDUSTRIES, units: UNITS, leadLeader: '分管副市长 王某', leadDepartment: '市应急管理局' },
        startsAt: '2026-03-01T16:00:00.000Z',
      },
      launchedBy: office,
      hazardPolicy: STANDARD_HAZARD_POLICY,
    });
  });

  it('accepts a roster of 3,500 units (a body well over the default 100 kB limit)', async () => {
    const units = Array.from({ length: 3500 }, (_, i) => ({
      unitId: `enterprise-${String(i).padStart(5, '0')}`,
      name: `第${i}号企业有限责任公司`,
      kind: 'enterprise',
      regionId: REGIONS[i % 2].id,
      industryId: INDUSTRIES[(i >> 1) % 2].id,
    }));
    const body = launchBody({}, { units });
    expect(JSON.stringify(body).length).toBeGreaterThan(300_000);
    const res = await call('POST', '/campaigns', office, body);
    expect(res.status).toBe(201);
    const [input] = world.started[0].options.args as CampaignWorkflowInput[];
    expect(input.launch!.scope.units).toHaveLength(3500);
    expect(res.body.view.state.scope.unitCount).toBe(3500);
  });

  it('refuses an empty scope, naming scope.units, and starts nothing', async () => {
    const res = await call('POST', '/campaigns', office, launchBody({}, { units: [] }));
    expect(res).toMatchObject({ status: 400, body: { statusCode: 400, error: 'Bad Request', field: 'scope.units' } });
    expect(res.body.message).toMatch(/no unit/);
    expect(world.started).toHaveLength(0);
  });

  it('names the offending unit by its index (scope.units[1].regionId)', async () => {
    const units = [UNITS[0], { ...UNITS[1], regionId: 'county-north' }];
    const res = await call('POST', '/campaigns', office, launchBody({}, { units }));
    expect(res).toMatchObject({ status: 400, body: { field: 'scope.units[1].regionId' } });
  });

  it('refuses an unknown template, naming templateId and listing the known ones', async () => {
    const res = await call('POST', '/campaigns', office, launchBody({ templateId: 'no-such-template' }));
    expect(res).toMatchObject({ status: 400, body: { field: 'templateId' } });
    expect(res.body.message).toMatch(/unknown templateId "no-such-template"; known: hundred-day-drive/);
    const neither = await call('POST', '/campaigns', office, launchBody({ templateId: undefined }));
    expect(neither).toMatchObject({ status: 400, body: { field: 'templateId' } });
    expect(world.started).toHaveLength(0);
  });

  it('checks an inline template like a posted one, errors prefixed template.', async () => {
    const bad = clone(HUNDRED_DAY_DRIVE_TEMPLATE);
    bad.id = 'my-drive';
    bad.phases[1].duration.amount = 0;
    const res = await call('POST', '/campaigns', office, launchBody({ templateId: undefined, template: bad }));
    expect(res).toMatchObject({ status: 400, body: { field: 'template.phases[1].duration.amount' } });

    const typo = clone(HUNDRED_DAY_DRIVE_TEMPLATE) as unknown as { id: string; phases: Array<{ deliverables: Array<Record<string, unknown>> }> };
    typo.id = 'my-drive';
    typo.phases[0].deliverables[0].dueAftr = { amount: 3, unit: 'days' };
    const unknownField = await call('POST', '/campaigns', office, launchBody({ templateId: undefined, template: typo }));
    expect(unknownField).toMatchObject({ status: 400, body: { field: 'template.phases[0].deliverables[0].dueAftr' } });

    const good = { ...clone(HUNDRED_DAY_DRIVE_TEMPLATE), id: 'my-drive', name: '本区百日行动' };
    const ok = await call('POST', '/campaigns', office, launchBody({ templateId: undefined, template: good }));
    expect(ok.status).toBe(201);
    expect(ok.body.view.state.template).toEqual(good);
    expect(world.started).toHaveLength(1);
  });

  it('refuses a start more than a day back, an unknown hazard policy, and fields that are not part of a launch', async () => {
    expect(await call('POST', '/campaigns', office, launchBody({ startsAt: '2026-02-20T00:00:00+08:00' }))).toMatchObject({ status: 400, body: { field: 'startsAt' } });
    expect(await call('POST', '/campaigns', office, launchBody({ hazardPolicyId: 'lenient' }))).toMatchObject({ status: 400, body: { field: 'hazardPolicyId' } });
    expect(await call('POST', '/campaigns', office, launchBody({ launchedBy: office }))).toMatchObject({ status: 400, body: { field: 'launchedBy' } });
    expect(world.started).toHaveLength(0);
  });

  it('is for the office only (403 in the domain\'s words)', async () => {
    const res = await call('POST', '/campaigns', inspector, launchBody());
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('inspector may not launch: campaigns are launched by the safety committee office (安委办)');
    expect((await call('POST', '/campaigns', unitA, launchBody())).status).toBe(403);
    expect(world.started).toHaveLength(0);
  });
});

describe('POST /campaigns when no worker registers the campaign in time (registrationTimeoutMs)', () => {
  const TIMEOUT_MS = 50;
  const temporal = gatedStarts(world.client);
  let slow: TestApp;

  beforeAll(async () => {
    slow = await startApp(temporal.client, TIMEOUT_MS);
  });

  afterAll(async () => {
    await slow?.close();
  });

  beforeEach(() => {
    temporal.mode = 'answer';
    temporal.started.length = 0;
  });

  it('answers 202 { campaignId, registered: false, message } once the timeout passes, leaving the start in place', async () => {
    temporal.mode = 'hang';
    const startedAt = Date.now();
    const res = await slow.call('POST', '/campaigns', office, launchBody());
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(['campaignId', 'message', 'registered']);
    const { campaignId } = res.body;
    expect(campaignId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.registered).toBe(false);
    expect(res.body.message).toBe(
      `campaign ${campaignId} accepted by Temporal; the ledger will show it once a worker has processed it (no worker answered within 0.05 s)`,
    );
    expect(temporal.started).toEqual([`campaign-${campaignId}`]);
  });

  it('still answers 201 registered: true when the registration comes in time', async () => {
    const res = await slow.call('POST', '/campaigns', office, launchBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ registered: true, view: { state: { campaignId: res.body.campaignId, status: 'running' } } });
  });

  it('still maps a start that fails before the timeout to its error status (503 Temporal unreachable, 409 already started)', async () => {
    temporal.mode = 'refuse';
    temporal.refusal = new ServiceError('Failed to start Workflow: 14 UNAVAILABLE: No connection established');
    const unreachable = await slow.call('POST', '/campaigns', office, launchBody());
    expect(unreachable).toMatchObject({ status: 503, body: { statusCode: 503, error: 'Service Unavailable' } });
    expect(unreachable.body.message).toMatch(/^Temporal is unavailable: .*UNAVAILABLE/);
    temporal.refusal = new WorkflowExecutionAlreadyStartedError('Workflow execution already started', 'campaign-x', 'campaignWorkflow');
    const duplicate = await slow.call('POST', '/campaigns', office, launchBody());
    expect(duplicate).toMatchObject({ status: 409, body: { message: 'campaign x already exists' } });
    expect(temporal.started).toHaveLength(2);
  });
});

describe('office decisions (安委办)', () => {
  it('pause, extend a phase, add and remove a unit, close: office only, each with a reason', async () => {
    const id = await launch();
    for (const actor of [inspector, unitA, auditor]) {
      const refused = await call('POST', `/campaigns/${id}/pause`, actor, { reason: '春节' });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(new RegExp(`^${actor.role} may not manage: .*safety committee office`));
    }
    expect(world.updates).toHaveLength(0);

    const paused = await call('POST', `/campaigns/${id}/pause`, office, { reason: '春节假期' });
    expect(paused.status).toBe(201);
    expect(paused.body.events.map((e: { type: string }) => e.type)).toEqual(['paused']);
    expect(paused.body.view.state.status).toBe('paused');
    expect(world.updates.at(-1)).toEqual({ workflowId: `campaign-${id}`, name: 'pauseCampaign', args: [{ reason: '春节假期', actor: office }] });

    expect(await call('POST', `/campaigns/${id}/pause`, office, { reason: 'again' })).toMatchObject({ status: 409 });
    expect(await call('POST', `/campaigns/${id}/resume`, office, {})).toMatchObject({ status: 400, body: { field: 'reason' } });
    expect((await call('POST', `/campaigns/${id}/resume`, office, { reason: '节后恢复' })).status).toBe(201);

    const extended = await call('POST', `/campaigns/${id}/phase-extensions`, office, { phaseId: 'self-inspection', by: { amount: 5, unit: 'days' }, reason: '企业数量多' });
    expect(extended.status).toBe(201);
    expect(extended.body.events[0]).toMatchObject({ type: 'phase_extended', data: { phaseId: 'self-inspection', by: { amount: 5, unit: 'days' } } });
    const badPhase = await call('POST', `/campaigns/${id}/phase-extensions`, office, { phaseId: 'nope', by: { amount: 5, unit: 'days' }, reason: 'x' });
    expect(badPhase).toMatchObject({ status: 400, body: { field: 'phaseId' } });

    const newcomer = { unitId: 'unit-c', name: '丙公司', kind: 'enterprise', regionId: 'county-east', industryId: 'chemicals' };
    const added = await call('POST', `/campaigns/${id}/units`, office, { unit: newcomer, reason: '新纳入' });
    expect(added.status).toBe(201);
    expect(added.body.events[0]).toMatchObject({ type: 'unit_added', data: { unit: newcomer } });
    const again = await call('POST', `/campaigns/${id}/units`, office, { unit: UNITS[0], reason: 'dup' });
    expect(again.status).toBe(409);

    const noReason = await call('DELETE', `/campaigns/${id}/units/unit-b`, office);
    expect(noReason).toMatchObject({ status: 400, body: { field: 'reason' } });
    const removed = await call('DELETE', `/campaigns/${id}/units/unit-b?reason=${encodeURIComponent('已关闭停产')}`, office);
    expect(removed.status).toBe(200);
    expect(removed.body.events[0]).toMatchObject({ type: 'unit_removed', data: { unitId: 'unit-b' }, reason: '已关闭停产' });
    expect((await call('DELETE', `/campaigns/${id}/units/unit-zzz`, office, { reason: 'x' })).status).toBe(404);
    expect((await call('DELETE', `/campaigns/${id}/units/unit-b`, unitB, { reason: 'x' })).status).toBe(403);

    const closed = await call('POST', `/campaigns/${id}/close`, office, { reason: '活动结束' });
    expect(closed.status).toBe(201);
    expect(closed.body.view.state.status).toBe('closed');
    expect((await call('POST', `/campaigns/${id}/resume`, office, { reason: 'x' })).status).toBe(409);
  });

  it('answers 404 for an unknown campaign and 400 for a malformed id', async () => {
    const missing = await call('POST', `/campaigns/${randomUUID()}/pause`, office, { reason: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/^campaign .* not found$/);
    expect(await call('GET', '/campaigns/bad%20id', office)).toMatchObject({ status: 400, body: { field: 'id' } });
  });
});

describe('unit obligations (单位任务)', () => {
  const daily = { obligationId: 'report:daily:2026-03-02', zero: false, content: '今日排查在建项目 3 个, 未发现隐患' };

  it('a unit reports for itself; another unit gets 403 with the reason; an inspector may not report', async () => {
    const id = await launch();
    const other = await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitB, daily);
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('unit unit-b may act only on its own obligations; this is unit unit-a');
    expect((await call('POST', `/campaigns/${id}/units/unit-a/reports`, inspector, daily)).status).toBe(403);
    expect(world.updates).toHaveLength(0);

    const ok = await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, daily);
    expect(ok.status).toBe(201);
    expect(ok.body.events[0]).toMatchObject({ type: 'report_submitted', unitId: 'unit-a', data: { obligationId: daily.obligationId, onTime: true, zero: false } });
    expect(world.updates.at(-1)).toEqual({ workflowId: `campaign-${id}-unit-unit-a`, name: 'submitReport', args: [{ ...daily, actor: unitA }] });

    const twice = await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, daily);
    expect(twice.status).toBe(409);
    const unknownObligation = await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, { ...daily, obligationId: 'report:daily:2030-01-01' });
    expect(unknownObligation).toMatchObject({ status: 400, body: { field: 'obligationId' } });
  });

  it('a unit not on the roster is a 404, checked before the role', async () => {
    const id = await launch();
    const stranger: Actor = { id: 'u-x', name: 'x', role: 'unit', unitId: 'unit-x' };
    const res = await call('POST', `/campaigns/${id}/units/unit-x/reports`, stranger, daily);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`unit unit-x is not in campaign ${id}`);
  });

  it('inspections by an inspector or the unit itself; findings become hazards', async () => {
    const id = await launch();
    const inspection = { tierId: 'county-inspection', checkItemIds: ['responsibility', 'training'], note: '现场检查, 台账齐全' };
    const ok = await call('POST', `/campaigns/${id}/units/unit-a/inspections`, inspector, inspection);
    expect(ok.status).toBe(201);
    expect(ok.body.view.state.counters.inspections).toBe(1);
    expect((await call('POST', `/campaigns/${id}/units/unit-a/inspections`, unitB, inspection)).status).toBe(403);
    expect((await call('POST', `/campaigns/${id}/units/unit-a/inspections`, auditor, inspection)).status).toBe(403);
    const badItem = await call('POST', `/campaigns/${id}/units/unit-a/inspections`, inspector, { ...inspection, checkItemIds: ['nope'] });
    expect(badItem).toMatchObject({ status: 400, body: { field: 'checkItemIds' } });

    const finding = {
      title: '脚手架连墙件缺失',
      description: '3号楼外脚手架连墙件缺失 12 处',
      location: '3号楼',
      industry: '建筑施工',
      grade: 'general',
      finder: '王五',
      deadline: '2026-03-20T00:00:00.000Z',
    };
    const found = await call('POST', `/campaigns/${id}/units/unit-a/findings`, inspector, finding);
    expect(found.status).toBe(201);
    expect(found.body.hazardId).toMatch(/^[0-9a-f-]{36}$/);
    expect(found.body.events[0]).toMatchObject({ type: 'finding_recorded', data: { hazardId: found.body.hazardId, title: finding.title } });
    expect(world.updates.at(-1)).toEqual({ workflowId: `campaign-${id}-unit-unit-a`, name: 'recordFinding', args: [{ ...finding, actor: inspector }] });
    expect(await call('POST', `/campaigns/${id}/units/unit-a/findings`, inspector, { ...finding, grade: 'huge' })).toMatchObject({ status: 400, body: { field: 'grade' } });
  });
});

describe('reads', () => {
  it('GET /campaigns/:id/units forces a unit token to its own row; another unitId is a 403', async () => {
    const id = await launch();
    const mine = await call('GET', `/campaigns/${id}/units`, unitA);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: CampaignUnitRow) => r.unitId)).toEqual(['unit-a']);
    expect(mine.body.total).toBe(1);
    expect(world.unitFilters).toHaveLength(0); // never the campaign-wide list
    const other = await call('GET', `/campaigns/${id}/units?unitId=unit-b`, unitA);
    expect(other.status).toBe(403);
    expect((await call('GET', `/campaigns/${id}/units/unit-b`, unitA)).status).toBe(403);

    const all = await call('GET', `/campaigns/${id}/units?status=active&regionId=county-east&limit=10`, auditor);
    expect(all.status).toBe(200);
    expect(all.body.items.map((r: CampaignUnitRow) => r.unitId)).toEqual(['unit-a', 'town-1']);
    expect(world.unitFilters.at(-1)).toEqual({ status: 'active', regionId: 'county-east', industryId: undefined, limit: 10, offset: undefined });
    expect(await call('GET', `/campaigns/${id}/units?status=asleep`, office)).toMatchObject({ status: 400, body: { field: 'status' } });
  });

  it('GET /campaigns/:id gives the workflow view and the ledger row; GET /campaigns/:id/units/:unitId the unit\'s file', async () => {
    const id = await launch();
    const detail = await call('GET', `/campaigns/${id}`, auditor);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ viewSource: 'workflow', view: { state: { campaignId: id } }, ledger: { campaignId: id, templateId: 'hundred-day-drive' } });
    const unit = await call('GET', `/campaigns/${id}/units/unit-a`, unitA);
    expect(unit.status).toBe(200);
    expect(unit.body).toMatchObject({ viewSource: 'workflow', view: { state: { unit: { unitId: 'unit-a' }, status: 'active' } }, ledger: { unitId: 'unit-a' } });
    expect((await call('GET', `/campaigns/${randomUUID()}`, office)).status).toBe(404);
  });

  it('GET /campaigns/:id/reports defaults to today in China Standard Time and filters a unit to itself', async () => {
    const id = await launch();
    await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, { obligationId: 'report:daily:2026-03-02', zero: true, content: '' });
    const today = await call('GET', `/campaigns/${id}/reports`, office);
    expect(today.status).toBe(200);
    expect(world.reportDays).toEqual(['2026-03-02']);
    expect(today.body.received.map((r: { unitId: string }) => r.unitId)).toEqual(['unit-a']);
    expect(today.body.missing).toEqual(['unit-b', 'town-1']);
    const asB = await call('GET', `/campaigns/${id}/reports?date=2026-03-02`, unitB);
    expect(asB.body).toEqual({
      date: '2026-03-02',
      due: [expect.objectContaining({ id: 'report:daily:2026-03-02', kind: 'report', dueAt: '2026-03-02T09:00:00.000Z' })],
      received: [],
      missing: ['unit-b'],
    });
    // Before the campaign started no report was due: nobody is missing.
    const before = await call('GET', `/campaigns/${id}/reports?date=2026-02-27`, office);
    expect(before.body).toMatchObject({ date: '2026-02-27', due: [], missing: [] });
    expect(await call('GET', `/campaigns/${id}/reports?date=03/02/2026`, office)).toMatchObject({ status: 400, body: { field: 'date' } });
    expect(await call('GET', `/campaigns/${id}/reports?date=2026-02-30`, office)).toMatchObject({ status: 400, body: { field: 'date' } });
  });

  it('coverage, targets, hazards and the assessment', async () => {
    const id = await launch();
    await call('POST', `/campaigns/${id}/units/unit-a/inspections`, inspector, { tierId: 'county-inspection', checkItemIds: [], note: '检查' });
    await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, { obligationId: 'report:daily:2026-03-02', zero: false, content: '正常' });

    const coverage = await call('GET', `/campaigns/${id}/coverage`, office);
    expect(coverage.status).toBe(200);
    expect(coverage.body).toMatchObject({ unitId: null, unitsInspectedRate: 1 / 3, coveredRegionsRate: 0.5 });
    expect(coverage.body.gaps).toEqual(expect.arrayContaining([{ regionId: 'county-west', industryId: 'construction', kind: 'no_units' }]));

    const targets = await call('GET', `/campaigns/${id}/targets`, office);
    expect(targets.status).toBe(200);
    expect(targets.body.targets.map((t: { targetId: string }) => t.targetId)).toEqual(HUNDRED_DAY_DRIVE_TEMPLATE.targets.map((t) => t.id));
    const rectified = targets.body.targets.find((t: { metric: string }) => t.metric === 'hazards_rectified_rate');
    expect(rectified).toMatchObject({ rate: null, met: null, part: 0, whole: 0 });

    const hazards = await call('GET', `/campaigns/${id}/hazards`, unitA);
    expect(hazards.body).toMatchObject({ unitId: 'unit-a', found: 0 });

    const summary = await call('GET', `/campaigns/${id}/summary`, auditor);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ final: false, totals: { unitsAssessed: 3 } });
    expect(summary.body.units.map((u: { rank: number }) => u.rank)).toEqual([1, 1, 1]);
    const own = await call('GET', `/campaigns/${id}/summary`, unitB);
    expect(own.body.units.map((u: { unitId: string }) => u.unitId)).toEqual(['unit-b']);

    expect((await call('GET', `/campaigns/${id}/escalations?unitId=unit-a`, unitB)).status).toBe(403);
    expect((await call('GET', `/campaigns/${id}/events?unitId=unit-a`, unitB)).status).toBe(403);
    expect((await call('GET', `/campaigns/${id}/events`, unitB)).status).toBe(200);
  });
});

describe('campaign templates (专项行动模板)', () => {
  const custom = (): CampaignTemplate => ({ ...clone(HUNDRED_DAY_DRIVE_TEMPLATE), id: `drive-${randomUUID().slice(0, 8)}`, name: '区级百日行动' });

  it('lists the shipped templates and the posted ones', async () => {
    const res = await call('GET', '/campaign-templates', unitA);
    expect(res.status).toBe(200);
    expect(res.body.filter((e: { origin: string }) => e.origin === 'shipped')).toHaveLength(4);
    expect((await call('GET', '/campaign-templates/hundred-day-drive', inspector)).body).toMatchObject({ origin: 'shipped', template: { id: 'hundred-day-drive' } });
    expect((await call('GET', '/campaign-templates/nope', inspector)).status).toBe(404);
  });

  it('refuses a bad template naming the field (phases[1].duration.amount), and unknown nested fields', async () => {
    const bad = custom();
    bad.phases[1].duration.amount = -3;
    const res = await call('POST', '/campaign-templates', office, bad);
    expect(res).toMatchObject({ status: 400, body: { field: 'phases[1].duration.amount' } });
    const typo = custom() as unknown as { reports: Array<Record<string, unknown>> };
    typo.reports[0].cutof = '17:00';
    expect(await call('POST', '/campaign-templates', office, typo)).toMatchObject({ status: 400, body: { field: 'reports[0].cutof' } });
    expect(await call('POST', '/campaign-templates', office, { ...custom(), color: 'red' })).toMatchObject({ status: 400, body: { field: 'color' } });
    expect(world.templates.rows.size).toBe(0);
  });

  it('is for the office only', async () => {
    expect((await call('POST', '/campaign-templates', inspector, custom())).status).toBe(403);
    expect((await call('POST', '/campaign-templates', unitA, custom())).status).toBe(403);
  });

  it('stores a good template (201), refuses its id again or a shipped id (409), and launches with it', async () => {
    const template = custom();
    const created = await call('POST', '/campaign-templates', office, template);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ origin: 'office', template, createdBy: office.id, createdAt: NOW.toISOString() });
    const again = await call('POST', '/campaign-templates', office, { ...template, name: 'other' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already in use/);
    const shipped = await call('POST', '/campaign-templates', office, { ...template, id: 'big-inspection' });
    expect(shipped.status).toBe(409);

    expect((await call('GET', `/campaign-templates/${template.id}`, auditor)).body).toMatchObject({ origin: 'office', template: { id: template.id } });
    const id = await launch(launchBody({ templateId: template.id }));
    const [input] = world.started.at(-1)!.options.args as CampaignWorkflowInput[];
    expect(input.launch).toMatchObject({ campaignId: id, template });
  });
});

describe('OpenAPI', () => {
  it('documents the campaign routes with Chinese terms', async () => {
    const res = await call('GET', '/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/campaign-templates',
        '/campaign-templates/{id}',
        '/campaigns',
        '/campaigns/{id}',
        '/campaigns/{id}/pause',
        '/campaigns/{id}/resume',
        '/campaigns/{id}/phase-extensions',
        '/campaigns/{id}/units',
        '/campaigns/{id}/units/{unitId}',
        '/campaigns/{id}/units/{unitId}/reports',
        '/campaigns/{id}/units/{unitId}/inspections',
        '/campaigns/{id}/units/{unitId}/findings',
        '/campaigns/{id}/close',
        '/campaigns/{id}/reports',
        '/campaigns/{id}/coverage',
        '/campaigns/{id}/targets',
        '/campaigns/{id}/hazards',
        '/campaigns/{id}/escalations',
        '/campaigns/{id}/summary',
        '/campaigns/{id}/events',
      ]),
    );
    const schemas = res.body.components.schemas;
    expect(schemas.ScopeUnitDto.properties.kind.description).toMatch(/enterprise 企业/);
    expect(schemas.CampaignStateView.properties.status.description).toMatch(/paused 已暂停/);
    expect(res.body.paths['/campaigns'].post.summary).toMatch(/发起专项行动/);
    const responses = res.body.paths['/campaigns'].post.responses;
    expect(responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/LaunchCampaignResultView' });
    expect(responses['202'].description).toMatch(/已受理，待登记/);
    expect(responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/LaunchCampaignAcceptedView' });
    expect(schemas.LaunchCampaignAcceptedView.required).toEqual(expect.arrayContaining(['campaignId', 'registered', 'message']));
    expect(schemas.LaunchCampaignAcceptedView.properties.registered).toMatchObject({ type: 'boolean', enum: [false] });
    expect(schemas.LaunchCampaignResultView.properties.registered).toMatchObject({ type: 'boolean', enum: [true] });
  });
});

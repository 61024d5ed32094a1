import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JwtService } from '@nestjs/jwt';
import { ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  applyHazardEvents,
  decideHazard,
  foldOpeningEvents,
  openHazardFile,
  STANDARD_HAZARD_POLICY,
  type Actor,
  type HazardCommand,
  type HazardEvent,
  type HazardState,
} from '@duban/domain';
import { HazardLedgerReader, type HazardLedgerFilter, type HazardLedgerRow } from '@duban/persistence';
import {
  claimCompletionUpdate,
  decideExtensionUpdate,
  reportMonitoringUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  startMonitoringUpdate,
  submitPlanUpdate,
  verifyUpdate,
  type HazardWorkflowInput,
} from '@duban/workflows';
import { signAccessToken } from '../auth/access-token';
import { HealthModule } from '../health/health.module';
import { auditor, inspector, office, unitA, unitB } from '../testing/actors';
import { FakeTemporal, gatedStarts, type FakeWorkflowHandle } from '../testing/fake-temporal';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { HazardsModule } from './hazards.module';

/**
 * The HTTP layer over in-memory stand-ins: a fake Temporal client that runs the domain's own
 * decisions (as the workflow's validators and handlers do) and an in-memory ledger. What the
 * real workflow and PostgreSQL do is covered by the end-to-end tests.
 */
const SECRET = 'http-spec-secret';
const NOW = new Date('2026-03-02T08:00:00.000Z');

const COMMAND_OF: Record<string, HazardCommand['type']> = Object.fromEntries(
  (
    [
      [submitPlanUpdate, 'submit_plan'],
      [reportProgressUpdate, 'report_progress'],
      [claimCompletionUpdate, 'claim_completion'],
      [verifyUpdate, 'verify'],
      [requestExtensionUpdate, 'request_extension'],
      [decideExtensionUpdate, 'decide_extension'],
      [startMonitoringUpdate, 'start_monitoring'],
      [reportMonitoringUpdate, 'report_monitoring'],
    ] as Array<[{ name: string }, HazardCommand['type']]>
  ).map(([def, type]) => [def.name, type]),
);

class InMemoryHazards extends FakeTemporal<HazardWorkflowInput> {
  states = new Map<string, HazardState>();
  closed = new Set<string>();
  listFilters: HazardLedgerFilter[] = [];

  protected start(input: HazardWorkflowInput) {
    const opened = foldOpeningEvents(openHazardFile(input.hazardId, input.report, input.reporter, input.policy, NOW));
    this.states.set(input.hazardId, opened.state);
    return { events: [], state: opened.state };
  }

  protected handle(workflowId: string): FakeWorkflowHandle {
    const hazardId = workflowId.replace(/^hazard-/, '');
    return {
      update: async (name, args) => {
        const state = this.states.get(hazardId);
        if (!state || this.closed.has(hazardId)) throw new WorkflowNotFoundError('workflow execution already completed', workflowId, undefined);
        const events = decideHazard(state, { ...(args[0] as object), type: COMMAND_OF[name] } as HazardCommand, NOW);
        const applied = applyHazardEvents(state, events);
        this.states.set(hazardId, applied.state);
        return applied;
      },
      query: async () => {
        const state = this.states.get(hazardId);
        if (!state) throw new WorkflowNotFoundError('not found', workflowId, undefined);
        return state;
      },
    };
  }

  private row(state: HazardState): HazardLedgerRow {
    return {
      hazardId: state.hazardId,
      workflowId: `hazard-${state.hazardId}`,
      ...state.report,
      campaignId: state.report.campaignId ?? null,
      status: state.status,
      deadline: state.deadline,
      originalDeadline: state.report.deadline,
      reportedAt: state.reportedAt,
      reportedBy: { id: state.reportedBy.id, name: state.reportedBy.name, role: state.reportedBy.role },
      overdue: state.overdue,
      listedForSupervision: state.listedForSupervision,
      underMonitoring: Boolean(state.monitoring),
      extensionsGranted: state.extensionsGranted,
      rejectionCount: state.rejectionCount,
      lastEscalationInstrument: null,
      lastEscalatedAt: null,
      signedOffAt: null,
      policyId: state.policy.id,
      version: state.lastSeq,
      updatedAt: NOW.toISOString(),
    };
  }

  readonly ledger: Partial<HazardLedgerReader> = {
    unitOf: async (id) => this.states.get(id)?.report.unitId,
    get: async (id) => {
      const state = this.states.get(id);
      return state && this.row(state);
    },
    list: async (filter = {}) => {
      this.listFilters.push(filter);
      const items = [...this.states.values()].filter((s) => !filter.unitId || s.report.unitId === filter.unitId).map((s) => this.row(s));
      return { items, total: items.length };
    },
    events: async () => [],
  };
}

const hazards = new InMemoryHazards();

const report = {
  title: '隧道掌子面支护不到位',
  description: '3号隧道掌子面初期支护滞后 12 米',
  location: '3号隧道',
  industry: '建筑施工',
  unitId: 'unit-a',
  grade: 'major',
  source: 'inspection',
  finder: '王五',
  deadline: '2026-04-01T00:00:00.000Z',
};

let api: TestApp;

function call(method: string, path: string, actor?: Actor | string, body?: unknown): Promise<{ status: number; body: any }> {
  return api.call(method, path, actor, body);
}

async function reportHazard(as: Actor = inspector, overrides: object = {}): Promise<string> {
  const res = await call('POST', '/hazards', as, { ...report, ...overrides });
  expect(res.status).toBe(201);
  return res.body.hazardId;
}

/** The API over `client` and the in-memory ledger, listening on a free port. */
function startApp(client: unknown, registrationTimeoutMs?: number): Promise<TestApp> {
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client,
    imports: [HealthModule, HazardsModule],
    overrides: [[HazardLedgerReader, hazards.ledger]],
    registrationTimeoutMs,
  });
}

beforeAll(async () => {
  api = await startApp(hazards.client);
});

afterAll(async () => {
  await api?.close();
});

beforeEach(() => {
  hazards.started.length = 0;
  hazards.updates.length = 0;
  hazards.listFilters.length = 0;
});

describe('authentication (401) and roles (403)', () => {
  it('lets /health through without a token', async () => {
    expect(await call('GET', '/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('refuses a missing, malformed or tampered token with 401 saying so', async () => {
    const missing = await call('GET', '/hazards');
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/missing bearer token/);
    const garbage = await call('GET', '/hazards', 'not-a-jwt');
    expect(garbage.status).toBe(401);
    expect(garbage.body.message).toMatch(/invalid bearer token/);
    const [h, , s] = signAccessToken(unitA, SECRET).split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'u-a', name: 'x', role: 'office' })).toString('base64url');
    const tampered = await call('GET', '/hazards', `${h}.${forgedPayload}.${s}`);
    expect(tampered.status).toBe(401);
    expect(tampered.body.message).toMatch(/invalid signature/);
  });

  it('refuses a unit token without unitId with 401', async () => {
    const token = new JwtService().sign({ sub: 'u', name: 'n', role: 'unit' }, { secret: SECRET, algorithm: 'HS256' });
    const res = await call('GET', '/hazards', token);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/unitId/);
  });

  it('refuses a wrong role with 403 saying who may, in the domain\'s words', async () => {
    const res = await call('POST', '/hazards', auditor, report);
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('auditor may not report: reporting a hazard is for the office, inspectors, or a unit self-reporting');
    const id = await reportHazard();
    const verify = await call('POST', `/hazards/${id}/verification`, unitA, { decision: 'accept', comment: 'ok' });
    expect(verify.status).toBe(403);
    expect(verify.body.message).toMatch(/^unit may not verify: verification \(验收\) is done by the inspecting side or the office/);
    expect(hazards.updates).toEqual([]);
  });
});

describe('POST /hazards', () => {
  it('admits a report, starts the workflow by name with update-with-start, and answers 201 { hazardId, registered: true, state }', async () => {
    const res = await call('POST', '/hazards', inspector, { ...report, policyId: 'standard-2026' });
    expect(res.status).toBe(201);
    const { hazardId, state } = res.body;
    expect(Object.keys(res.body).sort()).toEqual(['hazardId', 'registered', 'state']);
    expect(res.body.registered).toBe(true);
    expect(hazardId).toMatch(/^[0-9a-f-]{36}$/);
    expect(state).toMatchObject({ hazardId, status: 'awaiting_plan', listedForSupervision: true, reportedBy: inspector });
    expect(hazards.started).toHaveLength(1);
    const [start] = hazards.started;
    expect(start.workflowType).toBe('hazardWorkflow');
    expect(start.options).toMatchObject({ workflowId: `hazard-${hazardId}`, taskQueue: 'duban', workflowIdConflictPolicy: 'FAIL' });
    const [input] = start.options.args as HazardWorkflowInput[];
    expect(input).toEqual({ hazardId, report: { ...report }, reporter: inspector, policy: STANDARD_HAZARD_POLICY });
  });

  it('refuses before starting anything: bad deadline, unknown policyId, forged actor, unit reporting for another unit', async () => {
    const past = await call('POST', '/hazards', inspector, { ...report, deadline: '2026-03-01T00:00:00.000Z' });
    expect(past).toMatchObject({ status: 400, body: { field: 'deadline', message: 'deadline must be in the future' } });
    const policy = await call('POST', '/hazards', inspector, { ...report, policyId: 'nope' });
    expect(policy).toMatchObject({ status: 400, body: { field: 'policyId' } });
    expect(policy.body.message).toMatch(/unknown policyId "nope"; known: standard-2026/);
    const forged = await call('POST', '/hazards', inspector, { ...report, actor: office });
    expect(forged).toMatchObject({ status: 400, body: { field: 'actor', message: ['property actor should not exist'] } });
    const other = await call('POST', '/hazards', unitB, report);
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/unit unit-b may act only on its own hazards/);
    expect(hazards.started).toEqual([]);
  });

  it('lets a unit self-report for itself', async () => {
    const res = await call('POST', '/hazards', unitA, { ...report, source: 'self_inspection', grade: 'general' });
    expect(res.status).toBe(201);
    expect(res.body.state.reportedBy).toEqual(unitA);
  });
});

describe('POST /hazards when no worker registers the hazard in time (registrationTimeoutMs)', () => {
  const TIMEOUT_MS = 50;
  const temporal = gatedStarts(hazards.client);
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

  it('answers 202 { hazardId, registered: false, message } once the timeout passes, leaving the start in place', async () => {
    temporal.mode = 'hang';
    const startedAt = Date.now();
    const res = await slow.call('POST', '/hazards', inspector, report);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(['hazardId', 'message', 'registered']);
    const { hazardId } = res.body;
    expect(hazardId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.registered).toBe(false);
    expect(res.body.message).toBe(
      `hazard ${hazardId} accepted by Temporal; the ledger will show it once a worker has processed it (no worker answered within 0.05 s)`,
    );
    expect(temporal.started).toEqual([`hazard-${hazardId}`]);
  });

  it('still answers 201 registered: true when the registration comes in time', async () => {
    const res = await slow.call('POST', '/hazards', inspector, report);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ registered: true, state: { hazardId: res.body.hazardId, status: 'awaiting_plan' } });
  });

  it('still maps a start that fails before the timeout to its error status (503 Temporal unreachable, 409 already started)', async () => {
    temporal.mode = 'refuse';
    temporal.refusal = new ServiceError('Failed to start Workflow: 14 UNAVAILABLE: No connection established');
    const unreachable = await slow.call('POST', '/hazards', inspector, report);
    expect(unreachable).toMatchObject({ status: 503, body: { statusCode: 503, error: 'Service Unavailable' } });
    expect(unreachable.body.message).toMatch(/^Temporal is unavailable: .*UNAVAILABLE/);
    temporal.refusal = new WorkflowExecutionAlreadyStartedError('Workflow execution already started', 'hazard-x', 'hazardWorkflow');
    const duplicate = await slow.call('POST', '/hazards', inspector, report);
    expect(duplicate).toMatchObject({ status: 409, body: { message: 'hazard x already exists' } });
    expect(temporal.started).toHaveLength(2);
  });
});

describe('actions on a hazard', () => {
  it('rejects an :id that is not a UUID with 400 naming id, and an unknown hazard with 404', async () => {
    const bad = await call('POST', '/hazards/abc/progress', unitA, { text: 'x' });
    expect(bad).toMatchObject({ status: 400, body: { field: 'id' } });
    const unknown = await call('POST', '/hazards/0b6f3f5e-7d8a-4b8e-9a55-3f4c2a1d9e10/progress', unitA, { text: 'x' });
    expect(unknown).toMatchObject({ status: 404, body: { message: 'hazard 0b6f3f5e-7d8a-4b8e-9a55-3f4c2a1d9e10 not found' } });
    expect(hazards.updates).toEqual([]);
  });

  it('keeps a unit to its own hazards (403 with the reason, nothing sent to the workflow)', async () => {
    const id = await reportHazard();
    const res = await call('POST', `/hazards/${id}/plan`, unitB, {});
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('unit unit-b may act only on its own hazards; this hazard belongs to unit unit-a');
    expect(hazards.updates).toEqual([]);
  });

  it('reports every missing 五到位 item at once (400, field plan, details.missing)', async () => {
    const id = await reportHazard();
    const res = await call('POST', `/hazards/${id}/plan`, unitA, { responsiblePerson: '张三', measures: '加强支护' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'plan', details: { missing: ['funds', 'deadline', 'contingency'] } });
    expect(res.body.message).toMatch(/五到位/);
  });

  it('sends the action with the token\'s actor and answers { events, state }; a state conflict is 409', async () => {
    const id = await reportHazard();
    const plan = {
      responsiblePerson: '张三',
      measures: '补打锚杆、加密钢拱架',
      funds: { amountYuan: 120000, source: '企业安全生产费用' },
      deadline: '2026-03-20T00:00:00.000Z',
      contingencyPlan: '掌子面停止掘进，专人值守',
    };
    const res = await call('POST', `/hazards/${id}/plan`, unitA, plan);
    expect(res.status).toBe(201);
    expect(res.body.state).toMatchObject({ status: 'rectifying', plan });
    expect(res.body.events.map((e: HazardEvent) => e.type)).toEqual(['plan_submitted']);
    expect(hazards.updates.at(-1)).toEqual({ workflowId: `hazard-${id}`, name: 'submitPlan', args: [{ plan, actor: unitA }] });

    const early = await call('POST', `/hazards/${id}/verification`, inspector, { decision: 'accept', comment: '合格', effectEvaluation: '有效' });
    expect(early).toMatchObject({ status: 409, body: { statusCode: 409, error: 'Conflict' } });
    expect(early.body.message).toMatch(/cannot verify while the hazard is 整改中/);

    const progress = await call('POST', `/hazards/${id}/progress`, unitA, { text: '已完成 60%', percentComplete: 60 });
    expect(progress.status).toBe(201);
    expect(progress.body.state.progressReportCount).toBe(1);
  });

  it('answers 409 once the hazard\'s workflow has closed (销号)', async () => {
    const id = await reportHazard();
    hazards.closed.add(id);
    const res = await call('POST', `/hazards/${id}/progress`, unitA, { text: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/closed \(已销号\)/);
  });
});

describe('reads', () => {
  it('GET /hazards/:id gives the workflow state and the ledger row; another unit gets 403', async () => {
    const id = await reportHazard();
    const res = await call('GET', `/hazards/${id}`, auditor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stateSource: 'workflow', state: { hazardId: id }, ledger: { hazardId: id, unitId: 'unit-a' } });
    expect((await call('GET', `/hazards/${id}`, unitB)).status).toBe(403);
  });

  it('GET /hazards forces a unit\'s own unit and passes the filters', async () => {
    const mine = await call('GET', '/hazards?grade=major', unitA);
    expect(mine.status).toBe(200);
    expect(hazards.listFilters.at(-1)).toMatchObject({ unitId: 'unit-a', grade: 'major' });
    expect(mine.body.items.every((row: HazardLedgerRow) => row.unitId === 'unit-a')).toBe(true);
    expect((await call('GET', '/hazards?unitId=unit-a', unitB)).status).toBe(403);
    const office_ = await call('GET', '/hazards?overdue=true&listed=false&limit=10&offset=5&industry=%E5%BB%BA%E7%AD%91%E6%96%BD%E5%B7%A5', office);
    expect(office_.status).toBe(200);
    expect(hazards.listFilters.at(-1)).toEqual({
      unitId: undefined,
      industry: '建筑施工',
      grade: undefined,
      status: undefined,
      overdue: true,
      listedForSupervision: false,
      campaignId: undefined,
      limit: 10,
      offset: 5,
    });
    const bad = await call('GET', '/hazards?overdue=maybe', office);
    expect(bad).toMatchObject({ status: 400, body: { field: 'overdue' } });
  });
});

describe('OpenAPI', () => {
  it('serves the document at /docs-json with bearer auth and Chinese terms', async () => {
    const res = await call('GET', '/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/hazards',
        '/hazards/escalations',
        '/hazards/summary',
        '/hazards/{id}',
        '/hazards/{id}/events',
        '/hazards/{id}/plan',
        '/hazards/{id}/progress',
        '/hazards/{id}/completion',
        '/hazards/{id}/verification',
        '/hazards/{id}/extension-requests',
        '/hazards/{id}/extension-decision',
        '/hazards/{id}/monitoring',
        '/hazards/{id}/monitoring-reports',
      ]),
    );
    const grade = doc.components.schemas.ReportHazardDto.properties.grade;
    expect(grade.enum).toEqual(['general', 'major']);
    expect(grade.description).toMatch(/general 一般隐患 \| major 重大隐患/);
    expect(doc.components.schemas.ReportHazardDto.properties.deadline.description).toMatch(/^整改期限 \(rectification deadline/);
    expect(doc.components.schemas.HazardStateView.properties.status.description).toMatch(/signed_off 已销号/);
    const responses = doc.paths['/hazards'].post.responses;
    expect(responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ReportHazardResultView' });
    expect(responses['202'].description).toMatch(/已受理，待登记/);
    expect(responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ReportHazardAcceptedView' });
    expect(doc.components.schemas.ReportHazardAcceptedView.required).toEqual(expect.arrayContaining(['hazardId', 'registered', 'message']));
    expect(doc.components.schemas.ReportHazardAcceptedView.properties.registered).toMatchObject({ type: 'boolean', enum: [false] });
    expect(doc.components.schemas.ReportHazardResultView.properties.registered).toMatchObject({ type: 'boolean', enum: [true] });
  });
});

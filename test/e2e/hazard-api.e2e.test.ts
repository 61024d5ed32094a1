import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY, type Actor, type HazardPolicy } from '@duban/domain';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually, type DevServerHarness } from '../support/dev-server';
import { auditor, DAY_MS, fiveInPlacePlan, inspector, office } from '../support/hazard-fixtures';

/**
 * The whole path a user takes — HTTP API → Temporal dev server → worker → PostgreSQL ledger
 * → HTTP API — with nothing faked.
 */
const SECRET = 'e2e-secret';
const run = randomUUID().slice(0, 8);
// Units unique to this run, so ledger filters see only this file's hazards.
const unitA: Actor = { id: 'wang', name: 'A建设公司 王经理', role: 'unit', unitId: `unit-a-${run}` };
const unitB: Actor = { id: 'zhao', name: 'B化工公司 赵经理', role: 'unit', unitId: `unit-b-${run}` };

/** Seconds instead of days: the same ladder shape, to watch it climb in real time. */
const COMPRESSED_POLICY: HazardPolicy = {
  ...STANDARD_HAZARD_POLICY,
  id: 'compressed-e2e',
  name: 'compressed ladder for end-to-end tests',
  escalation: [
    { id: 'reminder', instrument: 'reminder', offset: { amount: -2 / 3600, unit: 'hours' } },
    { id: 'notice', instrument: 'notice', offset: { amount: 0, unit: 'hours' } },
    { id: 'listed', instrument: 'listed_supervision', offset: { amount: 2 / 3600, unit: 'hours' } },
    { id: 'summons', instrument: 'summons', offset: { amount: 4 / 3600, unit: 'hours' } },
  ],
};

let api: ApiHarness;
let dev: DevServerHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET, { hazardPolicies: [STANDARD_HAZARD_POLICY, COMPRESSED_POLICY] });
  dev = api.dev;
});
afterAll(async () => api?.close());

const call: ApiHarness['call'] = (...args) => api.call(...args);

function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '储罐区可燃气体报警器失效',
    description: '2号储罐区4台报警器中2台无响应',
    location: '化工园区B公司储罐区',
    industry: '危险化学品',
    unitId: unitA.unitId,
    grade: 'general',
    source: 'inspection',
    finder: '张工',
    deadline: new Date(Date.now() + 30 * DAY_MS).toISOString(),
    ...overrides,
  };
}

async function reportHazard(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await call(inspector, 'POST', '/hazards', reportBody(overrides));
  expect(created.status).toBe(201);
  return created.body.hazardId;
}

const ledgerCount = async () => (await dev.dataSource.query('select count(*)::int as n from hazard_ledger'))[0].n as number;

describe('hazard ledger through the HTTP API (real Temporal dev server and PostgreSQL)', () => {
  it('takes a hazard from report to 销号, with a rejected verification on the way, and keeps the audit trail', async () => {
    const hazardId = await reportHazard();
    // Read-your-writes: the report is in the PostgreSQL ledger when POST answers.
    const listed = await call(office, 'GET', `/hazards?unitId=${unitA.unitId}&status=awaiting_plan`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((row: any) => row.hazardId)).toContain(hazardId);

    const plan = await call(unitA, 'POST', `/hazards/${hazardId}/plan`, fiveInPlacePlan(Date.now() + 20 * DAY_MS));
    expect(plan.status).toBe(200);
    expect(plan.body.state.status).toBe('rectifying');
    expect(
      (await call(unitA, 'POST', `/hazards/${hazardId}/progress`, { text: '已更换1台', percentComplete: 50, attachments: ['oss://photos/1.jpg'] }))
        .status,
    ).toBe(200);
    expect(
      (await call(unitA, 'POST', `/hazards/${hazardId}/completion`, { summary: '2台报警器已更换并联调', attachments: ['oss://reports/test.pdf'] }))
        .status,
    ).toBe(200);

    const rejected = await call(inspector, 'POST', `/hazards/${hazardId}/verification`, { decision: 'reject', comment: '联动切断阀未测试' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.state).toMatchObject({ status: 'rectifying', rejectionCount: 1 });

    expect((await call(unitA, 'POST', `/hazards/${hazardId}/completion`, { summary: '联动切断阀测试合格' })).status).toBe(200);
    const accepted = await call(inspector, 'POST', `/hazards/${hazardId}/verification`, { decision: 'accept', comment: '复查合格，同意销号' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state.status).toBe('signed_off');

    const detail = await call(auditor, 'GET', `/hazards/${hazardId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.state.status).toBe('signed_off');
    expect(detail.body.ledger).toMatchObject({ status: 'signed_off' });

    const trail = await call(auditor, 'GET', `/hazards/${hazardId}/events`);
    expect(trail.body.next).toBeNull();
    expect(trail.body.items.map((e: any) => [e.seq, e.type, e.actor.role])).toEqual([
      [1, 'reported', 'inspector'],
      [2, 'plan_submitted', 'unit'],
      [3, 'progress_reported', 'unit'],
      [4, 'completion_claimed', 'unit'],
      [5, 'verification_rejected', 'inspector'],
      [6, 'completion_claimed', 'unit'],
      [7, 'signed_off', 'inspector'],
    ]);
    expect(trail.body.items[4]).toMatchObject({ reason: '联动切断阀未测试', actor: { id: inspector.id, name: inspector.name } });
    expect(trail.body.items.every((e: any) => typeof e.at === 'string' && e.reason.length > 0)).toBe(true);

    // Closed: further actions are refused, not lost.
    expect((await call(unitA, 'POST', `/hazards/${hazardId}/progress`, { text: 'late' })).body).toMatchObject({ status: 409, code: 'hazard.closed' });
  });

  it('refuses an incomplete 五到位 plan naming every missing item, and records nothing', async () => {
    const hazardId = await reportHazard();
    const response = await call(unitA, 'POST', `/hazards/${hazardId}/plan`, {
      measures: '更换报警器',
      deadline: new Date(Date.now() + 10 * DAY_MS).toISOString(),
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'hazard.plan.five_in_place_missing',
      field: 'plan',
      missing: ['responsibility', 'funds', 'contingency'],
    });
    expect(response.body.detail).toContain('资金到位');
    expect((await call(office, 'GET', `/hazards/${hazardId}/events`)).body.items.map((e: any) => e.type)).toEqual(['reported']);
  });

  it('keeps unit A and unit B apart: no action, read or listing across units', async () => {
    const hazardId = await reportHazard();
    const plan = await call(unitB, 'POST', `/hazards/${hazardId}/plan`, fiveInPlacePlan(Date.now() + 20 * DAY_MS));
    expect(plan).toMatchObject({ status: 403, body: { code: 'permission.own_unit_only' } });
    expect(plan.body.detail).toMatch(/own hazards/);
    expect((await call(unitB, 'GET', `/hazards/${hazardId}`)).status).toBe(403);
    expect((await call(unitB, 'GET', `/hazards/${hazardId}/events`)).status).toBe(403);
    const ownList = await call(unitB, 'GET', '/hazards');
    expect(ownList.status).toBe(200);
    expect(ownList.body.items.every((row: any) => row.unitId === unitB.unitId)).toBe(true);
    expect((await call(unitB, 'GET', `/hazards?unitId=${unitA.unitId}`)).status).toBe(403);
    // A unit may self-report for itself only.
    expect((await call(unitB, 'POST', '/hazards', reportBody({ source: 'self_inspection' }))).status).toBe(403);
    const self = await call(unitB, 'POST', '/hazards', reportBody({ unitId: unitB.unitId, source: 'self_inspection' }));
    expect(self.status).toBe(201);
    // The auditor reads everything and changes nothing; a unit cannot verify.
    expect((await call(auditor, 'POST', '/hazards', reportBody())).status).toBe(403);
    expect((await call(auditor, 'GET', `/hazards/${hazardId}`)).status).toBe(200);
    expect((await call(unitA, 'POST', `/hazards/${hazardId}/verification`, { decision: 'accept', comment: 'self' })).status).toBe(403);
    expect((await call(undefined, 'GET', '/hazards')).status).toBe(401);
    const events = (await call(office, 'GET', `/hazards/${hazardId}/events`)).body.items;
    expect(events.map((e: any) => e.type)).toEqual(['reported']);
  });

  it('answers bad input with a 4xx naming the problem, and writes nothing', async () => {
    const before = await ledgerCount();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ title: undefined }, 'title', 'request.invalid'],
      [{ grade: 'severe' }, 'grade', 'request.invalid'],
      [{ deadline: new Date(Date.now() - DAY_MS).toISOString() }, 'deadline', 'hazard.deadline.not_in_future'],
      [{ description: '很'.repeat(4001) }, 'description', 'request.invalid'],
      [{ policyId: 'no-such-policy' }, 'policyId', 'hazard.policy.unknown'],
    ];
    for (const [overrides, field, code] of cases) {
      const response = await call(office, 'POST', '/hazards', reportBody(overrides));
      expect(response.status, JSON.stringify(overrides).slice(0, 60)).toBe(400);
      expect(response.body).toMatchObject({ status: 400, title: 'Bad Request', type: `/problems/${code}`, code, field });
    }
    expect(await ledgerCount()).toBe(before);
    expect((await call(office, 'GET', `/hazards/${randomUUID()}`)).body).toMatchObject({ status: 404, code: 'resource.not_found' });
    expect((await call(unitA, 'POST', `/hazards/${randomUUID()}/progress`, { text: 'x' })).status).toBe(404);
    expect((await call(office, 'GET', '/hazards/not-a-uuid')).body).toMatchObject({ status: 400, code: 'request.invalid', field: 'id' });
  });

  it('grants and refuses extensions through the office, keeping every change', async () => {
    const hazardId = await reportHazard();
    const newDeadline = new Date(Date.now() + 40 * DAY_MS).toISOString();
    expect(
      (await call(unitA, 'POST', `/hazards/${hazardId}/extension-requests`, { requestedDeadline: newDeadline, reason: '进口配件到货延迟' })).status,
    ).toBe(200);
    expect((await call(unitA, 'POST', `/hazards/${hazardId}/extension-decision`, { approve: true, reason: 'self' })).status).toBe(403);
    const approved = await call(office, 'POST', `/hazards/${hazardId}/extension-decision`, { approve: true, reason: '情况属实' });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toMatchObject({ deadline: newDeadline, extensionsGranted: 1 });
    expect((await call(office, 'POST', `/hazards/${hazardId}/extension-decision`, { approve: true, reason: 'again' })).body).toMatchObject({
      status: 409,
      code: 'hazard.extension.none_pending',
    });
    const row = (await call(office, 'GET', `/hazards/${hazardId}`)).body.ledger;
    expect(row).toMatchObject({ deadline: newDeadline, extensionsGranted: 1 });
  });

  it('lists hazards by unit, grade and status through Temporal search attributes', async () => {
    const major = await reportHazard({ grade: 'major' });
    const query = `DubanUnitId = '${unitA.unitId}' AND DubanHazardGrade = 'major' AND DubanListedForSupervision = true`;
    const ids = await eventually(async () => {
      const found: string[] = [];
      for await (const execution of dev.client.workflow.list({ query })) found.push(execution.workflowId);
      return found.includes(`hazard-${major}`) && found;
    });
    expect(ids).toEqual([`hazard-${major}`]);
    const ledger = await call(office, 'GET', `/hazards?unitId=${unitA.unitId}&grade=major&listed=true`);
    expect(ledger.body.items.map((row: any) => row.hazardId)).toEqual([major]);
  });

  it('climbs a compressed ladder in real time and shows each rung in the ledger and the escalation list', async () => {
    const hazardId = await reportHazard({ policyId: 'compressed-e2e', unitId: unitB.unitId, deadline: new Date(Date.now() + 4000).toISOString() });
    const escalations = await eventually(async () => {
      const rows = (await call(office, 'GET', `/hazards/escalations?unitId=${unitB.unitId}`)).body.filter((e: any) => e.hazardId === hazardId);
      return rows.length === 4 && rows;
    }, 20_000);
    expect(escalations.map((e: any) => e.data.instrument).sort()).toEqual(['listed_supervision', 'notice', 'reminder', 'summons']);
    const row = (await call(unitB, 'GET', `/hazards/${hazardId}`)).body.ledger;
    expect(row).toMatchObject({ overdue: true, listedForSupervision: true, lastEscalationInstrument: 'summons' });
    const overdueList = await call(office, 'GET', `/hazards?unitId=${unitB.unitId}&overdue=true`);
    expect(overdueList.body.items.map((r: any) => r.hazardId)).toContain(hazardId);
  });
});

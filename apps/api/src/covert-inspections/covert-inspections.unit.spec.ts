import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { auditor, inspector, office, unitA, unitB } from '../testing/actors';
import { InMemoryCovertInspections, startCovertInspectionApp } from '../testing/in-memory-covert-inspections';
import { seededRegistry, type InMemoryRegistry } from '../testing/in-memory-registry';
import { FEEDBACK_RECIPIENTS_SEED } from '../testing/matrix/matrix-callers';
import { NOW } from '../testing/in-memory-hazards';
import { useSpecApp } from '../testing/use-spec-app';

/** The covert-inspection API (明察暗访) over the domain's own decisions: the plan from the registry, hidden until done, the commands. */
const covert = new InMemoryCovertInspections();
let registry: InMemoryRegistry;
const { call } = useSpecApp(
  async () => startCovertInspectionApp(covert, (registry = await seededRegistry(NOW, FEEDBACK_RECIPIENTS_SEED))),
  () => {
    covert.started.length = 0;
    covert.updates.length = 0;
  },
);

const member: Actor = { id: 'i-2', name: '暗访组 李', role: 'inspector' };
const countyGov: Actor = { id: 'u-cg', name: '西湖区政府 值班', role: 'unit', unitId: 'county-gov' };
const department: Actor = { id: 'u-dept', name: '西湖区应急管理局危化科', role: 'unit', unitId: 'dept-chem' };
const nextCountyOffice: Actor = { ...office, id: 'o-next', regionId: '330108' };
const planBody = (seed?: string) => ({
  title: '危化企业安全生产暗访',
  regionId: '330106',
  leader: { accountId: inspector.id, name: inspector.name },
  members: [{ accountId: member.id, name: member.name }],
  ...(seed === undefined ? {} : { seed }),
  stratifyBy: 'none',
  perStratum: 1,
});

async function plan(seed?: string): Promise<{ id: string; sampled: string }> {
  const res = await call('POST', '/covert-inspections', office, planBody(seed));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.headers.get('location')).toBe(`/covert-inspections/${res.body.inspectionId}`);
  return { id: res.body.inspectionId, sampled: res.body.state.sample.unitIds[0] };
}

describe('POST /covert-inspections (暗访计划: 不打招呼、随机抽查)', () => {
  it('draws the sample from the registry’s enterprises in scope; the same seed draws the same unit, and a seed not given is drawn and recorded', async () => {
    const first = await call('POST', '/covert-inspections', office, planBody('seed-2026-07'));
    expect(first.body.state.plan.candidates.map((c: { unitId: string }) => c.unitId)).toEqual(['unit-a', 'unit-b']);
    const again = await call('POST', '/covert-inspections', office, planBody('seed-2026-07'));
    expect(again.body.state.sample.unitIds).toEqual(first.body.state.sample.unitIds);
    expect(again.body.inspectionId).not.toBe(first.body.inspectionId);
    const drawn = await call('POST', '/covert-inspections', office, planBody());
    expect(drawn.body.state.sample.seed).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses other roles and a region outside the office’s territory before any workflow starts', async () => {
    for (const as of [inspector, auditor, unitA])
      expect((await call('POST', '/covert-inspections', as, planBody())).body.code).toBe('permission.role_not_allowed');
    expect((await call('POST', '/covert-inspections', nextCountyOffice, planBody())).body.code).toBe('permission.outside_territory');
    expect(covert.started).toEqual([]);
  });
});

describe('a plan is hidden until done (404, never 403)', () => {
  it('shows it to the office and the team only; the inspected unit, an outside inspector and the auditor get a 404 and no row', async () => {
    const { id, sampled } = await plan();
    const inspected: Actor = sampled === 'unit-a' ? unitA : unitB;
    const outsider: Actor = { id: 'i-9', name: '其他检查组', role: 'inspector' };
    for (const as of [office, inspector, member]) expect((await call('GET', `/covert-inspections/${id}`, as)).status).toBe(200);
    for (const as of [inspected, outsider, auditor]) {
      expect((await call('GET', `/covert-inspections/${id}`, as)).status).toBe(404);
      expect((await call('GET', `/covert-inspections/${id}/events`, as)).status).toBe(404);
      const listed = (await call('GET', '/covert-inspections', as)).body.items.map((r: { inspectionId: string }) => r.inspectionId);
      expect(listed).not.toContain(id);
    }
    const finding = await call('POST', `/covert-inspections/${id}/findings`, outsider, {
      unitId: sampled,
      description: '安全出口堵塞',
      grade: 'general',
    });
    expect(finding.status).toBe(404);
  });
});

describe('findings, the on-site order, feedback and completion', () => {
  it('orders on the spot, has both recipients acknowledge (a third unit refused), then shows the result to the unit inspected', async () => {
    const { id, sampled } = await plan();
    const inspected: Actor = sampled === 'unit-a' ? unitA : unitB;
    const found = await call('POST', `/covert-inspections/${id}/findings`, member, {
      unitId: sampled,
      description: '储罐区可燃气体报警器失效',
      grade: 'major',
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const ordered = await call('POST', `/covert-inspections/${id}/rectification-orders`, inspector, {
      unitId: sampled,
      findingIds: [`${id}:f1`],
      instruction: '立即停用储罐区, 限期修复报警器',
      timeLimit: { amount: 7, unit: 'days' },
    });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(200);
    // The recipients are the registry's: 西湖区's government and its 危化 competent department (直接监管).
    expect(ordered.body.state.orders[0].feedback.map((f: { recipient: string; unitId: string }) => [f.recipient, f.unitId])).toEqual([
      ['county_government', 'county-gov'],
      ['industry_department', 'dept-chem'],
    ]);
    expect(ordered.body.state.listed).toEqual([expect.objectContaining({ findingId: `${id}:f1`, unitId: sampled })]);
    const ack = (as: Actor, recipient: string) =>
      call('POST', `/covert-inspections/${id}/feedback-acknowledgements`, as, { orderId: `${id}:o1`, recipient, acknowledgedBy: as.name });
    expect((await ack(unitB.unitId === sampled ? unitA : unitB, 'county_government')).status).toBe(404);
    expect((await ack(department, 'county_government')).body.code).toBe('covert.feedback.not_recipient');
    expect((await ack(countyGov, 'county_government')).status).toBe(200);
    expect((await ack(department, 'industry_department')).status).toBe(200);
    expect((await ack(department, 'industry_department')).body.code).toBe('covert.feedback.already_acknowledged');

    expect((await call('POST', `/covert-inspections/${id}/completion`, member, { summary: '结束' })).body.code).toBe('covert.team.not_member');
    expect((await call('POST', `/covert-inspections/${id}/completion`, inspector, { summary: '暗访结束, 重大隐患 1 项' })).status).toBe(200);
    const seen = await call('GET', `/covert-inspections/${id}`, inspected);
    expect([seen.status, seen.body.state?.status]).toEqual([200, 'completed']);
    expect((await call('GET', '/covert-inspections', inspected)).body.items.map((r: { inspectionId: string }) => r.inspectionId)).toContain(id);
    expect((await call('GET', `/covert-inspections/${id}`, auditor)).status).toBe(200);
    // A unit not sampled still sees nothing of it.
    const other: Actor = inspected === unitA ? unitB : unitA;
    expect((await call('GET', `/covert-inspections/${id}`, other)).status).toBe(404);
  });
});

describe('暗访曝光 (the exposure list) and its publication', () => {
  it('groups what the completed inspections found per region and industry; the office publishes it once, a retry answering the first', async () => {
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const listed = await call('GET', `/covert-inspections/exposure?from=${period.from}&to=${period.to}`, auditor);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.groups).toEqual([
      expect.objectContaining({
        regionId: '330106001',
        industryId: 'chemicals',
        findings: 1,
        major: 1,
        overdue: 0,
        // A finding that became no hazard (no worker behind this API) is untracked (未跟踪).
        items: [expect.objectContaining({ listed: true, hazardId: null, status: 'untracked' })],
      }),
    ]);
    expect((await call('GET', `/covert-inspections/exposure?from=${period.from}&to=${period.to}`, unitA)).body.code).toBe(
      'permission.role_not_allowed',
    );
    expect((await call('GET', '/covert-inspections/exposure?from=2026-03-31&to=2026-03-01', office)).body).toMatchObject({
      code: 'period.ends_before_start',
      field: 'to',
    });

    const body = { ...period, reason: '3月暗访情况通报' };
    const first = await call('POST', '/covert-inspections/exposure/publications', office, body);
    expect([first.status, first.body.created, first.body.publication.total, first.body.publication.publishedBy.id]).toEqual([
      201,
      true,
      1,
      office.id,
    ]);
    const retry = await call('POST', '/covert-inspections/exposure/publications', office, { ...body, reason: '重复提交' });
    expect([retry.status, retry.body.created, retry.body.publication.reason]).toEqual([200, false, '3月暗访情况通报']);
    expect((await call('POST', '/covert-inspections/exposure/publications', inspector, body)).body.code).toBe('permission.role_not_allowed');
  });
});

// Last: it retires the registry's competent department, which no spec before it may miss.
describe('the feedback’s recipients come from the registry, not the body', () => {
  it('refuses recipients in the body (400), and an order the registry cannot serve with a 422 naming the recipient missing', async () => {
    const { id, sampled } = await plan();
    await call('POST', `/covert-inspections/${id}/findings`, member, { unitId: sampled, description: '安全出口堵塞', grade: 'general' });
    const order = { unitId: sampled, findingIds: [`${id}:f1`], instruction: '立即清理安全出口', timeLimit: { amount: 3, unit: 'days' } };
    const typed = await call('POST', `/covert-inspections/${id}/rectification-orders`, inspector, { ...order, countyGovernmentUnitId: 'county-gov' });
    expect([typed.status, typed.body.code]).toEqual([400, 'request.invalid']);
    registry.put([{ kind: 'competent_department', op: 'retire', id: 'cd-xh-chemicals', reason: '机构改革' }], NOW);
    const refused = await call('POST', `/covert-inspections/${id}/rectification-orders`, inspector, order);
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([
      422,
      'covert.feedback.industry_department_missing',
      'industryDepartmentUnitId',
    ]);
    expect((await call('GET', `/covert-inspections/${id}`, inspector)).body.state.orders).toEqual([]);
  });
});

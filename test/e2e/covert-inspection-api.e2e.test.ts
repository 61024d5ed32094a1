import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { seedCountyRegistry } from '../support/county-registry';
import { inspector, office } from '../support/hazard-fixtures';

/**
 * A covert inspection (明察暗访) from its plan to its end — HTTP API → Temporal dev server →
 * worker → PostgreSQL ledger → HTTP API — with nothing faked: the units in scope from the
 * registry, the sample from its seed, the plan hidden until done.
 */
const SECRET = 'e2e-covert-secret';
const run = randomUUID().slice(0, 8);
const COUNTY = `covert-county-${run}`;
const INDUSTRY = `covert-chem-${run}`;
const UNITS = ['a', 'b', 'c', 'd'].map((s) => `covert-ent-${s}-${run}`);
const member: Actor = { id: `covert-li-${run}`, name: '暗访组 李', role: 'inspector' };
const outsider: Actor = { id: `covert-wang-${run}`, name: '其他检查组 王', role: 'inspector' };
const countyGov: Actor = { id: `covert-cg-${run}`, name: '县政府 值班', role: 'unit', unitId: `covert-gov-${run}` };
const department: Actor = { id: `covert-dept-${run}`, name: '县应急管理局危化科', role: 'unit', unitId: `covert-dept-${run}` };
const unitOf = (unitId: string): Actor => ({ id: `person-${unitId}`, name: `${unitId} 安全员`, role: 'unit', unitId });

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
  await seedCountyRegistry(
    api,
    office,
    {
      prefix: `covert-${run}`,
      countyId: COUNTY,
      industry: { id: INDUSTRY, name: `危化 ${run}` },
      enterprises: UNITS.map((id) => ({ id, name: `化工企业 ${id}` })),
      // The feedback's recipients, as the registry holds them: the county's government and its 危化 department.
      government: { id: countyGov.unitId!, name: `县人民政府 ${run}` },
      department: { id: department.unitId!, name: `县应急管理局危化科 ${run}`, linkId: `covert-cd-${run}` },
    },
    '暗访测试',
  );
});
afterAll(async () => api?.close());

const call: ApiHarness['call'] = (...args) => api.call(...args);
const plan = (seed: string) =>
  call(office, 'POST', '/covert-inspections', {
    title: '危化企业安全生产暗访',
    regionId: COUNTY,
    industryIds: [INDUSTRY],
    leader: { accountId: inspector.id, name: inspector.name },
    members: [{ accountId: member.id, name: member.name }],
    seed,
    stratifyBy: 'none',
    perStratum: 2,
  });

describe('covert inspections through the HTTP API (real Temporal dev server, worker and PostgreSQL)', () => {
  it('plans from the registry with a seed, hides the plan, orders on the spot, has both recipients acknowledge, and shows the result once done', async () => {
    const seed = `seed-${run}`;
    const planned = await plan(seed);
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const id: string = planned.body.inspectionId;
    const sample: string[] = planned.body.state.sample.unitIds;
    expect(sample).toHaveLength(2);
    expect(planned.body.state.plan.candidates.map((c: { unitId: string }) => c.unitId).sort()).toEqual([...UNITS].sort());
    // The same seed over the same units draws the same sample.
    const again = await plan(seed);
    expect(again.body.state.sample.unitIds).toEqual(sample);

    const inspected = unitOf(sample[0]!);
    for (const as of [inspected, outsider]) {
      expect((await call(as, 'GET', `/covert-inspections/${id}`)).status).toBe(404);
      const rows = (await call(as, 'GET', '/covert-inspections')).body.items.map((r: { inspectionId: string }) => r.inspectionId);
      expect(rows).not.toContain(id);
    }
    expect((await call(member, 'GET', `/covert-inspections/${id}`)).body.ledger).toMatchObject({ status: 'planned', sampleSize: 2, seed });

    const found = await call(member, 'POST', `/covert-inspections/${id}/findings`, {
      unitId: sample[0],
      description: '可燃气体报警器失效',
      grade: 'major',
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const ordered = await call(inspector, 'POST', `/covert-inspections/${id}/rectification-orders`, {
      unitId: sample[0],
      findingIds: [`${id}:f1`],
      instruction: '立即停用储罐区, 限期修复报警器',
      timeLimit: { amount: 7, unit: 'days' },
    });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(200);
    // Nobody typed the recipients: the registry's county government and competent department are told.
    expect(ordered.body.state.orders[0].feedback.map((f: { recipient: string; unitId: string }) => [f.recipient, f.unitId])).toEqual([
      ['county_government', countyGov.unitId],
      ['industry_department', department.unitId],
    ]);
    const ack = (as: Actor, recipient: string) =>
      call(as, 'POST', `/covert-inspections/${id}/feedback-acknowledgements`, { orderId: `${id}:o1`, recipient, acknowledgedBy: as.name });
    expect((await ack(unitOf(sample[1]!), 'county_government')).status).toBe(404);
    expect((await ack(countyGov, 'county_government')).status).toBe(200);
    expect((await ack(department, 'industry_department')).status).toBe(200);

    const completed = await call(inspector, 'POST', `/covert-inspections/${id}/completion`, { summary: '暗访结束: 重大隐患 1 项已挂牌督办' });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    const seen = await call(inspected, 'GET', `/covert-inspections/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.ledger).toMatchObject({ status: 'completed', listedMajorHazardCount: 1, openFeedbackCount: 0, overdueFeedbackCount: 0 });
    expect((await call(inspected, 'GET', '/covert-inspections')).body.items.map((r: { inspectionId: string }) => r.inspectionId)).toEqual([id]);
    const trail = await call(inspected, 'GET', `/covert-inspections/${id}/events`);
    expect(trail.body.items.map((e: { type: string }) => e.type)).toEqual([
      'planned',
      'finding_recorded',
      'rectification_ordered',
      'major_hazard_listed',
      'hazard_registered',
      'feedback_acknowledged',
      'feedback_acknowledged',
      'completed',
    ]);
  });
});

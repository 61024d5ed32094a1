import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { covertFindingHazardId, cstDate, type Actor } from '@duban/domain';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { seedCountyRegistry } from '../support/county-registry';
import { inspector, office } from '../support/hazard-fixtures';

/**
 * 暗访发现 → 隐患台账 → 暗访曝光, through the HTTP API with a real worker: the finding an on-site
 * order names becomes a hazard in GET /hazards, and the exposure list reads its rectification
 * from that hazard (整改中 until it is signed off, 已整改 after).
 */
const SECRET = 'e2e-covert-exposure-secret';
const run = randomUUID().slice(0, 8);
const COUNTY = `cx-county-${run}`;
const INDUSTRY = `cx-chem-${run}`;
const UNIT = `cx-ent-${run}`;
const manager: Actor = { id: `cx-manager-${run}`, name: '甲化工 王经理', role: 'unit', unitId: UNIT };

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
  await seedCountyRegistry(
    api,
    office,
    {
      prefix: `cx-${run}`,
      countyId: COUNTY,
      industry: { id: INDUSTRY, name: `危化 ${run}` },
      enterprises: [{ id: UNIT, name: `甲化工有限公司 ${run}` }],
      government: { id: `cx-gov-${run}`, name: `县人民政府 ${run}` },
      department: { id: `cx-dept-${run}`, name: `县应急管理局 ${run}`, linkId: `cx-cd-${run}` },
    },
    '暗访测试',
  );
});
afterAll(async () => api?.close());

const call: ApiHarness['call'] = (...args) => api.call(...args);

/** The hazard ledger is written by the hazard's own workflow, just after the inspection records it: look until it is there. */
async function hazardInLedger(hazardId: string) {
  for (let i = 0; i < 50; i++) {
    const listed = await call(office, 'GET', `/hazards?unitId=${UNIT}`);
    const row = listed.body.items?.find((h: { hazardId: string }) => h.hazardId === hazardId);
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`hazard ${hazardId} never appeared in GET /hazards`);
}

describe('a covert finding’s rectification, tracked in the hazard ledger, in the exposure list (暗访曝光)', () => {
  it('an ordered finding appears in GET /hazards; signed off through the hazard API, its exposure item shows 已整改', async () => {
    const planned = await call(office, 'POST', '/covert-inspections', {
      title: '危化企业暗访',
      regionId: COUNTY,
      industryIds: [INDUSTRY],
      leader: { accountId: inspector.id, name: inspector.name },
      members: [],
      seed: `seed-${run}`,
      stratifyBy: 'none',
      perStratum: 1,
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const id: string = planned.body.inspectionId;
    const found = await call(inspector, 'POST', `/covert-inspections/${id}/findings`, {
      unitId: UNIT,
      description: '消防通道堆放杂物',
      grade: 'general',
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const ordered = await call(inspector, 'POST', `/covert-inspections/${id}/rectification-orders`, {
      unitId: UNIT,
      findingIds: [`${id}:f1`],
      instruction: '立即清理消防通道',
      timeLimit: { amount: 3, unit: 'days' },
    });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(200);
    const hazardId = covertFindingHazardId(`${id}:f1`);
    expect(ordered.body.state.findings[0]).toMatchObject({ findingId: `${id}:f1`, hazardId });

    expect(await hazardInLedger(hazardId)).toMatchObject({
      source: 'covert_inspection',
      grade: 'general',
      unitId: UNIT,
      finder: inspector.name,
      status: 'awaiting_plan',
      deadline: ordered.body.state.orders[0].dueAt,
    });
    const completed = await call(inspector, 'POST', `/covert-inspections/${id}/completion`, { summary: '暗访结束: 一般隐患 1 项' });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);

    const today = cstDate(new Date());
    const item = async () => {
      const list = await call(office, 'GET', `/covert-inspections/exposure?from=${today}&to=${today}&industry=${INDUSTRY}`);
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      return list.body.groups
        .flatMap((g: { items: Array<{ inspectionId: string }> }) => g.items)
        .find((i: { inspectionId: string }) => i.inspectionId === id);
    };
    expect(await item()).toMatchObject({ findingId: `${id}:f1`, hazardId, status: 'rectifying' });

    // 边查边改: the unit claims completion, the inspector verifies it: the hazard is signed off (销号).
    const claimed = await call(manager, 'POST', `/hazards/${hazardId}/completion`, { summary: '通道已清理' });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    const verified = await call(inspector, 'POST', `/hazards/${hazardId}/verification`, { decision: 'accept', comment: '复查合格' });
    expect(verified.body.state?.status, JSON.stringify(verified.body)).toBe('signed_off');
    expect(await item()).toMatchObject({ hazardId, status: 'rectified' });
  });
});

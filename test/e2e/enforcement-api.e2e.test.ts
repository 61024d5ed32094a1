import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { seedCountyRegistry } from '../support/county-registry';
import { auditor, inspector, office } from '../support/hazard-fixtures';

/**
 * Enforcement cases (执法案件) from 立案 to 结案 — HTTP API → Temporal dev server → worker →
 * PostgreSQL ledger → HTTP API — with nothing faked, over units this run puts in the registry:
 * suspension → failed 复产验收 → 关闭取缔; suspension → signatures level by level → resumed;
 * a criminal case closed only once referred and answered (行刑衔接).
 */
const SECRET = 'e2e-enforcement-secret';
const run = randomUUID().slice(0, 8);
const COUNTY = `x-${run}`;
const INDUSTRY = `ind-${run}`;
const [unitA, unitB, unitC] = ['a', 'b', 'c'].map((u): Actor => ({
  id: `boss-${u}-${run}`,
  name: `${u}厂 厂长`,
  role: 'unit',
  unitId: `ent-${u}-${run}`,
}));
const town: Actor = { id: `town-${run}`, name: '某镇政府 刘镇长', role: 'unit', unitId: `town-gov-${run}` };
const department: Actor = { id: `dept-${run}`, name: '县应急管理局 陈局长', role: 'unit', unitId: `county-dept-${run}` };
const LAW = '《安全生产法》第一百一十三条';
// One instant for every filing, so a retry under an Idempotency-Key sends the same request.
const FOUND_AT = new Date(Date.now() - 3_600_000).toISOString();

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
  await seedCountyRegistry(
    api,
    office,
    {
      prefix: run,
      countyId: COUNTY,
      industry: { id: INDUSTRY, name: `非煤矿山 ${run}` },
      enterprises: [unitA, unitB, unitC].map((unit) => ({ id: unit.unitId!, name: `${unit.name} 有限公司` })),
    },
    '登记',
  );
});
afterAll(async () => api?.close());

const call: ApiHarness['call'] = (...args) => api.call(...args);
const post = (as: Actor, id: string, path: string, body: object) => call(as, 'POST', `/enforcement-cases/${id}/${path}`, body);
const types = (res: { body: { events: Array<{ type: string }> } }) => res.body.events.map((e) => e.type);
const ledger = async (query: string) =>
  ((await call(auditor, 'GET', `/enforcement-cases?regionId=${COUNTY}&${query}`)).body.items as Array<{ caseId: string }>).map((r) => r.caseId);

/** 立案 against `unit` by the office (under `key` when given), naming the enterprise, its 法定代表人 and its 实际控制人. */
async function open(unit: Actor, key?: string): Promise<{ status: number; body: any; location: string | null }> {
  const body = {
    unitId: unit.unitId,
    origin: 'inspection',
    violation: {
      description: '重大事故隐患排除前擅自组织生产',
      serious: true,
      foundAt: FOUND_AT,
      legalBasis: LAW,
    },
    respondents: [
      { respondentId: 'r-company', role: 'enterprise', name: `${unit.name} 有限公司` },
      { respondentId: 'r-legal', role: 'legal_representative', name: '王某 (法定代表人)' },
      { respondentId: 'r-controller', role: 'actual_controller', name: '孙某 (实际控制人)' },
    ],
    legalBasis: LAW,
  };
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${signAccessToken(office, SECRET)}`,
    ...(key ? { 'idempotency-key': key } : {}),
  };
  const res = await fetch(`${api.baseUrl}/enforcement-cases`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json(), location: res.headers.get('location') };
}
const suspend = (id: string) => post(office, id, 'suspension', { respondentId: 'r-company', reason: '责令停产整顿', legalBasis: LAW });
const inspect = (id: string, passed: boolean) =>
  post(inspector, id, 'resumption-inspections', {
    passed,
    findings: passed ? '整改到位, 验收合格' : '通风系统仍不符合设计',
    inspectors: ['张队长', '李工'],
  });

describe('enforcement cases through the HTTP API (real Temporal dev server, worker and PostgreSQL)', () => {
  it('opens with three respondents in the registry’s region and industry (a retry starts once), suspends, and closes the unit down after a failed 复产验收', async () => {
    const key = `enf-${run}`;
    const opened = await open(unitA, key);
    expect(opened.status).toBe(201);
    const id: string = opened.body.caseId;
    expect(opened.location).toBe(`/enforcement-cases/${id}`);
    expect(opened.body.state).toMatchObject({
      unitId: unitA.unitId,
      regionId: COUNTY,
      industryId: INDUSTRY,
      opened: { by: office, legalBasis: LAW },
    });
    expect(opened.body.state.respondents.map((r: { role: string }) => r.role)).toEqual(['enterprise', 'legal_representative', 'actual_controller']);
    expect((await open(unitA, key)).body.caseId).toBe(id);
    // Read-your-writes: the ledger row exists when POST answers.
    expect(await ledger(`unitId=${unitA.unitId}`)).toEqual([id]);

    expect((await suspend(id)).body.state.suspension.status).toBe('suspended');
    expect((await post(unitA, id, 'rectification', { summary: '已完成通风系统改造' })).body.state.suspension.status).toBe('rectification_filed');
    expect(types(await inspect(id, false))).toEqual(['resumption_inspected', 'closure_required']);
    const closedDown = await post(office, id, 'closure', { reason: '经停产整顿仍不具备安全生产条件, 一律关闭取缔', legalBasis: LAW });
    expect(closedDown.body.state).toMatchObject({ closure: { afterFailedResumption: true }, suspension: { status: 'closed' } });
    expect((await post(office, id, 'closing', { conclusion: '已关闭取缔', legalBasis: LAW })).body.state.status).toBe('closed');
    expect(await ledger('measure=closure&status=closed')).toEqual([id]);
  });

  it('resumes only after the signature chain level by level, the unit refused its own signature; the trail carries each step’s legal basis', async () => {
    const id: string = (await open(unitB)).body.caseId;
    await suspend(id);
    await post(unitB, id, 'rectification', { summary: '隐患全部整改' });
    expect((await inspect(id, true)).body.state.suspension.status).toBe('awaiting_signatures');
    const sign = (as: Actor, levelId: string) => post(as, id, 'resumption-signatures', { levelId, signer: as.name, opinion: '同意复产' });
    expect(await sign(unitB, 'town')).toMatchObject({ status: 403, body: { code: 'enforcement.resumption.self_signature' } });
    expect(await sign(department, 'county_department')).toMatchObject({
      status: 409,
      body: { code: 'enforcement.resumption.signature_out_of_order' },
    });
    expect((await sign(town, 'town')).status).toBe(200);
    expect((await sign(department, 'county_department')).status).toBe(200);
    const resumed = await sign(office, 'county_government');
    expect(types(resumed)).toEqual(['resumption_signed', 'resumed']);
    expect(await ledger('suspensionStatus=resumed')).toEqual([id]);

    const first = await call(auditor, 'GET', `/enforcement-cases/${id}/events?limit=3`);
    expect(first.body.items.map((e: { type: string; legalBasis: string }) => [e.type, e.legalBasis])).toEqual([
      ['opened', LAW],
      ['suspension_imposed', LAW],
      ['rectification_filed', expect.stringContaining('四个一律')],
    ]);
    const rest = await call(auditor, 'GET', `/enforcement-cases/${id}/events?cursor=${first.body.next}`);
    expect(rest.body.items.map((e: { type: string }) => e.type)).toEqual([
      'resumption_inspected',
      'resumption_signed',
      'resumption_signed',
      'resumption_signed',
      'resumed',
    ]);
    expect(rest.body.next).toBeNull();
  });

  it('lists the passed 复产验收 behind a later major hazard at the unit, with who signed it (疏漏追责), for the office and auditors only', async () => {
    const id: string = (await open(unitB)).body.caseId;
    await suspend(id);
    await post(unitB, id, 'rectification', { summary: '隐患全部整改' });
    expect((await inspect(id, true)).status).toBe(200);
    const hazard = (grade: 'major' | 'general') =>
      call(inspector, 'POST', '/hazards', {
        title: '主通风机无备用',
        description: '主通风机未配备同等能力备用风机',
        location: '主井',
        industry: '非煤矿山',
        unitId: unitB.unitId,
        grade,
        source: 'inspection',
        finder: '王工',
        deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });
    const major = await hazard('major');
    expect(major.status).toBe(201);
    const oversights = await call(auditor, 'GET', `/hazards/${major.body.hazardId}/oversights`);
    expect(oversights.status, JSON.stringify(oversights.body)).toBe(200);
    expect(oversights.body.trigger).toMatchObject({ kind: 'major_hazard', unitId: unitB.unitId });
    expect(oversights.body.items.filter((o: { ref: string }) => o.ref === id)).toEqual([
      expect.objectContaining({
        kind: 'resumption_inspection',
        passed: true,
        signedBy: expect.objectContaining({ id: inspector.id, name: inspector.name }),
        alsoNamed: ['张队长', '李工'],
        why: expect.stringContaining('复产验收通过'),
      }),
    ]);
    expect((await call(unitB, 'GET', `/hazards/${major.body.hazardId}/oversights`)).body.code).toBe('permission.role_not_allowed');
    const general = await hazard('general');
    expect(await call(office, 'GET', `/hazards/${general.body.hazardId}/oversights`)).toMatchObject({
      status: 409,
      body: { code: 'oversight.trigger.not_major' },
    });
  });

  it('refuses 结案 of a criminal case fined only (行刑衔接: 不能以罚代刑) until referred and answered; units read only their own', async () => {
    const id: string = (await open(unitC)).body.caseId;
    await post(inspector, id, 'criminal-flag', { reason: '明知存在重大隐患仍冒险组织作业', legalBasis: '《刑法》第一百三十四条之一' });
    const fine = { respondentId: 'r-legal', amountYuan: 100_000, upperLimitYuan: 100_000, reason: '上限处罚', legalBasis: LAW };
    expect((await post(office, id, 'fine', fine)).body.state.fines).toHaveLength(1);
    const refused = await post(office, id, 'closing', { conclusion: '罚款结案', legalBasis: LAW });
    expect(refused).toMatchObject({ status: 409, body: { code: 'enforcement.close.criminal_not_referred' } });
    expect(refused.body.detail).toMatch(/^行刑衔接: .*涉嫌犯罪.*not referred to the judiciary.*不能有案不移、以罚代刑/);
    await post(office, id, 'judicial-referral', {
      respondentIds: ['r-legal', 'r-controller'],
      receivingAuthority: '县公安局',
      reason: '涉嫌犯罪, 移送',
      legalBasis: '《行政执法机关移送涉嫌犯罪案件的规定》',
    });
    expect((await post(office, id, 'closing', { conclusion: '结案', legalBasis: LAW })).body.code).toBe('enforcement.close.referral_pending');
    await post(office, id, 'referral-outcome', { outcome: 'accepted', decisionRef: '县公安局立案决定书〔2026〕15号', reason: '已立案侦查' });
    expect((await post(office, id, 'closing', { conclusion: '移送司法, 并处上限罚款', legalBasis: LAW })).body.state.status).toBe('closed');
    expect(await ledger(`industryId=${INDUSTRY}&criminal=true&referred=true`)).toEqual([id]);

    expect((await call(unitC, 'GET', `/enforcement-cases/${id}`)).body).toMatchObject({
      stateSource: 'workflow',
      ledger: { criminal: true, fineTotalYuan: 100_000 },
    });
    expect(await call(unitA, 'GET', `/enforcement-cases/${id}`)).toMatchObject({ status: 403, body: { code: 'permission.own_unit_only' } });
    expect(((await call(unitC, 'GET', '/enforcement-cases')).body.items as Array<{ caseId: string }>).map((r) => r.caseId)).toEqual([id]);
  });
});

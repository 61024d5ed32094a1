import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, inspector, office } from '../support/hazard-fixtures';

/**
 * 某一时刻的状态 of an accident's record and of an enforcement case, as the hazard's
 * (as-of-api.e2e.test.ts): what GET answered at several moments of a run, asked again later with
 * `?asOf=` each moment, is the same state (toEqual on the whole answer), folded from the ledger's
 * events with the domain's own evolve. Deadlines lie hours ahead, so no timer records anything
 * between a read and the moment it is taken at.
 */
const SECRET = 'record-as-of-e2e-secret';
const run = randomUUID().slice(0, 8);
const COUNTY = `asof-x-${run}`;
const INDUSTRY = `asof-ind-${run}`;
const LAW = '《安全生产法》第一百一十三条';
const plant: Actor = { id: `wang-${run}`, name: '事故企业 王总', role: 'unit', unitId: `asof-plant-${run}` };
const mine: Actor = { id: `boss-${run}`, name: '某矿 矿长', role: 'unit', unitId: `asof-mine-${run}` };
const stranger: Actor = { id: `zhao-${run}`, name: '他厂 赵总', role: 'unit', unitId: `asof-other-${run}` };

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
  const registry = async (path: string, body: object) => {
    const created = await api.call(office, 'POST', `/registry/${path}`, { ...body, reason: '登记' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  };
  await registry('regions', { id: `asof-p-${run}`, name: `省 ${run}`, level: 'province', parentId: null, code: null });
  await registry('regions', { id: `asof-c-${run}`, name: `市 ${run}`, level: 'city', parentId: `asof-p-${run}`, code: null });
  await registry('regions', { id: COUNTY, name: `县 ${run}`, level: 'county', parentId: `asof-c-${run}`, code: null });
  await registry('industries', { id: INDUSTRY, name: `非煤矿山 ${run}` });
  await registry('units', {
    id: mine.unitId,
    name: '某矿 有限公司',
    kind: 'enterprise',
    regionId: COUNTY,
    industryId: INDUSTRY,
    enterpriseKind: 'ordinary',
    status: 'producing',
    licensed: true,
  });
});
afterAll(async () => api?.close());
const call: ApiHarness['call'] = (...args) => api.call(...args);
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** What `path` answers now, and the moment it answered. */
async function answerNow(actor: Actor, path: string): Promise<{ at: string; body: any }> {
  const answer = await call(actor, 'GET', path);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { at: new Date().toISOString(), body: answer.body };
}

/** Each moment asked again with `?asOf=`: the state then, field by field, from the events. */
async function expectSameAsOf(actor: Actor, path: string, moments: Array<{ at: string; body: any }>): Promise<void> {
  for (const moment of moments) {
    const asOf = await call(actor, 'GET', `${path}?asOf=${encodeURIComponent(moment.at)}`);
    expect(asOf).toEqual({ status: 200, body: { state: moment.body.state, stateSource: 'events', asOf: moment.at } });
  }
}

/** Permissions as the plain read's; before the record opened: 404; a malformed or future moment: 400 naming asOf. */
async function expectRefusals(path: string, openedAt: string, at: string): Promise<void> {
  const plain = await call(stranger, 'GET', path);
  expect(plain.status).toBe(403);
  expect(await call(stranger, 'GET', `${path}?asOf=${encodeURIComponent(at)}`)).toMatchObject({ status: 403, body: { code: plain.body.code } });
  const before = new Date(Date.parse(openedAt) - 1).toISOString();
  expect(await call(auditor, 'GET', `${path}?asOf=${before}`)).toMatchObject({ status: 404, body: { code: 'resource.not_found' } });
  for (const bad of ['yesterday', new Date(Date.now() + 60_000).toISOString()]) {
    expect(await call(auditor, 'GET', `${path}?asOf=${encodeURIComponent(bad)}`)).toMatchObject({ status: 400, body: { field: 'asOf' } });
  }
}

describe('records as of a moment through the HTTP API (real Temporal dev server and PostgreSQL)', () => {
  it('an accident: after its 快报, after a 续报 that raises its grade, after a level received it, after the investigation opened', async () => {
    const reported = await call(plant, 'POST', '/accidents', {
      occurredAt: ago(20 * 60_000),
      regionId: COUNTY,
      location: '污水处理站调节池',
      unitId: plant.unitId,
      industry: '危险化学品',
      sector: 'industry_trade',
      kind: 'poisoning_asphyxiation',
      casualties: { deaths: 2, missing: 0, seriousInjuries: 2, directLossYuan: 3_000_000 },
      livesEndangered: 5,
      account: '清理调节池作业时发生中毒窒息',
      reporter: '王总 (企业主要负责人)',
      reportedAt: ago(10 * 60_000),
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const path = `/accidents/${reported.body.accidentId}`;
    const moments = [await answerNow(auditor, path)];
    const followUp = await call(plant, 'POST', `${path}/follow-ups`, {
      casualties: { deaths: 3, missing: 0, seriousInjuries: 1, directLossYuan: 5_000_000 },
      account: '续报: 一名受伤人员经抢救无效死亡',
      reporter: '王总',
      reportedAt: ago(1000),
    });
    expect(followUp.status, JSON.stringify(followUp.body)).toBe(200);
    moments.push(await answerNow(auditor, path));
    const receipt = await call(office, 'POST', `${path}/chain-reports`, { stepId: 'county-1h', receivedAt: ago(1000), channel: 'written' });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(200);
    moments.push(await answerNow(auditor, path));
    const opened = await call(office, 'POST', `${path}/investigation`, { leader: '市调查组 张组长', members: ['应急局 刘', '公安局 陈'] });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    moments.push(await answerNow(auditor, path));
    expect(moments.map((m) => [m.body.state.grade, m.body.state.chainReceipts.length, m.body.state.investigation?.status ?? null])).toEqual([
      ['general', 0, null],
      ['larger', 0, null],
      ['larger', 1, null],
      ['larger', 1, 'investigating'],
    ]);

    await expectSameAsOf(auditor, path, moments);
    await expectSameAsOf(plant, path, moments.slice(-1));
    await expectRefusals(path, moments[0]!.body.state.recordedAt, moments[0]!.at);
  });

  it('an enforcement case: after 立案, after 停产整顿, after the rectification, after a failed 复产验收', async () => {
    const created = await call(office, 'POST', '/enforcement-cases', {
      unitId: mine.unitId,
      origin: 'inspection',
      violation: { description: '重大事故隐患排除前擅自组织生产', serious: true, foundAt: ago(3_600_000), legalBasis: LAW },
      respondents: [
        { respondentId: 'r-company', role: 'enterprise', name: '某矿 有限公司' },
        { respondentId: 'r-legal', role: 'legal_representative', name: '王某 (法定代表人)' },
      ],
      legalBasis: LAW,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/enforcement-cases/${created.body.caseId}`;
    const post = async (actor: Actor, step: string, body: object) => {
      const answer = await call(actor, 'POST', `${path}/${step}`, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    };
    const moments = [await answerNow(auditor, path)];
    await post(office, 'suspension', { respondentId: 'r-company', reason: '责令停产整顿', legalBasis: LAW });
    moments.push(await answerNow(auditor, path));
    await post(mine, 'rectification', { summary: '已完成通风系统改造' });
    moments.push(await answerNow(auditor, path));
    await post(inspector, 'resumption-inspections', { passed: false, findings: '通风系统仍不符合设计', inspectors: ['张队长', '李工'] });
    moments.push(await answerNow(auditor, path));
    expect(moments.map((m) => m.body.state.suspension?.status ?? null)).toEqual([null, 'suspended', 'rectification_filed', 'closure_required']);

    await expectSameAsOf(auditor, path, moments);
    await expectSameAsOf(mine, path, moments.slice(0, 1));
    await expectRefusals(path, moments[0]!.body.state.opened.at, moments[0]!.at);
  });

  it('a tip-off: after its intake, after a verification that found it unfounded', async () => {
    const taken = await call(office, 'POST', '/tip-offs', {
      channel: 'online',
      informant: '匿名',
      receivedAt: ago(30 * 60_000),
      account: '某矿井下违规组织生产',
      regionId: COUNTY,
      unitId: mine.unitId,
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const path = `/tip-offs/${taken.body.tipOffId}`;
    const moments = [await answerNow(auditor, path)];
    const verified = await call(office, 'POST', `${path}/verification`, {
      verified: false,
      findings: '经核查, 该矿已停产, 举报不属实',
      responsiblePeople: [],
      verifiedBy: '核查组',
      verifiedAt: ago(1000),
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    moments.push(await answerNow(auditor, path));
    expect(moments.map((m) => m.body.state.status)).toEqual(['awaiting_verification', 'not_verified']);

    await expectSameAsOf(auditor, path, moments);
    // The state keeps no time of its intake's recording: the audit trail's first event has it.
    const intake = (await call(auditor, 'GET', `${path}/events?limit=1`)).body.items[0];
    expect(intake.type).toBe('received');
    await expectRefusals(path, intake.at, moments[0]!.at);
  });
});

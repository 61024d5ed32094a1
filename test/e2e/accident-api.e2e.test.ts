import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, DAY_MS, inspector, office } from '../support/hazard-fixtures';

/**
 * An accident from 事故快报 to 结案 under 四不放过 — HTTP API → Temporal dev server → worker →
 * PostgreSQL ledger → HTTP API — with nothing faked; gate 3 through a real hazard signed off (销号)
 * through the hazard API.
 */
const SECRET = 'e2e-accident-secret';
const run = randomUUID().slice(0, 8);
// A unit unique to this run (unknown to the registry: the region is given), so ledger filters see only this file's accidents.
const unitId = `acc-unit-${run}`;
const unit: Actor = { id: `wang-${run}`, name: '事故企业 王总', role: 'unit', unitId };

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
});
afterAll(async () => api?.close());

const call: ApiHarness['call'] = (...args) => api.call(...args);
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR_MS = 3_600_000;
const ledger = async (query: string) =>
  ((await call(auditor, 'GET', `/accidents?unitId=${unitId}&${query}`)).body.items as Array<{ accidentId: string }>).map((r) => r.accidentId);

/** A 较大 (3 deaths) 中毒窒息 accident two hours ago, reported ten minutes after it happened. */
function accidentBody(overrides: Record<string, unknown> = {}) {
  return {
    occurredAt: ago(2 * HOUR_MS),
    regionId: 'county-e2e',
    location: '污水处理站调节池',
    unitId,
    industry: '危险化学品',
    sector: 'industry_trade',
    kind: 'poisoning_asphyxiation',
    casualties: { deaths: 3, missing: 0, seriousInjuries: 2, directLossYuan: 5_000_000 },
    livesEndangered: 5,
    account: '清理调节池作业时发生中毒窒息, 施救人员盲目施救',
    reporter: '王总 (企业主要负责人)',
    reportedAt: ago(2 * HOUR_MS - 600_000),
    ...overrides,
  };
}

/** A general hazard found and fixed on the spot (边查边改), then verified and signed off (销号), through the hazard API. */
async function signedOffHazard(): Promise<string> {
  const hazard = {
    title: '有限空间未设置警示标识',
    description: '污水池入口无警示标识、无通风设备',
    location: '污水处理站',
    industry: '危险化学品',
    unitId,
    grade: 'general',
    source: 'inspection',
    finder: '调查组 张工',
    deadline: new Date(Date.now() + 10 * DAY_MS).toISOString(),
  };
  const created = await call(inspector, 'POST', '/hazards', hazard);
  expect(created.status).toBe(201);
  const hazardId: string = created.body.hazardId;
  expect((await call(unit, 'POST', `/hazards/${hazardId}/completion`, { summary: '已设置警示标识并配备通风设备' })).status).toBe(200);
  const accepted = await call(inspector, 'POST', `/hazards/${hazardId}/verification`, { decision: 'accept', comment: '复查合格，同意销号' });
  expect(accepted.body.state.status).toBe('signed_off');
  return hazardId;
}

describe('accidents through the HTTP API (real Temporal dev server, worker and PostgreSQL)', () => {
  it('reports a 较大 accident, raises it on a 续报, investigates it and closes it only once all four gates hold', async () => {
    const reported = await call(unit, 'POST', '/accidents', accidentBody());
    expect(reported.status).toBe(201);
    const id: string = reported.body.accidentId;
    expect(reported.body.state.grade).toBe('larger');
    // Read-your-writes: the ledger row exists when POST answers.
    expect(await ledger('grade=larger')).toEqual([id]);

    const followUp = await call(unit, 'POST', `/accidents/${id}/follow-ups`, {
      casualties: { deaths: 10, missing: 0, seriousInjuries: 2, directLossYuan: 20_000_000 },
      account: '搜救发现更多遇难人员',
      reporter: '王总',
      reportedAt: ago(HOUR_MS),
    });
    expect(followUp.status).toBe(200);
    expect(followUp.body.events.map((e: { type: string }) => e.type)).toEqual(['follow_up_reported', 'grade_changed']);
    expect(followUp.body.state.grade).toBe('major');
    const receipt = await call(office, 'POST', `/accidents/${id}/chain-reports`, {
      stepId: 'county-1h',
      receivedAt: ago(100 * 60_000),
      channel: 'written',
    });
    expect(receipt.body.state.chainReceipts).toMatchObject([{ stepId: 'county-1h', channel: 'written' }]);

    const opened = await call(office, 'POST', `/accidents/${id}/investigation`, { leader: '省调查组 张组长', members: ['应急厅 刘', '公安厅 陈'] });
    expect(opened.body.state.investigation).toMatchObject({ level: 'province', status: 'investigating' });
    const refused = await call(office, 'POST', `/accidents/${id}/closing`, { authority: '省政府批复' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'accident.gate.open' } });
    expect(refused.body.openGates.map((g: { gate: string }) => g.gate)).toEqual(['cause', 'responsibility', 'rectification', 'education']);
    expect(refused.body.detail).toMatch(/整改措施未落实不放过 \(rectification measures implemented/);
    expect(await ledger('grade=major&openGates=true')).toEqual([id]);

    const person = { person: '王某', position: '企业主要负责人', measure: 'judicial_referral', decidedBy: '省应急管理厅', detail: '移送公安机关' };
    expect((await call(office, 'POST', `/accidents/${id}/responsibilities`, person)).status).toBe(200);
    const session = { heldAt: ago(60_000), topic: '有限空间作业警示教育', attendees: ['班组长 甲', '作业人员 乙'] };
    expect((await call(unit, 'POST', `/accidents/${id}/education-sessions`, session)).status).toBe(200);
    expect(
      (await call(inspector, 'POST', `/accidents/${id}/investigation-report`, { summary: '事故调查报告', causes: '有限空间作业未检测、未通风' }))
        .status,
    ).toBe(200);
    const hazardId = await signedOffHazard();
    const linked = await call(inspector, 'POST', `/accidents/${id}/rectification-hazards`, { hazardId });
    expect(linked.body.state.investigation.hazards).toEqual({ [hazardId]: 'signed_off' });
    for (const gate of ['cause', 'responsibility', 'rectification', 'education']) {
      const closed = await call(office, 'POST', `/accidents/${id}/gates/${gate}/closing`, {
        evidence: '见调查报告及附件',
        person: '省安委办 李主任',
      });
      expect(closed.status, gate).toBe(200);
    }
    const closed = await call(office, 'POST', `/accidents/${id}/closing`, { authority: '省人民政府批复 (省政函〔2026〕45号)' });
    expect(closed.status).toBe(200);

    const detail = await call(auditor, 'GET', `/accidents/${id}`);
    expect(detail.body.state.investigation).toMatchObject({ status: 'closed', closed: { authority: '省人民政府批复 (省政函〔2026〕45号)' } });
    expect(detail.body.ledger).toMatchObject({ grade: 'major', investigationStatus: 'closed', openGates: 0, casualties: { deaths: 10 } });
    expect(await ledger('grade=major&openGates=false&investigationStatus=closed')).toEqual([id]);
    expect(await ledger('openGates=true')).toEqual([]);
    const trail = await call(auditor, 'GET', `/accidents/${id}/events?limit=5`);
    expect(trail.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    // The accident happened hours before its record: the chain's passed deadlines are recorded missing (漏报) as they fall due.
    const whole = await call(auditor, 'GET', `/accidents/${id}/events?limit=100`);
    const told = whole.body.items.map((e: { type: string }) => e.type).filter((type: string) => type !== 'chain_report_missed');
    expect(told.slice(0, 3)).toEqual(['reported', 'follow_up_reported', 'grade_changed']);
    expect(trail.body.next).not.toBeNull();
  });

  it('starts one accident for a 快报 retried under the same Idempotency-Key', async () => {
    const body = accidentBody({ unitId: `${unitId}-idem`, account: '同一快报重发' });
    const send = async () => {
      const headers = {
        'content-type': 'application/json',
        authorization: `Bearer ${signAccessToken(office, SECRET)}`,
        'idempotency-key': `acc-${run}`,
      };
      const response = await fetch(`${api.baseUrl}/accidents`, { method: 'POST', headers, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { accidentId: string } };
    };
    const first = await send();
    const retry = await send();
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.accidentId).toBe(first.body.accidentId);
    const listed = await call(auditor, 'GET', `/accidents?unitId=${unitId}-idem`);
    expect(listed.body.items.map((r: { accidentId: string }) => r.accidentId)).toEqual([first.body.accidentId]);
  });
});

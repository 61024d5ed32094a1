import { describe, expect, it } from 'vitest';
import { inspector, office, unitA, unitB } from '../testing/actors';
import { InMemoryAccidents, reportSampleAccident, startAccidentApp } from '../testing/in-memory-accidents';
import { useSpecApp } from '../testing/use-spec-app';

/** The steps after 快报, each an update of the accident's workflow: 续报, 逐级上报, the investigation and 四不放过. */
const accidents = new InMemoryAccidents();
const spec = useSpecApp(
  () => startAccidentApp(accidents),
  () => {
    accidents.updates.length = 0;
  },
);
const { call } = spec;
const close = (id: string, gate: string) =>
  call('POST', `/accidents/${id}/gates/${gate}/closing`, office, { evidence: '见附件', person: '市安委办 李主任' });

describe('the accident’s steps through HTTP', () => {
  it('raises the grade on a 续报 and records a level’s receipt of the report', async () => {
    const id = await reportSampleAccident(spec.api, unitA, { casualties: { deaths: 2, missing: 0, seriousInjuries: 0, directLossYuan: 100 } });
    const followUp = await call('POST', `/accidents/${id}/follow-ups`, unitA, {
      casualties: { deaths: 10, missing: 0, seriousInjuries: 0, directLossYuan: 100 },
      account: '搜救发现更多遇难人员',
      reporter: '张三',
      reportedAt: '2026-03-02T07:30:00.000Z',
    });
    expect(followUp.status).toBe(200);
    expect(followUp.body.state.grade).toBe('major');
    expect(followUp.body.events.map((e: { type: string }) => e.type)).toEqual(['follow_up_reported', 'grade_changed']);
    const receipt = await call('POST', `/accidents/${id}/chain-reports`, office, {
      stepId: 'county-1h',
      receivedAt: '2026-03-02T06:40:00.000Z',
      channel: 'written',
    });
    expect(receipt.status).toBe(200);
    expect(receipt.body.state.chainReceipts).toMatchObject([{ stepId: 'county-1h', channel: 'written', by: office }]);
    const again = await call('POST', `/accidents/${id}/chain-reports`, office, {
      stepId: 'county-1h',
      receivedAt: '2026-03-02T06:41:00.000Z',
      channel: 'written',
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'accident.chain.already_received' } });
    const byOtherUnit = {
      casualties: { deaths: 1, missing: 0, seriousInjuries: 0, directLossYuan: 0 },
      account: '续报',
      reporter: '钱七',
      reportedAt: '2026-03-02T07:40:00.000Z',
    };
    expect(await call('POST', `/accidents/${id}/follow-ups`, unitB, byOtherUnit)).toMatchObject({
      status: 403,
      body: { code: 'permission.own_unit_only' },
    });
    expect((await call('GET', `/accidents/${id}`, office)).body.state.casualties.deaths).toBe(10);
  });

  it('refuses 结案 while gates are open, naming each in Chinese and English, and closes once all four hold', async () => {
    const id = await reportSampleAccident(spec.api, unitA);
    expect(
      (await call('POST', `/accidents/${id}/investigation`, office, { leader: '张组长', members: ['刘', '陈'] })).body.state.investigation,
    ).toMatchObject({
      level: 'city',
      status: 'investigating',
    });
    const refused = await call('POST', `/accidents/${id}/closing`, office, { authority: '市政府批复' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'accident.gate.open' } });
    expect(refused.body.openGates.map((g: { gate: string }) => g.gate)).toEqual(['cause', 'responsibility', 'rectification', 'education']);
    expect(refused.body.openGates[2]).toMatchObject({ zh: '整改措施未落实不放过', en: expect.stringMatching(/signed off/) });
    expect(refused.body.detail).toMatch(/事故原因未查清不放过.*有关人员未受到教育不放过/);

    expect((await call('POST', `/accidents/${id}/investigation-report`, inspector, { summary: '调查报告', causes: '未检测、未通风' })).status).toBe(
      200,
    );
    const person = { person: '王某', position: '主要负责人', measure: 'judicial_referral', decidedBy: '市应急管理局', detail: '移送公安机关' };
    expect((await call('POST', `/accidents/${id}/responsibilities`, office, person)).status).toBe(200);
    const session = { heldAt: '2026-03-02T07:50:00.000Z', topic: '警示教育', attendees: ['班组长 甲'] };
    expect((await call('POST', `/accidents/${id}/education-sessions`, unitA, session)).status).toBe(200);
    expect(await call('POST', `/accidents/${id}/rectification-hazards`, office, { hazardId: 'h-unknown' })).toMatchObject({ status: 404 });
    accidents.hazards.set('h-vent', { unitId: 'unit-a', status: 'signed_off' });
    const linked = await call('POST', `/accidents/${id}/rectification-hazards`, inspector, { hazardId: 'h-vent' });
    expect(linked.body.state.investigation.hazards).toEqual({ 'h-vent': 'signed_off' });
    for (const gate of ['cause', 'responsibility', 'rectification', 'education']) expect((await close(id, gate)).status).toBe(200);
    const reopened = await call('POST', `/accidents/${id}/gates/education/reopening`, office, { reason: '参加人员不全' });
    expect(reopened.body.state.investigation.gates.education).toMatchObject({ closed: false, reopenCount: 1 });
    expect((await close(id, 'education')).status).toBe(200);
    const closed = await call('POST', `/accidents/${id}/closing`, office, { authority: '市人民政府批复' });
    expect(closed.status).toBe(200);
    expect(closed.body.state.investigation).toMatchObject({ status: 'closed', closed: { by: office, authority: '市人民政府批复' } });
  });

  it('takes over, lists and extends the investigation; refuses a bad gate or id by name, an unknown accident with 404, a role with 403', async () => {
    const id = await reportSampleAccident(spec.api, unitA);
    await call('POST', `/accidents/${id}/investigation`, office, { leader: '张组长', members: [] });
    const taken = await call('POST', `/accidents/${id}/takeover`, office, { level: 'province', reason: '提级调查' });
    expect(taken.body.state.investigation.level).toBe('province');
    const listed = await call('POST', `/accidents/${id}/listing`, office, {
      committeeLevel: 'state_council',
      orderRef: '安委办〔2026〕1号',
      reason: '挂牌督办',
    });
    expect(listed.body.state.investigation.listing).toMatchObject({ committeeLevel: 'state_council' });
    const extended = await call('POST', `/accidents/${id}/report-deadline-extensions`, office, {
      days: 30,
      approval: '省政府批准',
      reason: '技术鉴定',
    });
    expect(extended.body.state.investigation.extension).toMatchObject({ days: 30 });
    expect(await call('POST', `/accidents/${id}/report-deadline-extensions`, office, { days: 61, approval: '批准', reason: '再延' })).toMatchObject({
      status: 409,
    });
    expect(await close(id, 'luck')).toMatchObject({ status: 400, body: { field: 'gate' } });
    expect(await call('GET', '/accidents/not-a-uuid', office)).toMatchObject({ status: 400, body: { field: 'id' } });
    expect(await call('GET', '/accidents/00000000-0000-4000-8000-000000000000', office)).toMatchObject({ status: 404 });
    expect(await call('POST', `/accidents/${id}/investigation-report`, office, { summary: '报告', causes: '原因' })).toMatchObject({
      status: 403,
      body: { code: 'permission.role_not_allowed' },
    });
  });
});

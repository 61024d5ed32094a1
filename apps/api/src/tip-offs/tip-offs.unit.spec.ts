import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { auditor, inspector, office, unitA } from '../testing/actors';
import { sampleTip, TIP_REGION, useTipOffSpecApp } from '../testing/in-memory-tip-offs';

/** The tip-off API (举报受理、核查) over the domain's own decisions: intake, verification, territory, reads. */
const spec = useTipOffSpecApp();
const { tipOffs, call } = spec;
tipOffs.regionPathOf = (regionId) =>
  regionId === TIP_REGION ? ['330000', '330100', '330106', TIP_REGION] : regionId === 'r-next' ? ['330000', '330100', 'r-next'] : null;

const countyOffice: Actor = { ...office, id: 'o-xh', regionId: '330106' };
const nextCountyOffice: Actor = { ...office, id: 'o-next', regionId: 'r-next' };
const verification = {
  verified: true,
  findings: '经核实, 隧道施工事故造成8人死亡, 事故单位未报告',
  casualties: { deaths: 8, missing: 0, seriousInjuries: 0, directLossYuan: 0 },
  responsiblePeople: ['项目经理 甲'],
  verifiedBy: '核查组',
  verifiedAt: '2026-03-02T07:30:00.000Z',
};
const newAccident = {
  occurredAt: '2026-02-27T06:00:00.000Z',
  regionId: TIP_REGION,
  location: '隧道施工现场',
  unitId: 'unit-a',
  industry: '建筑施工',
  sector: 'industry_trade',
  kind: 'collapse',
  livesEndangered: 0,
  account: '隧道坍塌, 经举报人网络举报并核实',
  reporter: '安委办 李四',
  reportedAt: '2026-03-02T07:40:00.000Z',
};

async function intake(as: Actor = office, body: object = sampleTip): Promise<string> {
  const res = await call('POST', '/tip-offs', as, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.tipOffId;
}

describe('POST /tip-offs (举报受理)', () => {
  it('takes a tip in with its verification due 24 hours later, at the Location it names', async () => {
    const res = await call('POST', '/tip-offs', office, sampleTip);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/tip-offs/${res.body.tipOffId}`);
    expect(res.body.state).toMatchObject({
      status: 'awaiting_verification',
      deadline: '2026-03-03T06:00:00.000Z',
      tip: { channel: 'online', unitId: 'unit-a' },
    });
    expect(tipOffs.started.at(-1)?.options).toMatchObject({ workflowId: `tip-off-${res.body.tipOffId}` });
  });

  it('refuses other roles, a tip outside the office’s territory, and an incomplete tip, before any workflow starts', async () => {
    for (const as of [inspector, auditor, unitA])
      expect((await call('POST', '/tip-offs', as, sampleTip)).body.code).toBe('permission.role_not_allowed');
    expect((await call('POST', '/tip-offs', nextCountyOffice, sampleTip)).body.code).toBe('permission.outside_territory');
    const future = await call('POST', '/tip-offs', office, { ...sampleTip, receivedAt: '2027-01-01T00:00:00.000Z' });
    expect([future.status, future.body.code]).toEqual([400, 'accident.report.time_order']);
    expect((await call('POST', '/tip-offs', office, { ...sampleTip, channel: 'rumour' })).status).toBe(400);
    expect(tipOffs.started).toHaveLength(0);
  });
});

describe('POST /tip-offs/:id/verification (核查)', () => {
  it('verified into a new accident: the answer names the accident it opens', async () => {
    const id = await intake(countyOffice);
    const res = await call('POST', `/tip-offs/${id}/verification`, countyOffice, { ...verification, newAccident });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.accident).toMatchObject({ link: 'opened' });
    expect(res.body.state).toMatchObject({
      status: 'verified',
      verifiedOnTime: true,
      accident: { accidentId: res.body.accident.accidentId, report: { casualties: { deaths: 8 } } },
    });
  });

  it('verified against an accident on record: it must exist and be open', async () => {
    tipOffs.accidents.set('acc-open', { accidentId: 'acc-open', investigationStatus: 'investigating' });
    tipOffs.accidents.set('acc-closed', { accidentId: 'acc-closed', investigationStatus: 'closed' });
    const id = await intake();
    expect((await call('POST', `/tip-offs/${id}/verification`, office, { ...verification, accidentId: 'acc-none' })).status).toBe(404);
    expect((await call('POST', `/tip-offs/${id}/verification`, office, { ...verification, accidentId: 'acc-closed' })).body.code).toBe(
      'accident.investigation.closed',
    );
    const both = await call('POST', `/tip-offs/${id}/verification`, office, { ...verification, accidentId: 'acc-open', newAccident });
    expect(both.body.code).toBe('tip_off.accident_required');
    expect(tipOffs.updates).toHaveLength(0);
    const res = await call('POST', `/tip-offs/${id}/verification`, office, { ...verification, accidentId: 'acc-open' });
    expect(res.body.accident).toEqual({ accidentId: 'acc-open', link: 'updated' });
    expect((await call('POST', `/tip-offs/${id}/verification`, office, { ...verification, accidentId: 'acc-open' })).body.code).toBe(
      'tip_off.already_verified',
    );
  });

  it('not verified: no accident named; a verified tip without one is refused in the domain’s words', async () => {
    const id = await intake();
    expect((await call('POST', `/tip-offs/${id}/verification`, office, verification)).body.code).toBe('tip_off.accident_required');
    const res = await call('POST', `/tip-offs/${id}/verification`, office, {
      ...verification,
      verified: false,
      casualties: undefined,
      findings: '不属实',
    });
    expect([res.status, res.body.accident, res.body.state.status]).toEqual([200, null, 'not_verified']);
  });

  it('refuses an id that is not a tip-off’s (400), an unknown tip (404), and a verifier outside the territory (403)', async () => {
    expect((await call('POST', '/tip-offs/not-a-uuid/verification', office, verification)).status).toBe(400);
    expect((await call('POST', '/tip-offs/00000000-0000-4000-8000-000000000000/verification', office, verification)).status).toBe(404);
    const id = await intake();
    expect((await call('POST', `/tip-offs/${id}/verification`, nextCountyOffice, verification)).body.code).toBe('permission.outside_territory');
    expect((await call('POST', `/tip-offs/${id}/verification`, inspector, verification)).body.code).toBe('permission.role_not_allowed');
  });
});

describe('reads (举报台账)', () => {
  it('lists within the reader’s territory; auditors and inspectors read, units never', async () => {
    const id = await intake();
    const list = await call('GET', '/tip-offs?status=awaiting_verification', auditor);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { tipOffId: string }) => r.tipOffId)).toContain(id);
    expect((await call('GET', '/tip-offs', nextCountyOffice)).body.items).toEqual([]);
    expect(tipOffs.listFilters.at(-1)).toMatchObject({ bounds: { regionId: 'r-next' } });
    expect((await call('GET', '/tip-offs', unitA)).body.code).toBe('permission.role_not_allowed');
    const detail = await call('GET', `/tip-offs/${id}`, inspector);
    expect(detail.body).toMatchObject({ stateSource: 'workflow', state: { tipOffId: id }, ledger: { regionId: TIP_REGION } });
    expect((await call('GET', `/tip-offs/${id}/events`, auditor)).body).toEqual({ items: [], next: null });
    expect((await call('GET', `/tip-offs/${id}`, nextCountyOffice)).body.code).toBe('permission.outside_territory');
  });
});

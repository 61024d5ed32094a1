import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { auditor, office, unitA, unitB } from '../testing/actors';
import { InMemoryAccidents, reportSampleAccident, startAccidentApp } from '../testing/in-memory-accidents';
import { useSpecApp } from '../testing/use-spec-app';

/** The reads: the ledger (事故台账) bounded by the reader's scope, one accident's state, the audit trail. */
const accidents = new InMemoryAccidents();
accidents.placeOf = (unitId) => ({ unitId, regionPath: ['zj', unitId === 'unit-a' ? 'county-east' : 'county-west'], industryPath: null });
const spec = useSpecApp(
  () => startAccidentApp(accidents),
  () => {
    accidents.listFilters.length = 0;
  },
);
const { call } = spec;
const eastOffice: Actor = { ...office, id: 'o-east', regionId: 'county-east' };
const ids = (res: { body: { items: Array<{ accidentId: string }> } }) => res.body.items.map((r) => r.accidentId).sort();

describe('accident reads', () => {
  it('lists the ledger within the reader’s scope, with every filter passed on', async () => {
    const a = await reportSampleAccident(spec.api, unitA);
    const b = await reportSampleAccident(spec.api, unitB, { unitId: 'unit-b', regionId: undefined });
    await call('POST', `/accidents/${a}/investigation`, office, { leader: '张组长', members: [] });

    expect(ids(await call('GET', '/accidents', auditor))).toEqual([a, b].sort());
    expect(ids(await call('GET', '/accidents', unitB))).toEqual([b]);
    expect(ids(await call('GET', '/accidents', eastOffice))).toEqual([a]);
    expect(await call('GET', '/accidents?unitId=unit-b', eastOffice)).toMatchObject({ status: 403, body: { code: 'permission.outside_territory' } });
    expect(ids(await call('GET', '/accidents?openGates=true', office))).toEqual([a]);
    expect(ids(await call('GET', '/accidents?grade=larger&openGates=false', office))).toEqual([b]);

    const query =
      'regionId=county-east&industry=危险化学品&investigationStatus=none&listed=false&concealed=true' +
      '&occurredFrom=2026-03-01T00:00:00.000Z&occurredBefore=2026-03-03T00:00:00.000Z&limit=5&offset=1';
    expect((await call('GET', `/accidents?${encodeURI(query)}`, unitA)).status).toBe(200);
    expect(accidents.listFilters.at(-1)).toEqual({
      bounds: { unitId: 'unit-a' },
      regionId: 'county-east',
      industry: '危险化学品',
      investigationStatus: 'none',
      listed: false,
      concealed: true,
      occurredFrom: '2026-03-01T00:00:00.000Z',
      occurredBefore: '2026-03-03T00:00:00.000Z',
      limit: 5,
      offset: 1,
    });
    expect(await call('GET', '/accidents?investigationStatus=maybe', office)).toMatchObject({ status: 400, body: { field: 'investigationStatus' } });
    expect(await call('GET', '/accidents?openGates=yes', office)).toMatchObject({ status: 400, body: { field: 'openGates' } });
  });

  it('reads one accident’s state from its workflow beside its ledger row, and its audit trail; only within scope', async () => {
    const a = await reportSampleAccident(spec.api, unitA);
    const detail = await call('GET', `/accidents/${a}`, unitA);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      stateSource: 'workflow',
      state: { accidentId: a, grade: 'larger' },
      ledger: { accidentId: a, openGates: null },
    });
    expect(await call('GET', `/accidents/${a}/events?limit=10`, auditor)).toMatchObject({ status: 200, body: { items: [], next: null } });
    expect(await call('GET', `/accidents/${a}`, unitB)).toMatchObject({ status: 403, body: { code: 'permission.own_unit_only' } });
    expect(await call('GET', `/accidents/${a}/events?cursor=%25%25`, auditor)).toMatchObject({ status: 400, body: { field: 'cursor' } });
  });
});

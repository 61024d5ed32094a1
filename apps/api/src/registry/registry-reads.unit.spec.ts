import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditor, inspector, office, unitA } from '../testing/actors';
import { startRegistryApp, T0 } from '../testing/registry-spec-app';
import type { TestApp } from '../testing/start-test-app';

/** The registry's reads over HTTP: as of a moment, lists and their filters, and what a unit token may read. */
let api: TestApp;
let renamedAt: Date;
beforeAll(async () => {
  const started = await startRegistryApp();
  api = started.api;
  renamedAt = started.advance(24);
  const res = await api.call('PUT', '/registry/industries/chemicals', office, { name: '危化品', expectedVersion: 1, reason: '更名' });
  if (res.status !== 200) throw new Error(`rename answered ${res.status}`);
});
afterAll(async () => api?.close());

const names = (res: { body: { items: Array<{ record: { id: string } }> } }) => res.body.items.map((i) => i.record.id);

describe('registry reads over HTTP', () => {
  it('reads a record as it was: before a change, after it, and 404 before it existed', async () => {
    const before = await api.call('GET', `/registry/industries/chemicals?asOf=${new Date(renamedAt.getTime() - 1).toISOString()}`, office);
    expect(before).toMatchObject({ status: 200, body: { version: 1, record: { name: '危险化学品' }, validTo: renamedAt.toISOString() } });
    expect((await api.call('GET', '/registry/industries/chemicals', inspector)).body).toMatchObject({ version: 2, record: { name: '危化品' } });
    const tooEarly = await api.call('GET', `/registry/industries/chemicals?asOf=${new Date(T0.getTime() - 1).toISOString()}`, office);
    expect(tooEarly).toMatchObject({ status: 404, body: { code: 'resource.not_found' } });
    expect(await api.call('GET', '/registry/industries/chemicals?asOf=yesterday', office)).toMatchObject({ status: 400, body: { field: 'asOf' } });
  });

  it('lists a region and everything below it, and the units in it, with paging', async () => {
    expect(names(await api.call('GET', '/registry/regions?regionId=330106', auditor))).toEqual(['330106', '330106001', 'm-retire']);
    expect(names(await api.call('GET', '/registry/regions?level=city', auditor))).toEqual(['330100']);
    const units = await api.call('GET', '/registry/units?regionId=330100&kind=enterprise&status=producing&limit=1', office);
    expect(units.body).toMatchObject({ total: 2 });
    expect(names(units)).toEqual(['unit-a']);
    expect(names(await api.call('GET', '/registry/units?regionId=330100&limit=1&offset=1', office))).toEqual(['unit-b']);
    expect((await api.call('GET', '/registry/units?status=closed', office)).body.total).toBe(0);
    expect(await api.call('GET', '/registry/units?kind=shop', office)).toMatchObject({ status: 400, body: { field: 'kind' } });
  });

  it('lets a unit token read its own unit and people only: 403 for another unit’s, lists confined to its own', async () => {
    expect(await api.call('GET', '/registry/units/unit-a', unitA)).toMatchObject({ status: 200, body: { record: { id: 'unit-a' } } });
    expect(await api.call('GET', '/registry/units/unit-b', unitA)).toMatchObject({ status: 403, body: { code: 'permission.own_unit_only' } });
    expect((await api.call('GET', '/registry/units/unit-z', unitA)).status).toBe(404);
    expect((await api.call('GET', '/registry/people/person-a/history', unitA)).status).toBe(200);
    expect((await api.call('GET', '/registry/people/person-b', unitA)).status).toBe(403);
    expect(names(await api.call('GET', '/registry/units', unitA))).toEqual(['unit-a']);
    expect(names(await api.call('GET', '/registry/people', unitA))).toEqual(['person-a']);
    expect((await api.call('GET', '/registry/people?unitId=unit-b', unitA)).status).toBe(403);
    expect(names(await api.call('GET', '/registry/people?unitId=unit-b', office))).toEqual(['person-b']);
  });

  it('keeps regions, industries and responsibility links to the office, inspectors and auditors', async () => {
    for (const path of ['/registry/regions', '/registry/industries/chemicals', '/registry/responsibilities'])
      expect((await api.call('GET', path, unitA)).status, path).toBe(403);
    expect(names(await api.call('GET', '/registry/responsibilities?unitId=unit-a', auditor))).toEqual(['resp-a']);
  });
});

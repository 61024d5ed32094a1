import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { auditor, inspector, office, unitA } from '../testing/actors';
import { InMemoryAccidentRecord, MATRIX_FIRING, MATRIX_FIRING_KEY, startAccidentRecordApp } from '../testing/in-memory-accident-record';
import { seededRegistry } from '../testing/in-memory-registry';
import { NOW } from '../testing/in-memory-hazards';
import type { TestApp } from '../testing/start-test-app';
import { MATRIX_SEED } from '../testing/matrix/matrix-callers';

/** 控制指标 and 问责 over HTTP: who may set and read a region's caps, a firing's summons recorded, a review run now. */
const record = new InMemoryAccidentRecord();
record.seedFiring(MATRIX_FIRING);
let api: TestApp;
beforeAll(async () => {
  api = await startAccidentRecordApp(record, await seededRegistry(NOW, MATRIX_SEED));
});
afterAll(async () => api?.close());
const call = (method: string, path: string, actor?: Actor, body?: unknown) => api.call(method, path, actor, body);

const xihu: Actor = { ...office, id: 'o-xihu', regionId: '330106' };
const binjiang: Actor = { ...office, id: 'o-binjiang', regionId: '330108' };
const caps = {
  indicators: [
    { key: 'deaths-all', label: '各类事故死亡人数', measure: 'deaths', cap: 12, source: '区安委会年度目标' },
    { key: 'larger', label: '较大事故起数', measure: 'accidents', grades: ['larger'], cap: 0, source: '区安委会年度目标', warnAt: [1] },
  ],
  warnAt: [0.5, 0.9],
  reason: '年度控制指标',
};
const INDICATORS = '/accident-record/regions/330106/indicators/2026';

describe('control indicators (控制指标) of a region', () => {
  it('are set by the office of the region, with its warning shares, and kept as revisions', async () => {
    const put = await call('PUT', INDICATORS, xihu, caps);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ regionId: '330106', year: 2026, revision: 1, changed: true });
    expect(put.body.indicators.map((i: { id: string; warnAt: number[] }) => [i.id, i.warnAt])).toEqual([
      ['330106:2026:deaths-all', [0.5, 0.9]],
      ['330106:2026:larger', [1]],
    ]);
    expect(put.body.indicators[0]).toMatchObject({ setBy: { id: 'o-xihu' }, reason: '年度控制指标' });
    expect(put.body.suggested.map((i: { cap: number }) => i.cap)).toEqual([49, 6, 1]);

    await call('PUT', INDICATORS, xihu, { ...caps, indicators: caps.indicators.slice(0, 1), reason: '调整' });
    const read = await call('GET', INDICATORS, auditor);
    expect(read.body).toMatchObject({ revision: 2, indicators: [{ id: '330106:2026:deaths-all', reason: '调整' }] });
    expect(read.body.indicators).toHaveLength(1);
    const revisions = await call('GET', `${INDICATORS}/revisions`, inspector);
    expect(revisions.body.map((r: { revision: number; reason: string }) => [r.revision, r.reason])).toEqual([
      [2, '调整'],
      [1, '年度控制指标'],
    ]);
  });

  it('are refused to the next county’s office (403 outside its territory) and to a unit; unknown regions are a 404', async () => {
    expect(await call('PUT', INDICATORS, binjiang, caps)).toMatchObject({ status: 403, body: { code: 'permission.outside_territory' } });
    expect(await call('GET', INDICATORS, binjiang)).toMatchObject({ status: 403 });
    expect(await call('GET', INDICATORS, unitA)).toMatchObject({ status: 403, body: { code: 'permission.role_not_allowed' } });
    expect(await call('GET', '/accident-record/regions/nowhere/indicators/2026', office)).toMatchObject({ status: 404 });
  });

  it('name the field a bad set breaks: shares out of order, a cap below 0, a year outside 2000–2100', async () => {
    expect(await call('PUT', INDICATORS, office, { ...caps, warnAt: [0.9, 0.5] })).toMatchObject({ status: 400, body: { field: 'warnAt[1]' } });
    const negative = await call('PUT', INDICATORS, office, { ...caps, indicators: [{ ...caps.indicators[0], cap: -1 }] });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain('cap');
    expect(await call('GET', '/accident-record/regions/330106/indicators/1999', office)).toMatchObject({ status: 400, body: { field: 'year' } });
    expect(await call('PUT', INDICATORS, office, { ...caps, reason: undefined })).toMatchObject({ status: 400 });
  });
});

describe('accountability (问责) over the record', () => {
  it('lists a territory’s firings, records the summons held once (then 409), and shows the obligation done', async () => {
    const listed = await call('GET', '/accident-record/territories/330106/firings?year=2026', auditor);
    expect(listed.body.map((f: { firingKey: string }) => f.firingKey)).toEqual([MATRIX_FIRING_KEY]);
    expect(await call('GET', '/accident-record/territories/330106/firings', binjiang)).toMatchObject({ status: 403 });
    const path = `/accident-record/firings/${MATRIX_FIRING_KEY}`;
    const minutes = { heldAt: '2026-03-01T02:00:00.000Z', minutes: '约谈区政府主要负责同志' };
    expect(await call('POST', `${path}/action-taken`, binjiang, minutes)).toMatchObject({ status: 403 });
    expect(await call('POST', `${path}/action-taken`, xihu, { ...minutes, heldAt: '2027-01-01T00:00:00.000Z' })).toMatchObject({
      status: 400,
      body: { field: 'heldAt' },
    });
    const done = await call('POST', `${path}/action-taken`, xihu, minutes);
    expect(done).toMatchObject({ status: 200, body: { status: 'done', taken: { minutes: '约谈区政府主要负责同志', recordedBy: { id: 'o-xihu' } } } });
    expect(await call('POST', `${path}/action-taken`, xihu, minutes)).toMatchObject({
      status: 409,
      body: { code: 'accountability.action.already_done' },
    });
    expect(await call('GET', path, inspector)).toMatchObject({
      status: 200,
      body: { action: { status: 'done' }, firing: { territoryId: '330106' } },
    });
    expect(await call('GET', '/accident-record/firings/no-such-firing', office)).toMatchObject({ status: 404 });
  });

  it('runs the review now: 201 with Location, read back by its run id', async () => {
    const run = await call('POST', '/accident-record/reviews', xihu, { asOf: '2026-03-01T00:00:00.000Z' });
    expect(run).toMatchObject({ status: 201, body: { status: 'completed', month: '2026-02' } });
    expect(run.headers.get('location')).toBe(`/accident-record/reviews/${run.body.runId}`);
    expect(await call('GET', `/accident-record/reviews/${run.body.runId}`, auditor)).toMatchObject({ status: 200, body: { status: 'completed' } });
    expect(await call('POST', '/accident-record/reviews', inspector, {})).toMatchObject({ status: 403 });
    expect(await call('GET', '/accident-record/reviews/not-a-uuid', office)).toMatchObject({ status: 400, body: { field: 'runId' } });
  });
});

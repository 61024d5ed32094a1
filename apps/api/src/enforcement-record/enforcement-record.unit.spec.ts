import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { auditor, inspector, office, unitA } from '../testing/actors';
import { InMemoryEnforcementRecord, startEnforcementRecordApp } from '../testing/in-memory-enforcement-record';
import { seededRegistry } from '../testing/in-memory-registry';
import { NOW } from '../testing/in-memory-hazards';
import type { TestApp } from '../testing/start-test-app';
import { MATRIX_SEED } from '../testing/matrix/matrix-callers';

/** 规则触发, 黑名单 and 规则运行 over HTTP: who reads which entries, and a review run now. */
const record = new InMemoryEnforcementRecord();
record.seed('unit-a');
record.seed('unit-b');
let api: TestApp;
beforeAll(async () => {
  api = await startEnforcementRecordApp(record, await seededRegistry(NOW, MATRIX_SEED));
});
afterAll(async () => api?.close());
const call = (method: string, path: string, actor?: Actor, body?: unknown) => api.call(method, path, actor, body);
const unitsOf = (rows: Array<{ unitId: string }>) => rows.map((r) => r.unitId);

const xihu: Actor = { ...office, id: 'o-xihu', regionId: '330106' };
const binjiang: Actor = { ...office, id: 'o-binjiang', regionId: '330108' };

describe('rule firings (规则触发) and the blacklist (黑名单)', () => {
  it('give a unit only its own entries, and refuse it another unit’s', async () => {
    const firings = await call('GET', '/enforcement-record/firings', unitA);
    expect(firings).toMatchObject({ status: 200, body: [{ unitId: 'unit-a', violationIds: ['v-1', 'v-2'], firedOn: '2026-02-20' }] });
    expect(unitsOf(firings.body)).toEqual(['unit-a']);
    expect(await call('GET', '/enforcement-record/firings?unitId=unit-b', unitA)).toMatchObject({
      status: 403,
      body: { code: 'permission.own_unit_only' },
    });
    const blacklist = await call('GET', '/enforcement-record/blacklist', unitA);
    expect(blacklist.body).toEqual([
      expect.objectContaining({ unitId: 'unit-a', kind: 'entry', reason: '屡纠不改', actor: expect.objectContaining({ role: 'system' }) }),
    ]);
  });

  it('are bounded to the caller’s territory: the county’s office sees its units, the next county’s none and is refused one by name', async () => {
    expect(unitsOf((await call('GET', '/enforcement-record/firings', xihu)).body)).toEqual(['unit-a', 'unit-b']);
    expect(unitsOf((await call('GET', '/enforcement-record/firings?regionId=330106001', auditor)).body)).toEqual(['unit-a', 'unit-b']);
    // A region covers the regions below it: the county's filter finds its town's firings, the next county's none.
    expect(unitsOf((await call('GET', '/enforcement-record/firings?regionId=330106', auditor)).body)).toEqual(['unit-a', 'unit-b']);
    expect((await call('GET', '/enforcement-record/firings?regionId=330108', auditor)).body).toEqual([]);
    // An industry department (行业主管部门) reads its industry's entries in its territory; another industry's department none.
    const chemicals: Actor = { id: 'd-chem', name: '危化科', role: 'unit', unitId: 'dept-chem', regionId: '330106', industryId: 'chemicals' };
    expect(unitsOf((await call('GET', '/enforcement-record/blacklist', chemicals)).body)).toEqual(['unit-a', 'unit-b']);
    expect((await call('GET', '/enforcement-record/firings', { ...chemicals, industryId: 'mining' })).body).toEqual([]);
    expect((await call('GET', '/enforcement-record/firings?regionId=nowhere', auditor)).body).toEqual([]);
    expect((await call('GET', '/enforcement-record/firings', binjiang)).body).toEqual([]);
    expect((await call('GET', '/enforcement-record/blacklist', binjiang)).body).toEqual([]);
    expect(await call('GET', '/enforcement-record/blacklist?unitId=unit-a', binjiang)).toMatchObject({ status: 403 });
    expect(unitsOf((await call('GET', '/enforcement-record/blacklist?unitId=unit-b', inspector)).body)).toEqual(['unit-b']);
  });
});

describe('a review run now (规则运行)', () => {
  it('is started by an office with a reason: 201 with Location, read back by its run id within the reader’s bounds', async () => {
    const run = await call('POST', '/enforcement-record/reviews', xihu, { asOf: '2026-03-01', reason: '专项行动前核查' });
    expect(run).toMatchObject({ status: 201, body: { status: 'completed', asOf: '2026-03-01' } });
    expect(unitsOf(run.body.firings)).toEqual(['unit-a', 'unit-b']);
    expect(run.headers.get('location')).toBe(`/enforcement-record/reviews/${run.body.runId}`);
    const read = await call('GET', `/enforcement-record/reviews/${run.body.runId}`, unitA);
    expect(read).toMatchObject({
      status: 200,
      body: { status: 'completed', reason: '专项行动前核查', requestedBy: { id: xihu.id, role: 'office' } },
    });
    expect(unitsOf(read.body.firings)).toEqual(['unit-a']);
    expect(unitsOf(read.body.blacklistChanges)).toEqual(['unit-a']);
  });

  it('is refused to an inspector, needs a reason, and names a bad or unknown run id', async () => {
    expect(await call('POST', '/enforcement-record/reviews', inspector, { reason: '核查' })).toMatchObject({ status: 403 });
    expect(await call('POST', '/enforcement-record/reviews', xihu, {})).toMatchObject({ status: 400 });
    expect(await call('POST', '/enforcement-record/reviews', xihu, { reason: '   ' })).toMatchObject({ status: 400, body: { field: 'reason' } });
    expect(await call('POST', '/enforcement-record/reviews', xihu, { asOf: '2026-13-01', reason: '核查' })).toMatchObject({ status: 400 });
    expect(await call('GET', '/enforcement-record/reviews/not-a-uuid', office)).toMatchObject({ status: 400, body: { field: 'runId' } });
    expect(await call('GET', '/enforcement-record/reviews/5e1f0000-0000-4000-8000-000000000999', office)).toMatchObject({ status: 404 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditor, office, unitA } from '../testing/actors';
import { startRegistryApp } from '../testing/registry-spec-app';
import type { TestApp } from '../testing/start-test-app';

/** The registry's writes over HTTP: status codes, the field named in each 400, versions and their 409s. */
let api: TestApp;
let advance: (hours: number) => Date;
beforeAll(async () => {
  ({ api, advance } = await startRegistryApp());
});
afterAll(async () => api?.close());

const enterprise = (id: string, over: object = {}) => ({
  id,
  name: '丙化工有限公司',
  kind: 'enterprise',
  regionId: '330106001',
  industryId: 'chemicals',
  enterpriseKind: 'ordinary',
  status: 'producing',
  licensed: true,
  reason: '新设企业登记',
  ...over,
});

describe('registry writes over HTTP', () => {
  it('creates a unit: 201 with Location and version 1; the same body again is 200 and records nothing', async () => {
    const res = await api.call('POST', '/registry/units', office, enterprise('unit-c'));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/registry/units/unit-c');
    expect(res.body).toMatchObject({
      kind: 'unit',
      version: 1,
      change: 'created',
      reason: '新设企业登记',
      changedBy: { id: office.id, role: 'office' },
    });
    expect(res.body.record).toMatchObject({ id: 'unit-c', creditCode: null });
    const again = await api.call('POST', '/registry/units', office, enterprise('unit-c'));
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    const differs = await api.call('POST', '/registry/units', office, enterprise('unit-c', { name: '丁公司' }));
    expect(differs).toMatchObject({ status: 409, body: { code: 'registry.record.exists' } });
  });

  it('names the field of a 400: the schema’s own rules and the domain’s', async () => {
    const missing = await api.call('POST', '/registry/units', office, enterprise('unit-d', { regionId: undefined }));
    expect(missing).toMatchObject({ status: 400, body: { code: 'request.invalid', field: 'regionId' } });
    const badId = await api.call('POST', '/registry/units', office, enterprise('unit/d'));
    expect(badId).toMatchObject({ status: 400, body: { field: 'id' } });
    const unknownRegion = await api.call('POST', '/registry/units', office, enterprise('unit-d', { regionId: '330199' }));
    expect(unknownRegion).toMatchObject({ status: 400, body: { code: 'registry.reference.unknown', field: 'regionId' } });
    const noIndustry = await api.call('POST', '/registry/units', office, enterprise('unit-d', { industryId: undefined }));
    expect(noIndustry).toMatchObject({ status: 400, body: { code: 'registry.unit.industry_required', field: 'industryId' } });
    const code = await api.call('POST', '/registry/regions', office, {
      id: '330107',
      name: '某区',
      level: 'county',
      parentId: '330100',
      code: '330207',
      reason: '区划调整',
    });
    expect(code).toMatchObject({ status: 400, body: { code: 'registry.region.code_parent_mismatch', field: 'code' } });
    const blankReason = await api.call('POST', '/registry/industries', office, { id: 'mining', name: '非煤矿山', reason: ' ' });
    expect(blankReason).toMatchObject({ status: 400, body: { field: 'reason' } });
    const extra = await api.call('POST', '/registry/industries', office, { id: 'mining', name: '非煤矿山', reason: '新增', colour: 'red' });
    expect(extra.status).toBe(400);
  });

  it('updates at the expected version, refuses a stale one with 409 and writes nothing', async () => {
    advance(1);
    const { id: _id, reason: _reason, ...fields } = enterprise('unit-e');
    await api.call('POST', '/registry/units', office, enterprise('unit-e'));
    advance(1);
    const updated = await api.call('PUT', '/registry/units/unit-e', office, {
      ...fields,
      status: 'suspended',
      expectedVersion: 1,
      reason: '停产整顿',
    });
    expect(updated).toMatchObject({ status: 200, body: { version: 2, change: 'updated', record: { status: 'suspended' } } });
    const stale = await api.call('PUT', '/registry/units/unit-e', office, { ...fields, status: 'closed', expectedVersion: 1, reason: '关闭' });
    expect(stale).toMatchObject({ status: 409, body: { code: 'registry.version.stale' } });
    const history = await api.call('GET', '/registry/units/unit-e/history', office);
    expect(history.body.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [1, '新设企业登记'],
      [2, '停产整顿'],
    ]);
  });

  it('retires as a version; then the record takes no change (409); an unknown record is a 404', async () => {
    advance(1);
    const retired = await api.call('POST', '/registry/people/person-b/retire', office, { expectedVersion: 1, reason: '离职' });
    expect(retired).toMatchObject({ status: 200, body: { version: 2, retired: true, change: 'retired' } });
    const again = await api.call('PUT', '/registry/people/person-b', office, {
      name: '钱七',
      post: '安全员',
      unitId: 'unit-b',
      roles: ['safety_officer'],
      expectedVersion: 2,
      reason: '复职',
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'registry.record.retired' } });
    expect((await api.call('POST', '/registry/people/nobody/retire', office, { expectedVersion: 1, reason: '离职' })).status).toBe(404);
    expect((await api.call('PUT', '/registry/industries/nothing', office, { name: 'x', expectedVersion: 1, reason: 'y' })).status).toBe(404);
  });

  it('lets only the office write (403 naming why), and refuses a malformed path id with 400 naming it', async () => {
    const byAuditor = await api.call('POST', '/registry/industries', auditor, { id: 'mining', name: '非煤矿山', reason: '新增' });
    expect(byAuditor).toMatchObject({ status: 403, body: { code: 'permission.role_not_allowed' } });
    expect(byAuditor.body.detail).toMatch(/kept by the safety committee office/);
    expect((await api.call('PUT', '/registry/units/unit-a', unitA, { ...enterprise('unit-a'), expectedVersion: 1 })).status).toBe(403);
    expect(await api.call('GET', '/registry/units/bad%20id', office)).toMatchObject({ status: 400, body: { field: 'unitId' } });
  });
});

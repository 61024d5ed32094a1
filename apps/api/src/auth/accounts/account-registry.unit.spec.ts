import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryWrite } from '@duban/persistence';
import { office } from '../../testing/actors';
import { seededRegistry } from '../../testing/in-memory-registry';
import type { TestApp } from '../../testing/start-test-app';
import { ACCOUNTS_NOW, startAccountsApp } from '../testing/start-accounts-app';

/** Accounts checked against the registry (单位库) as of now: REGISTRY_SEED and a county's safety office and emergency bureau. */
const COUNTY: RegistryWrite[] = [
  { kind: 'industry', op: 'put', record: { id: 'fireworks', name: '烟花爆竹', parentId: 'chemicals' } },
  { kind: 'industry', op: 'put', record: { id: 'mining', name: '非煤矿山', parentId: null } },
  ...(['aqw-xihu', 'yjj-xihu'] as const).map((id): RegistryWrite => ({
    kind: 'unit',
    op: 'put',
    record: {
      id,
      name: id === 'aqw-xihu' ? '西湖区安委会办公室' : '西湖区应急管理局',
      kind: id === 'aqw-xihu' ? 'government' : 'department',
      regionId: '330106',
      industryId: null,
      enterpriseKind: null,
      status: null,
      licensed: null,
      creditCode: null,
    },
  })),
  { kind: 'person', op: 'put', record: { id: 'person-zhou', name: '周主任', post: '主任', unitId: 'aqw-xihu', phone: null, roles: ['principal'] } },
  { kind: 'person', op: 'put', record: { id: 'person-sun', name: '孙科长', post: '危化科科长', unitId: 'yjj-xihu', phone: null, roles: [] } },
  {
    kind: 'competent_department',
    op: 'put',
    record: { id: 'cd-xihu-chemicals', regionId: '330106', industryId: 'chemicals', departmentUnitId: 'yjj-xihu', supervision: 'direct' },
  },
];

const PASSWORD = 'correct horse battery';
let n = 0;
const account = (over: Record<string, unknown>) => {
  n++;
  return { id: `acc-r${n}`, loginName: `r.user${n}`, password: PASSWORD, displayName: `账号 ${n}`, reason: '开通账号', ...over };
};

describe('accounts checked against the registry (账号与单位库核对)', () => {
  let api: TestApp;
  beforeAll(async () => {
    const registry = await seededRegistry(ACCOUNTS_NOW);
    await registry.writer.writeRegistryBatch!(COUNTY, { actor: { id: 'o-seed', name: '安委办', role: 'office' }, reason: '登记', at: ACCOUNTS_NOW });
    ({ api } = await startAccountsApp(undefined, { loginRateLimit: { limit: 1000, windowMs: 60_000 } }, [], registry));
  });
  afterAll(() => api?.close());

  const create = (over: Record<string, unknown>) => api.call('POST', '/accounts', office, account(over));
  const refused = async (over: Record<string, unknown>) => {
    const res = await create(over);
    return { status: res.status, code: res.body.code, field: res.body.field };
  };

  it('lets a county office open, read and change accounts only within its territory (属地管理)', async () => {
    const county = { id: 'o-xihu', name: '西湖区安委办', role: 'office' as const, regionId: '330106' };
    const nextCounty = { id: 'o-binjiang', name: '滨江区安委办', role: 'office' as const, regionId: '330108' };
    const within = await api.call('POST', '/accounts', county, account({ personId: 'person-a', role: 'unit' }));
    expect(within.status).toBe(201);
    const outside = await api.call('POST', '/accounts', nextCounty, account({ personId: 'person-b', role: 'unit' }));
    expect(outside).toMatchObject({ status: 403, body: { code: 'permission.outside_territory' } });
    expect(outside.body.detail).toMatch(/330000\/330100\/330106\/330106001/);
    expect(await api.call('GET', `/accounts/${within.body.id}`, nextCounty)).toMatchObject({
      status: 403,
      body: { code: 'permission.outside_territory' },
    });
    expect(await api.call('GET', `/accounts/${within.body.id}`, county)).toMatchObject({ status: 200, body: { unitId: 'unit-a' } });
    const change = { disabled: true, expectedVersion: within.body.version, reason: '停用' };
    expect(await api.call('PATCH', `/accounts/${within.body.id}`, nextCounty, change)).toMatchObject({
      status: 403,
      body: { code: 'permission.outside_territory' },
    });
    expect((await api.call('PATCH', `/accounts/${within.body.id}`, county, change)).status).toBe(200);
  });

  it("creates a unit account on the person's own unit when it names none", async () => {
    const res = await create({ personId: 'person-a', role: 'unit' });
    expect(res).toMatchObject({ status: 201, body: { personId: 'person-a', role: 'unit', unitId: 'unit-a' } });
  });

  it('refuses a person, unit, region or industry the registry does not hold, and a person of another unit, naming the field', async () => {
    expect(await refused({ personId: 'person-nobody', role: 'unit' })).toEqual({ status: 400, code: 'account.person_unknown', field: 'personId' });
    expect(await refused({ personId: 'person-a', role: 'unit', unitId: 'unit-b' })).toEqual({
      status: 400,
      code: 'account.person_not_in_unit',
      field: 'unitId',
    });
    expect(await refused({ personId: 'person-a', role: 'inspector', regionId: '999999' })).toEqual({
      status: 400,
      code: 'account.region_unknown',
      field: 'regionId',
    });
    expect(await refused({ personId: 'person-sun', role: 'unit', industryId: 'nothing' })).toEqual({
      status: 400,
      code: 'account.industry_unknown',
      field: 'industryId',
    });
  });

  it("holds an office account with a unit to that unit's region", async () => {
    expect(await create({ personId: 'person-zhou', role: 'office', unitId: 'aqw-xihu', regionId: '330106' })).toMatchObject({ status: 201 });
    expect(await refused({ personId: 'person-zhou', role: 'office', unitId: 'aqw-xihu', regionId: '330100' })).toEqual({
      status: 400,
      code: 'account.region_not_unit_region',
      field: 'regionId',
    });
  });

  it('gives a department account only an industry its department governs in its region (主管部门), sub-industries included', async () => {
    expect(await create({ personId: 'person-sun', role: 'unit', industryId: 'chemicals' })).toMatchObject({
      status: 201,
      body: { unitId: 'yjj-xihu', industryId: 'chemicals' },
    });
    expect(await create({ personId: 'person-sun', role: 'unit', industryId: 'fireworks' })).toMatchObject({ status: 201 });
    expect(await refused({ personId: 'person-sun', role: 'unit', industryId: 'mining' })).toEqual({
      status: 400,
      code: 'account.industry_not_governed',
      field: 'industryId',
    });
    expect(await refused({ personId: 'person-a', role: 'unit', industryId: 'chemicals' })).toEqual({
      status: 400,
      code: 'account.industry_not_department',
      field: 'industryId',
    });
  });

  it('checks a change of scope too, and writes nothing when it is refused', async () => {
    const created = await create({ personId: 'person-a', role: 'unit' });
    const id = created.body.id;
    const moved = await api.call('PATCH', `/accounts/${id}`, office, { expectedVersion: 1, role: 'unit', unitId: 'unit-b', reason: '调动' });
    expect(moved).toMatchObject({ status: 400, body: { code: 'account.person_not_in_unit', field: 'unitId' } });
    const ok = await api.call('PATCH', `/accounts/${id}`, office, { expectedVersion: 1, role: 'unit', personId: 'person-b', reason: '调动' });
    expect(ok).toMatchObject({ status: 200, body: { personId: 'person-b', unitId: 'unit-b', version: 2 } });
  });
});

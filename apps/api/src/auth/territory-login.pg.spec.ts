import { TypeOrmModule } from '@nestjs/typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dubanDataSourceOptions, HazardLedgerWriter, RegistryWriter, type RegistryWrite } from '@duban/persistence';
import { reportHazard } from '../../../../libs/persistence/src/testing/hazard-fixtures';
import { useLedgerDatabase } from '../../../../libs/persistence/src/testing/ledger-database';
import { resolveAuthConfig } from '../config/auth-config';
import { AUTH_CONFIG } from '../config/api-config.tokens';
import { HazardsModule } from '../hazards/hazards.module';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { AccountsModule } from './accounts.module';
import { ACCOUNTS_NOW, ACCOUNTS_SECRET, TEST_PASSWORD_HASHING } from './testing/start-accounts-app';

// Hazard ids are UUIDs, as the API takes them.
const H = {
  xihu: '11111111-1111-4111-8111-111111111111',
  beishan: '22222222-2222-4222-8222-222222222222',
  binjiang: '33333333-3333-4333-8333-333333333333',
};
const OFFICE = { loginName: 'xihu.office', password: 'county office passphrase' };
const region = (id: string, name: string, level: string, parentId: string | null): RegistryWrite =>
  ({ kind: 'region', op: 'put', record: { id, name, level, parentId, code: id } }) as RegistryWrite;
const enterprise = (id: string, regionId: string): RegistryWrite =>
  ({
    kind: 'unit',
    op: 'put',
    record: {
      id,
      name: id,
      kind: 'enterprise',
      regionId,
      industryId: 'chemicals',
      enterpriseKind: 'ordinary',
      status: 'producing',
      licensed: true,
      creditCode: null,
    },
  }) as RegistryWrite;

// 属地 through a real login on the real tables: 西湖区's office account (region 330106) reads its
// county's hazards (its town's too) and is refused the next county's (滨江区 330108), by name.
describe('a county office logged in acts within its county', () => {
  const db = useLedgerDatabase('api_territory');
  let api: TestApp;
  beforeAll(async () => {
    const at = new Date('2026-03-01T00:00:00.000Z');
    await new RegistryWriter(db.dataSource).writeRegistryBatch(
      [
        region('330000', '浙江省', 'province', null),
        region('330100', '杭州市', 'city', '330000'),
        region('330106', '西湖区', 'county', '330100'),
        region('330106001', '北山街道', 'town', '330106'),
        region('330108', '滨江区', 'county', '330100'),
        { kind: 'industry', op: 'put', record: { id: 'chemicals', name: '危险化学品', parentId: null } },
        enterprise('xihu-chem', '330106'),
        enterprise('beishan-chem', '330106001'),
        enterprise('binjiang-chem', '330108'),
      ],
      { actor: { id: 'o-seed', name: '省安委办', role: 'office' }, reason: '初始登记', at },
    );
    const hazards = new HazardLedgerWriter(db.dataSource);
    for (const [hazardId, unitId] of [
      [H.xihu, 'xihu-chem'],
      [H.beishan, 'beishan-chem'],
      [H.binjiang, 'binjiang-chem'],
    ])
      await hazards.record(reportHazard(hazardId, { unitId, deadline: '2026-04-01T00:00:00.000Z' }, at));
    const config = resolveAuthConfig(
      { passwordHashing: TEST_PASSWORD_HASHING, demoTokens: false, bootstrapOffice: { ...OFFICE, regionId: '330106', displayName: '西湖区安委办' } },
      [],
    );
    api = await startTestApp({
      secret: ACCOUNTS_SECRET,
      now: ACCOUNTS_NOW,
      client: {},
      imports: [TypeOrmModule.forRoot(dubanDataSourceOptions(db.url, { poolSize: 4 })), AccountsModule, HazardsModule],
      overrides: [[AUTH_CONFIG, config]],
    });
  });
  afterAll(() => api?.close());

  it("lists only its county's hazards, and is refused the next county's (403 permission.outside_territory)", async () => {
    const login = await api.call('POST', '/auth/login', undefined, OFFICE);
    expect(login).toMatchObject({ status: 200, body: { account: { regionId: '330106' } } });
    const token: string = login.body.accessToken;

    const list = await api.call('GET', '/hazards', token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((h: { hazardId: string }) => h.hazardId).sort()).toEqual([H.xihu, H.beishan].sort());
    expect(list.body.total).toBe(2);
    expect((await api.call('GET', '/hazards/summary', token)).body.total).toBe(2);

    const next = await api.call('GET', `/hazards/${H.binjiang}`, token);
    expect(next).toMatchObject({ status: 403, body: { code: 'permission.outside_territory' } });
    expect(next.body.detail).toContain('330108');
    expect(await api.call('GET', '/hazards?unitId=binjiang-chem', token)).toMatchObject({
      status: 403,
      body: { code: 'permission.outside_territory' },
    });
  });
});

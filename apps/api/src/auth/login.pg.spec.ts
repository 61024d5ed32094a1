import { TypeOrmModule } from '@nestjs/typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dubanDataSourceOptions, RegistryWriter } from '@duban/persistence';
import { useLedgerDatabase } from '../../../../libs/persistence/src/testing/ledger-database';
import { resolveAuthConfig } from '../config/auth-config';
import { AUTH_CONFIG } from '../config/api-config.tokens';
import { REGISTRY_SEED } from '../testing/in-memory-registry';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { AccountsModule } from './accounts.module';
import { ACCOUNTS_NOW, ACCOUNTS_SECRET, TEST_PASSWORD_HASHING } from './testing/start-accounts-app';

const ADMIN = { loginName: 'admin', password: 'first office passphrase' };

// The accounts routes on the real tables (the suite's PostgreSQL, migrated), demo tokens off as
// in production: the first office account from the bootstrap, then every call with login tokens.
describe('login on PostgreSQL, demo tokens off', () => {
  const db = useLedgerDatabase('api_login');
  let api: TestApp;
  beforeAll(async () => {
    // Accounts name registry records: the registry's seed, and the person the office opens an account for.
    await new RegistryWriter(db.dataSource).writeRegistryBatch(
      [
        ...REGISTRY_SEED,
        {
          kind: 'person',
          op: 'put',
          record: { id: 'person-wang', name: '王力', post: '安全员', unitId: 'unit-a', phone: null, roles: ['safety_officer'] },
        },
      ],
      { actor: { id: 'o-seed', name: '安委办', role: 'office' }, reason: '初始登记', at: new Date(ACCOUNTS_NOW.getTime() - 60_000) },
    );
    const config = resolveAuthConfig(
      { passwordHashing: TEST_PASSWORD_HASHING, demoTokens: false, bootstrapOffice: { ...ADMIN, regionId: '330106', displayName: '安委办 管理员' } },
      [],
    );
    api = await startTestApp({
      secret: ACCOUNTS_SECRET,
      now: ACCOUNTS_NOW,
      client: {},
      imports: [TypeOrmModule.forRoot(dubanDataSourceOptions(db.url, { poolSize: 4 })), AccountsModule],
      overrides: [[AUTH_CONFIG, config]],
    });
  });
  afterAll(() => api?.close());

  const logIn = (loginName: string, password: string) => api.call('POST', '/auth/login', undefined, { loginName, password });

  it('the office logs in, creates an account; it logs in, refreshes, and a replayed refresh token ends its login', async () => {
    const admin = await logIn(ADMIN.loginName, ADMIN.password);
    expect(admin).toMatchObject({ status: 200, body: { account: { id: 'bootstrap-office', role: 'office', regionId: '330106' } } });
    const created = await api.call('POST', '/accounts', admin.body.accessToken, {
      id: 'acc-wang',
      loginName: 'Wang.Li',
      password: 'correct horse battery',
      displayName: '甲公司 王力',
      personId: 'person-wang',
      role: 'unit',
      unitId: 'unit-a',
      reason: '新任安全员',
    });
    expect(created).toMatchObject({ status: 201, body: { id: 'acc-wang', createdBy: { id: 'bootstrap-office' } } });

    const login = (await logIn('wang.li', 'correct horse battery')).body;
    expect((await api.call('GET', '/auth/me', login.accessToken)).body.account).toMatchObject({ id: 'acc-wang', unitId: 'unit-a' });
    const refreshed = (await api.call('POST', '/auth/refresh', undefined, { refreshToken: login.refreshToken })).body;
    expect(refreshed.sessionId).not.toBe(login.sessionId);
    expect((await api.call('POST', '/auth/refresh', undefined, { refreshToken: login.refreshToken })).status).toBe(401);
    expect((await api.call('GET', '/auth/me', refreshed.accessToken)).status).toBe(401);
    expect(await db.count(`auth_session WHERE account_id = 'acc-wang' AND revoked_reason = 'refresh_reused'`)).toBe(2);
    expect(await db.count(`auth_session WHERE refresh_token_hash = $1`, [login.refreshToken])).toBe(0);
  });

  it('logout ends the login at once; disabling an account ends its sessions and its logins', async () => {
    const admin = (await logIn(ADMIN.loginName, ADMIN.password)).body;
    const login = (await logIn('wang.li', 'correct horse battery')).body;
    expect((await api.call('POST', '/auth/logout', login.accessToken)).body).toEqual({ sessionsEnded: 1 });
    expect((await api.call('GET', '/auth/me', login.accessToken)).status).toBe(401);

    const again = (await logIn('wang.li', 'correct horse battery')).body;
    const version = (await api.call('GET', '/accounts/acc-wang', admin.accessToken)).body.version;
    const disabled = await api.call('PATCH', '/accounts/acc-wang', admin.accessToken, { expectedVersion: version, disabled: true, reason: '离职' });
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    expect((await api.call('GET', '/auth/me', again.accessToken)).status).toBe(401);
    expect((await logIn('wang.li', 'correct horse battery')).status).toBe(401);
  });

  it('refuses a demo token (no session) as production does', async () => {
    const demo = await api.call('GET', '/auth/me', { id: 'o-1', name: '安委办', role: 'office' });
    expect(demo.status).toBe(401);
  });
});

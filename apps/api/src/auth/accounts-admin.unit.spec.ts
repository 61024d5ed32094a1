import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { inspector, office, unitA } from '../testing/actors';
import type { TestApp } from '../testing/start-test-app';
import { InMemoryAccounts } from './testing/in-memory-accounts';
import { seededAccount, startAccountsApp } from './testing/start-accounts-app';

const PASSWORD = 'correct horse battery';
const newAccount = (over: Record<string, unknown> = {}) => ({
  id: 'acc-li',
  loginName: 'Li.Si',
  password: PASSWORD,
  displayName: '甲公司 李四',
  // REGISTRY_SEED's person of unit-a (accounts are checked against the registry).
  personId: 'person-a',
  role: 'unit',
  unitId: 'unit-a',
  reason: '新任安全员',
  ...over,
});

describe('accounts, as the office manages them (账号管理)', () => {
  let api: TestApp;
  let store: InMemoryAccounts;
  beforeAll(async () => {
    store = new InMemoryAccounts();
    store.rows.set('acc-office', seededAccount('acc-office', 'zhao.liu', PASSWORD, 'office'));
    ({ api } = await startAccountsApp(store, { loginRateLimit: { limit: 1000, windowMs: 60_000 } }));
  });
  afterAll(() => api?.close());

  it('the office creates an account (201, Location); the same creation again is a no-op (200); the new account logs in', async () => {
    const created = await api.call('POST', '/accounts', office, newAccount());
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/accounts/acc-li');
    expect(created.body).toMatchObject({ id: 'acc-li', loginName: 'Li.Si', role: 'unit', unitId: 'unit-a', version: 1, disabled: false });
    expect(created.body.createdBy).toEqual({ id: office.id, name: office.name });
    expect(store.rows.get('acc-li')?.passwordHash).toMatch(/^\$argon2id\$/);
    const again = await api.call('POST', '/accounts', office, newAccount());
    expect(again).toMatchObject({ status: 200, body: { id: 'acc-li', version: 1 } });
    expect((await api.call('POST', '/auth/login', undefined, { loginName: 'li.si', password: PASSWORD })).status).toBe(200);
    expect(await api.call('GET', '/accounts/acc-li', office)).toMatchObject({ status: 200, body: { id: 'acc-li' } });
    expect((await api.call('GET', '/accounts/nobody', office)).status).toBe(404);
  });

  it('refuses a taken id (another account) and a taken login name regardless of case (409)', async () => {
    expect(await api.call('POST', '/accounts', office, newAccount({ displayName: '别人' }))).toMatchObject({
      status: 409,
      body: { code: 'account.id_taken' },
    });
    expect(await api.call('POST', '/accounts', office, newAccount({ password: 'another passphrase!' }))).toMatchObject({
      status: 409,
      body: { code: 'account.id_taken' },
    });
    expect(await api.call('POST', '/accounts', office, newAccount({ id: 'acc-li-2', loginName: 'LI.SI' }))).toMatchObject({
      status: 409,
      body: { code: 'account.login_name_taken' },
    });
  });

  it('refuses a weak password, a person not in the registry and an office account without its region, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ id: 'acc-x1', loginName: 'x.one', password: 'too short' }, 'account.password.too_short', 'password'],
      [{ id: 'acc-x2', loginName: 'x.two', password: 'my x.two password' }, 'account.password.contains_login_name', 'password'],
      [{ id: 'acc-x3', loginName: 'x.three', personId: 'person-nobody' }, 'account.person_unknown', 'personId'],
      [{ id: 'acc-x4', loginName: 'x.four', role: 'office', unitId: undefined }, 'account.region_required', 'regionId'],
      [{ id: 'acc-x5', loginName: 'x', role: 'inspector' }, 'request.invalid', 'loginName'],
    ];
    for (const [over, code, field] of cases) {
      const res = await api.call('POST', '/accounts', office, newAccount(over));
      expect({ status: res.status, code: res.body.code, field: res.body.field }, JSON.stringify(over)).toEqual({ status: 400, code, field });
    }
    expect(store.rows.has('acc-x1')).toBe(false);
  });

  it('only the office manages accounts (403 for the others)', async () => {
    for (const actor of [inspector, unitA] as Actor[]) {
      expect((await api.call('POST', '/accounts', actor, newAccount({ id: 'acc-y', loginName: 'y.y' }))).status).toBe(403);
      expect((await api.call('PATCH', '/accounts/acc-li', actor, { expectedVersion: 1, disabled: true, reason: 'x' })).status).toBe(403);
    }
  });

  it('a change is made against the version read: a stale one is a 409, the same change again a no-op', async () => {
    store.rows.set('acc-zhou', seededAccount('acc-zhou', 'zhou.jiu', PASSWORD, 'inspector'));
    const renamed = await api.call('PATCH', '/accounts/acc-zhou', office, { expectedVersion: 1, displayName: '检查组 周九', reason: '更正姓名' });
    expect(renamed).toMatchObject({ status: 200, body: { displayName: '检查组 周九', version: 2, changeReason: '更正姓名' } });
    const repeated = await api.call('PATCH', '/accounts/acc-zhou', office, { expectedVersion: 1, displayName: '检查组 周九', reason: '更正姓名' });
    expect(repeated).toMatchObject({ status: 200, body: { version: 2 } });
    const stale = await api.call('PATCH', '/accounts/acc-zhou', office, { expectedVersion: 1, disabled: true, reason: '离职' });
    expect(stale).toMatchObject({ status: 409, body: { code: 'account.version_stale' } });
    expect(stale.body.detail).toMatch(/version 2, not 1/);
  });

  it('a role change restates the scope and ends the account’s sessions; scope fields without a role are refused', async () => {
    store.rows.set('acc-wu', seededAccount('acc-wu', 'wu.shi', PASSWORD, 'unit', { unitId: 'unit-a' }));
    const login = (await api.call('POST', '/auth/login', undefined, { loginName: 'wu.shi', password: PASSWORD })).body;
    const noRole = await api.call('PATCH', '/accounts/acc-wu', office, { expectedVersion: 1, unitId: 'unit-b', reason: '调动' });
    expect(noRole).toMatchObject({ status: 400, body: { code: 'account.scope_without_role', field: 'role' } });
    const moved = await api.call('PATCH', '/accounts/acc-wu', office, {
      expectedVersion: 1,
      role: 'unit',
      personId: 'person-b',
      unitId: 'unit-b',
      reason: '调动',
    });
    expect(moved).toMatchObject({ status: 200, body: { unitId: 'unit-b', version: 2 } });
    expect(moved.body).not.toHaveProperty('regionId');
    expect((await api.call('GET', '/auth/me', login.accessToken)).status).toBe(401);
    const relogin = (await api.call('POST', '/auth/login', undefined, { loginName: 'wu.shi', password: PASSWORD })).body;
    expect(relogin.account).toMatchObject({ unitId: 'unit-b' });
  });

  it('an office may not disable its own account nor change its own role', async () => {
    const login = (await api.call('POST', '/auth/login', undefined, { loginName: 'zhao.liu', password: PASSWORD })).body;
    const self = await api.call('PATCH', '/accounts/acc-office', login.accessToken, { expectedVersion: 1, disabled: true, reason: '误操作' });
    expect(self).toMatchObject({ status: 409, body: { code: 'account.own_account' } });
    const role = await api.call('PATCH', '/accounts/acc-office', login.accessToken, { expectedVersion: 1, role: 'inspector', reason: 'x' });
    expect(role).toMatchObject({ status: 409, body: { code: 'account.own_account' } });
    expect(store.rows.get('acc-office')).toMatchObject({ disabled: false, role: 'office', version: 1 });
  });
});

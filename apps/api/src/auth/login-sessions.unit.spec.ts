import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveAuthConfig } from '../config/auth-config';
import { readApiEnv } from '../config/read-api-env';
import { office, unitA } from '../testing/actors';
import type { TestApp } from '../testing/start-test-app';
import { LOGIN_REFUSED } from './login/login.service';
import { InMemoryAccounts } from './testing/in-memory-accounts';
import { seededAccount, startAccountsApp } from './testing/start-accounts-app';

const PASSWORD = 'correct horse battery';

function seeded(): InMemoryAccounts {
  const store = new InMemoryAccounts();
  store.rows.set('acc-wang', seededAccount('acc-wang', 'Wang.Li', PASSWORD, 'unit', { unitId: 'unit-a', regionId: 'county-east' }));
  store.rows.set('acc-zhao', seededAccount('acc-zhao', 'zhao.liu', PASSWORD, 'office'));
  return store;
}

describe('login, refresh and logout (登录、续期、退出)', () => {
  let api: TestApp;
  let store: InMemoryAccounts;
  beforeAll(async () => {
    ({ api, store } = await startAccountsApp(seeded(), { loginRateLimit: { limit: 1000, windowMs: 60_000 } }));
  });
  afterAll(() => api?.close());

  const logIn = (loginName = 'wang.li', password = PASSWORD) => api.call('POST', '/auth/login', undefined, { loginName, password });

  it('a login answers a 15-minute access token carrying the session and scope, and a refresh token', async () => {
    const res = await logIn('WANG.LI');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, account: { id: 'acc-wang', role: 'unit', unitId: 'unit-a' } });
    expect(res.body.account).not.toHaveProperty('passwordHash');
    const claims = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString('utf8'));
    expect(claims).toMatchObject({
      sub: 'acc-wang',
      role: 'unit',
      unitId: 'unit-a',
      regionId: 'county-east',
      personId: 'person-acc-wang',
      sid: res.body.sessionId,
    });
    expect(claims.exp - claims.iat).toBe(900);
    const me = await api.call('GET', '/auth/me', res.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      actor: { id: 'acc-wang', sessionId: res.body.sessionId, regionId: 'county-east' },
      account: { loginName: 'Wang.Li' },
    });
  });

  it('an unknown login name and a wrong password get the same 401', async () => {
    const unknown = await logIn('nobody.here');
    const wrong = await logIn('wang.li', 'not the password at all');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body.detail).toBe(LOGIN_REFUSED);
    expect(wrong.body.detail).toBe(LOGIN_REFUSED);
    expect(wrong.body.code).toBe('auth.unauthenticated');
  });

  it('a refresh rotates the tokens; the old refresh token presented again revokes the whole login', async () => {
    const login = (await logIn()).body;
    const refreshed = await api.call('POST', '/auth/refresh', undefined, { refreshToken: login.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.refreshToken);
    expect(refreshed.body.sessionId).not.toBe(login.sessionId);
    // Both access tokens work until the family is revoked (a rotated session's token lives out its 15 minutes).
    expect((await api.call('GET', '/auth/me', refreshed.body.accessToken)).status).toBe(200);
    expect((await api.call('GET', '/auth/me', login.accessToken)).status).toBe(200);

    const replayed = await api.call('POST', '/auth/refresh', undefined, { refreshToken: login.refreshToken });
    expect(replayed.status).toBe(401);
    expect(replayed.body.detail).toMatch(/already used .* every session of this login is revoked/);
    expect((await api.call('POST', '/auth/refresh', undefined, { refreshToken: refreshed.body.refreshToken })).status).toBe(401);
    expect((await api.call('GET', '/auth/me', refreshed.body.accessToken)).status).toBe(401);
    expect((await api.call('GET', '/auth/me', login.accessToken)).status).toBe(401);
    expect([...store.sessionRows.values()].filter((s) => s.familyId === login.sessionId).map((s) => s.revokedReason)).toEqual([
      'refresh_reused',
      'refresh_reused',
    ]);
  });

  it('after logout the access token is refused on the next call, and its refresh token too; another login stays', async () => {
    const one = (await logIn()).body;
    const other = (await logIn()).body;
    const out = await api.call('POST', '/auth/logout', one.accessToken);
    expect(out).toMatchObject({ status: 200, body: { sessionsEnded: 1 } });
    const next = await api.call('GET', '/auth/me', one.accessToken);
    expect(next.status).toBe(401);
    expect(next.body.detail).toMatch(/login session has ended/);
    expect((await api.call('POST', '/auth/refresh', undefined, { refreshToken: one.refreshToken })).status).toBe(401);
    expect((await api.call('GET', '/auth/me', other.accessToken)).status).toBe(200);
    // A demo token has no session to end.
    expect(await api.call('POST', '/auth/logout', unitA)).toMatchObject({ status: 200, body: { sessionsEnded: 0 } });
  });

  it('a disabled account cannot log in, and its sessions stop at once', async () => {
    store.rows.set('acc-qian', seededAccount('acc-qian', 'qian.qi', PASSWORD, 'inspector'));
    const login = (await logIn('qian.qi')).body;
    expect((await api.call('GET', '/auth/me', login.accessToken)).status).toBe(200);
    const disabled = await api.call('PATCH', '/accounts/acc-qian', office, { expectedVersion: 1, disabled: true, reason: '离职' });
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true, version: 2 } });
    expect((await api.call('GET', '/auth/me', login.accessToken)).status).toBe(401);
    expect((await api.call('POST', '/auth/refresh', undefined, { refreshToken: login.refreshToken })).status).toBe(401);
    const again = await logIn('qian.qi');
    expect(again.status).toBe(401);
    expect(again.body.detail).toBe(LOGIN_REFUSED);
  });

  it('a password change ends every other login of the account and keeps this one', async () => {
    store.rows.set('acc-sun', seededAccount('acc-sun', 'sun.ba', PASSWORD, 'auditor'));
    const here = (await logIn('sun.ba')).body;
    const elsewhere = (await logIn('sun.ba')).body;
    const newPassword = 'a much longer passphrase';
    const wrong = await api.call('POST', '/auth/password', here.accessToken, { currentPassword: 'wrong wrong wrong', newPassword });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'account.password.current_wrong', field: 'currentPassword' } });
    const weak = await api.call('POST', '/auth/password', here.accessToken, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak).toMatchObject({ status: 400, body: { code: 'account.password.too_short', field: 'newPassword' } });
    const changed = await api.call('POST', '/auth/password', here.accessToken, { currentPassword: PASSWORD, newPassword });
    expect(changed).toMatchObject({ status: 200, body: { sessionsEnded: 1, account: { version: 2 } } });
    expect((await api.call('GET', '/auth/me', elsewhere.accessToken)).status).toBe(401);
    expect((await api.call('GET', '/auth/me', here.accessToken)).status).toBe(200);
    expect((await logIn('sun.ba')).status).toBe(401);
    expect((await logIn('sun.ba', newPassword)).status).toBe(200);
    // A demo token has no account, so no password.
    expect(await api.call('POST', '/auth/password', unitA, { currentPassword: PASSWORD, newPassword })).toMatchObject({
      status: 409,
      body: { code: 'account.none' },
    });
  });

  it('checks the session on every call with one read, and not at all for a demo token', async () => {
    const login = (await logIn()).body;
    const before = store.statusReads;
    for (let n = 0; n < 3; n++) await api.call('GET', '/auth/me', login.accessToken);
    expect(store.statusReads - before).toBe(3);
    await api.call('GET', '/auth/me', unitA);
    expect(store.statusReads - before).toBe(3);
  });
});

describe('the login throttle (登录限流)', () => {
  let api: TestApp | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('refuses the attempts beyond the limit with 429 and Retry-After, before checking any password', async () => {
    ({ api } = await startAccountsApp(seeded(), { loginRateLimit: { limit: 3, windowMs: 60_000 } }));
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++)
      statuses.push((await api.call('POST', '/auth/login', undefined, { loginName: 'wang.li', password: `guess ${n} wrong` })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await fetch(`${api.base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginName: 'wang.li', password: PASSWORD }),
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('demo tokens (演示令牌) in production', () => {
  let api: TestApp | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('NODE_ENV=production turns them off; elsewhere they stay on', () => {
    const env = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233', DUBAN_AUTH_SECRET: 's' };
    expect(readApiEnv({ ...env, NODE_ENV: 'production' }).config.auth).toEqual({ demoTokens: false });
    expect(readApiEnv({ ...env, NODE_ENV: 'development' }).config).not.toHaveProperty('auth');
    expect(resolveAuthConfig({}, [], 'production').demoTokens).toBe(false);
    expect(resolveAuthConfig({}, [], 'test').demoTokens).toBe(true);
  });

  it('refuses a demo token (401) but honours a token a login issued', async () => {
    ({ api } = await startAccountsApp(seeded(), { demoTokens: false }));
    const demo = await api.call('GET', '/auth/me', unitA);
    expect(demo.status).toBe(401);
    expect(demo.body.detail).toMatch(/demo tokens\) are refused/);
    const login = await api.call('POST', '/auth/login', undefined, { loginName: 'wang.li', password: PASSWORD });
    expect((await api.call('GET', '/auth/me', login.body.accessToken)).status).toBe(200);
  });
});

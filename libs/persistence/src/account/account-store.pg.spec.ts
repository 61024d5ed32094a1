import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLedgerDatabase } from '../testing/ledger-database';
import { AccountStore, type NewAccount } from './account-store';
import { AuthSessions, type NewAuthSession } from './auth-sessions';

const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const office = { id: 'o-1', name: '安委办 李四' };

const account = (id: string, loginName: string, over: Partial<NewAccount> = {}): NewAccount => ({
  id,
  loginName,
  loginKey: loginName.toLowerCase(),
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  displayName: '甲公司 张三',
  personId: `person-${id}`,
  role: 'unit',
  unitId: 'unit-a',
  regionId: null,
  industryId: null,
  disabled: false,
  createdAt: T0,
  createdById: office.id,
  createdByName: office.name,
  changeReason: '开通账号',
  ...over,
});

const session = (accountId: string, over: Partial<NewAuthSession> = {}): NewAuthSession => {
  const id = randomUUID();
  return {
    id,
    accountId,
    familyId: id,
    refreshTokenHash: randomUUID().replace(/-/g, '').repeat(2),
    createdAt: T0,
    expiresAt: at(720),
    familyExpiresAt: at(7 * 1440),
    userAgent: null,
    ip: '127.0.0.1',
    ...over,
  };
};

describe('accounts on PostgreSQL', () => {
  const db = useLedgerDatabase('accounts');
  let accounts: AccountStore;
  let sessions: AuthSessions;
  beforeAll(() => {
    accounts = new AccountStore(db.dataSource);
    sessions = new AuthSessions(db.dataSource);
  });

  it('creates an account at version 1, finds it by id and by login name regardless of case', async () => {
    const created = await accounts.create(account('acc-1', 'Zhang.San'));
    expect(created).toMatchObject({
      outcome: 'created',
      account: { id: 'acc-1', loginName: 'Zhang.San', version: 1, changedAt: T0, disabled: false },
    });
    expect((await accounts.byLoginKey('zhang.san'))?.id).toBe('acc-1');
    expect((await accounts.byId('acc-1'))?.regionId).toBeNull();
    expect(await accounts.byId('nobody')).toBeUndefined();
  });

  it('a login name is unique regardless of case; a repeated create of an id writes nothing and answers what is there', async () => {
    await accounts.create(account('acc-2', 'li.si'));
    expect(await accounts.create(account('acc-3', 'LI.SI'))).toEqual({ outcome: 'login_name_taken' });
    const again = await accounts.create(account('acc-2', 'li.si', { displayName: 'changed' }));
    expect(again).toMatchObject({ outcome: 'id_exists', account: { displayName: '甲公司 张三', version: 1 } });
    expect(await db.count(`account WHERE login_key = 'li.si'`)).toBe(1);
    const racing = await Promise.all([1, 2, 3, 4].map((n) => accounts.create(account(`acc-race-${n}`, 'Wang.Wu'))));
    expect(racing.filter((r) => r.outcome === 'created')).toHaveLength(1);
  });

  it('a change applies only at the expected version, counting it up; a stale or unknown one writes nothing', async () => {
    await accounts.create(account('acc-4', 'zhao.liu'));
    const by = { by: office, at: at(10), reason: '调岗' };
    const changed = await accounts.update('acc-4', 1, { role: 'inspector', unitId: null }, by);
    expect(changed).toMatchObject({
      outcome: 'updated',
      sessionsRevoked: 0,
      account: { role: 'inspector', unitId: null, version: 2, changeReason: '调岗' },
    });
    expect(await accounts.update('acc-4', 1, { disabled: true }, by)).toMatchObject({ outcome: 'stale', account: { version: 2, disabled: false } });
    expect(await accounts.update('nobody', 1, { disabled: true }, by)).toEqual({ outcome: 'missing' });
    expect(await accounts.anyOfRole('inspector')).toBe(true);
    expect(await accounts.anyOfRole('auditor')).toBe(false);
  });

  it('disabling ends every session of the account in the same write; a password change may keep one family', async () => {
    await accounts.create(account('acc-5', 'qian.qi'));
    const [a, b, c] = [session('acc-5'), session('acc-5'), session('acc-5')];
    for (const s of [a, b, c]) await sessions.open(s);
    const kept = await accounts.update(
      'acc-5',
      1,
      { passwordHash: 'new' },
      { by: office, at: at(5), reason: '修改密码' },
      {
        reason: 'password_changed',
        exceptFamilyId: a.familyId,
      },
    );
    expect(kept).toMatchObject({ outcome: 'updated', sessionsRevoked: 2 });
    expect(await sessions.status(a.id)).toMatchObject({ revokedAt: null });
    expect(await sessions.status(b.id)).toMatchObject({ revokedAt: at(5) });
    const disabled = await accounts.update('acc-5', 2, { disabled: true }, { by: office, at: at(6), reason: '离职' }, { reason: 'account_disabled' });
    expect(disabled).toMatchObject({ outcome: 'updated', sessionsRevoked: 1 });
    expect(await sessions.status(a.id)).toMatchObject({ revokedAt: at(6) });
    // b keeps its first revocation.
    expect((await sessions.byRefreshTokenHash(b.refreshTokenHash))?.revokedReason).toBe('password_changed');
  });
});

describe('sessions on PostgreSQL: rotation and family revocation', () => {
  const db = useLedgerDatabase('auth_sessions');
  let sessions: AuthSessions;
  beforeAll(async () => {
    sessions = new AuthSessions(db.dataSource);
    await new AccountStore(db.dataSource).create(account('acc-s', 'sun.ba'));
  });

  it('a rotation marks the token used and opens the next session in the same family, once', async () => {
    const first = session('acc-s');
    await sessions.open(first);
    const next = session('acc-s', { familyId: first.familyId, createdAt: at(30) });
    expect(await sessions.rotate(first.id, next, at(30))).toBe(true);
    expect(await sessions.byRefreshTokenHash(first.refreshTokenHash)).toMatchObject({ rotatedAt: at(30), revokedAt: null });
    expect(await sessions.byRefreshTokenHash(next.refreshTokenHash)).toMatchObject({ familyId: first.familyId, rotatedAt: null });
    // The same token again does not rotate: nothing is written.
    const third = session('acc-s', { familyId: first.familyId });
    expect(await sessions.rotate(first.id, third, at(31))).toBe(false);
    expect(await sessions.byRefreshTokenHash(third.refreshTokenHash)).toBeUndefined();
  });

  it('of refreshes racing with one token exactly one rotates', async () => {
    const first = session('acc-s');
    await sessions.open(first);
    const results = await Promise.all([1, 2, 3, 4].map(() => sessions.rotate(first.id, session('acc-s', { familyId: first.familyId }), at(1))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.count('auth_session WHERE family_id = $1', [first.familyId])).toBe(2);
  });

  it('an expired or revoked session does not rotate', async () => {
    const expired = session('acc-s', { expiresAt: at(10) });
    await sessions.open(expired);
    expect(await sessions.rotate(expired.id, session('acc-s', { familyId: expired.familyId }), at(10))).toBe(false);
    const revoked = session('acc-s');
    await sessions.open(revoked);
    await sessions.revokeFamily(revoked.familyId, at(1), 'logout');
    expect(await sessions.rotate(revoked.id, session('acc-s', { familyId: revoked.familyId }), at(2))).toBe(false);
  });

  it('revoking a family ends every session of it (and only it), and repeating it changes nothing', async () => {
    const first = session('acc-s');
    await sessions.open(first);
    const second = session('acc-s', { familyId: first.familyId });
    await sessions.rotate(first.id, second, at(5));
    const other = session('acc-s');
    await sessions.open(other);
    expect(await sessions.revokeFamily(first.familyId, at(7), 'refresh_reused')).toBe(2);
    expect(await sessions.revokeFamily(first.familyId, at(8), 'logout')).toBe(0);
    expect(await sessions.status(second.id)).toEqual({ accountId: 'acc-s', familyId: first.familyId, revokedAt: at(7), expiresAt: at(720) });
    expect((await sessions.byRefreshTokenHash(first.refreshTokenHash))?.revokedReason).toBe('refresh_reused');
    expect(await sessions.status(other.id)).toMatchObject({ revokedAt: null });
    const kept = session('acc-s');
    await sessions.open(kept);
    expect(await sessions.revokeAccount('acc-s', at(9), 'account_disabled', kept.familyId)).toBeGreaterThanOrEqual(1);
    expect(await sessions.status(kept.id)).toMatchObject({ revokedAt: null, familyId: kept.familyId });
    expect(await sessions.status(other.id)).toMatchObject({ revokedAt: at(9) });
    expect(await sessions.status(randomUUID())).toBeUndefined();
  });
});

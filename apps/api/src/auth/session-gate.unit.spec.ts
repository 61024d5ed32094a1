import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuthSessions } from '@duban/persistence';
import { resolveAuthConfig } from '../config/auth-config';
import { SessionGate } from './session-gate';
import { InMemoryAccounts } from './testing/in-memory-accounts';

const T0 = new Date('2026-03-02T01:00:00.000Z');

function gateWith(cacheMs: number) {
  const store = new InMemoryAccounts();
  let now = T0;
  const gate = new SessionGate(store.sessions as AuthSessions, () => now, resolveAuthConfig({ sessionCheckCacheMs: cacheMs }, []));
  const id = randomUUID();
  void store.sessions.open({
    id,
    accountId: 'acc-1',
    familyId: id,
    refreshTokenHash: 'h',
    createdAt: T0,
    expiresAt: new Date(T0.getTime() + 60_000),
    familyExpiresAt: new Date(T0.getTime() + 60_000),
    userAgent: null,
    ip: null,
  });
  return { store, gate, id, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('the per-request session check (SessionGate)', () => {
  it('honours an active session of the token’s account only', async () => {
    const { gate, id } = gateWith(0);
    expect(await gate.isActive(id, 'acc-1')).toBe(true);
    expect(await gate.isActive(id, 'acc-2')).toBe(false);
    expect(await gate.isActive(randomUUID(), 'acc-1')).toBe(false);
    expect(await gate.isActive('not-a-uuid', 'acc-1')).toBe(false);
  });

  it('remembers an active session for the cache time, never past its expiry, then reads again', async () => {
    const { store, gate, id, advance } = gateWith(1000);
    await gate.isActive(id, 'acc-1');
    await gate.isActive(id, 'acc-1');
    expect(store.statusReads).toBe(1);
    advance(1000);
    await gate.isActive(id, 'acc-1');
    expect(store.statusReads).toBe(2);
    // Revoked by another process: seen once the remembered time has passed.
    await store.sessions.revokeFamily(id, T0, 'logout');
    expect(await gate.isActive(id, 'acc-1')).toBe(true);
    advance(1000);
    expect(await gate.isActive(id, 'acc-1')).toBe(false);
  });

  it('a revocation made in this process applies on the next call (forgetAll)', async () => {
    const { store, gate, id } = gateWith(60_000);
    expect(await gate.isActive(id, 'acc-1')).toBe(true);
    await store.sessions.revokeFamily(id, T0, 'logout');
    gate.forgetAll();
    expect(await gate.isActive(id, 'acc-1')).toBe(false);
  });

  it('an expired session is refused although remembered', async () => {
    const { gate, id, advance } = gateWith(120_000);
    expect(await gate.isActive(id, 'acc-1')).toBe(true);
    advance(60_000);
    expect(await gate.isActive(id, 'acc-1')).toBe(false);
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLedgerDatabase } from '../testing/ledger-database';
import { IdempotencyKeys, type KeyClaimInput } from './idempotency-keys';

const T0 = new Date('2026-03-02T01:00:00.000Z');
const HOUR = 3600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

const request = (over: Partial<KeyClaimInput> = {}): KeyClaimInput => ({
  scope: randomUUID(),
  fingerprint: 'f'.repeat(64),
  request: 'POST /hazards',
  ...over,
});

describe('idempotency keys on PostgreSQL', () => {
  const db = useLedgerDatabase('idempotency_keys');
  let keys: IdempotencyKeys;
  beforeAll(() => {
    keys = new IdempotencyKeys(db.dataSource, 24 * HOUR);
  });

  it('a key is claimed once; the same request again is a repeat, another request under it is refused with the first one named', async () => {
    const first = request();
    expect(await keys.claim(first, at(0))).toEqual({ outcome: 'first', at: at(0) });
    expect(await keys.claim(first, at(1))).toEqual({ outcome: 'repeat', firstAt: at(0) });
    expect(await keys.claim({ ...first, fingerprint: 'e'.repeat(64), request: 'POST /hazards/h-1/progress' }, at(2))).toEqual({
      outcome: 'reused',
      request: 'POST /hazards',
      firstAt: at(0),
    });
    expect(await db.count('idempotency_key WHERE scope = $1', [first.scope])).toBe(1);
  });

  it('of many requests racing for one key with different bodies, exactly one holds it and the others are refused', async () => {
    const scope = randomUUID();
    const claims = await Promise.all(Array.from({ length: 8 }, (_, n) => keys.claim(request({ scope, fingerprint: String(n).repeat(64) }), at(0))));
    expect(claims.filter((c) => c.outcome === 'first')).toHaveLength(1);
    expect(claims.filter((c) => c.outcome === 'reused')).toHaveLength(7);
  });

  it('after its lifetime a key is free again: another request may claim it', async () => {
    const first = request();
    await keys.claim(first, at(0));
    const later = { ...first, fingerprint: 'd'.repeat(64) };
    expect((await keys.claim(later, at(23.9))).outcome).toBe('reused');
    expect(await keys.claim(later, at(24))).toEqual({ outcome: 'first', at: at(24) });
    expect(await keys.claim(first, at(25))).toMatchObject({ outcome: 'reused', firstAt: at(24) });
  });

  it('a released claim frees the key, but only the claim that holds it can release it', async () => {
    const first = request();
    const claim = await keys.claim(first, at(0));
    if (claim.outcome !== 'first') throw new Error('not claimed');
    await keys.release({ ...first, fingerprint: 'c'.repeat(64) }, claim.at);
    await keys.release(first, at(1));
    expect((await keys.claim(first, at(2))).outcome).toBe('repeat');
    await keys.release(first, claim.at);
    expect(await keys.claim({ ...first, fingerprint: 'c'.repeat(64) }, at(3))).toEqual({ outcome: 'first', at: at(3) });
  });

  it('purges the keys past their lifetime, and only those', async () => {
    const old = request();
    const fresh = request();
    await keys.claim(old, at(100));
    await keys.claim(fresh, at(110));
    const purged = await keys.purgeExpired(at(125));
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await db.count('idempotency_key WHERE scope = $1', [old.scope])).toBe(0);
    expect(await db.count('idempotency_key WHERE scope = $1', [fresh.scope])).toBe(1);
  });
});

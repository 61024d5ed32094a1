import { IDEMPOTENCY_KEY_LIFETIME_MS } from '@duban/domain';
import type { IdempotencyKeys, KeyClaim, KeyClaimInput } from '@duban/persistence';

type Held = { fingerprint: string; request: string; at: Date };

/** IdempotencyKeys in memory, with the table's semantics (claim, lifetime, release by the holder); the table itself is covered by its pg spec. */
export class InMemoryIdempotencyKeys implements Pick<IdempotencyKeys, 'claim' | 'release' | 'purgeExpired'> {
  readonly held = new Map<string, Held>();

  async claim(input: KeyClaimInput, now: Date): Promise<KeyClaim> {
    const held = this.held.get(input.scope);
    if (!held || held.at.getTime() <= now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS) {
      this.held.set(input.scope, { fingerprint: input.fingerprint, request: input.request, at: now });
      return { outcome: 'first', at: now };
    }
    return held.fingerprint === input.fingerprint
      ? { outcome: 'repeat', firstAt: held.at }
      : { outcome: 'reused', request: held.request, firstAt: held.at };
  }

  async release(input: KeyClaimInput, claimedAt: Date): Promise<void> {
    const held = this.held.get(input.scope);
    if (held && held.fingerprint === input.fingerprint && held.at.getTime() === claimedAt.getTime()) this.held.delete(input.scope);
  }

  async purgeExpired(now: Date): Promise<number> {
    let purged = 0;
    for (const [scope, held] of this.held) {
      if (held.at.getTime() <= now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS) purged += Number(this.held.delete(scope));
    }
    return purged;
  }
}

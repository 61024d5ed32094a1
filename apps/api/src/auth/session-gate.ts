import { Inject, Injectable } from '@nestjs/common';
import { isSessionActive } from '@duban/domain';
import { AuthSessions } from '@duban/persistence';
import type { ResolvedAuthConfig } from '../config/auth-config';
import { AUTH_CONFIG, CLOCK } from '../config/api-config.tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Past this many remembered sessions the memory starts afresh (it is only a shortcut). */
const MAX_REMEMBERED = 10_000;

/**
 * Whether a token's session (`sid`) is still honoured: one primary-key read of auth_session,
 * remembered as active for `sessionCheckCacheMs` (never past the session's expiry) so a burst
 * of calls costs one read. A revocation made in this process forgets everything remembered, so
 * it applies here on the next call; another process's applies within the remembered time.
 */
@Injectable()
export class SessionGate {
  private readonly activeUntil = new Map<string, number>();

  constructor(
    private readonly sessions: AuthSessions,
    @Inject(CLOCK) private readonly now: () => Date,
    @Inject(AUTH_CONFIG) private readonly config: ResolvedAuthConfig,
  ) {}

  async isActive(sessionId: string, accountId: string): Promise<boolean> {
    const now = this.now();
    const until = this.activeUntil.get(sessionId);
    if (until !== undefined && until > now.getTime()) return true;
    this.activeUntil.delete(sessionId);
    if (!UUID.test(sessionId)) return false;
    const status = await this.sessions.status(sessionId);
    if (!status || status.accountId !== accountId || !isSessionActive(status, now)) return false;
    if (this.config.sessionCheckCacheMs > 0) {
      if (this.activeUntil.size >= MAX_REMEMBERED) this.activeUntil.clear();
      this.activeUntil.set(sessionId, Math.min(now.getTime() + this.config.sessionCheckCacheMs, status.expiresAt.getTime()));
    }
    return true;
  }

  /** After any revocation in this process: nothing remembered is trusted any more. */
  forgetAll(): void {
    this.activeUntil.clear();
  }
}

import type {
  AccountChange,
  AccountChangeRecord,
  AccountRow,
  AccountStore,
  AuthSessionRow,
  AuthSessions,
  AuthSessionStatus,
  CreateOutcome,
  NewAccount,
  NewAuthSession,
  SessionsToRevoke,
  UpdateOutcome,
} from '@duban/persistence';
import type { SessionRevocationReason } from '@duban/domain';

type AccountMethods = Pick<AccountStore, 'create' | 'byId' | 'byLoginKey' | 'anyOfRole' | 'update'>;
type SessionMethods = Pick<AuthSessions, 'open' | 'byRefreshTokenHash' | 'status' | 'rotate' | 'revokeFamily' | 'revokeAccount'>;

const copy = <T>(row: T): T => ({ ...row });

/**
 * AccountStore and AuthSessions in memory, with the tables' semantics (unique id and login key,
 * versioned changes revoking sessions in the same write, rotation only of a current session,
 * revocations keeping the first); the tables themselves are covered by account-store.pg.spec.
 */
export class InMemoryAccounts {
  readonly rows = new Map<string, AccountRow>();
  readonly sessionRows = new Map<string, AuthSessionRow>();
  /** How many session reads the bearer guard made (the cost of the per-request check). */
  statusReads = 0;

  readonly accounts: AccountMethods = {
    create: async (input: NewAccount): Promise<CreateOutcome> => {
      const existing = this.rows.get(input.id);
      if (existing) return { outcome: 'id_exists', account: copy(existing) };
      if ([...this.rows.values()].some((row) => row.loginKey === input.loginKey)) return { outcome: 'login_name_taken' };
      const row: AccountRow = {
        ...input,
        version: 1,
        changedAt: input.createdAt,
        changedById: input.createdById,
        changedByName: input.createdByName,
      };
      this.rows.set(row.id, row);
      return { outcome: 'created', account: copy(row) };
    },
    byId: async (id) => (this.rows.has(id) ? copy(this.rows.get(id)!) : undefined),
    byLoginKey: async (key) => {
      const row = [...this.rows.values()].find((r) => r.loginKey === key);
      return row && copy(row);
    },
    anyOfRole: async (role) => [...this.rows.values()].some((r) => r.role === role),
    update: async (
      id: string,
      expectedVersion: number,
      change: AccountChange,
      record: AccountChangeRecord,
      revoke?: SessionsToRevoke,
    ): Promise<UpdateOutcome> => {
      const row = this.rows.get(id);
      if (!row) return { outcome: 'missing' };
      if (row.version !== expectedVersion) return { outcome: 'stale', account: copy(row) };
      const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
      Object.assign(row, defined, {
        version: row.version + 1,
        changedAt: record.at,
        changedById: record.by.id,
        changedByName: record.by.name,
        changeReason: record.reason,
      });
      let sessionsRevoked = 0;
      if (revoke) {
        for (const s of this.sessionRows.values()) {
          if (s.accountId === id && s.familyId !== revoke.exceptFamilyId && revokeOne(s, record.at, revoke.reason)) sessionsRevoked++;
        }
      }
      return { outcome: 'updated', account: copy(row), sessionsRevoked };
    },
  };

  readonly sessions: SessionMethods = {
    open: async (session: NewAuthSession) => {
      this.sessionRows.set(session.id, { ...session, rotatedAt: null, revokedAt: null, revokedReason: null });
    },
    byRefreshTokenHash: async (hash) => {
      const row = [...this.sessionRows.values()].find((s) => s.refreshTokenHash === hash);
      return row && copy(row);
    },
    status: async (id): Promise<AuthSessionStatus | undefined> => {
      this.statusReads++;
      const row = this.sessionRows.get(id);
      return row && { accountId: row.accountId, familyId: row.familyId, revokedAt: row.revokedAt, expiresAt: row.expiresAt };
    },
    rotate: async (fromId, next, now) => {
      const from = this.sessionRows.get(fromId);
      if (!from || from.rotatedAt !== null || from.revokedAt !== null || from.expiresAt.getTime() <= now.getTime()) return false;
      from.rotatedAt = now;
      await this.sessions.open(next);
      return true;
    },
    revokeFamily: async (familyId, now, reason) => this.revokeWhere((s) => s.familyId === familyId, now, reason),
    revokeAccount: async (accountId, now, reason, exceptFamilyId) =>
      this.revokeWhere((s) => s.accountId === accountId && s.familyId !== exceptFamilyId, now, reason),
  };

  private revokeWhere(match: (s: AuthSessionRow) => boolean, now: Date, reason: SessionRevocationReason): number {
    let n = 0;
    for (const s of this.sessionRows.values()) if (match(s) && revokeOne(s, now, reason)) n++;
    return n;
  }
}

function revokeOne(session: AuthSessionRow, now: Date, reason: SessionRevocationReason): boolean {
  if (session.revokedAt !== null) return false;
  session.revokedAt = now;
  session.revokedReason = reason;
  return true;
}

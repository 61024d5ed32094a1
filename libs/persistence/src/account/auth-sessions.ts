import type { DataSource } from 'typeorm';
import type { SessionRevocationReason } from '@duban/domain';
import { columnNames, EntityTable, perDataSource, rowPlaceholders, selectColumns, type PropertyOf } from '../sql/entity-table';
import { AuthSessionRecord } from './auth-session-record.entity';

export type AuthSessionRow = Pick<AuthSessionRecord, PropertyOf<AuthSessionRecord>>;

/** A session to open: at login (its own family) or by a rotation (its predecessor's family). */
export type NewAuthSession = Omit<AuthSessionRow, 'rotatedAt' | 'revokedAt' | 'revokedReason'>;

/** What the bearer guard reads of a session on every call. */
export type AuthSessionStatus = Pick<AuthSessionRow, 'accountId' | 'familyId' | 'revokedAt' | 'expiresAt'>;

const statements = perDataSource((dataSource) => {
  const table = EntityTable.of(dataSource, AuthSessionRecord);
  const [id, familyId, accountId, hash, expiresAt, rotatedAt, revokedAt, revokedReason] = table
    .only('id', 'familyId', 'accountId', 'refreshTokenHash', 'expiresAt', 'rotatedAt', 'revokedAt', 'revokedReason')
    .map((c) => `"${c.name}"`);
  const all = selectColumns(table.columns);
  const opened = table.except('rotatedAt', 'revokedAt', 'revokedReason');
  return {
    opened,
    insert: (values: string) => `INSERT INTO ${table.name} (${columnNames(opened)}) VALUES (${values})`,
    byHash: `SELECT ${all} FROM ${table.name} WHERE ${hash} = $1`,
    status: `SELECT ${selectColumns(table.only('accountId', 'familyId', 'revokedAt', 'expiresAt'))} FROM ${table.name} WHERE ${id} = $1`,
    // Only a current session rotates: of two refreshes racing with one token, one wins.
    markRotated: `UPDATE ${table.name} SET ${rotatedAt} = $2::timestamptz
      WHERE ${id} = $1 AND ${rotatedAt} IS NULL AND ${revokedAt} IS NULL AND ${expiresAt} > $2::timestamptz`,
    revokeFamily: `UPDATE ${table.name} SET ${revokedAt} = $2::timestamptz, ${revokedReason} = $3 WHERE ${familyId} = $1 AND ${revokedAt} IS NULL`,
    revokeAccount: `UPDATE ${table.name} SET ${revokedAt} = $2::timestamptz, ${revokedReason} = $3
      WHERE ${accountId} = $1 AND ${revokedAt} IS NULL AND ${familyId} IS DISTINCT FROM $4::uuid`,
  };
});

/**
 * Login sessions (table auth_session), one row per refresh token; the token itself is never
 * stored, only its hash. Revocations are safe to repeat (a revoked session keeps its first
 * revocation). A refresh is deliberately not: a rotated token presented again is how theft shows.
 */
export class AuthSessions {
  constructor(private readonly dataSource: DataSource) {}

  async open(session: NewAuthSession): Promise<void> {
    const sql = statements(this.dataSource);
    const params: unknown[] = [];
    await this.dataSource.query(sql.insert(rowPlaceholders(sql.opened, session, params)), params);
  }

  async byRefreshTokenHash(hash: string): Promise<AuthSessionRow | undefined> {
    const [row] = await this.dataSource.query(statements(this.dataSource).byHash, [hash]);
    return row;
  }

  /** One primary-key read: the bearer guard's check of a token's `sid`. */
  async status(sessionId: string): Promise<AuthSessionStatus | undefined> {
    const [row] = await this.dataSource.query(statements(this.dataSource).status, [sessionId]);
    return row;
  }

  /**
   * Marks `fromId` rotated and opens `next` in one transaction; false (nothing written) when
   * `fromId` is no longer current at `now` (rotated, revoked or expired meanwhile).
   */
  async rotate(fromId: string, next: NewAuthSession, now: Date): Promise<boolean> {
    const sql = statements(this.dataSource);
    return this.dataSource.transaction(async (manager) => {
      const [, affected] = await manager.query(sql.markRotated, [fromId, now]);
      if (affected !== 1) return false;
      const params: unknown[] = [];
      await manager.query(sql.insert(rowPlaceholders(sql.opened, next, params)), params);
      return true;
    });
  }

  /** Revokes every session of the family not yet revoked; answers how many. */
  async revokeFamily(familyId: string, now: Date, reason: SessionRevocationReason): Promise<number> {
    const [, affected] = await this.dataSource.query(statements(this.dataSource).revokeFamily, [familyId, now, reason]);
    return affected as number;
  }

  /** Revokes every session of the account not yet revoked (but `exceptFamilyId`'s); answers how many. */
  async revokeAccount(accountId: string, now: Date, reason: SessionRevocationReason, exceptFamilyId?: string): Promise<number> {
    const [, affected] = await this.dataSource.query(statements(this.dataSource).revokeAccount, [accountId, now, reason, exceptFamilyId ?? null]);
    return affected as number;
  }
}

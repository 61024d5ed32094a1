import type { DataSource, EntityManager } from 'typeorm';
import type { SessionRevocationReason } from '@duban/domain';
import { columnNames, EntityTable, perDataSource, rowPlaceholders, selectColumns, type PropertyOf } from '../sql/entity-table';
import { AccountRecord } from './account-record.entity';
import { AuthSessionRecord } from './auth-session-record.entity';

/** An account as stored (the password hash too: only the login and password services read it). */
export type AccountRow = Pick<AccountRecord, PropertyOf<AccountRecord>>;

/** A new account: every column but the bookkeeping the store fills (version 1, changed = created). */
export type NewAccount = Omit<AccountRow, 'version' | 'changedAt' | 'changedById' | 'changedByName'>;

/** The columns a change may set. */
export type AccountChange = Partial<
  Pick<AccountRow, 'displayName' | 'personId' | 'role' | 'unitId' | 'regionId' | 'industryId' | 'disabled' | 'passwordHash'>
>;

/** Who changed an account, when and why. */
export interface AccountChangeRecord {
  by: { id: string; name: string };
  at: Date;
  reason: string;
}

/** Sessions a change ends with it, in the same transaction: all of the account's but `exceptFamilyId`'s. */
export interface SessionsToRevoke {
  reason: SessionRevocationReason;
  exceptFamilyId?: string;
}

export type CreateOutcome =
  { outcome: 'created'; account: AccountRow } | { outcome: 'id_exists'; account: AccountRow } | { outcome: 'login_name_taken' };

export type UpdateOutcome =
  { outcome: 'updated'; account: AccountRow; sessionsRevoked: number } | { outcome: 'stale'; account: AccountRow } | { outcome: 'missing' };

const statements = perDataSource((dataSource) => {
  const account = EntityTable.of(dataSource, AccountRecord);
  const session = EntityTable.of(dataSource, AuthSessionRecord);
  const [id, loginKey, role, version] = account.only('id', 'loginKey', 'role', 'version').map((c) => `"${c.name}"`);
  const [sessionAccount, sessionFamily, revokedAt, revokedReason] = session
    .only('accountId', 'familyId', 'revokedAt', 'revokedReason')
    .map((c) => `"${c.name}"`);
  const all = selectColumns(account.columns);
  return {
    columns: account.columns,
    // Either unique key (id, login name) taken: nothing is written; the caller reads which.
    insert: (values: string) =>
      `INSERT INTO ${account.name} (${columnNames(account.columns)}) VALUES (${values}) ON CONFLICT DO NOTHING RETURNING ${all}`,
    byId: `SELECT ${all} FROM ${account.name} WHERE ${id} = $1`,
    byLoginKey: `SELECT ${all} FROM ${account.name} WHERE ${loginKey} = $1`,
    anyOfRole: `SELECT 1 FROM ${account.name} WHERE ${role} = $1 LIMIT 1`,
    columnOf: (property: PropertyOf<AccountRecord>) => `"${account.only(property)[0]!.name}"`,
    update: (assignments: string, n: number) =>
      `UPDATE ${account.name} SET ${assignments}, ${version} = ${version} + 1 WHERE ${id} = $${n + 1} AND ${version} = $${n + 2} RETURNING ${all}`,
    revokeSessions: (except: boolean) =>
      `UPDATE ${session.name} SET ${revokedAt} = $2::timestamptz, ${revokedReason} = $3
        WHERE ${sessionAccount} = $1 AND ${revokedAt} IS NULL${except ? ` AND ${sessionFamily} <> $4` : ''}`,
  };
});

const CHANGE_COLUMNS = ['displayName', 'personId', 'role', 'unitId', 'regionId', 'industryId', 'disabled', 'passwordHash'] as const;

/**
 * The account table. Writes are safe to retry: a create of an id or login name that exists
 * writes nothing and says which (the caller tells a repeat from a clash), and a change carries
 * the version it was made against, so a repeated or crossing one is answered `stale`.
 */
export class AccountStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: NewAccount): Promise<CreateOutcome> {
    const sql = statements(this.dataSource);
    const row: AccountRow = { ...input, version: 1, changedAt: input.createdAt, changedById: input.createdById, changedByName: input.createdByName };
    const params: unknown[] = [];
    const [created] = await this.dataSource.query(sql.insert(rowPlaceholders(sql.columns, row, params)), params);
    if (created) return { outcome: 'created', account: created };
    const existing = await this.byId(input.id);
    return existing ? { outcome: 'id_exists', account: existing } : { outcome: 'login_name_taken' };
  }

  async byId(id: string): Promise<AccountRow | undefined> {
    const [row] = await this.dataSource.query(statements(this.dataSource).byId, [id]);
    return row;
  }

  /** By login name, regardless of case (pass the domain's `loginKey`). */
  async byLoginKey(loginKey: string): Promise<AccountRow | undefined> {
    const [row] = await this.dataSource.query(statements(this.dataSource).byLoginKey, [loginKey]);
    return row;
  }

  async anyOfRole(role: AccountRow['role']): Promise<boolean> {
    return (await this.dataSource.query(statements(this.dataSource).anyOfRole, [role])).length > 0;
  }

  /** Applies `change` if the account is still at `expectedVersion`, and ends `revoke`'s sessions with it (one transaction). */
  async update(
    id: string,
    expectedVersion: number,
    change: AccountChange,
    record: AccountChangeRecord,
    revoke?: SessionsToRevoke,
  ): Promise<UpdateOutcome> {
    const sql = statements(this.dataSource);
    const params: unknown[] = [];
    const assignments: string[] = [];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      assignments.push(`${column} = $${params.length}${cast}`);
    };
    for (const property of CHANGE_COLUMNS) if (change[property] !== undefined) set(sql.columnOf(property), change[property]);
    set(sql.columnOf('changedAt'), record.at, '::timestamptz');
    set(sql.columnOf('changedById'), record.by.id);
    set(sql.columnOf('changedByName'), record.by.name);
    set(sql.columnOf('changeReason'), record.reason);
    const n = params.length;
    return this.dataSource.transaction(async (manager) => {
      const [updated]: AccountRow[] = await manager.query(sql.update(assignments.join(', '), n), [...params, id, expectedVersion]).then(rowsOf);
      if (!updated) {
        const [current] = await manager.query(sql.byId, [id]);
        return current ? { outcome: 'stale', account: current } : { outcome: 'missing' };
      }
      const sessionsRevoked = revoke ? await revokeSessions(manager, sql, id, record.at, revoke) : 0;
      return { outcome: 'updated', account: updated, sessionsRevoked };
    });
  }
}

/** pg answers an UPDATE … RETURNING through TypeORM as [rows, count]. */
function rowsOf(result: unknown): AccountRow[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? result[0] : (result as AccountRow[]);
}

async function revokeSessions(
  manager: EntityManager,
  sql: ReturnType<typeof statements>,
  accountId: string,
  at: Date,
  revoke: SessionsToRevoke,
): Promise<number> {
  const except = revoke.exceptFamilyId !== undefined;
  const [, affected] = await manager.query(sql.revokeSessions(except), [accountId, at, revoke.reason, ...(except ? [revoke.exceptFamilyId] : [])]);
  return affected as number;
}

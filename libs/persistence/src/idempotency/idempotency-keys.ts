import type { DataSource } from 'typeorm';
import { IDEMPOTENCY_KEY_LIFETIME_MS } from '@duban/domain';
import { columnNames, EntityTable, perDataSource, rowPlaceholders, selectColumns } from '../sql/entity-table';
import { IdempotencyKeyRecord } from './idempotency-key-record.entity';

/** One request's claim on its key. */
export interface KeyClaimInput {
  scope: string;
  fingerprint: string;
  request: string;
}

/**
 * What claiming a key came to: `first` — the key now holds this request (`at` is the claim's
 * time, for `release`); `repeat` — it already held this same request (a retry, perhaps of one
 * still in flight); `reused` — it holds another request, named with when it was first sent.
 */
export type KeyClaim = { outcome: 'first'; at: Date } | { outcome: 'repeat'; firstAt: Date } | { outcome: 'reused'; request: string; firstAt: Date };

type Held = Pick<IdempotencyKeyRecord, 'fingerprint' | 'request' | 'createdAt'> & { claimed: boolean };

const statements = perDataSource((dataSource) => {
  const table = EntityTable.of(dataSource, IdempotencyKeyRecord);
  const columns = table.columns;
  const [scope, fingerprint, request, createdAt] = table.only('scope', 'fingerprint', 'request', 'createdAt').map((c) => `"${c.name}"`);
  const held = selectColumns(table.only('fingerprint', 'request', 'createdAt'));
  return {
    columns,
    // Claims a free key (new, or expired: its row is taken over); otherwise reads who holds it.
    // Both halves see the statement's snapshot, so a key claimed by a concurrent request that had
    // not committed yet reads as neither: the caller asks again.
    claim: (values: string) => `
      WITH claimed AS (
        INSERT INTO ${table.name} (${columnNames(columns)}) VALUES (${values})
        ON CONFLICT (${scope}) DO UPDATE SET ${fingerprint} = EXCLUDED.${fingerprint}, ${request} = EXCLUDED.${request}, ${createdAt} = EXCLUDED.${createdAt}
          WHERE ${table.name}.${createdAt} <= $${columns.length + 1}::timestamptz
        RETURNING ${held}
      )
      SELECT true AS claimed, * FROM claimed
      UNION ALL
      SELECT false AS claimed, ${held} FROM ${table.name} WHERE ${scope} = $1 AND NOT EXISTS (SELECT 1 FROM claimed)`,
    release: `DELETE FROM ${table.name} WHERE ${scope} = $1 AND ${fingerprint} = $2 AND ${createdAt} = $3::timestamptz`,
    purge: `DELETE FROM ${table.name} WHERE ${createdAt} <= $1::timestamptz`,
  };
});

/** How often a claim finds the key neither free nor readable (a concurrent claim committing) before giving up. */
const CLAIM_ATTEMPTS = 3;

/**
 * The Idempotency-Keys in use (table idempotency_key), each scoped to its caller: claiming one
 * is atomic (the primary key decides between concurrent claims), so of two requests sent under
 * the same key with different bodies exactly one holds it. A key holds its request for
 * `lifetimeMs`; a row older than that is free again and is purged by `purgeExpired`.
 */
export class IdempotencyKeys {
  constructor(
    private readonly dataSource: DataSource,
    readonly lifetimeMs: number = IDEMPOTENCY_KEY_LIFETIME_MS,
  ) {}

  async claim(input: KeyClaimInput, now: Date): Promise<KeyClaim> {
    const sql = statements(this.dataSource);
    const params: unknown[] = [];
    const values = rowPlaceholders(sql.columns, { ...input, createdAt: now }, params);
    params.push(this.expiredBy(now));
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
      const [row]: Held[] = await this.dataSource.query(sql.claim(values), params);
      if (!row) continue;
      const firstAt = new Date(row.createdAt);
      if (row.claimed) return { outcome: 'first', at: firstAt };
      return row.fingerprint === input.fingerprint ? { outcome: 'repeat', firstAt } : { outcome: 'reused', request: row.request, firstAt };
    }
    throw new Error(`idempotency key scope ${input.scope}: neither free nor held after ${CLAIM_ATTEMPTS} attempts`);
  }

  /** Frees a key this request claimed (`first`) and that still holds it: the request was refused, nothing was done. */
  async release(input: KeyClaimInput, claimedAt: Date): Promise<void> {
    await this.dataSource.query(statements(this.dataSource).release, [input.scope, input.fingerprint, claimedAt]);
  }

  /** Deletes keys past their lifetime at `now`; answers how many. */
  async purgeExpired(now: Date): Promise<number> {
    const [, affected] = await this.dataSource.query(statements(this.dataSource).purge, [this.expiredBy(now)]);
    return affected as number;
  }

  private expiredBy(now: Date): Date {
    return new Date(now.getTime() - this.lifetimeMs);
  }
}

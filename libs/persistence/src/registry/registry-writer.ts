import type { DataSource, EntityManager } from 'typeorm';
import {
  checkFixedFields,
  conflict,
  decideRegistryChange,
  DomainRejection,
  invalid,
  regionPath,
  REGISTRY_KINDS,
  registryReferences,
  requiredText,
  requireRegistryId,
  TEXT_LIMITS,
  validateRegistryRecord,
  type AnyRegistryRecord,
  type RegistryKind,
  type RegistryLookup,
} from '@duban/domain';
import { batches, batchSize, bulkValues } from '../sql/bulk-values';
import { EntityTable, perDataSource, selectColumns, columnNames, type TableColumn } from '../sql/entity-table';
import { PATH_KINDS, recordOf, REGISTRY_TABLES } from './registry-tables';
import { RegistryWriteRefused, type RegistryChange, type RegistryWrite, type RegistryWriteError, type RegistryWriteResult } from './registry-write';

/** A record's current version, as the batch sees it (its own earlier writes included). */
interface Current {
  record: AnyRegistryRecord;
  version: number;
  retired: boolean;
  path: string | null;
  validFrom: Date;
}

type Row = Record<string, unknown>;

/** A batch this big (an import, not an edit) refreshes the planner's statistics after it commits. */
const BULK_WRITE = 100;
type State = Map<RegistryKind, Map<string, Current>>;

const statements = perDataSource(
  (dataSource) =>
    Object.fromEntries(
      REGISTRY_KINDS.map((kind) => {
        const table = EntityTable.of(dataSource, REGISTRY_TABLES[kind].entity as unknown as new () => Row);
        const columns = table.columns as ReadonlyArray<TableColumn>;
        return [
          kind,
          {
            columns,
            batch: batchSize(columns),
            current: `SELECT ${selectColumns(columns)} FROM ${table.name} WHERE id = ANY($1) AND valid_to IS NULL`,
            // The concurrency guard: a version another transaction closed meanwhile is not closed again
            // (the row lock makes this statement wait for that transaction, then re-check valid_to).
            close: `UPDATE ${table.name} AS t SET valid_to = c.valid_to
                    FROM unnest($1::varchar[], $2::int[], $3::timestamptz[]) AS c(id, version, valid_to)
                   WHERE t.id = c.id AND t.version = c.version AND t.valid_to IS NULL
               RETURNING t.id`,
            insert: (values: string) => `INSERT INTO ${table.name} (${columnNames(columns)}) VALUES ${values}`,
            analyze: `ANALYZE ${table.name}`,
          },
        ];
      }),
    ) as Record<
      RegistryKind,
      { columns: ReadonlyArray<TableColumn>; batch: number; current: string; close: string; insert: (v: string) => string; analyze: string }
    >,
);

const idOf = (write: RegistryWrite) => (write.op === 'put' ? (write.record as AnyRegistryRecord | undefined)?.id : write.id) as string;

/**
 * Writes the registry: every write closes the record's current version (`valid_to`) and inserts
 * the next, in one transaction. Refusals (validation, references, a stale expected version, a
 * change to an unknown record) are decided before anything is written.
 */
export class RegistryWriter {
  constructor(private readonly dataSource: DataSource) {}

  /** One write; a refusal is thrown as its DomainRejection, or RegistryWriteRefused for an unknown record (404). */
  async writeRegistry(write: RegistryWrite, change: RegistryChange): Promise<RegistryWriteResult> {
    try {
      const [result] = await this.writeRegistryBatch([write], change);
      return result!;
    } catch (e) {
      const rejection = e instanceof RegistryWriteRefused ? e.errors[0]?.rejection : undefined;
      throw rejection ?? e;
    }
  }

  /**
   * writeRegistryBatch(writes, change) → one result per write, in order.
   * All or none, in ONE transaction: when any write is refused, RegistryWriteRefused lists every
   * refused write (by index) and nothing is written. Writes apply in order, so a batch may create
   * a region and then the units in it. The same id twice in one batch is refused. Safe to retry:
   * writes that change nothing (the import run again) answer `unchanged` and add no version.
   */
  async writeRegistryBatch(writes: readonly RegistryWrite[], change: RegistryChange): Promise<RegistryWriteResult[]> {
    try {
      const results = await this.dataSource.transaction((manager) => this.inTransaction(manager, writes, change));
      if (writes.length >= BULK_WRITE) await this.analyze(writes);
      return results;
    } catch (e) {
      // Two transactions creating the same new id: the partial unique index lets one through.
      if ((e as { code?: string }).code === '23505')
        throw new RegistryWriteRefused([
          {
            index: -1,
            kind: writes[0]!.kind,
            id: idOf(writes[0]!),
            ...refusal(conflict('registry.version.stale', 'changed concurrently: read it again')),
          },
        ]);
      throw e;
    }
  }

  /**
   * Fresh planner statistics for the tables a bulk batch (an import) filled: without them the
   * lists' bounds (registry-bounds-sql.ts) planned as nested loops over every unit for every unit
   * (1.4 s for 240 units; 35 ms once analysed) until autovacuum came round.
   */
  private async analyze(writes: readonly RegistryWrite[]): Promise<void> {
    const sql = statements(this.dataSource);
    for (const kind of new Set(writes.map((w) => w.kind))) await this.dataSource.query(sql[kind].analyze);
  }

  private async inTransaction(manager: EntityManager, writes: readonly RegistryWrite[], change: RegistryChange): Promise<RegistryWriteResult[]> {
    const sql = statements(this.dataSource);
    const state = await loadCurrent(manager, sql, writes);
    const lookup: RegistryLookup = (kind, id) => {
      const found = state.get(kind)?.get(id);
      return found && !found.retired ? (found.record as never) : undefined;
    };
    const errors: RegistryWriteError[] = [];
    const results: RegistryWriteResult[] = [];
    const inserts = new Map<RegistryKind, Row[]>();
    const closes = new Map<RegistryKind, Array<{ id: string; version: number; validTo: Date }>>();
    const seen = new Set<string>();
    writes.forEach((write, index) => {
      const { kind } = write;
      const id = idOf(write);
      try {
        const key = `${kind}:${id}`;
        if (seen.has(key)) throw invalid('input.duplicate_id', 'id', `${kind} ${id} is written twice in one batch`);
        seen.add(key);
        requiredText(write.reason ?? change.reason, 'reason', TEXT_LIMITS.longText);
        const current = state.get(kind)?.get(id);
        if (write.op === 'put') {
          validateRegistryRecord(kind, write.record, lookup);
          if (current) checkFixedFields(kind, current.record as never, write.record);
        } else requireRegistryId(write.id, 'id');
        const intent = write.op === 'put' ? { op: 'put' as const, record: write.record, expectedVersion: write.expectedVersion } : write;
        const decision = decideRegistryChange(current, intent);
        if (decision.outcome === 'unknown') {
          errors.push({ index, kind, id, code: 'resource.not_found', message: `${kind} ${id} is not in the registry` });
          return;
        }
        if (decision.outcome === 'unchanged') {
          results.push({ kind, id, outcome: 'unchanged', version: decision.version });
          return;
        }
        // Versions of one record follow each other in time even if the caller's clock does not.
        const validFrom = current && current.validFrom >= change.at ? new Date(current.validFrom.getTime() + 1) : change.at;
        const record = write.op === 'put' ? write.record : current!.record;
        const path = PATH_KINDS.has(kind) ? (current?.path ?? treePath(state, kind, record)) : null;
        const retired = decision.change === 'retired';
        if (current) list(closes, kind).push({ id, version: current.version, validTo: validFrom });
        list(inserts, kind).push({
          ...record,
          ...(path !== null ? { path } : {}),
          version: decision.version,
          validFrom,
          validTo: null,
          change: decision.change,
          retired,
          reason: write.reason ?? change.reason,
          changedById: change.actor.id,
          changedByName: change.actor.name,
          changedByRole: change.actor.role,
          changedByUnit: change.actor.unitId ?? null,
        });
        state.get(kind)!.set(id, { record, version: decision.version, retired, path, validFrom });
        results.push({ kind, id, outcome: decision.change, version: decision.version });
      } catch (e) {
        if (!(e instanceof DomainRejection)) throw e;
        errors.push({ index, kind, id, ...refusal(e) });
      }
    });
    if (errors.length) throw new RegistryWriteRefused(errors);
    for (const [kind, rows] of closes) {
      const [closed]: [Array<{ id: string }>] = await manager.query(sql[kind].close, [
        rows.map((r) => r.id),
        rows.map((r) => r.version),
        rows.map((r) => r.validTo),
      ]);
      if (closed.length === rows.length) continue;
      // Another transaction changed some of these records since they were read: refuse them by index.
      const done = new Set(closed.map((r) => r.id));
      const raced = new Set(rows.filter((r) => !done.has(r.id)).map((r) => r.id));
      throw new RegistryWriteRefused(
        writes.flatMap((write, index) =>
          write.kind === kind && raced.has(idOf(write))
            ? [{ index, kind, id: idOf(write), ...refusal(conflict('registry.version.stale', 'changed concurrently: read it again')) }]
            : [],
        ),
      );
    }
    for (const [kind, rows] of inserts) {
      for (const batch of batches(rows, sql[kind].batch)) {
        const values = bulkValues(sql[kind].columns, batch.items);
        await manager.query(sql[kind].insert(values.sql), values.params);
      }
    }
    return results;
  }
}

function refusal(e: DomainRejection): Pick<RegistryWriteError, 'code' | 'field' | 'message' | 'rejection'> {
  return { code: e.code, ...(e.field !== undefined ? { field: e.field } : {}), message: e.message, rejection: e };
}

function list<T>(map: Map<RegistryKind, T[]>, kind: RegistryKind): T[] {
  let items = map.get(kind);
  if (!items) map.set(kind, (items = []));
  return items;
}

/** A new region's or industry's path: its parent's (validated to exist) and its own id. */
function treePath(state: State, kind: RegistryKind, record: AnyRegistryRecord): string {
  const parentId = (record as { parentId: string | null }).parentId ?? null;
  const parentPath = parentId === null ? null : (state.get(kind)?.get(parentId)?.path ?? null);
  return regionPath(record.id, parentPath);
}

/** The current versions of every record the batch writes or names, locked. */
async function loadCurrent(manager: EntityManager, sql: ReturnType<typeof statements>, writes: readonly RegistryWrite[]): Promise<State> {
  const ids = new Map<RegistryKind, Set<string>>(REGISTRY_KINDS.map((k) => [k, new Set<string>()]));
  for (const write of writes) {
    const id = idOf(write);
    if (typeof id === 'string') ids.get(write.kind)?.add(id);
    if (write.op === 'put' && write.record && typeof write.record === 'object') {
      for (const ref of registryReferences(write.kind, write.record)) ids.get(ref.kind)?.add(ref.id);
    }
  }
  const state: State = new Map();
  for (const kind of REGISTRY_KINDS) {
    const wanted = [...ids.get(kind)!];
    const rows: Row[] = wanted.length ? await manager.query(sql[kind].current, [wanted]) : [];
    state.set(
      kind,
      new Map(
        rows.map((row) => [
          row.id as string,
          {
            record: recordOf(kind, row),
            version: row.version as number,
            retired: row.retired as boolean,
            path: (row.path as string | undefined) ?? null,
            validFrom: row.validFrom as Date,
          },
        ]),
      ),
    );
  }
  return state;
}

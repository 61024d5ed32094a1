import { In, IsNull, type DataSource, type EntityManager, type ObjectLiteral } from 'typeorm';
import type { Actor, RegistryKind, RegistryVersion } from '@duban/domain';
import {
  RegistryCompetentDepartmentVersion,
  RegistryIndustryVersion,
  RegistryPersonVersion,
  RegistryRegionVersion,
  RegistryResponsibilityVersion,
  RegistryUnitVersion,
  RegistryWriter,
  RegistryWriteRefused,
  type RegistryWrite,
} from '@duban/persistence';
import { IMPORT_LAYOUTS, type ImportKind } from './import-layouts';
import { ImportBatchRefused, type ImportBatchWrite, type RegistryImportStore } from './registry-import-store';

const ENTITIES: Record<RegistryKind, new () => ObjectLiteral> = {
  region: RegistryRegionVersion,
  industry: RegistryIndustryVersion,
  competent_department: RegistryCompetentDepartmentVersion,
  unit: RegistryUnitVersion,
  person: RegistryPersonVersion,
  responsibility: RegistryResponsibilityVersion,
};

/** The record's own fields (the import's columns are exactly those), so a stored record compares equal to a row read again. */
const recordFields = (kind: RegistryKind): readonly string[] =>
  kind in IMPORT_LAYOUTS ? IMPORT_LAYOUTS[kind as ImportKind].columns.map((c) => c.field) : ['id'];

/**
 * The DataSource as RegistryWriter sees it inside the import's transaction: its own
 * `transaction(work)` runs `work` in the import's transaction instead of opening another, so
 * every batch of writeRegistryBatch lands in ONE transaction (all rows or none) while each batch
 * stays small. Everything else is the real DataSource.
 */
function withinTransaction(dataSource: DataSource, manager: EntityManager): DataSource {
  return new Proxy(dataSource, {
    get(target, property) {
      if (property === 'transaction') return (...args: unknown[]) => (args[args.length - 1] as (m: EntityManager) => unknown)(manager);
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Who the import's versions are recorded as changed by, and why. */
export interface ImportChange {
  actor: Actor;
  reason: string;
}

/** The registry import's store on PostgreSQL: current versions read in bulk, writes through RegistryWriter.writeRegistryBatch. */
export class PgRegistryImportStore implements RegistryImportStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly change: ImportChange,
  ) {}

  async currentVersions(kind: RegistryKind, ids: readonly string[]): Promise<Map<string, RegistryVersion<{ id: string }>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager
      .getRepository(ENTITIES[kind])
      .find({ where: { id: In([...new Set(ids)]), validTo: IsNull() } as never });
    const fields = recordFields(kind);
    return new Map(
      rows.map((row) => [
        row.id as string,
        {
          record: Object.fromEntries(fields.map((field) => [field, row[field] ?? null])) as { id: string },
          version: row.version as number,
          retired: row.retired as boolean,
        },
      ]),
    );
  }

  inTransaction<T>(work: (write: ImportBatchWrite) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const writer = new RegistryWriter(withinTransaction(this.dataSource, manager));
      // One moment for the whole import: every version it writes is valid from the same instant.
      const change = { ...this.change, at: new Date() };
      const write: ImportBatchWrite = async (kind, records) => {
        const writes = records.map((record) => ({ kind, op: 'put', record }) as RegistryWrite);
        try {
          const results = await writer.writeRegistryBatch(writes, change);
          const counts = { created: 0, updated: 0, unchanged: 0 };
          for (const result of results) if (result.outcome !== 'retired') counts[result.outcome]++;
          return counts;
        } catch (error) {
          if (!(error instanceof RegistryWriteRefused)) throw error;
          throw new ImportBatchRefused(error.errors.map((e) => ({ index: e.index, code: e.code, field: e.field, message: e.message })));
        }
      };
      return work(write);
    });
  }
}

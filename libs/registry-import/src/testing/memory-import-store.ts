import { decideRegistryChange, type RegistryKind, type RegistryVersion } from '@duban/domain';
import type { ImportBatchWrite, RegistryImportStore } from '../registry-import-store';

type Versions = Map<string, RegistryVersion<{ id: string }>>;

/**
 * The registry in memory, for the import's pure specs: current versions per kind, and a
 * transaction that works on a copy and replaces the original only when the work resolves.
 * The PostgreSQL store is proven against the same behaviour in the pg specs.
 */
export class MemoryImportStore implements RegistryImportStore {
  private data = new Map<RegistryKind, Versions>();
  /** Every version written, in order: what a repeated import must not add to. */
  readonly history: Array<{ kind: RegistryKind; id: string; version: number }> = [];

  seed(kind: RegistryKind, records: Array<{ id: string }>, retired = false): void {
    const versions = this.kind(kind, this.data);
    for (const record of records) versions.set(record.id, { record, version: 1, retired });
  }

  records(kind: RegistryKind): Array<{ id: string }> {
    return [...this.kind(kind, this.data).values()].map((v) => v.record);
  }

  async currentVersions(kind: RegistryKind, ids: readonly string[]): Promise<Versions> {
    const versions = this.kind(kind, this.data);
    return new Map(ids.filter((id) => versions.has(id)).map((id) => [id, versions.get(id)!]));
  }

  async inTransaction<T>(work: (write: ImportBatchWrite) => Promise<T>): Promise<T> {
    const copy = new Map([...this.data].map(([kind, versions]) => [kind, new Map(versions)]));
    const history: typeof this.history = [];
    const write: ImportBatchWrite = async (kind, records) => {
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const versions = this.kind(kind, copy);
      for (const record of records) {
        const decision = decideRegistryChange(versions.get(record.id), { op: 'put', record });
        if (decision.outcome === 'unknown') throw new Error('an upsert never names an unknown record');
        if (decision.outcome === 'unchanged') counts.unchanged++;
        else {
          counts[decision.change === 'created' ? 'created' : 'updated']++;
          versions.set(record.id, { record, version: decision.version, retired: false });
          history.push({ kind, id: record.id, version: decision.version });
        }
      }
      return counts;
    };
    const result = await work(write);
    this.data = copy;
    this.history.push(...history);
    return result;
  }

  private kind(kind: RegistryKind, data: Map<RegistryKind, Versions>): Versions {
    if (!data.has(kind)) data.set(kind, new Map());
    return data.get(kind)!;
  }
}

import type { RegistryKind, RegistryVersion } from '@duban/domain';
import type { ImportRecords } from './parse-import-row';
import type { ImportKind } from './import-layouts';

/** What an import wrote (or, in a dry run, would write) of one kind. */
export interface ImportWriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Writes records of one kind within the import's transaction; refuses (throws) a record the registry will not take. */
export type ImportBatchWrite = <K extends ImportKind>(kind: K, records: Array<ImportRecords[K]>) => Promise<ImportWriteCounts>;

/** The registry as the import needs it: current versions to compare against, and one transaction to write in. */
export interface RegistryImportStore {
  /** The current version (a retired one included) of each id the registry holds now; ids it does not hold are absent. */
  currentVersions<K extends RegistryKind>(kind: K, ids: readonly string[]): Promise<Map<string, RegistryVersion<{ id: string }>>>;
  /** Runs `work` in ONE transaction: all it wrote is committed when it resolves, nothing when it throws. */
  inTransaction<T>(work: (write: ImportBatchWrite) => Promise<T>): Promise<T>;
}

/** A batch the registry refused while writing (someone changed it since the check): `index` is the record's place in the batch (-1: the batch). */
export class ImportBatchRefused extends Error {
  constructor(readonly refusals: Array<{ index: number; code: string; field?: string; message: string }>) {
    super(`registry refused the import: ${refusals.map((r) => r.message).join('; ')}`);
    this.name = 'ImportBatchRefused';
  }
}

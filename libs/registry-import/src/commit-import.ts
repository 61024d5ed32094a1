import { DomainRejection, type IndustryRecord, type RegionRecord } from '@duban/domain';
import type { ImportProblem } from './import-problem';
import { importSheets, type ImportFile, type ImportFormat } from './import-file';
import { IMPORT_KINDS, type ImportKind } from './import-layouts';
import type { ImportProgressListener } from './import-progress';
import { parseImportRow, type ImportRecords } from './parse-import-row';
import { ImportBatchRefused, type ImportBatchWrite, type ImportWriteCounts, type RegistryImportStore } from './registry-import-store';
import type { ImportValidation } from './validate-import';

/**
 * Writes a file the dry run found clean, in ONE transaction: regions and industries parent first
 * (from memory), then units and people read from the file again, `batchSize` rows per batch
 * write. Any refusal rolls everything back. Unchanged records are no-ops of the batch write.
 */
export async function commitImport(
  file: ImportFile,
  format: ImportFormat,
  store: RegistryImportStore,
  validation: ImportValidation,
  options: { batchSize: number; onProgress?: ImportProgressListener },
): Promise<Record<ImportKind, ImportWriteCounts>> {
  const written = Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0 }])) as Record<
    ImportKind,
    ImportWriteCounts
  >;
  return store.inTransaction(async (write) => {
    const batches = batchWriter(write, written, validation, options);
    for (const kind of ['region', 'industry'] as const) {
      const ordered = parentFirst<RegionRecord | IndustryRecord>(validation.trees[kind]);
      for (let start = 0; start < ordered.length; start += options.batchSize) {
        const slice = ordered.slice(start, start + options.batchSize);
        await batches(
          kind,
          slice as never,
          slice.map((record) => validation.treeRows.get(record)!),
        );
      }
    }
    for (const kind of ['unit', 'person'] as const) {
      if (validation.counts[kind].rows === 0) continue;
      for await (const sheet of importSheets(file, format)) {
        let batch: Array<ImportRecords[typeof kind]> = [];
        let places: Place[] = [];
        for await (const row of sheet.keyed.rows) {
          if (sheet.layout?.kind !== kind) continue; // another kind's sheet: drained, it has its own pass
          batch.push(parseImportRow(kind, row).record);
          places.push({ sheet: sheet.name, row: row.row });
          if (batch.length >= options.batchSize) {
            await batches(kind, batch, places);
            [batch, places] = [[], []];
          }
        }
        if (batch.length > 0) await batches(kind, batch, places);
      }
    }
    return written;
  });
}

function batchWriter(
  write: ImportBatchWrite,
  written: Record<ImportKind, ImportWriteCounts>,
  validation: ImportValidation,
  options: { onProgress?: ImportProgressListener },
) {
  return async <K extends ImportKind>(kind: K, records: Array<ImportRecords[K]>, places: Place[]) => {
    let counts: ImportWriteCounts;
    try {
      counts = await write(kind, records);
    } catch (error) {
      if (!(error instanceof ImportBatchRefused)) throw error;
      throw new ImportCommitRefused(
        error.refusals.map((refusal) => {
          const place = places[refusal.index] ?? { sheet: places[0]?.sheet ?? '', row: 0 };
          const code = refusal.code as ImportProblem['code'];
          return {
            ...place,
            column: refusal.field ?? '',
            field: refusal.field,
            code,
            reason: { zh: '写入时被拒绝, 未写入任何记录', en: refusal.message },
          };
        }),
      );
    }
    written[kind].created += counts.created;
    written[kind].updated += counts.updated;
    written[kind].unchanged += counts.unchanged;
    const done = written[kind].created + written[kind].updated + written[kind].unchanged;
    options.onProgress?.({ phase: 'write', kind, done, total: validation.counts[kind].rows });
  };
}

/** Records ordered so that every parent in the list comes before its children (by depth within the list). */
export function parentFirst<R extends { id: string; parentId: string | null }>(records: readonly R[]): R[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  const depth = new Map<string, number>();
  const depthOf = (record: R, guard = 0): number => {
    const known = depth.get(record.id);
    if (known !== undefined) return known;
    const parent = record.parentId === null ? undefined : byId.get(record.parentId);
    const value = parent && guard < records.length ? depthOf(parent, guard + 1) + 1 : 0;
    depth.set(record.id, value);
    return value;
  };
  return [...records].sort((a, b) => depthOf(a) - depthOf(b));
}

type Place = { sheet: string; row: number };

/** The registry refused rows at the commit (it changed since the check): the transaction rolled back; these are the rows. */
export class ImportCommitRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`the registry refused ${problems.length} row(s) at the commit`);
    this.name = 'ImportCommitRefused';
  }
}

export const isRefusal = (error: unknown): error is DomainRejection => error instanceof DomainRejection;

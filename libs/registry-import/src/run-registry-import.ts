import { importFormat, UnreadableFileError, type ImportFile, type ImportFormat } from './import-file';
import type { ImportKind } from './import-layouts';
import { importProblem, sortProblems, type ImportProblem } from './import-problem';
import type { ImportProgressListener } from './import-progress';
import { commitImport, ImportCommitRefused, isRefusal } from './commit-import';
import type { RegistryImportStore } from './registry-import-store';
import { validateImport, type ImportAdmission, type ImportKindCounts } from './validate-import';

/** Rows checked and written per batch: small enough to keep memory flat over 20,000 rows, large enough for few round trips. */
export const IMPORT_BATCH_SIZE = 1000;

export interface RegistryImportOptions {
  /** Check only: report every problem and what a commit would write, write nothing. */
  dryRun: boolean;
  batchSize?: number;
  onProgress?: ImportProgressListener;
  /** Refuses (throws a DomainRejection) a row its importer may not write, e.g. outside an office's territory: a row-level error. */
  admit?: ImportAdmission;
}

/** What an import found and did. `counts` are what was written, or in a dry run (or when refused) what would have been. */
export interface RegistryImportResult {
  file: string;
  format: ImportFormat | null;
  dryRun: boolean;
  /** True only when the rows were written (all of them, in one transaction). */
  committed: boolean;
  counts: Record<ImportKind, ImportKindCounts>;
  /** Every fault found; any one means nothing was written. In file order. */
  errors: ImportProblem[];
  /** Columns ignored and sheets skipped: the import goes on. */
  warnings: ImportProblem[];
}

const zero = () => ({ rows: 0, created: 0, updated: 0, unchanged: 0 });

/**
 * The registry import (单位库批量导入), shared by the API and the `duban` CLI: a dry run of the
 * whole file, then — unless it is a dry run or any row is faulty — the commit in one transaction.
 */
export async function runRegistryImport(file: ImportFile, store: RegistryImportStore, options: RegistryImportOptions): Promise<RegistryImportResult> {
  const format = importFormat(file.name);
  const base = { file: file.name, dryRun: options.dryRun, committed: false };
  const counts = { region: zero(), industry: zero(), unit: zero(), person: zero() };
  if (!format) {
    const problem = importProblem(
      { sheet: file.name, row: 0, column: '' },
      'import.file_type',
      `${file.name}: only .xlsx and .csv files are imported`,
    );
    return { ...base, format: null, counts, errors: [problem], warnings: [] };
  }
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  let validation;
  try {
    validation = await validateImport(file, format, store, { batchSize, onProgress: options.onProgress, admit: options.admit });
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const problem = importProblem({ sheet: file.name, row: 0, column: '' }, 'import.file_unreadable', `${file.name}: ${error.message}`);
    return { ...base, format, counts, errors: [problem], warnings: [] };
  }
  const ordered = sortProblems(validation.problems, validation.sheets);
  const errors = ordered.filter((p) => !p.warning);
  const warnings = ordered.filter((p) => p.warning);
  if (options.dryRun || errors.length > 0) return { ...base, format, counts: validation.counts, errors, warnings };
  try {
    const written = await commitImport(file, format, store, validation, { batchSize, onProgress: options.onProgress });
    const committedCounts = Object.fromEntries(
      Object.entries(written).map(([kind, w]) => [kind, { rows: validation.counts[kind as ImportKind].rows, ...w }]),
    ) as Record<ImportKind, ImportKindCounts>;
    return { ...base, format, committed: true, counts: committedCounts, errors: [], warnings };
  } catch (error) {
    // Someone changed the registry between the check and the write: the transaction rolled back.
    if (error instanceof ImportCommitRefused) return { ...base, format, counts: validation.counts, errors: error.problems, warnings };
    if (!isRefusal(error)) throw error;
    const problem = importProblem({ sheet: file.name, row: 0, column: error.field ?? '' }, 'import.write_failed', error.message, error.code);
    return { ...base, format, counts: validation.counts, errors: [problem], warnings };
  }
}

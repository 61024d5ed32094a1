export { IMPORT_KINDS, IMPORT_LAYOUTS, layoutForSheet, type ImportColumn, type ImportKind, type ImportLayout } from './import-layouts';
export { importFormat, UnreadableFileError, type ImportFile, type ImportFormat } from './import-file';
export {
  IMPORT_PROBLEM_CODES,
  importProblem,
  rejectionProblem,
  sortProblems,
  type ImportProblem,
  type ImportProblemCode,
  type ProblemPlace,
} from './import-problem';
export type { ImportProgress, ImportProgressListener } from './import-progress';
export type { ImportRecords, ImportRecord } from './parse-import-row';
export { ImportBatchRefused, type ImportBatchWrite, type ImportWriteCounts, type RegistryImportStore } from './registry-import-store';
export type { ImportAdmission, ImportKindCounts } from './validate-import';
export { IMPORT_BATCH_SIZE, runRegistryImport, type RegistryImportOptions, type RegistryImportResult } from './run-registry-import';
export { TEMPLATE_EXAMPLES, writeImportTemplate } from './import-template';
export { PgRegistryImportStore, type ImportChange } from './pg-registry-import-store';

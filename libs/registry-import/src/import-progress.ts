import type { ImportKind } from './import-layouts';

/** Reported after each batch: rows validated (the total is known only once the file was read) or written (of `total`). */
export interface ImportProgress {
  phase: 'validate' | 'write';
  kind: ImportKind;
  done: number;
  total?: number;
}

export type ImportProgressListener = (progress: ImportProgress) => void;

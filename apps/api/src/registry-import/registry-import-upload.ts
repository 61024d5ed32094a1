import { tmpdir } from 'node:os';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';

/** The largest upload taken: a 20,000-unit workbook is 1–2 MB; beyond this the answer is 413 (`request.too_large`). */
export const REGISTRY_IMPORT_MAX_BYTES = 32 * 1024 * 1024;

/** The multipart field that carries the file. */
export const REGISTRY_IMPORT_FIELD = 'file';

/**
 * Uploads go to a temporary file (multer's disk storage), never into memory whole: the import
 * reads the file twice (check, then write), streaming, and .xlsx sheet names come from the zip's
 * directory, which needs a file. One file per request; a bigger one is refused with 413.
 */
export const REGISTRY_IMPORT_UPLOAD: MulterOptions = {
  dest: tmpdir(),
  limits: { fileSize: REGISTRY_IMPORT_MAX_BYTES, files: 1, fields: 10 },
};

import { tmpdir } from 'node:os';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';

/** The largest ledger taken: 20,000 rows are about 2 MB of .xlsx; beyond this the answer is 413 (`request.too_large`). */
export const HAZARD_IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** The multipart field that carries the file. */
export const HAZARD_IMPORT_FIELD = 'file';

/** To a temporary file, as the registry import does: .xlsx sheets are found by the zip's directory, which needs a file. */
export const HAZARD_IMPORT_UPLOAD: MulterOptions = {
  dest: tmpdir(),
  limits: { fileSize: HAZARD_IMPORT_MAX_BYTES, files: 1, fields: 10 },
};

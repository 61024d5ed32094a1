import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { STANDARD_EVIDENCE_POLICY } from '@duban/domain';

/** The multipart field that carries the file. */
export const EVIDENCE_FIELD = 'file';

/**
 * One file per request, held in memory up to the policy's limit (20 MiB; multer stops reading
 * beyond it and the answer is 413 `request.too_large`), then hashed and written by the store
 * through a temporary file, so nothing is ever half written under a digest.
 */
export const EVIDENCE_UPLOAD: MulterOptions = {
  limits: { fileSize: STANDARD_EVIDENCE_POLICY.maxBytes, files: 1, fields: 10 },
};

/** The part of an uploaded file the service reads (multer's memory storage). */
export interface UploadedEvidenceFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { UploadIdempotencyInterceptor } from './upload-idempotency.interceptor';
import { UPLOAD_ROUTE } from './upload-route-metadata';

/**
 * A route that takes one multipart file under `field`: the file parsed (memory storage, within
 * `options`' limits), then its Idempotency-Key claimed with the file's digest in the fingerprint.
 * The one way to take a file (eslint refuses FileInterceptor elsewhere).
 */
export const UploadRoute = (field: string, options: MulterOptions) =>
  applyDecorators(SetMetadata(UPLOAD_ROUTE, true), UseInterceptors(FileInterceptor(field, options), UploadIdempotencyInterceptor));

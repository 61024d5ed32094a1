import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Request } from 'express';

/** Set by UploadRoute on a handler that takes a multipart file. */
export const UPLOAD_ROUTE = 'duban:upload-route';

export const isUploadRoute = (reflector: Reflector, context: ExecutionContext): boolean =>
  reflector.get<boolean | undefined>(UPLOAD_ROUTE, context.getHandler()) === true;

/** The part of a parsed upload the fingerprint needs (multer's memory storage). */
interface ParsedUpload {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  /** Memory storage holds the bytes, disk storage a temporary file. */
  buffer?: Buffer;
  path?: string;
}

async function sha256Of(file: ParsedUpload): Promise<string | null> {
  const hash = createHash('sha256');
  if (file.buffer) return hash.update(file.buffer).digest('hex');
  if (!file.path) return null;
  for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The request body as an Idempotency-Key fingerprints it: for an upload, the form fields plus the
 * file's name, declared type, size and SHA-256, so that another file under the same key is another
 * request (422), and the same file again a retry.
 */
export async function bodyWithUploadedFile(req: Request): Promise<unknown> {
  const file = (req as Request & { file?: ParsedUpload }).file;
  if (!file) return req.body;
  const sha256 = await sha256Of(file);
  const fields = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
  return { ...fields, [file.fieldname]: { name: file.originalname, type: file.mimetype, size: file.size, sha256 } };
}

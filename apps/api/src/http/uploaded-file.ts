import { rm } from 'node:fs/promises';

/** The part of an uploaded import file the imports read (multer's, on disk). */
export interface UploadedImportFile {
  originalname: string;
  path: string;
}

/** An uploaded file's name as the caller wrote it: multer reads it as latin1, browsers send UTF-8 (隐患台账.xlsx). */
export const uploadedFileName = (file: { originalname: string }): string => Buffer.from(file.originalname, 'latin1').toString('utf8');

/** Reads a file multer wrote to disk, then removes it, whether the read succeeded or not. */
export async function readingUploadedFile<T>(file: UploadedImportFile, read: (name: string) => Promise<T>): Promise<T> {
  try {
    return await read(uploadedFileName(file));
  } finally {
    await rm(file.path, { force: true });
  }
}

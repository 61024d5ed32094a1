import type { Readable } from 'node:stream';

/** What `put` answers: the file's digest (`sha256:<hex>`) and size, and whether this put stored it (false: it was there already). */
export interface StoredEvidence {
  digest: string;
  size: number;
  stored: boolean;
}

/**
 * Evidence files kept by content (内容寻址): a file's name is its SHA-256, so the same bytes are
 * kept once and a digest in an event names exactly those bytes. The local disk (the default)
 * implements it; a production store (an S3-compatible object store) can implement the same.
 */
export interface EvidenceStore {
  /** Keeps the bytes, all or nothing: a reader never meets a half-written file under a digest. */
  put(source: Uint8Array | Readable): Promise<StoredEvidence>;
  has(digest: string): Promise<boolean>;
  /** The stored bytes as a stream; undefined when no file has that digest. */
  open(digest: string): Promise<Readable | undefined>;
}

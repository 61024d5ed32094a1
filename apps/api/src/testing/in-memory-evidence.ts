import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { evidenceDigestOf, type Actor } from '@duban/domain';
import type { EvidenceFileRow, EvidenceFiles, EvidenceStore, EvidenceUploadInput, StoredEvidence } from '@duban/persistence';

/**
 * Evidence files in memory, for API specs without PostgreSQL or a data directory: override
 * `EvidenceFiles` with `files` (and EVIDENCE_STORE with `store`). The same first-uploader and
 * one-row-per-uploader rules as the SQL tables (evidence-files.pg.spec).
 */
export class InMemoryEvidence {
  private readonly rows = new Map<string, { row: Omit<EvidenceFileRow, 'uploaderUnitIds'>; uploaders: Map<string, Actor> }>();
  private readonly bytes = new Map<string, Buffer>();

  readonly files: Pick<EvidenceFiles, 'record' | 'get' | 'missing'> = {
    record: async (input: EvidenceUploadInput) => {
      const existing = this.rows.get(input.digest);
      const by = input.uploadedBy;
      const entry = existing ?? {
        row: {
          digest: input.digest,
          size: input.size,
          mediaType: input.mediaType,
          originalName: input.originalName,
          firstUploadedBy: { id: by.id, name: by.name, role: by.role, ...(by.unitId ? { unitId: by.unitId } : {}) },
          firstUploadedAt: input.at.toISOString(),
        },
        uploaders: new Map<string, Actor>(),
      };
      if (!entry.uploaders.has(by.id)) entry.uploaders.set(by.id, by);
      this.rows.set(input.digest, entry);
      return { first: !existing, file: (await this.files.get(input.digest))! };
    },
    get: async (digest: string) => {
      const entry = this.rows.get(digest);
      if (!entry) return undefined;
      const units = [...new Set([...entry.uploaders.values()].flatMap((a) => (a.unitId ? [a.unitId] : [])))].sort();
      return { ...entry.row, uploaderUnitIds: units };
    },
    missing: async (digests: readonly string[]) => digests.filter((d) => !this.rows.has(d)),
  };

  readonly store: EvidenceStore = {
    put: async (source): Promise<StoredEvidence> => {
      const data = source instanceof Readable ? Buffer.concat(await source.toArray()) : Buffer.from(source);
      const digest = evidenceDigestOf(createHash('sha256').update(data).digest('hex'));
      const stored = !this.bytes.has(digest);
      this.bytes.set(digest, data);
      return { digest, size: data.length, stored };
    },
    has: async (digest) => this.bytes.has(digest),
    open: async (digest) => {
      const data = this.bytes.get(digest);
      return data ? Readable.from([data]) : undefined;
    },
  };

  /** Keeps `data` as uploaded by `by`; answers its digest. */
  async seed(data: Uint8Array, mediaType: string, by: Actor, at = new Date('2026-03-01T00:00:00Z')): Promise<string> {
    const { digest, size } = await this.store.put(data);
    await this.files.record({ digest, size, mediaType, originalName: 'seed', uploadedBy: by, at });
    return digest;
  }
}

import type { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';

/** An upload to record: the stored file's facts and who sent it, when. */
export interface EvidenceUploadInput {
  digest: string;
  size: number;
  mediaType: string;
  originalName: string;
  uploadedBy: Actor;
  at: Date;
}

/** An evidence file as the API answers it. */
export interface EvidenceFileRow {
  digest: string;
  size: number;
  mediaType: string;
  originalName: string;
  firstUploadedBy: { id: string; name: string; role: string; unitId?: string };
  firstUploadedAt: string;
  /** The units among its uploaders, for a unit's read (EVIDENCE_PERMISSIONS). */
  uploaderUnitIds: string[];
}

/** An evidence_file row with its uploaders' units, as PostgreSQL answers it. */
type EvidenceFileSqlRow = {
  digest: string;
  size_bytes: number;
  media_type: string;
  original_name: string;
  first_uploaded_by_id: string;
  first_uploaded_by_name: string;
  first_uploaded_by_role: string;
  first_uploaded_by_unit_id: string | null;
  first_uploaded_at: Date;
  uploader_unit_ids: string[];
};

/**
 * The evidence files' metadata in PostgreSQL (evidence_file, evidence_upload): the file once, by
 * digest, with its first uploader; every uploader once. Recording the same upload again changes
 * nothing, so a retried request is harmless.
 */
export class EvidenceFiles {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the upload; answers the file as now recorded and whether this was its first upload. */
  async record(input: EvidenceUploadInput): Promise<{ first: boolean; file: EvidenceFileRow }> {
    const { uploadedBy: by } = input;
    const first = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query(
        `INSERT INTO evidence_file (digest, size_bytes, media_type, original_name, first_uploaded_by_id, first_uploaded_by_name,
           first_uploaded_by_role, first_uploaded_by_unit_id, first_uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (digest) DO NOTHING RETURNING digest`,
        [input.digest, input.size, input.mediaType, input.originalName, by.id, by.name, by.role, by.unitId ?? null, input.at],
      );
      await manager.query(
        `INSERT INTO evidence_upload (digest, uploaded_by_id, uploaded_by_name, uploaded_by_role, uploaded_by_unit_id, original_name, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (digest, uploaded_by_id) DO NOTHING`,
        [input.digest, by.id, by.name, by.role, by.unitId ?? null, input.originalName, input.at],
      );
      return inserted.length > 0;
    });
    return { first, file: (await this.get(input.digest))! };
  }

  async get(digest: string): Promise<EvidenceFileRow | undefined> {
    const rows: EvidenceFileSqlRow[] = await this.dataSource.query(
      `SELECT f.*, COALESCE((SELECT array_agg(DISTINCT u.uploaded_by_unit_id ORDER BY u.uploaded_by_unit_id) FROM evidence_upload u
          WHERE u.digest = f.digest AND u.uploaded_by_unit_id IS NOT NULL), '{}') AS uploader_unit_ids
         FROM evidence_file f WHERE f.digest = $1`,
      [digest],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      digest: r.digest,
      size: r.size_bytes,
      mediaType: r.media_type,
      originalName: r.original_name,
      firstUploadedBy: {
        id: r.first_uploaded_by_id,
        name: r.first_uploaded_by_name,
        role: r.first_uploaded_by_role,
        ...(r.first_uploaded_by_unit_id === null ? {} : { unitId: r.first_uploaded_by_unit_id }),
      },
      firstUploadedAt: new Date(r.first_uploaded_at).toISOString(),
      uploaderUnitIds: r.uploader_unit_ids,
    };
  }

  /** Those of `digests` no file is recorded under, in the order given. */
  async missing(digests: readonly string[]): Promise<string[]> {
    if (digests.length === 0) return [];
    const rows: Array<{ digest: string }> = await this.dataSource.query(`SELECT digest FROM evidence_file WHERE digest = ANY($1::varchar[])`, [
      [...new Set(digests)],
    ]);
    const known = new Set(rows.map((r) => r.digest));
    return digests.filter((d) => !known.has(d));
  }
}

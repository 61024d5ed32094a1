import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@duban/domain';

/** An evidence file (佐证材料) kept by content: one row per distinct file, with who uploaded it first. */
@Entity({ name: 'evidence_file' })
export class EvidenceFileRecord {
  /** `sha256:<hex>`: the file's name in the EvidenceStore and in events. */
  @PrimaryColumn({ name: 'digest', type: 'varchar', primaryKeyConstraintName: 'pk_evidence_file' })
  digest!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  /** As its bytes say (magic number), not as it was declared. */
  @Column({ name: 'media_type', type: 'varchar' })
  mediaType!: string;

  /** The file name the first uploader sent (文件名), for people; never a path. */
  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  @Column({ name: 'first_uploaded_by_id', type: 'varchar' })
  firstUploadedById!: string;

  @Column({ name: 'first_uploaded_by_name', type: 'text' })
  firstUploadedByName!: string;

  @Column({ name: 'first_uploaded_by_role', type: 'varchar' })
  firstUploadedByRole!: Role | 'system';

  @Column({ name: 'first_uploaded_by_unit_id', type: 'varchar', nullable: true })
  firstUploadedByUnitId!: string | null;

  @Column({ name: 'first_uploaded_at', type: 'timestamptz' })
  firstUploadedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@duban/domain';

/** Who uploaded an evidence file, each uploader once (when first): a repeat upload by another person is recorded, not stored again. */
@Entity({ name: 'evidence_upload' })
export class EvidenceUploadRecord {
  @PrimaryColumn({ name: 'digest', type: 'varchar', primaryKeyConstraintName: 'pk_evidence_upload' })
  digest!: string;

  @PrimaryColumn({ name: 'uploaded_by_id', type: 'varchar', primaryKeyConstraintName: 'pk_evidence_upload' })
  uploadedById!: string;

  @Column({ name: 'uploaded_by_name', type: 'text' })
  uploadedByName!: string;

  @Column({ name: 'uploaded_by_role', type: 'varchar' })
  uploadedByRole!: Role | 'system';

  /** The uploader's unit: a unit reads the files it uploaded (EVIDENCE_PERMISSIONS). */
  @Column({ name: 'uploaded_by_unit_id', type: 'varchar', nullable: true })
  uploadedByUnitId!: string | null;

  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}

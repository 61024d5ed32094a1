import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CovertExposureList, Role } from '@duban/domain';

/**
 * One published exposure list (暗访曝光): a period's findings as they stood when the office
 * published them, with who, when and why. Keyed by the period and filters, so a retried
 * publication finds the first one instead of publishing twice.
 */
@Entity({ name: 'covert_exposure_publication' })
@Index('idx_covert_exposure_publication_published_at', ['publishedAt'])
export class CovertExposurePublicationRecord {
  /** `<from>..<to>|<regionId or *>|<industry or *>`. */
  @PrimaryColumn({ name: 'publication_key', type: 'varchar', primaryKeyConstraintName: 'pk_covert_exposure_publication' })
  publicationKey!: string;

  @Column({ name: 'from_day', type: 'varchar' })
  fromDay!: string;

  @Column({ name: 'to_day', type: 'varchar' })
  toDay!: string;

  @Column({ name: 'region_id', type: 'varchar', nullable: true })
  regionId!: string | null;

  @Column({ name: 'industry_id', type: 'varchar', nullable: true })
  industryId!: string | null;

  /** Findings on the list. */
  @Column({ name: 'total', type: 'integer' })
  total!: number;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'published_by_id', type: 'varchar' })
  publishedById!: string;

  @Column({ name: 'published_by_name', type: 'text' })
  publishedByName!: string;

  @Column({ name: 'published_by_role', type: 'varchar' })
  publishedByRole!: Role | 'system';

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  /** The list as published. */
  @Column({ name: 'list', type: 'jsonb' })
  list!: CovertExposureList;
}

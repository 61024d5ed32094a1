import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RegistryVersionColumns } from './registry-version-columns';

/** Versions of the industries (行业), optionally grouped under a parent. */
@Entity({ name: 'registry_industry' })
@Index('uq_registry_industry_current', ['id'], { unique: true, where: 'valid_to IS NULL' })
export class RegistryIndustryVersion extends RegistryVersionColumns {
  @PrimaryColumn({ name: 'id', type: 'varchar', primaryKeyConstraintName: 'pk_registry_industry' })
  id!: string;

  @PrimaryColumn({ name: 'version', type: 'integer', primaryKeyConstraintName: 'pk_registry_industry' })
  version!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'parent_id', type: 'varchar', nullable: true })
  parentId!: string | null;

  /** As a region's path: ancestors' ids, root first, itself last. */
  @Column({ name: 'path', type: 'text', collation: 'C' })
  path!: string;
}

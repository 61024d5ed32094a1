import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RegionLevel } from '@duban/domain';
import { RegistryVersionColumns } from './registry-version-columns';

/** Versions of the regions (属地): 省 → 市 → 县/区 → 乡镇/街道. */
@Entity({ name: 'registry_region' })
@Index('uq_registry_region_current', ['id'], { unique: true, where: 'valid_to IS NULL' })
@Index('idx_registry_region_path', ['path'])
export class RegistryRegionVersion extends RegistryVersionColumns {
  @PrimaryColumn({ name: 'id', type: 'varchar', primaryKeyConstraintName: 'pk_registry_region' })
  id!: string;

  @PrimaryColumn({ name: 'version', type: 'integer', primaryKeyConstraintName: 'pk_registry_region' })
  version!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'level', type: 'varchar' })
  level!: RegionLevel;

  @Column({ name: 'parent_id', type: 'varchar', nullable: true })
  parentId!: string | null;

  /** 行政区划代码, where one exists. */
  @Column({ name: 'code', type: 'varchar', nullable: true })
  code!: string | null;

  /** Ancestors' ids, root first, itself last, joined by '/'. Collation C, so the index answers `LIKE 'prefix%'`. */
  @Column({ name: 'path', type: 'text', collation: 'C' })
  path!: string;
}

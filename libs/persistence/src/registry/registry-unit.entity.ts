import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EnterpriseKind, UnitKind, UnitStatus } from '@duban/domain';
import { RegistryVersionColumns } from './registry-version-columns';

/** Versions of the units (单位): governments, departments, enterprises. */
@Entity({ name: 'registry_unit' })
@Index('uq_registry_unit_current', ['id'], { unique: true, where: 'valid_to IS NULL' })
@Index('idx_registry_unit_region', ['regionId'])
@Index('idx_registry_unit_industry', ['industryId'])
export class RegistryUnitVersion extends RegistryVersionColumns {
  @PrimaryColumn({ name: 'id', type: 'varchar', primaryKeyConstraintName: 'pk_registry_unit' })
  id!: string;

  @PrimaryColumn({ name: 'version', type: 'integer', primaryKeyConstraintName: 'pk_registry_unit' })
  version!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'kind', type: 'varchar' })
  kind!: UnitKind;

  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  @Column({ name: 'industry_id', type: 'varchar', nullable: true })
  industryId!: string | null;

  @Column({ name: 'enterprise_kind', type: 'varchar', nullable: true })
  enterpriseKind!: EnterpriseKind | null;

  @Column({ name: 'status', type: 'varchar', nullable: true })
  status!: UnitStatus | null;

  @Column({ name: 'licensed', type: 'boolean', nullable: true })
  licensed!: boolean | null;

  /** 统一社会信用代码. */
  @Column({ name: 'credit_code', type: 'varchar', nullable: true })
  creditCode!: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ResponsibilityHolderKind, ResponsibilityTargetKind, ResponsibilityType } from '@duban/domain';
import { RegistryVersionColumns } from './registry-version-columns';

/** Versions of the responsibility links (属地, 分管, 监管, 主管, 主体). */
@Entity({ name: 'registry_responsibility' })
@Index('uq_registry_responsibility_current', ['id'], { unique: true, where: 'valid_to IS NULL' })
@Index('idx_registry_responsibility_holder', ['holderKind', 'holderId'])
@Index('idx_registry_responsibility_target', ['targetKind', 'targetId'])
export class RegistryResponsibilityVersion extends RegistryVersionColumns {
  @PrimaryColumn({ name: 'id', type: 'varchar', primaryKeyConstraintName: 'pk_registry_responsibility' })
  id!: string;

  @PrimaryColumn({ name: 'version', type: 'integer', primaryKeyConstraintName: 'pk_registry_responsibility' })
  version!: number;

  @Column({ name: 'type', type: 'varchar' })
  type!: ResponsibilityType;

  @Column({ name: 'holder_kind', type: 'varchar' })
  holderKind!: ResponsibilityHolderKind;

  @Column({ name: 'holder_id', type: 'varchar' })
  holderId!: string;

  @Column({ name: 'target_kind', type: 'varchar' })
  targetKind!: ResponsibilityTargetKind;

  @Column({ name: 'target_id', type: 'varchar' })
  targetId!: string;
}

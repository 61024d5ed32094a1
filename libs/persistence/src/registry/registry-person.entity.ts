import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PersonRole } from '@duban/domain';
import { RegistryVersionColumns } from './registry-version-columns';

/** Versions of the responsible people (责任人). */
@Entity({ name: 'registry_person' })
@Index('uq_registry_person_current', ['id'], { unique: true, where: 'valid_to IS NULL' })
@Index('idx_registry_person_unit', ['unitId'])
export class RegistryPersonVersion extends RegistryVersionColumns {
  @PrimaryColumn({ name: 'id', type: 'varchar', primaryKeyConstraintName: 'pk_registry_person' })
  id!: string;

  @PrimaryColumn({ name: 'version', type: 'integer', primaryKeyConstraintName: 'pk_registry_person' })
  version!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  /** 职务. */
  @Column({ name: 'post', type: 'text' })
  post!: string;

  @Column({ name: 'unit_id', type: 'varchar' })
  unitId!: string;

  @Column({ name: 'phone', type: 'varchar', nullable: true })
  phone!: string | null;

  @Column({ name: 'roles', type: 'jsonb' })
  roles!: PersonRole[];
}

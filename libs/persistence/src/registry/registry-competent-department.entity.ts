import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SupervisionKind } from '@duban/domain';
import { RegistryVersionColumns } from './registry-version-columns';

/** Versions of the competent-department links (主管部门): region × industry → department unit. */
@Entity({ name: 'registry_competent_department' })
@Index('uq_registry_competent_department_current', ['id'], { unique: true, where: 'valid_to IS NULL' })
@Index('idx_registry_competent_department_unit', ['departmentUnitId'])
export class RegistryCompetentDepartmentVersion extends RegistryVersionColumns {
  @PrimaryColumn({ name: 'id', type: 'varchar', primaryKeyConstraintName: 'pk_registry_competent_department' })
  id!: string;

  @PrimaryColumn({ name: 'version', type: 'integer', primaryKeyConstraintName: 'pk_registry_competent_department' })
  version!: number;

  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  @Column({ name: 'industry_id', type: 'varchar' })
  industryId!: string;

  @Column({ name: 'department_unit_id', type: 'varchar' })
  departmentUnitId!: string;

  @Column({ name: 'supervision', type: 'varchar' })
  supervision!: SupervisionKind;
}

import { requireOneOf } from '../one-of';
import { invalid } from '../rejection';
import { requireRegistryId } from './registry-id';
import type { UnitRecord } from './registry-unit';

/** 综合监管 (the safety regulator, 应急管理局, overall) vs 直接监管 (the industry's own department). */
export const SUPERVISION_KINDS = ['overall', 'direct'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

export const SUPERVISION_KIND_LABELS: Record<SupervisionKind, string> = { overall: '综合监管', direct: '直接监管' };

/** In a region, the department unit that supervises an industry (主管部门). */
export interface CompetentDepartmentRecord {
  id: string;
  regionId: string;
  industryId: string;
  departmentUnitId: string;
  supervision: SupervisionKind;
}

/** `department` is the linked unit as the registry holds it now (undefined when unknown). */
export function validateCompetentDepartment(record: CompetentDepartmentRecord, department: UnitRecord | undefined): void {
  requireRegistryId(record.id, 'id');
  requireRegistryId(record.regionId, 'regionId');
  requireRegistryId(record.industryId, 'industryId');
  requireRegistryId(record.departmentUnitId, 'departmentUnitId');
  requireOneOf(record.supervision, SUPERVISION_KINDS, 'supervision');
  if (department && department.kind !== 'department')
    throw invalid(
      'registry.competent_department.not_a_department',
      'departmentUnitId',
      `unit ${department.id} is a ${department.kind}, not a department`,
    );
}

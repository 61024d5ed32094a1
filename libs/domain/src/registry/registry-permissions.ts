import type { PermissionTable } from '../permissions';

export type RegistryAction = 'write' | 'read' | 'read_reference';

/**
 * Who may do what in the registry (单位库): the office keeps it; the auditor, inspectors and the
 * office read it; a unit reads its own unit and its own people only.
 */
export const REGISTRY_PERMISSIONS: PermissionTable<RegistryAction> = {
  ownObjects: 'unit and people',
  otherObject: 'this record belongs to unit',
  rules: {
    write: { roles: ['office'], ownUnitOnly: false, why: 'the registry (单位库) is kept by the safety committee office' },
    read: { roles: ['office', 'inspector', 'auditor', 'unit'], ownUnitOnly: true, industryWide: true, why: 'reading units and people (户籍化监管)' },
    read_reference: {
      roles: ['office', 'inspector', 'auditor'],
      ownUnitOnly: false,
      why: 'regions, industries and responsibility links are read by the office, inspectors and auditors',
    },
  },
};

import type { PermissionTable } from '../permissions';

export type AuditAction = 'replay' | 'export';

/**
 * Who may replay workflow histories (重放审计): auditors (纪委监委/审计), whose work it is, and the
 * office, which answers for the system. On one workflow the caller must also be allowed to read
 * the aggregate it is (its hazard, campaign, unit …), within its territory, as that aggregate's
 * own table says. Exporting a verifiable bundle (审计导出包) is the same reading, for the same
 * roles: the bundle holds nothing the caller could not read aggregate by aggregate.
 */
export const AUDIT_PERMISSIONS: PermissionTable<AuditAction> = {
  ownObjects: 'workflows',
  otherObject: 'this workflow is about unit',
  rules: {
    replay: {
      roles: ['auditor', 'office'],
      ownUnitOnly: false,
      why: 'replaying workflow histories is for auditors and the office (重放审计)',
    },
    export: {
      roles: ['auditor', 'office'],
      ownUnitOnly: false,
      why: 'exporting an audit bundle is for auditors and the office (审计导出)',
    },
  },
};

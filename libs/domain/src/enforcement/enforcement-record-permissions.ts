import { authorize, type PermissionTable } from '../permissions';
import type { Actor } from '../actor';

export type EnforcementRecordAction = 'read' | 'run_review';

/**
 * Who may do what over the rules on the enforcement record (规则触发, 黑名单): offices, inspectors
 * and auditors read within their territory, a unit reads only its own entries (a department those
 * of its industries' units too); the office runs
 * the review now (the daily Schedule runs it as Duban).
 */
export const ENFORCEMENT_RECORD_PERMISSIONS: PermissionTable<EnforcementRecordAction> = {
  ownObjects: 'firings and blacklist entries',
  otherObject: 'this entry is about unit',
  rules: {
    read: {
      roles: ['office', 'inspector', 'auditor', 'unit'],
      ownUnitOnly: true,
      // An industry department (行业主管部门) reads its industries' entries in its territory, as it reads their hazards.
      industryWide: true,
      why: 'reading the rule firings and the blacklist (规则触发、黑名单)',
    },
    run_review: { roles: ['office'], ownUnitOnly: false, why: 'an office runs the review of the enforcement record (规则运行)' },
  },
};

/** `authorize` over ENFORCEMENT_RECORD_PERMISSIONS, role only (the review covers the whole record). */
export function authorizeEnforcementRecordAction(action: EnforcementRecordAction, actor: Actor): void {
  authorize(ENFORCEMENT_RECORD_PERMISSIONS, action, actor);
}

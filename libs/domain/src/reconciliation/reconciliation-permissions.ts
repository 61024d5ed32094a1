import { authorize, type PermissionTable } from '../permissions';
import type { Actor } from '../actor';

export type ReconciliationAction = 'run' | 'read';

/**
 * Who may run reconciliation (台账核对) now and read its reports: the office runs it (the nightly
 * Schedule runs it as Duban); offices and auditors (纪委监委, who must be able to prove the ledger)
 * read the reports. A report spans every unit, so no unit reads it.
 */
export const RECONCILIATION_PERMISSIONS: PermissionTable<ReconciliationAction> = {
  ownObjects: 'reconciliation reports',
  otherObject: 'this report is about unit',
  rules: {
    run: { roles: ['office'], ownUnitOnly: false, why: 'an office runs the ledger reconciliation (台账核对)' },
    read: { roles: ['office', 'auditor'], ownUnitOnly: false, why: 'reading the ledger reconciliation reports (台账核对报告)' },
  },
};

/** `authorize` over RECONCILIATION_PERMISSIONS, role only (a run covers the whole ledger). */
export function authorizeReconciliationAction(action: ReconciliationAction, actor: Actor): void {
  authorize(RECONCILIATION_PERMISSIONS, action, actor);
}

import { authorize, type PermissionTable } from '../permissions';
import type { Actor } from '../actor';

export type AccidentRecordAction = 'read' | 'set_indicators' | 'run_review' | 'record_action_taken';

/**
 * Who may do what over the accident record (控制指标, 问责规则): offices set their region's caps,
 * run the review and record the summons they held; auditors and inspectors read.
 */
export const ACCIDENT_RECORD_PERMISSIONS: PermissionTable<AccidentRecordAction> = {
  ownObjects: 'records',
  otherObject: 'this record belongs to',
  rules: {
    read: { roles: ['office', 'inspector', 'auditor'], ownUnitOnly: false, why: 'reading control indicators and accountability firings' },
    set_indicators: { roles: ['office'], ownUnitOnly: false, why: 'an office sets its region’s control indicators (控制指标)' },
    run_review: { roles: ['office'], ownUnitOnly: false, why: 'an office runs the review of the accident record (按月检查)' },
    record_action_taken: { roles: ['office'], ownUnitOnly: false, why: 'the office records the summons it held (约谈) and its minutes' },
  },
};

/** `authorize` over ACCIDENT_RECORD_PERMISSIONS, role only (the territory is checked by the API on the region). */
export function authorizeAccidentRecordAction(action: AccidentRecordAction, actor: Actor): void {
  authorize(ACCIDENT_RECORD_PERMISSIONS, action, actor);
}

import type { Actor } from '../actor';
import { authorize, type PermissionTable } from '../permissions';

export type HazardAction =
  | 'read'
  | 'report'
  | 'submit_plan'
  | 'report_progress'
  | 'claim_completion'
  | 'verify'
  | 'request_extension'
  | 'decide_extension'
  | 'start_monitoring'
  | 'report_monitoring'
  | 'list'
  | 'delist';

/** Who may do what to a hazard: the unit acts on its own hazards only, the auditor only reads. */
export const HAZARD_PERMISSIONS: PermissionTable<HazardAction> = {
  ownObjects: 'hazards',
  otherObject: 'this hazard belongs to unit',
  rules: {
    read: { roles: ['office', 'inspector', 'auditor', 'unit'], ownUnitOnly: true, industryWide: true, why: 'reading the ledger' },
    report: {
      roles: ['office', 'inspector', 'unit'],
      ownUnitOnly: true,
      why: 'reporting a hazard is for the office, inspectors, or a unit self-reporting',
    },
    submit_plan: { roles: ['unit'], ownUnitOnly: true, why: 'the rectification plan is submitted by the responsible unit (整改责任)' },
    report_progress: { roles: ['unit'], ownUnitOnly: true, why: 'progress is reported by the responsible unit' },
    claim_completion: { roles: ['unit'], ownUnitOnly: true, why: 'completion is claimed by the responsible unit' },
    verify: { roles: ['inspector', 'office'], ownUnitOnly: false, why: 'verification (验收) is done by the inspecting side or the office' },
    request_extension: { roles: ['unit'], ownUnitOnly: true, why: 'an extension (延期) is requested by the responsible unit' },
    decide_extension: { roles: ['office'], ownUnitOnly: false, why: 'extensions are approved or refused by the safety committee office' },
    start_monitoring: { roles: ['unit', 'office'], ownUnitOnly: true, why: 'monitoring (监控) is declared by the responsible unit or the office' },
    report_monitoring: { roles: ['unit'], ownUnitOnly: true, why: 'monitoring reports come from the responsible unit' },
    list: { roles: ['office'], ownUnitOnly: false, why: 'a hazard is listed for supervision (挂牌督办) by a safety committee office' },
    // The listing level's region joins with the scope checks; until then any office may close it.
    delist: { roles: ['office'], ownUnitOnly: false, why: 'a listing is closed (销号) by the office of the level that listed it' },
  },
};

/** `authorize` over HAZARD_PERMISSIONS, for the hazard's unit (the deciders call it). */
export function authorizeHazardAction(action: HazardAction, actor: Actor, hazardUnitId: string): void {
  authorize(HAZARD_PERMISSIONS, action, actor, hazardUnitId);
}

import type { Actor } from '../actor';
import { authorize, type PermissionTable } from '../permissions';
import { forbidden } from '../rejection';
import type { CovertInspectionCommandType } from './covert-inspection-commands';
import { isOnCovertTeam, type CovertInspectionState } from './covert-inspection-state';

export type CovertInspectionAction = 'read' | 'read_plan' | 'plan' | CovertInspectionCommandType;

/**
 * Who may do what to a covert inspection: the office plans it and reads its plan, the team
 * (inspectors named in it) finds and orders, the county government and the industry department
 * (units) acknowledge the feedback, the auditor and the inspected unit read it once it is done.
 * The decider also keeps the team's work to the team and each acknowledgement to its recipient.
 */
export const COVERT_INSPECTION_PERMISSIONS: PermissionTable<CovertInspectionAction> = {
  ownObjects: 'covert inspection results',
  otherObject: 'this result concerns unit',
  rules: {
    read: {
      roles: ['office', 'inspector', 'auditor', 'unit'],
      ownUnitOnly: true,
      why: 'reading the covert-inspection ledger (暗访台账) once it is done',
    },
    read_plan: { roles: ['office', 'inspector'], ownUnitOnly: false, why: 'a plan is seen only by the office and the team until done (不打招呼)' },
    plan: { roles: ['office'], ownUnitOnly: false, why: 'the safety committee office plans covert inspections (明察暗访)' },
    record_finding: { roles: ['inspector'], ownUnitOnly: false, why: 'findings are recorded by the named team' },
    issue_rectification_order: { roles: ['inspector', 'office'], ownUnitOnly: false, why: 'the team issues the on-site order (现场整改指令)' },
    acknowledge_feedback: {
      roles: ['unit', 'office'],
      ownUnitOnly: false,
      why: 'the county government and the industry department acknowledge the feedback (or the office records it)',
    },
    complete: { roles: ['office', 'inspector'], ownUnitOnly: false, why: 'the office or the team’s leader ends the inspection' },
  },
};

/**
 * Whether `actor` may see this inspection now: until it is completed only the office and the
 * team's own members see it (its plan must not warn the inspected); after, the read rule applies,
 * a unit seeing it only when it was sampled.
 */
export function authorizeCovertInspectionRead(s: CovertInspectionState, actor: Actor): void {
  if (s.status !== 'completed') {
    authorize(COVERT_INSPECTION_PERMISSIONS, 'read_plan', actor);
    if (actor.role === 'inspector' && !isOnCovertTeam(s, actor))
      throw forbidden('covert.plan.hidden', `covert inspection ${s.inspectionId} is seen only by the office and its team until done`);
    return;
  }
  authorize(COVERT_INSPECTION_PERMISSIONS, 'read', actor);
  if (actor.role === 'unit' && !s.sample.unitIds.includes(actor.unitId ?? ''))
    throw forbidden('permission.own_unit_only', `unit ${actor.unitId ?? '(none)'} was not inspected in ${s.inspectionId}`);
}

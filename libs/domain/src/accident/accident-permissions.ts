import type { Actor } from '../actor';
import { authorize, type PermissionTable } from '../permissions';
import type { AccidentCommandType } from './accident-commands';

export type AccidentAction = 'read' | 'report' | AccidentCommandType;

/**
 * Who may do what to an accident: the unit reports its own (快报, 续报) and its education
 * sessions, the investigation team (inspector) investigates, the office decides, Duban feeds
 * the linked hazards' statuses, the auditor only reads.
 */
export const ACCIDENT_PERMISSIONS: PermissionTable<AccidentAction> = {
  ownObjects: 'accidents',
  otherObject: 'this accident belongs to unit',
  rules: {
    read: { roles: ['office', 'inspector', 'auditor', 'unit'], ownUnitOnly: true, why: 'reading the accident ledger (事故台账)' },
    report: {
      roles: ['unit', 'office'],
      ownUnitOnly: true,
      why: 'an accident is reported by its unit (事故快报) or recorded by the office that received it',
    },
    report_follow_up: {
      roles: ['unit', 'office'],
      ownUnitOnly: true,
      why: 'follow-up reports (续报) come from the unit or the office that received them',
    },
    record_chain_report: { roles: ['office'], ownUnitOnly: false, why: 'a level’s receipt of the report (逐级上报) is recorded by the office' },
    record_tip_off: { roles: ['office'], ownUnitOnly: false, why: 'tip-offs (举报) are taken in and verified by the office' },
    open_investigation: { roles: ['office'], ownUnitOnly: false, why: 'the government’s office forms the investigation team (事故调查组)' },
    take_over: { roles: ['office'], ownUnitOnly: false, why: 'a higher level’s office takes an investigation over (提级调查)' },
    list_for_supervision: { roles: ['office'], ownUnitOnly: false, why: 'a higher committee’s office issues the 挂牌督办令' },
    extend_report_deadline: { roles: ['office'], ownUnitOnly: false, why: 'the investigating government approves an extension' },
    submit_investigation_report: { roles: ['inspector'], ownUnitOnly: false, why: 'the investigation team (调查组) submits its report' },
    record_responsibility: {
      roles: ['office', 'inspector'],
      ownUnitOnly: false,
      why: 'measures against responsible people are recorded by the office or the team',
    },
    link_rectification_hazard: {
      roles: ['office', 'inspector'],
      ownUnitOnly: false,
      why: 'rectification measures are linked by the office or the team',
    },
    sync_rectification_hazard: { roles: ['system'], ownUnitOnly: false, why: 'a linked hazard’s status is fed by Duban from the hazard ledger' },
    record_education: {
      roles: ['office', 'inspector', 'unit'],
      ownUnitOnly: true,
      why: 'education sessions are recorded by whoever held them, a unit for its own people',
    },
    close_gate: { roles: ['office'], ownUnitOnly: false, why: 'the office certifies each of 四不放过' },
    reopen_gate: { roles: ['office'], ownUnitOnly: false, why: 'the office reopens a gate it certified' },
    close_investigation: { roles: ['office'], ownUnitOnly: false, why: 'the office closes the investigation (结案)' },
  },
};

/** `authorize` over ACCIDENT_PERMISSIONS, for the accident's unit (the decider calls it). */
export function authorizeAccidentAction(action: AccidentAction, actor: Actor, accidentUnitId: string): void {
  authorize(ACCIDENT_PERMISSIONS, action, actor, accidentUnitId);
}

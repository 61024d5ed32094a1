import type { Actor } from '../actor';
import { authorize, type PermissionTable } from '../permissions';
import type { EnforcementCommandType } from './enforcement-commands';

export type EnforcementAction = 'read' | 'open' | EnforcementCommandType;

const DECIDES = 'the enforcing office decides the measures of 四个一律 and their legal basis (执法决定)';

/**
 * Who may do what to an enforcement case: the office opens and decides, inspectors open from what
 * they found and inspect, Duban opens from a hazard by its policy, the unit files its own
 * rectification, the levels of the resumption chain (offices, governments and departments, which
 * are units) sign, the auditor only reads. The decider also refuses a unit signing its own resumption.
 */
export const ENFORCEMENT_PERMISSIONS: PermissionTable<EnforcementAction> = {
  ownObjects: 'enforcement cases',
  otherObject: 'this case is against unit',
  rules: {
    read: {
      roles: ['office', 'inspector', 'auditor', 'unit'],
      ownUnitOnly: true,
      industryWide: true,
      why: 'reading the enforcement ledger (执法台账)',
    },
    open: {
      roles: ['office', 'inspector', 'system'],
      ownUnitOnly: false,
      why: 'a case is opened (立案) by the office, by an inspector from a finding, or by Duban from a hazard’s policy',
    },
    add_respondent: { roles: ['office', 'inspector'], ownUnitOnly: false, why: 'respondents (一并处罚) are named by the office or the inspector' },
    record_violation: { roles: ['office', 'inspector'], ownUnitOnly: false, why: 'violations are recorded by the office or the inspector' },
    flag_criminal: {
      roles: ['office', 'inspector'],
      ownUnitOnly: false,
      why: 'a suspected crime (涉嫌犯罪) is flagged by the office or the inspector',
    },
    impose_suspension: { roles: ['office'], ownUnitOnly: false, why: DECIDES },
    impose_fine: { roles: ['office'], ownUnitOnly: false, why: DECIDES },
    refer_to_judiciary: { roles: ['office'], ownUnitOnly: false, why: DECIDES },
    record_referral_outcome: { roles: ['office'], ownUnitOnly: false, why: 'the judiciary’s answer to a referral is recorded by the office' },
    impose_closure: { roles: ['office'], ownUnitOnly: false, why: DECIDES },
    file_rectification: {
      roles: ['unit', 'office'],
      ownUnitOnly: true,
      why: 'the suspended unit files its own rectification (or the office records it)',
    },
    record_resumption_inspection: {
      roles: ['inspector', 'office'],
      ownUnitOnly: false,
      why: 'the resumption inspection (复产验收) is carried out by inspectors',
    },
    sign_resumption: {
      roles: ['office', 'unit'],
      ownUnitOnly: false,
      why: 'resumption is signed level by level (层层签字) by the offices, governments and departments of the chain',
    },
    record_supervision_check: {
      roles: ['inspector', 'office'],
      ownUnitOnly: false,
      why: 'a suspended unit is checked (停产期间监管) by inspectors',
    },
    close_case: { roles: ['office'], ownUnitOnly: false, why: 'the office closes the case (结案)' },
  },
};

/** `authorize` over ENFORCEMENT_PERMISSIONS, for the case's unit (the decider calls it). */
export function authorizeEnforcementAction(action: EnforcementAction, actor: Actor, caseUnitId: string): void {
  authorize(ENFORCEMENT_PERMISSIONS, action, actor, caseUnitId);
}

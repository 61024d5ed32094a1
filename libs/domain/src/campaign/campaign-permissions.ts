import type { Actor } from '../actor';
import { forbidden } from '../rejection';

export type CampaignAction = 'read' | 'launch' | 'manage' | 'submit_report' | 'record_inspection' | 'record_finding';

type Rule = { roles: Array<Actor['role']>; ownUnitOnly: boolean; why: string };

/** Who may do what in a campaign: the office runs it, units report on their own obligations, inspectors record what they find. */
const RULES: Record<CampaignAction, Rule> = {
  read: { roles: ['office', 'inspector', 'auditor', 'unit'], ownUnitOnly: true, why: 'reading campaign records' },
  launch: { roles: ['office'], ownUnitOnly: false, why: 'campaigns are launched by the safety committee office (安委办)' },
  manage: { roles: ['office'], ownUnitOnly: false, why: 'pausing, extending, changing units and closing a campaign is for the safety committee office' },
  submit_report: { roles: ['unit'], ownUnitOnly: true, why: 'reports (一日一报/零报告) come from the responsible unit itself' },
  record_inspection: { roles: ['inspector', 'office', 'unit'], ownUnitOnly: true, why: 'inspections are recorded by inspectors, the office, or a unit for its own self-inspection' },
  record_finding: { roles: ['inspector', 'office', 'unit'], ownUnitOnly: true, why: 'findings are recorded by inspectors, the office, or a unit self-reporting' },
};

/** Throws a `forbidden` rejection that says why; `unitId` is the unit acted on, when there is one. */
export function authorizeCampaignAction(action: CampaignAction, actor: Actor, unitId?: string): void {
  const rule = RULES[action];
  if (!rule.roles.includes(actor.role)) throw forbidden(`${actor.role} may not ${action.replace(/_/g, ' ')}: ${rule.why}`);
  if (actor.role === 'unit' && rule.ownUnitOnly && unitId !== undefined && actor.unitId !== unitId) {
    throw forbidden(`unit ${actor.unitId ?? '(none)'} may act only on its own obligations; this is unit ${unitId}`);
  }
}

import type { Actor } from '../actor';
import { authorize, type PermissionTable } from '../permissions';

export type CampaignAction = 'read' | 'launch' | 'manage' | 'submit_report' | 'record_inspection' | 'record_finding';

/** Who may do what in a campaign: the office runs it, units report on their own obligations, inspectors record what they find. */
export const CAMPAIGN_PERMISSIONS: PermissionTable<CampaignAction> = {
  ownObjects: 'obligations',
  otherObject: 'this is unit',
  rules: {
    read: { roles: ['office', 'inspector', 'auditor', 'unit'], ownUnitOnly: true, industryWide: true, why: 'reading campaign records' },
    launch: { roles: ['office'], ownUnitOnly: false, why: 'campaigns are launched by the safety committee office (安委办)' },
    manage: {
      roles: ['office'],
      ownUnitOnly: false,
      why: 'pausing, extending, changing units and closing a campaign is for the safety committee office',
    },
    submit_report: { roles: ['unit'], ownUnitOnly: true, why: 'reports (一日一报/零报告) come from the responsible unit itself' },
    record_inspection: {
      roles: ['inspector', 'office', 'unit'],
      ownUnitOnly: true,
      why: 'inspections are recorded by inspectors, the office, or a unit for its own self-inspection',
    },
    record_finding: {
      roles: ['inspector', 'office', 'unit'],
      ownUnitOnly: true,
      why: 'findings are recorded by inspectors, the office, or a unit self-reporting',
    },
  },
};

/** `authorize` over CAMPAIGN_PERMISSIONS; `unitId` is the unit acted on, when there is one (the deciders call it). */
export function authorizeCampaignAction(action: CampaignAction, actor: Actor, unitId?: string): void {
  authorize(CAMPAIGN_PERMISSIONS, action, actor, unitId);
}

export type CampaignTemplateAction = 'read' | 'post';

/** Campaign templates (专项行动模板): everyone reads them; only the office posts new ones. Templates belong to no unit. */
export const CAMPAIGN_TEMPLATE_PERMISSIONS: PermissionTable<CampaignTemplateAction> = {
  ownObjects: 'templates',
  otherObject: 'this is unit',
  rules: {
    read: { roles: ['office', 'inspector', 'auditor', 'unit'], ownUnitOnly: false, why: 'reading campaign templates' },
    post: { roles: ['office'], ownUnitOnly: false, why: 'campaign templates are posted by the safety committee office (安委办)' },
  },
};

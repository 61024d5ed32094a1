import { invalid } from '../rejection';
import type { CampaignTemplate } from './campaign-template';

/** Where a launch's template comes from: a shipped or posted one by id, or inline. */
export type TemplateChoice = { source: 'by_id'; templateId: string } | { source: 'inline'; template: CampaignTemplate };

/** A launch names exactly one of `templateId` and an inline `template`; both or neither is refused naming `templateId`. */
export function chooseTemplate(launch: { templateId?: string; template?: CampaignTemplate }): TemplateChoice {
  if (launch.templateId !== undefined && launch.template !== undefined)
    throw invalid('campaign.template.choice_ambiguous', 'templateId', 'give either templateId or an inline template, not both');
  if (launch.template !== undefined) return { source: 'inline', template: launch.template };
  if (launch.templateId !== undefined) return { source: 'by_id', templateId: launch.templateId };
  throw invalid(
    'campaign.template.choice_missing',
    'templateId',
    'templateId (a shipped or posted template, GET /campaign-templates) or an inline template is required',
  );
}

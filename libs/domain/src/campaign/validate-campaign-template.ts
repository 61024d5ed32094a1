import { requireOneOf } from '../one-of';
import { TEXT_LIMITS } from '../hazard/hazard-report';
import { invalid } from '../rejection';
import { codePointLength } from '../text-input';
import { CAMPAIGN_KINDS, TARGET_METRICS, type CampaignTemplate } from './campaign-template';
import { validateCampaignCascade } from './validate-campaign-cascade';
import {
  longer,
  nominalDays,
  requireBoolean,
  requireId,
  requireList,
  requirePositiveSpan,
  requireText,
  validateLadder,
  validateReportRequirement,
} from './template-field-checks';
import { TEMPLATE_LIMITS } from './template-limits';

export { TEMPLATE_LIMITS } from './template-limits';

/**
 * Checks a campaign template before it is posted or launched: a refusal names the offending
 * field precisely (e.g. `phases[1].duration.amount`, `reports[0].phases[0]`) and nothing is
 * written. The four shipped templates pass.
 */
export function validateCampaignTemplate(template: CampaignTemplate): void {
  if (typeof template !== 'object' || template === null) throw invalid('input.required', 'template', 'a template is required (必填)');
  requireId(template.id, 'id');
  requireText(template.name, 'name', TEXT_LIMITS.shortText);
  requireOneOf(template.kind, CAMPAIGN_KINDS, 'kind');
  if (typeof template.description !== 'string' || codePointLength(template.description) > TEXT_LIMITS.longText) {
    throw invalid('input.too_long', 'description', `description must be text of at most ${TEXT_LIMITS.longText} characters`);
  }
  requireText(template.source, 'source', TEXT_LIMITS.longText);

  // Phases (阶段), in order.
  const phases = requireList(template.phases, 'phases', TEMPLATE_LIMITS.phases);
  if (phases.length === 0) throw invalid('input.too_few', 'phases', 'a campaign needs at least one phase (至少一个阶段)');
  const phaseIds = new Set<string>();
  const deliverableIds = new Set<string>();
  let campaignDays = 0;
  template.phases.forEach((phase, i) => {
    const at = `phases[${i}]`;
    requireId(phase.id, `${at}.id`, phaseIds);
    requireText(phase.name, `${at}.name`, TEXT_LIMITS.shortText);
    requirePositiveSpan(phase.duration, `${at}.duration`);
    campaignDays += nominalDays(phase.duration);
    if (campaignDays > TEMPLATE_LIMITS.campaignDays) {
      throw invalid(
        'campaign.template.too_long',
        `${at}.duration.amount`,
        `the campaign would last longer than ${TEMPLATE_LIMITS.campaignDays} days (专项行动过长)`,
      );
    }
    requireList(phase.deliverables, `${at}.deliverables`);
    phase.deliverables.forEach((deliverable, j) => {
      const dat = `${at}.deliverables[${j}]`;
      requireId(deliverable.id, `${dat}.id`, deliverableIds);
      requireText(deliverable.name, `${dat}.name`, TEXT_LIMITS.shortText);
      if (deliverable.dueAfter !== undefined) {
        requirePositiveSpan(deliverable.dueAfter, `${dat}.dueAfter`);
        if (longer(deliverable.dueAfter, phase.duration)) {
          throw invalid(
            'campaign.template.deliverable_after_phase',
            `${dat}.dueAfter.amount`,
            `due after the phase "${phase.id}" ends (材料期限超出阶段)`,
          );
        }
      }
    });
  });

  // Recurring reports (一日一报/周报).
  requireList(template.reports, 'reports');
  const reportIds = new Set<string>();
  template.reports.forEach((report, i) => validateReportRequirement(report, `reports[${i}]`, phaseIds, reportIds));

  // Targets (目标, e.g. 五个100%).
  requireList(template.targets, 'targets');
  const targetIds = new Set<string>();
  template.targets.forEach((target, i) => {
    const at = `targets[${i}]`;
    requireId(target.id, `${at}.id`, targetIds);
    requireText(target.name, `${at}.name`, TEXT_LIMITS.shortText);
    requireOneOf(target.metric, TARGET_METRICS, `${at}.metric`);
    if (typeof target.threshold !== 'number' || !Number.isFinite(target.threshold) || target.threshold < 0 || target.threshold > 1) {
      throw invalid('input.out_of_range', `${at}.threshold`, `threshold is a rate between 0 and 1 (1 = 100%), got ${String(target.threshold)}`);
    }
  });

  // 三个全覆盖.
  if (typeof template.coverage !== 'object' || template.coverage === null)
    throw invalid('input.required', 'coverage', 'coverage is required (覆盖要求)');
  for (const key of ['regions', 'units', 'industries'] as const) requireBoolean(template.coverage[key], `coverage.${key}`);

  // Check items (排查内容).
  requireList(template.checkItems, 'checkItems');
  const checkItemIds = new Set<string>();
  template.checkItems.forEach((item, i) => {
    requireId(item.id, `checkItems[${i}].id`, checkItemIds);
    requireText(item.text, `checkItems[${i}].text`, TEXT_LIMITS.shortText);
  });

  // Activities (活动), on fixed days or any time.
  requireList(template.activities, 'activities');
  const activityIds = new Set<string>();
  template.activities.forEach((activity, i) => {
    const at = `activities[${i}]`;
    requireId(activity.id, `${at}.id`, activityIds);
    requireText(activity.name, `${at}.name`, TEXT_LIMITS.shortText);
    if (activity.onDay !== undefined) {
      if (!Number.isInteger(activity.onDay) || activity.onDay < 0)
        throw invalid('input.out_of_range', `${at}.onDay`, 'onDay is a whole number of days from the start, 0 = the first day');
      if (activity.onDay >= campaignDays)
        throw invalid(
          'campaign.template.activity_after_end',
          `${at}.onDay`,
          `day ${activity.onDay} is after the campaign ends (day ${Math.ceil(campaignDays) - 1} is the last) (活动日期超出专项行动)`,
        );
    }
    requireBoolean(activity.reportRequired, `${at}.reportRequired`);
  });

  // Inspection tiers (同步进行).
  requireList(template.inspectionTiers, 'inspectionTiers');
  const tierIds = new Set<string>();
  template.inspectionTiers.forEach((tier, i) => {
    requireId(tier.id, `inspectionTiers[${i}].id`, tierIds);
    requireText(tier.name, `inspectionTiers[${i}].name`, TEXT_LIMITS.shortText);
  });

  // The per-unit ladder for missed obligations.
  validateLadder(template.escalation, 'escalation');

  if (template.cascade !== undefined) validateCampaignCascade(template.cascade, template, phaseIds);
}

import { TEXT_LIMITS } from '../hazard/hazard-report';
import { invalid } from '../rejection';
import { parseCutoff } from './campaign-obligations';
import type { CampaignCascade } from './campaign-cascade';
import type { CampaignTemplate } from './campaign-template';
import { longer, requireId, requireList, requirePositiveSpan, requireText, validateLadder, validateReportRequirement } from './template-field-checks';

/**
 * Checks a template's cascade (比照落实): set-up items due within the first phase, roll-ups that
 * each summarise one of the units' reports at the same cadence and a later cut-off, and the
 * governments' own ladder. Ids stay distinct from the units' so the ledger never mixes them.
 */
export function validateCampaignCascade(cascade: CampaignCascade, template: CampaignTemplate, phaseIds: ReadonlySet<string>): void {
  if (typeof cascade !== 'object' || cascade === null) throw invalid('input.required', 'cascade', 'cascade must be an object (比照落实)');
  requireList(cascade.setup, 'cascade.setup');
  requireList(cascade.rollUps, 'cascade.rollUps');
  if (cascade.setup.length + cascade.rollUps.length === 0)
    throw invalid('campaign.template.cascade_empty', 'cascade', 'a cascade needs at least one set-up item or roll-up (比照落实须有内容)');

  const firstPhase = template.phases[0];
  const deliverableIds = new Set(template.phases.flatMap((phase) => phase.deliverables.map((d) => d.id)));
  cascade.setup.forEach((item, i) => {
    const at = `cascade.setup[${i}]`;
    requireId(item.id, `${at}.id`, deliverableIds);
    requireText(item.name, `${at}.name`, TEXT_LIMITS.shortText);
    requirePositiveSpan(item.dueAfter, `${at}.dueAfter`);
    if (longer(item.dueAfter, firstPhase.duration))
      throw invalid(
        'campaign.template.deliverable_after_phase',
        `${at}.dueAfter.amount`,
        `due after the first phase "${firstPhase.id}" ends (部署期限超出首阶段)`,
      );
  });

  const reportIds = new Set(template.reports.map((report) => report.id));
  cascade.rollUps.forEach((rollUp, i) => {
    const at = `cascade.rollUps[${i}]`;
    validateReportRequirement(rollUp, at, phaseIds, reportIds);
    const units = template.reports.find((report) => report.id === rollUp.rollUpOf);
    if (!units)
      throw invalid(
        'campaign.template.roll_up_unknown',
        `${at}.rollUpOf`,
        `no report "${String(rollUp.rollUpOf)}" in this template to roll up (汇总所依据的报送不存在)`,
      );
    if (units.cadence !== rollUp.cadence || units.weekday !== rollUp.weekday)
      throw invalid(
        'campaign.template.roll_up_mismatch',
        `${at}.cadence`,
        `a roll-up of "${units.id}" is due on the same days: cadence ${units.cadence}${units.weekday ? `, weekday ${units.weekday}` : ''}`,
      );
    if (parseCutoff(rollUp.cutoff)! <= parseCutoff(units.cutoff)!)
      throw invalid(
        'campaign.template.roll_up_too_early',
        `${at}.cutoff`,
        `the roll-up's cut-off ${rollUp.cutoff} must come after the units' cut-off ${units.cutoff} (汇总须晚于下级报送)`,
      );
  });

  validateLadder(cascade.escalation, 'cascade.escalation');
}

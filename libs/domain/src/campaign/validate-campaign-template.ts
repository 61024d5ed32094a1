import { ESCALATION_INSTRUMENTS } from '../hazard/escalation-instrument';
import { isValidId, TEXT_LIMITS } from '../hazard/hazard-report';
import { invalid } from '../rejection';
import { codePointLength } from '../text-input';
import { addSpan } from '../time/add-span';
import type { TimeSpan } from '../time/time-span';
import { parseCutoff } from './campaign-obligations';
import { CAMPAIGN_KINDS, TARGET_METRICS, type CampaignTemplate } from './campaign-template';

/** Bounds that keep a campaign's obligations and workflow payloads small. */
export const TEMPLATE_LIMITS = {
  phases: 20,
  /** Per list: deliverables per phase, reports, targets, check items, activities, tiers, ladder rungs. */
  items: 200,
  /** Longest campaign, counting a working day as 7/5 of a day (two years). */
  campaignDays: 731,
} as const;

const TIME_UNITS = ['hours', 'days', 'workdays'] as const;
const EPOCH = new Date(0);

function requireId(value: unknown, field: string, seen?: Set<string>): void {
  if (typeof value !== 'string' || value === '') throw invalid('input.required', field, `${field} is required (必填)`);
  if (!isValidId(value)) throw invalid('input.malformed_id', field, `${field} must be 1–100 letters, digits, _ . : - (编号格式不正确)`);
  if (seen) {
    if (seen.has(value)) throw invalid('input.duplicate_id', field, `duplicate id "${value}" (编号重复)`);
    seen.add(value);
  }
}

function requireText(value: unknown, field: string, max: number): void {
  if (typeof value !== 'string' || value.trim() === '') throw invalid('input.required', field, `${field} is required (必填)`);
  if (codePointLength(value) > max) throw invalid('input.too_long', field, `${field} is longer than ${max} characters (超长)`);
}

function requireList(value: unknown, field: string, max: number = TEMPLATE_LIMITS.items): unknown[] {
  if (!Array.isArray(value)) throw invalid('input.not_a_list', field, `${field} must be a list (须为列表)`);
  if (value.length > max) throw invalid('input.too_many', field, `${field} has more than ${max} entries (条目过多)`);
  return value;
}

function requireBoolean(value: unknown, field: string): void {
  if (typeof value !== 'boolean') throw invalid('input.not_boolean', field, `${field} must be true or false`);
}

function requirePositiveSpan(span: TimeSpan | undefined, field: string): void {
  if (typeof span !== 'object' || span === null) throw invalid('input.required', field, `${field} is required: { amount, unit } (必填)`);
  if (!TIME_UNITS.includes(span.unit))
    throw invalid('input.not_one_of', `${field}.unit`, `unit must be one of ${TIME_UNITS.join(', ')} (小时/天/工作日)`);
  if (typeof span.amount !== 'number' || !Number.isFinite(span.amount) || span.amount <= 0) {
    throw invalid('input.out_of_range', `${field}.amount`, `amount must be a positive finite number (须为正数), got ${String(span.amount)}`);
  }
  if (span.unit === 'workdays' && !Number.isInteger(span.amount))
    throw invalid('time_span.workdays_not_whole', `${field}.amount`, 'working days must be whole (工作日须为整数)');
  // Below a millisecond a span adds nothing to an instant, and a phase of it would end as it starts.
  if (span.unit !== 'workdays' && addSpan(EPOCH, span).getTime() === EPOCH.getTime()) {
    throw invalid('time_span.too_short', `${field}.amount`, `amount ${span.amount} ${span.unit} is shorter than a millisecond (时长过短)`);
  }
}

/** A span's length in days for comparisons without a calendar: a working day counts as 7/5 (Monday–Friday week). */
function nominalDays(span: TimeSpan): number {
  return span.unit === 'hours' ? span.amount / 24 : span.unit === 'days' ? span.amount : (span.amount * 7) / 5;
}

/** True when `inner` certainly or nominally outlasts `outer` (exact when both use the same unit). */
function longer(inner: TimeSpan, outer: TimeSpan): boolean {
  if (inner.unit === outer.unit) return inner.amount > outer.amount;
  return nominalDays(inner) > nominalDays(outer);
}

/**
 * Checks a campaign template before it is posted or launched: a refusal names the offending
 * field precisely (e.g. `phases[1].duration.amount`, `reports[0].phases[0]`) and nothing is
 * written. The four shipped templates pass.
 */
export function validateCampaignTemplate(template: CampaignTemplate): void {
  if (typeof template !== 'object' || template === null) throw invalid('input.required', 'template', 'a template is required (必填)');
  requireId(template.id, 'id');
  requireText(template.name, 'name', TEXT_LIMITS.shortText);
  if (!CAMPAIGN_KINDS.includes(template.kind)) throw invalid('input.not_one_of', 'kind', `kind must be one of ${CAMPAIGN_KINDS.join(', ')}`);
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
  template.reports.forEach((report, i) => {
    const at = `reports[${i}]`;
    requireId(report.id, `${at}.id`, reportIds);
    requireText(report.name, `${at}.name`, TEXT_LIMITS.shortText);
    if (report.cadence !== 'daily' && report.cadence !== 'weekly')
      throw invalid('input.not_one_of', `${at}.cadence`, 'cadence must be daily (每日) or weekly (每周)');
    if (parseCutoff(report.cutoff) === undefined)
      throw invalid('input.malformed', `${at}.cutoff`, `cutoff must be 'HH:MM' between 00:00 and 23:59 (截止时间), got ${String(report.cutoff)}`);
    if (report.cadence === 'weekly') {
      if (!Number.isInteger(report.weekday) || (report.weekday as number) < 1 || (report.weekday as number) > 7) {
        throw invalid('campaign.template.weekday_required', `${at}.weekday`, 'a weekly report needs weekday 1 (Monday 周一) … 7 (Sunday 周日)');
      }
    } else if (report.weekday !== undefined) {
      throw invalid('campaign.template.weekday_not_weekly', `${at}.weekday`, 'weekday is only for weekly reports (仅周报可设星期)');
    }
    if (report.phases !== undefined) {
      requireList(report.phases, `${at}.phases`, TEMPLATE_LIMITS.phases);
      if (report.phases.length === 0)
        throw invalid('input.too_few', `${at}.phases`, 'omit phases to require the report in every phase; an empty list would never require it');
      const listed = new Set<string>();
      report.phases.forEach((phaseId, k) => {
        if (!phaseIds.has(phaseId))
          throw invalid('campaign.template.phase_unknown', `${at}.phases[${k}]`, `no phase "${String(phaseId)}" in this template (阶段不存在)`);
        if (listed.has(phaseId)) throw invalid('input.duplicate_id', `${at}.phases[${k}]`, `phase "${phaseId}" listed twice`);
        listed.add(phaseId);
      });
    }
    requireBoolean(report.zeroReportAllowed, `${at}.zeroReportAllowed`);
  });

  // Targets (目标, e.g. 五个100%).
  requireList(template.targets, 'targets');
  const targetIds = new Set<string>();
  template.targets.forEach((target, i) => {
    const at = `targets[${i}]`;
    requireId(target.id, `${at}.id`, targetIds);
    requireText(target.name, `${at}.name`, TEXT_LIMITS.shortText);
    if (!TARGET_METRICS.includes(target.metric))
      throw invalid('input.not_one_of', `${at}.metric`, `metric must be one of ${TARGET_METRICS.join(', ')}`);
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
  requireList(template.escalation, 'escalation');
  const stepIds = new Set<string>();
  let previous = 0;
  template.escalation.forEach((step, i) => {
    const at = `escalation[${i}]`;
    requireId(step.id, `${at}.id`, stepIds);
    if (!ESCALATION_INSTRUMENTS.includes(step.instrument))
      throw invalid('input.not_one_of', `${at}.instrument`, `instrument must be one of ${ESCALATION_INSTRUMENTS.join(', ')}`);
    if (!Number.isInteger(step.afterMissed) || step.afterMissed < 1)
      throw invalid('input.out_of_range', `${at}.afterMissed`, 'afterMissed must be a positive whole number (须为正整数)');
    if (step.afterMissed <= previous)
      throw invalid(
        'campaign.template.ladder_not_increasing',
        `${at}.afterMissed`,
        `afterMissed must increase rung by rung (须逐级递增): ${step.afterMissed} after ${previous}`,
      );
    previous = step.afterMissed;
  });
}

import { requireOneOf } from '../one-of';
import { ESCALATION_INSTRUMENTS } from '../hazard/escalation-instrument';
import { isValidId, TEXT_LIMITS } from '../hazard/hazard-report';
import { invalid } from '../rejection';
import { codePointLength } from '../text-input';
import { addSpan } from '../time/add-span';
import type { TimeSpan } from '../time/time-span';
import { parseCutoff } from './campaign-obligations';
import type { CampaignEscalationStep, ReportRequirement } from './campaign-template';
import { TEMPLATE_LIMITS } from './template-limits';

/** Field checks every part of a template uses: each refusal names the field. */
const TIME_UNITS = ['hours', 'days', 'workdays'] as const;
const EPOCH = new Date(0);

export function requireId(value: unknown, field: string, seen?: Set<string>): void {
  if (typeof value !== 'string' || value === '') throw invalid('input.required', field, `${field} is required (必填)`);
  if (!isValidId(value)) throw invalid('input.malformed_id', field, `${field} must be 1–100 letters, digits, _ . : - (编号格式不正确)`);
  if (seen) {
    if (seen.has(value)) throw invalid('input.duplicate_id', field, `duplicate id "${value}" (编号重复)`);
    seen.add(value);
  }
}

export function requireText(value: unknown, field: string, max: number): void {
  if (typeof value !== 'string' || value.trim() === '') throw invalid('input.required', field, `${field} is required (必填)`);
  if (codePointLength(value) > max) throw invalid('input.too_long', field, `${field} is longer than ${max} characters (超长)`);
}

export function requireList(value: unknown, field: string, max: number = TEMPLATE_LIMITS.items): unknown[] {
  if (!Array.isArray(value)) throw invalid('input.not_a_list', field, `${field} must be a list (须为列表)`);
  if (value.length > max) throw invalid('input.too_many', field, `${field} has more than ${max} entries (条目过多)`);
  return value;
}

export function requireBoolean(value: unknown, field: string): void {
  if (typeof value !== 'boolean') throw invalid('input.not_boolean', field, `${field} must be true or false`);
}

export function requirePositiveSpan(span: TimeSpan | undefined, field: string): void {
  if (typeof span !== 'object' || span === null) throw invalid('input.required', field, `${field} is required: { amount, unit } (必填)`);
  requireOneOf(span.unit, TIME_UNITS, `${field}.unit`, { note: '小时/天/工作日' });
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
export function nominalDays(span: TimeSpan): number {
  return span.unit === 'hours' ? span.amount / 24 : span.unit === 'days' ? span.amount : (span.amount * 7) / 5;
}

/** True when `inner` certainly or nominally outlasts `outer` (exact when both use the same unit). */
export function longer(inner: TimeSpan, outer: TimeSpan): boolean {
  if (inner.unit === outer.unit) return inner.amount > outer.amount;
  return nominalDays(inner) > nominalDays(outer);
}

/** One recurring report requirement at `at` (e.g. `reports[0]`): id unique in `ids`, phases among `phaseIds`. */
export function validateReportRequirement(report: ReportRequirement, at: string, phaseIds: ReadonlySet<string>, ids: Set<string>): void {
  requireId(report.id, `${at}.id`, ids);
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
}

/** A ladder of rungs for missed obligations at `field`: ids unique, afterMissed increasing. */
export function validateLadder(steps: CampaignEscalationStep[], field: string): void {
  requireList(steps, field);
  const stepIds = new Set<string>();
  let previous = 0;
  steps.forEach((step, i) => {
    const at = `${field}[${i}]`;
    requireId(step.id, `${at}.id`, stepIds);
    requireOneOf(step.instrument, ESCALATION_INSTRUMENTS, `${at}.instrument`);
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

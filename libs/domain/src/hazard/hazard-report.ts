import { requireOneOf } from '../one-of';
import type { Actor } from '../actor';
import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { addSpan } from '../time/add-span';
import type { WorkCalendar } from '../time/work-calendar';
import { HAZARD_GRADES, type HazardGrade } from './hazard-grade';
import type { HazardPolicy } from './hazard-policy';
import { HAZARD_SOURCES, type HazardSource } from './hazard-status';

/** What a finder records when a hazard is found (隐患登记). */
export interface HazardReport {
  title: string;
  description: string;
  location: string;
  /** 行业, e.g. 建筑施工, 危险化学品. */
  industry: string;
  /** 责任单位: the unit that must rectify. */
  unitId: string;
  grade: HazardGrade;
  source: HazardSource;
  /** 发现人: the person who found it (谁排查、谁签字). */
  finder: string;
  /** 限期整改: the rectification deadline set by the finder, ISO date-time. */
  deadline: string;
  /** Set when the hazard was found during a campaign (专项行动). */
  campaignId?: string;
}

export { TEXT_LIMITS } from '../text-input';

/** A Duban id (unit, campaign, phase, template …): 1–100 letters, digits, `_ . : -`, starting with a letter or digit. */
export const DUBAN_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$';
const ID_PATTERN = new RegExp(DUBAN_ID_PATTERN);

function requireText(report: Record<string, unknown>, field: string, max: number): void {
  requiredText(report[field], field, max);
}

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

/** Checks a report before any workflow starts: a refusal names the field and writes nothing. */
export function validateHazardReport(report: HazardReport, reporter: Actor, policy: HazardPolicy, now: Date, calendar?: WorkCalendar): void {
  const fields = report as unknown as Record<string, unknown>;
  requireText(fields, 'title', TEXT_LIMITS.title);
  requireText(fields, 'description', TEXT_LIMITS.longText);
  requireText(fields, 'location', TEXT_LIMITS.shortText);
  requireText(fields, 'industry', TEXT_LIMITS.shortText);
  requireText(fields, 'finder', TEXT_LIMITS.shortText);
  if (!isValidId(report.unitId)) throw invalid('input.malformed_id', 'unitId', 'unitId must be 1–100 letters, digits, _ . : -');
  requireOneOf(report.grade, HAZARD_GRADES, 'grade', { note: '一般隐患/重大隐患' });
  requireOneOf(report.source, HAZARD_SOURCES, 'source');
  if (report.campaignId !== undefined && !isValidId(report.campaignId))
    throw invalid('input.malformed_id', 'campaignId', 'campaignId is not a valid id');
  const deadline = new Date(report.deadline);
  if (typeof report.deadline !== 'string' || Number.isNaN(deadline.getTime()))
    throw invalid('input.malformed', 'deadline', 'deadline must be an ISO date-time');
  if (deadline <= now) throw invalid('hazard.deadline.not_in_future', 'deadline', 'deadline must be in the future');
  if (deadline > addSpan(now, policy.maxDeadline, calendar))
    throw invalid(
      'hazard.deadline.beyond_policy',
      'deadline',
      `deadline is further away than the policy allows (${policy.maxDeadline.amount} ${policy.maxDeadline.unit})`,
    );
  if (reporter.role === 'unit' && reporter.unitId !== report.unitId) {
    throw invalid('hazard.report.other_unit', 'unitId', 'a unit may self-report hazards only for itself (自查自报)');
  }
}

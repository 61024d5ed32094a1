import { requireOneOf } from '../one-of';
import { isValidId, TEXT_LIMITS } from '../hazard/hazard-report';
import { DomainRejection, invalid } from '../rejection';
import { codePointLength } from '../text-input';
import { addSpan } from '../time/add-span';
import { days } from '../time/time-span';
import { UNIT_KINDS, type CampaignLaunch } from './campaign-scope';
import { validateCampaignTemplate } from './validate-campaign-template';
import type { WorkCalendar } from '../time/work-calendar';
import { buildCampaignSchedule } from './build-campaign-schedule';
import { obligationsBetween } from './campaign-obligations';

/** The most units one launch may cover (a city's enterprises); larger scopes are split. */
export const MAX_CAMPAIGN_UNITS = 20_000;

/** A campaign may be back-dated by at most this much (an office entering yesterday's notice). */
export const LAUNCH_BACKDATE_LIMIT = days(1);

/** An ISO date-time with an explicit offset: a bare local time would depend on the server's zone. `T`, `Z` in either case (RFC 3339). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** 'YYYY-MM-DD' names a real day (Date parsing would roll 02-30 over into March). */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function requireText(value: unknown, field: string, max: number): void {
  if (typeof value !== 'string' || value.trim() === '') throw invalid('input.required', field, `${field} is required (必填)`);
  if (codePointLength(value) > max) throw invalid('input.too_long', field, `${field} is longer than ${max} characters (超长)`);
}

function requireNamedList(list: unknown, field: string, what: string, mayBeEmpty = false): Set<string> {
  if (!Array.isArray(list) || (list.length === 0 && !mayBeEmpty)) throw invalid('input.too_few', field, `the scope must name at least one ${what}`);
  const ids = new Set<string>();
  list.forEach((entry: { id?: unknown; name?: unknown }, i) => {
    if (!isValidId(entry?.id))
      throw invalid('input.malformed_id', `${field}[${i}].id`, `${field}[${i}].id must be 1–100 letters, digits, _ . : - (编号格式不正确)`);
    if (ids.has(entry.id)) throw invalid('input.duplicate_id', `${field}[${i}].id`, `duplicate id "${entry.id}" (编号重复)`);
    ids.add(entry.id);
    requireText(entry.name, `${field}[${i}].name`, TEXT_LIMITS.shortText);
  });
  return ids;
}

/**
 * Checks what the office asks for when it launches a campaign (发起专项行动), before any
 * workflow starts: the template (its errors prefixed with `template.`), the name, the scope
 * (regions × industries × units, 分管领导 and 牵头部门) and the start. A refusal names the field.
 * `scope.industries` may be empty only when no enterprise is on the roster.
 */
export function validateCampaignLaunch(launch: CampaignLaunch, now: Date, calendar?: WorkCalendar): void {
  if (!isValidId(launch.campaignId)) throw invalid('input.malformed_id', 'campaignId', 'campaignId must be 1–100 letters, digits, _ . : -');
  requireText(launch.name, 'name', TEXT_LIMITS.title);
  try {
    validateCampaignTemplate(launch.template);
  } catch (error) {
    if (error instanceof DomainRejection)
      throw new DomainRejection(error.code, error.message, error.field === 'template' ? 'template' : `template.${error.field ?? ''}`, error.details);
    throw error;
  }

  const scope = launch.scope;
  if (typeof scope !== 'object' || scope === null) throw invalid('input.required', 'scope', 'scope is required (范围)');
  const regionIds = requireNamedList(scope.regions, 'scope.regions', 'region (地区)');
  // 行业 are the enterprises' (a government or department stands in a region): a roster of
  // governments only (seed 002: counties set up their own 比照落实) names none.
  const enterpriseOnRoster = Array.isArray(scope.units) && scope.units.some((unit) => unit?.kind === 'enterprise');
  const industryIds = requireNamedList(
    scope.industries,
    'scope.industries',
    'industry (行业) when an enterprise is on the roster (名单中有企业时须列出行业)',
    !enterpriseOnRoster,
  );
  requireText(scope.leadLeader, 'scope.leadLeader', TEXT_LIMITS.shortText);
  requireText(scope.leadDepartment, 'scope.leadDepartment', TEXT_LIMITS.shortText);

  if (!Array.isArray(scope.units) || scope.units.length === 0)
    throw invalid('input.too_few', 'scope.units', 'the scope covers no unit (责任单位为空)');
  if (scope.units.length > MAX_CAMPAIGN_UNITS) {
    throw invalid('input.too_many', 'scope.units', `at most ${MAX_CAMPAIGN_UNITS} units per campaign, got ${scope.units.length} (单位过多, 请分批)`);
  }
  const unitIds = new Set<string>();
  scope.units.forEach((unit, i) => {
    const at = `scope.units[${i}]`;
    if (!isValidId(unit?.unitId))
      throw invalid('input.malformed_id', `${at}.unitId`, 'unitId must be 1–100 letters, digits, _ . : - (单位编号格式不正确)');
    if (unitIds.has(unit.unitId)) throw invalid('input.duplicate_id', `${at}.unitId`, `unit "${unit.unitId}" is listed twice (单位重复)`);
    unitIds.add(unit.unitId);
    requireText(unit.name, `${at}.name`, TEXT_LIMITS.shortText);
    requireOneOf(unit.kind, UNIT_KINDS, `${at}.kind`);
    if (!regionIds.has(unit.regionId))
      throw invalid(
        'campaign.scope.region_unknown',
        `${at}.regionId`,
        `region "${String(unit.regionId)}" is not in the scope's regions (属地不在范围内)`,
      );
    if (unit.industryId !== undefined && !industryIds.has(unit.industryId)) {
      throw invalid(
        'campaign.scope.industry_unknown',
        `${at}.industryId`,
        `industry "${String(unit.industryId)}" is not in the scope's industries (行业不在范围内)`,
      );
    }
  });

  const startsAt = new Date(launch.startsAt);
  if (
    typeof launch.startsAt !== 'string' ||
    !ISO_DATE_TIME.test(launch.startsAt) ||
    Number.isNaN(startsAt.getTime()) ||
    !isCalendarDate(launch.startsAt.slice(0, 10))
  ) {
    throw invalid('input.malformed', 'startsAt', 'startsAt must be an ISO date-time with a zone, e.g. 2026-06-01T00:00:00+08:00 (开始时间)');
  }
  if (startsAt < addSpan(now, { ...LAUNCH_BACKDATE_LIMIT, amount: -LAUNCH_BACKDATE_LIMIT.amount })) {
    throw invalid('campaign.starts_at.too_early', 'startsAt', 'startsAt is more than 1 day in the past (开始时间不得早于一天前)');
  }
  // Every deadline of the campaign must be countable on the calendar it will run on: a working-day
  // span reaching a year the calendar does not cover is refused now, naming the year.
  if (calendar) {
    const schedule = buildCampaignSchedule(launch.template, startsAt, {}, calendar);
    obligationsBetween(launch.template, schedule, new Date(startsAt.getTime() - 1), new Date(schedule.endsAt), calendar);
  }
}

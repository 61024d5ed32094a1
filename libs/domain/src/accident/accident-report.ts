import { requireOneOf } from '../one-of';
import type { Actor } from '../actor';
import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { isDateTime } from '../time/date-time';
import { isValidId } from '../hazard/hazard-report';
import type { Casualties } from './accident-grade';
import { ACCIDENT_KINDS, ACCIDENT_SECTORS, type AccidentKind, type AccidentSector } from './accident-kind';

/** 事故快报: what the first report of an accident says. */
export interface AccidentReport {
  /** When it happened, ISO date-time. */
  occurredAt: string;
  /** 事故发生地: the county-level region (the registry's id where one exists). */
  regionId: string;
  location: string;
  /** 事故发生单位. */
  unitId: string;
  /** 行业, e.g. 建筑施工, 危险化学品. */
  industry: string;
  /** 统计口径, which control indicators count it under. */
  sector: AccidentSector;
  kind: AccidentKind;
  casualties: Casualties;
  /** 危及生命安全的人数, for the city's 2-hour rule (002 篇六); 0 when none reported. */
  livesEndangered: number;
  /** 事故简要经过. */
  account: string;
  /** The person who reported (e.g. the unit's principal), by name. */
  reporter: string;
  /** When the report was made (it may be entered later), ISO date-time. */
  reportedAt: string;
  /** Set when the accident happened during a campaign (专项行动). */
  campaignId?: string;
}

function wholeCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw invalid('input.out_of_range', field, `${field} must be a whole number ≥ 0`);
  return value;
}

/** Checks casualty numbers: whole people, whole yuan (money is never a float), none negative. */
export function validateCasualties(casualties: Casualties | undefined, field = 'casualties'): void {
  if (typeof casualties !== 'object' || casualties === null) throw invalid('input.required', field, `${field} is required`);
  wholeCount(casualties.deaths, `${field}.deaths`);
  wholeCount(casualties.missing, `${field}.missing`);
  wholeCount(casualties.seriousInjuries, `${field}.seriousInjuries`);
  wholeCount(casualties.directLossYuan, `${field}.directLossYuan`);
}

export function parseDateTime(value: unknown, field: string): Date {
  if (!isDateTime(value)) throw invalid('input.malformed', field, `${field} must be an RFC 3339 date-time`);
  return new Date(value);
}

/** Checks a 事故快报 before anything is recorded: a refusal names the field and writes nothing. */
export function validateAccidentReport(report: AccidentReport, recorder: Actor, now: Date): void {
  const fields = report as unknown as Record<string, unknown>;
  requiredText(fields.location, 'location', TEXT_LIMITS.shortText);
  requiredText(fields.industry, 'industry', TEXT_LIMITS.shortText);
  requiredText(fields.account, 'account', TEXT_LIMITS.longText);
  requiredText(fields.reporter, 'reporter', TEXT_LIMITS.shortText);
  if (!isValidId(report.regionId)) throw invalid('input.malformed_id', 'regionId', 'regionId must be 1–100 letters, digits, _ . : -');
  if (!isValidId(report.unitId)) throw invalid('input.malformed_id', 'unitId', 'unitId must be 1–100 letters, digits, _ . : -');
  if (report.campaignId !== undefined && !isValidId(report.campaignId))
    throw invalid('input.malformed_id', 'campaignId', 'campaignId is not a valid id');
  requireOneOf(report.kind, ACCIDENT_KINDS, 'kind', { note: '事故类别' });
  requireOneOf(report.sector, ACCIDENT_SECTORS, 'sector', { note: '统计口径' });
  validateCasualties(report.casualties);
  wholeCount(report.livesEndangered, 'livesEndangered');
  const occurredAt = parseDateTime(report.occurredAt, 'occurredAt');
  const reportedAt = parseDateTime(report.reportedAt, 'reportedAt');
  if (occurredAt > reportedAt) throw invalid('accident.report.time_order', 'occurredAt', 'occurredAt must not be after reportedAt');
  if (reportedAt > now) throw invalid('accident.report.time_order', 'reportedAt', 'reportedAt must not be in the future');
  if (recorder.role === 'unit' && recorder.unitId !== report.unitId)
    throw invalid('accident.report.other_unit', 'unitId', 'a unit may report only its own accidents (事故单位报告本单位事故)');
}

/** The numbers a follow-up report (续报) changed, each from → to. */
export type CasualtyChange = { field: keyof Casualties; from: number; to: number };

export function casualtyChanges(before: Casualties, after: Casualties): CasualtyChange[] {
  return (['deaths', 'missing', 'seriousInjuries', 'directLossYuan'] as const)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

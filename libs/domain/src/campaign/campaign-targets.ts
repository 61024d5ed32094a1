import type { WorkCalendar } from '../time/work-calendar';
import { rate } from '../rate';
import { isCascadeLevel } from './campaign-cascade';
import { TARGET_METRIC_LABELS } from './campaign-labels';
import { obligationsBetween } from './campaign-obligations';
import type { CampaignSchedule } from './campaign-schedule';
import type { CampaignTarget, CampaignTemplate, TargetMetric } from './campaign-template';
import type { ObligationKind } from './obligation';
import type { UnitKind } from './campaign-scope';
import { isEnrolled, isInScope } from './roster-status';
import type { UnitCounters } from './unit-obligations-state';

/** `part` of `whole`: what a rate is computed from, shown beside it so anyone can check it. */
export interface RateBasis {
  part: number;
  whole: number;
}

export type TargetInputs = Record<TargetMetric, RateBasis>;

/** A template target (目标) with where the campaign stands now. */
export interface TargetProgress {
  targetId: string;
  name: string;
  metric: TargetMetric;
  threshold: number;
  /** part / whole, 0..1; null while there is nothing to measure yet (whole = 0). */
  rate: number | null;
  part: number;
  whole: number;
  /** rate ≥ threshold; null while there is nothing to measure yet. */
  met: boolean | null;
  /** What part and whole count, in words. */
  basis: string;
}

/** What each metric counts, in words (按时报送率 = 按时报送 / 应报 …). */
export const TARGET_BASIS: Record<TargetMetric, string> = {
  reports_on_time_rate:
    'obligations met on time of those come due while the unit was active (按时报送/应报); the ledger counts recurring reports, phase deliverables and activity reports together; under a cascade (比照落实) the governments owe set-up items and roll-ups instead and are not counted',
  deliverables_on_time_rate:
    'phase deliverables handed in on time of those due so far, per unit enrolled before each was due (阶段材料按时报送/应报); under a cascade (比照落实) the governments owe set-up items and roll-ups instead and are not counted',
  units_inspected_rate:
    'enterprises (生产经营单位, crowded places and construction projects included) with at least one inspection recorded, of the enterprises in scope (已检查企业/范围内企业); governments and departments inspect, they are not inspected',
  hazards_rectified_rate: 'hazards signed off (已销号) of the hazards found in the campaign (发现隐患)',
  activities_reported_rate:
    'activity reports received (on time or late) of those due so far, per unit enrolled before each was due (活动信息已报送/应报送); under a cascade (比照落实) the governments owe set-up items and roll-ups instead and are not counted',
};

/**
 * Whose figures a metric counts, in its part and its whole alike. Inspection coverage is of
 * enterprises (所有生产经营建设单位和人员密集场所): governments and departments do the
 * inspecting. The obligation metrics measure the units that owe the template's own reports,
 * deliverables and activities: under a cascade (比照落实) a government owes set-up items and
 * roll-ups instead, which the roll-ups (一日一汇总) show. Hazards count wherever they were found.
 */
export const MEASURES_UNIT: Record<TargetMetric, (template: CampaignTemplate, unit: { kind: UnitKind }) => boolean> = {
  reports_on_time_rate: (template, unit) => !isCascadeLevel(template, unit),
  deliverables_on_time_rate: (template, unit) => !isCascadeLevel(template, unit),
  activities_reported_rate: (template, unit) => !isCascadeLevel(template, unit),
  units_inspected_rate: (_template, unit) => unit.kind === 'enterprise',
  hazards_rectified_rate: () => true,
};

/** Each target with its current rate and whether it is met. */
export function targetProgress(targets: readonly CampaignTarget[], inputs: TargetInputs): TargetProgress[] {
  return targets.map((target) => {
    const { part, whole } = inputs[target.metric];
    // Null, not 0 or 1, when nothing is measurable yet: a target is then neither met nor missed.
    const measured = rate(part, whole);
    const current = measured === null ? null : Math.min(1, measured);
    return {
      targetId: target.id,
      name: target.name,
      metric: target.metric,
      threshold: target.threshold,
      rate: current,
      part,
      whole,
      met: current === null ? null : current >= target.threshold,
      basis: `${TARGET_METRIC_LABELS[target.metric]}: ${TARGET_BASIS[target.metric]}`,
    };
  });
}

/** What the unit ledger holds of one unit for the ledger-answered metrics. */
export interface UnitTargetRow {
  status: string;
  kind: UnitKind;
  counters: UnitCounters;
  hazards: { signedOff: number; found: number };
}

/**
 * Inputs of the metrics the unit ledger answers directly: obligations (enrolled units: a pending
 * one owes nothing yet), inspections and hazards (units in scope), each over the units the
 * metric measures (MEASURES_UNIT).
 */
export function ledgerRates(
  rows: readonly UnitTargetRow[],
  template: CampaignTemplate,
): Pick<TargetInputs, 'reports_on_time_rate' | 'units_inspected_rate' | 'hazards_rectified_rate'> {
  const measured = (metric: TargetMetric, of: readonly UnitTargetRow[]) => of.filter((r) => MEASURES_UNIT[metric](template, r));
  const owing = measured('reports_on_time_rate', rows.filter(isEnrolled));
  const inspectable = measured('units_inspected_rate', rows.filter(isInScope));
  const withHazards = measured('hazards_rectified_rate', rows.filter(isInScope));
  return {
    reports_on_time_rate: { part: sum(owing, (r) => r.counters.onTime), whole: sum(owing, (r) => r.counters.due) },
    units_inspected_rate: { part: inspectable.filter((r) => r.counters.inspections > 0).length, whole: inspectable.length },
    hazards_rectified_rate: { part: sum(withHazards, (r) => r.hazards.signedOff), whole: sum(withHazards, (r) => r.hazards.found) },
  };
}

/** The metric a kind of submission is measured by, of those counted from submissions. */
export const SUBMISSION_METRIC = { deliverable: 'deliverables_on_time_rate', activity: 'activities_reported_rate' } as const satisfies Partial<
  Record<ObligationKind, TargetMetric>
>;
export type SubmissionKind = keyof typeof SUBMISSION_METRIC;

/** When a unit joined the campaign (null while pending), and its kind (whether a metric measures it). */
export interface UnitEnrolment {
  unitId: string;
  kind: UnitKind;
  status: string;
  enrolledAt: string | null;
}

/** One submission of an obligation by a unit. */
export interface SubmissionRecord {
  unitId: string;
  obligationId: string;
  onTime: boolean;
}

/** Deliverables count on time only (阶段材料按时报送); an activity report counts whenever it came (活动信息已报送). */
const ON_TIME_ONLY: Record<SubmissionKind, boolean> = { deliverable: true, activity: false };

/**
 * Deliverables (阶段材料) or activity reports (活动信息报送): `whole` is, for every obligation of
 * that kind due by `now`, the units enrolled before it fell due (of those the metric measures:
 * not a government under a cascade, which owes none of them); `part` the submissions of those
 * (deliverables on time only).
 */
export function submissionRate(
  kind: SubmissionKind,
  template: CampaignTemplate,
  schedule: CampaignSchedule,
  units: readonly UnitEnrolment[],
  submissions: readonly SubmissionRecord[],
  now: Date,
  calendar?: WorkCalendar,
): RateBasis {
  const due = obligationsBetween(template, schedule, new Date(schedule.startsAt), now, calendar).filter((o) => o.kind === kind);
  const measured = units.filter((u) => MEASURES_UNIT[SUBMISSION_METRIC[kind]](template, u) && isEnrolled(u) && u.enrolledAt !== null);
  const enrolledAt = new Map(measured.map((u) => [u.unitId, Date.parse(u.enrolledAt!)]));
  const dueAt = new Map(due.map((o) => [o.id, Date.parse(o.dueAt)]));
  let whole = 0;
  for (const ms of dueAt.values()) for (const joined of enrolledAt.values()) if (joined < ms) whole++;
  const part = submissions.filter((s) => {
    const ms = dueAt.get(s.obligationId);
    const joined = enrolledAt.get(s.unitId);
    return ms !== undefined && joined !== undefined && joined < ms && (!ON_TIME_ONLY[kind] || s.onTime);
  }).length;
  return { part, whole };
}

/** The kinds of submission the template's targets measure (only those need reading). */
export function measuredSubmissionKinds(template: CampaignTemplate): SubmissionKind[] {
  const metrics = new Set(template.targets.map((t) => t.metric));
  return (Object.keys(SUBMISSION_METRIC) as SubmissionKind[]).filter((kind) => metrics.has(SUBMISSION_METRIC[kind]));
}

/**
 * Every metric's part and whole: the ledger-answered ones from `rows`, the submission-counted
 * ones from `submissions` of each measured kind (a kind not given, because no target measures
 * it, is 0 of 0).
 */
export function targetInputs(
  rows: readonly UnitTargetRow[],
  /** `calendar`: the campaign's work calendar (deliverables due in working days); Monday–Friday when absent. */
  plan: { template: CampaignTemplate; schedule: CampaignSchedule; calendar?: WorkCalendar },
  units: readonly UnitEnrolment[],
  submissions: Partial<Record<SubmissionKind, readonly SubmissionRecord[]>>,
  now: Date,
): TargetInputs {
  const counted = (kind: SubmissionKind): RateBasis => {
    const given = submissions[kind];
    return given === undefined ? { part: 0, whole: 0 } : submissionRate(kind, plan.template, plan.schedule, units, given, now, plan.calendar);
  };
  return { ...ledgerRates(rows, plan.template), deliverables_on_time_rate: counted('deliverable'), activities_reported_rate: counted('activity') };
}

function sum<T>(rows: readonly T[], of: (row: T) => number): number {
  return rows.reduce((total, row) => total + of(row), 0);
}

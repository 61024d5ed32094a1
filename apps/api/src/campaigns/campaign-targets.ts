import {
  obligationsBetween,
  TARGET_METRIC_LABELS,
  type CampaignSchedule,
  type CampaignTarget,
  type CampaignTemplate,
  type ObligationKind,
  type TargetMetric,
} from '@duban/domain';
import type { CampaignSubmissionRow, CampaignUnitScoreInputs } from '@duban/persistence';

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
    'obligations met on time of those come due while the unit was active (按时报送/应报); the ledger counts recurring reports, phase deliverables and activity reports together',
  deliverables_on_time_rate: 'phase deliverables handed in on time of those due so far, per unit enrolled before each was due (阶段材料按时报送/应报)',
  units_inspected_rate: 'units with at least one inspection recorded, of the units in scope (已检查单位/范围内单位)',
  hazards_rectified_rate: 'hazards signed off (已销号) of the hazards found in the campaign (发现隐患)',
  activities_reported_rate: 'activity reports received (on time or late) of those due so far, per unit enrolled before each was due (活动信息已报送/应报送)',
};

/** Each target with its current rate and whether it is met. */
export function targetProgress(targets: readonly CampaignTarget[], inputs: TargetInputs): TargetProgress[] {
  return targets.map((target) => {
    const { part, whole } = inputs[target.metric];
    const rate = whole === 0 ? null : Math.min(1, part / whole);
    return {
      targetId: target.id,
      name: target.name,
      metric: target.metric,
      threshold: target.threshold,
      rate,
      part,
      whole,
      met: rate === null ? null : rate >= target.threshold,
      basis: `${TARGET_METRIC_LABELS[target.metric]}: ${TARGET_BASIS[target.metric]}`,
    };
  });
}

/** Units that count in rates: on the roster and not removed from the scope. */
const inScope = (row: { status: string }) => row.status !== 'removed';
/** Units whose workflow has recorded anything (pending ones owe nothing yet). */
const enrolled = (row: { status: string }) => row.status !== 'removed' && row.status !== 'pending';

/** Inputs of the metrics the unit ledger answers directly: obligations, inspections, hazards. */
export function ledgerRates(rows: readonly CampaignUnitScoreInputs[]): Pick<TargetInputs, 'reports_on_time_rate' | 'units_inspected_rate' | 'hazards_rectified_rate'> {
  const counted = rows.filter(enrolled);
  const scoped = rows.filter(inScope);
  return {
    reports_on_time_rate: { part: sum(counted, (r) => r.counters.onTime), whole: sum(counted, (r) => r.counters.due) },
    units_inspected_rate: { part: scoped.filter((r) => r.counters.inspections > 0).length, whole: scoped.length },
    hazards_rectified_rate: { part: sum(scoped, (r) => r.hazards.signedOff), whole: sum(scoped, (r) => r.hazards.found) },
  };
}

/**
 * Deliverables (阶段材料) or activity reports (活动信息报送): `whole` is, for every obligation of
 * that kind due by `now`, the units enrolled before it fell due (not removed); `part` the
 * submissions of those (on time only, when `onTimeOnly`).
 */
export function submissionRate(
  kind: Extract<ObligationKind, 'deliverable' | 'activity'>,
  template: CampaignTemplate,
  schedule: CampaignSchedule,
  units: ReadonlyArray<{ unitId: string; status: string; enrolledAt: string | null }>,
  submissions: readonly CampaignSubmissionRow[],
  now: Date,
  onTimeOnly: boolean,
): RateBasis {
  const due = obligationsBetween(template, schedule, new Date(schedule.startsAt), now).filter((o) => o.kind === kind);
  const enrolledAt = new Map(units.filter((u) => enrolled(u) && u.enrolledAt !== null).map((u) => [u.unitId, Date.parse(u.enrolledAt!)]));
  const dueAt = new Map(due.map((o) => [o.id, Date.parse(o.dueAt)]));
  let whole = 0;
  for (const ms of dueAt.values()) for (const joined of enrolledAt.values()) if (joined < ms) whole++;
  const part = submissions.filter((s) => {
    const ms = dueAt.get(s.obligationId);
    const joined = enrolledAt.get(s.unitId);
    return ms !== undefined && joined !== undefined && joined < ms && (!onTimeOnly || s.onTime);
  }).length;
  return { part, whole };
}

function sum<T>(rows: readonly T[], of: (row: T) => number): number {
  return rows.reduce((total, row) => total + of(row), 0);
}

import { rate } from '../rate';
import { isEnrolled, type CampaignRosterStatus } from './roster-status';
import type { UnitCounters } from './unit-obligations-state';
import { DEFAULT_UNIT_SCORE_RULE, scoreUnit, type UnitScoreRule } from './unit-score';

/** What one unit's assessment (考核) is computed from: its roster row, counters and hazards. */
export interface UnitAssessmentInput {
  unitId: string;
  name: string;
  regionId: string;
  industryId: string | null;
  status: CampaignRosterStatus;
  counters: UnitCounters;
  /** Escalations taken against the unit in the campaign. */
  escalations: number;
  /** The unit's hazards of this campaign in the hazard ledger. */
  hazards: { found: number; signedOff: number; rectifiedOnTime: number };
}

/** One unit's assessment (考核) in a campaign. */
export interface UnitAssessment {
  /** 1 = best; units with equal scores share a rank. */
  rank: number;
  unitId: string;
  name: string;
  regionId: string;
  industryId: string | null;
  status: CampaignRosterStatus;
  /** 0..100, one decimal, by the rule. */
  score: number;
  reportsOnTimeRate: number;
  hazardsRectifiedOnTimeRate: number;
  escalations: number;
  counters: UnitCounters;
  hazards: UnitAssessmentInput['hazards'];
}

export interface CampaignAssessment {
  /** True once the campaign is closed: the figures no longer move with new reports. */
  final: boolean;
  /** The rule the scores were computed with, now. */
  rule: UnitScoreRule;
  /** Best first. */
  units: UnitAssessment[];
  /** On the roster but not assessed: pending (never enrolled) or removed from the scope. */
  notAssessed: Array<{ unitId: string; name: string; status: CampaignRosterStatus }>;
  totals: {
    unitsAssessed: number;
    /** Mean of the unit scores, one decimal; null with no unit assessed. */
    averageScore: number | null;
    lowestScore: number | null;
    highestScore: number | null;
    counters: UnitCounters;
    escalations: number;
    hazards: UnitAssessmentInput['hazards'];
    /** Obligations met on time of those come due, over all units; null when none came due. */
    onTimeRate: number | null;
  };
}

const ZERO_COUNTERS: UnitCounters = { due: 0, onTime: 0, late: 0, missed: 0, zeroReports: 0, inspections: 0, findings: 0 };
const round1 = (n: number) => Math.round(n * 10) / 10;
const byId = (a: { unitId: string }, b: { unitId: string }) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);
const sum = <T>(rows: readonly T[], of: (row: T) => number) => rows.reduce((total, row) => total + of(row), 0);

function assessUnit(row: UnitAssessmentInput, rule: UnitScoreRule): UnitAssessment {
  const { unitId, name, regionId, industryId, status, escalations, counters, hazards } = row;
  const s = scoreUnit({ counters, escalations, hazards: { found: hazards.found, rectifiedOnTime: hazards.rectifiedOnTime } }, rule);
  return {
    rank: 0,
    unitId,
    name,
    regionId,
    industryId,
    status,
    score: s.score,
    reportsOnTimeRate: s.reportsOnTimeRate,
    hazardsRectifiedOnTimeRate: s.hazardsRectifiedOnTimeRate,
    escalations,
    counters,
    hazards,
  };
}

/**
 * Scores every enrolled unit with `rule` (pending and removed units owe nothing and are listed
 * apart), ranks them best first (equal scores share a rank, ties listed by unit id) and totals
 * the campaign.
 */
export function assessCampaign(
  rows: readonly UnitAssessmentInput[],
  final: boolean,
  rule: UnitScoreRule = DEFAULT_UNIT_SCORE_RULE,
): CampaignAssessment {
  const assessed = rows.filter(isEnrolled);
  const scored = assessed.map((r) => assessUnit(r, rule)).sort((a, b) => b.score - a.score || byId(a, b));
  scored.forEach((unit, i) => {
    unit.rank = i > 0 && scored[i - 1].score === unit.score ? scored[i - 1].rank : i + 1;
  });
  const counters = Object.fromEntries(
    (Object.keys(ZERO_COUNTERS) as Array<keyof UnitCounters>).map((key) => [key, sum(assessed, (r) => r.counters[key])]),
  ) as unknown as UnitCounters;
  const scores = scored.map((u) => u.score); // best first
  const onTime = rate(counters.onTime, counters.due);
  return {
    final,
    rule,
    units: scored,
    notAssessed: rows.filter((r) => !isEnrolled(r)).map((r) => ({ unitId: r.unitId, name: r.name, status: r.status })),
    totals: {
      unitsAssessed: scored.length,
      averageScore: scores.length === 0 ? null : round1(scores.reduce((a, b) => a + b, 0) / scores.length),
      lowestScore: scores.length === 0 ? null : scores[scores.length - 1],
      highestScore: scores.length === 0 ? null : scores[0],
      counters,
      escalations: sum(assessed, (r) => r.escalations),
      hazards: {
        found: sum(assessed, (r) => r.hazards.found),
        signedOff: sum(assessed, (r) => r.hazards.signedOff),
        rectifiedOnTime: sum(assessed, (r) => r.hazards.rectifiedOnTime),
      },
      // Null, not 1, when nothing came due: a campaign total with nothing behind it is "not measurable yet".
      onTimeRate: onTime === null ? null : Math.min(1, onTime),
    },
  };
}

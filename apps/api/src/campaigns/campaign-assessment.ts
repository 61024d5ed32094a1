import { DEFAULT_UNIT_SCORE_RULE, scoreUnit, type UnitCounters, type UnitScoreRule } from '@duban/domain';
import type { CampaignUnitScoreInputs, CampaignUnitStatus } from '@duban/persistence';

/** One unit's assessment (考核) in a campaign. */
export interface UnitAssessment {
  /** 1 = best; units with equal scores share a rank. */
  rank: number;
  unitId: string;
  name: string;
  regionId: string;
  industryId: string | null;
  status: CampaignUnitStatus;
  /** 0..100, one decimal, by the rule. */
  score: number;
  reportsOnTimeRate: number;
  hazardsRectifiedOnTimeRate: number;
  escalations: number;
  counters: UnitCounters;
  hazards: CampaignUnitScoreInputs['hazards'];
  /** The score recorded when the unit's file closed; null until then. */
  recordedScore: number | null;
}

export interface CampaignAssessment {
  /** True once the campaign is closed: the figures no longer move with new reports. */
  final: boolean;
  rule: UnitScoreRule;
  /** Best first. */
  units: UnitAssessment[];
  /** On the roster but not assessed: pending (never enrolled) or removed from the scope. */
  notAssessed: Array<{ unitId: string; name: string; status: CampaignUnitStatus }>;
  totals: {
    unitsAssessed: number;
    /** Mean of the unit scores, one decimal; null with no unit assessed. */
    averageScore: number | null;
    lowestScore: number | null;
    highestScore: number | null;
    counters: UnitCounters;
    escalations: number;
    hazards: CampaignUnitScoreInputs['hazards'];
    /** Obligations met on time of those come due, over all units; null when none came due. */
    onTimeRate: number | null;
  };
}

const ZERO_COUNTERS: UnitCounters = { due: 0, onTime: 0, late: 0, missed: 0, zeroReports: 0, inspections: 0, findings: 0 };
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Scores every enrolled unit with `rule`, ranks them (best first) and totals the campaign. */
export function assessCampaign(rows: readonly CampaignUnitScoreInputs[], final: boolean, rule: UnitScoreRule = DEFAULT_UNIT_SCORE_RULE): CampaignAssessment {
  const assessed = rows.filter((r) => r.status !== 'pending' && r.status !== 'removed');
  const scored = assessed
    .map((r) => {
      const s = scoreUnit({ counters: r.counters, escalations: r.escalations, hazards: { found: r.hazards.found, rectifiedOnTime: r.hazards.rectifiedOnTime } }, rule);
      return {
        rank: 0,
        unitId: r.unitId,
        name: r.name,
        regionId: r.regionId,
        industryId: r.industryId,
        status: r.status,
        score: s.score,
        reportsOnTimeRate: s.reportsOnTimeRate,
        hazardsRectifiedOnTimeRate: s.hazardsRectifiedOnTimeRate,
        escalations: r.escalations,
        counters: r.counters,
        hazards: r.hazards,
        recordedScore: r.recordedScore,
      };
    })
    .sort((a, b) => b.score - a.score || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  scored.forEach((unit, i) => {
    unit.rank = i > 0 && scored[i - 1].score === unit.score ? scored[i - 1].rank : i + 1;
  });

  const counters = assessed.reduce<UnitCounters>(
    (total, r) => ({
      due: total.due + r.counters.due,
      onTime: total.onTime + r.counters.onTime,
      late: total.late + r.counters.late,
      missed: total.missed + r.counters.missed,
      zeroReports: total.zeroReports + r.counters.zeroReports,
      inspections: total.inspections + r.counters.inspections,
      findings: total.findings + r.counters.findings,
    }),
    { ...ZERO_COUNTERS },
  );
  const scores = scored.map((u) => u.score); // best first
  return {
    final,
    rule,
    units: scored,
    notAssessed: rows.filter((r) => r.status === 'pending' || r.status === 'removed').map((r) => ({ unitId: r.unitId, name: r.name, status: r.status })),
    totals: {
      unitsAssessed: scored.length,
      averageScore: scores.length === 0 ? null : round1(scores.reduce((a, b) => a + b, 0) / scores.length),
      lowestScore: scores.length === 0 ? null : scores[scores.length - 1],
      highestScore: scores.length === 0 ? null : scores[0],
      counters,
      escalations: assessed.reduce((n, r) => n + r.escalations, 0),
      hazards: {
        found: assessed.reduce((n, r) => n + r.hazards.found, 0),
        signedOff: assessed.reduce((n, r) => n + r.hazards.signedOff, 0),
        rectifiedOnTime: assessed.reduce((n, r) => n + r.hazards.rectifiedOnTime, 0),
      },
      onTimeRate: counters.due === 0 ? null : Math.min(1, counters.onTime / counters.due),
    },
  };
}

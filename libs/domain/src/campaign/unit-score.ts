import { rate } from '../rate';
import { invalid } from '../rejection';
import type { UnitCounters } from './unit-obligations-state';

/**
 * How a unit's campaign assessment (考核) is scored. Data, not code: an office changes the
 * weights, not the formula. The assessment is computed when it is read (`assessCampaign`) and
 * names the rule it used in its answer; nothing stores a rule with a campaign yet, so the
 * rule in force scores closed campaigns too.
 */
export interface UnitScoreRule {
  id: string;
  name: string;
  /** Where the weights come from: offices differ. */
  source: string;
  /** Relative weights of the three components; the score is their weighted mean × 100. */
  weights: { reportsOnTime: number; hazardsRectifiedOnTime: number; escalations: number };
  /** Share (0..1) of the escalation component lost per escalation taken against the unit. */
  escalationPenalty: number;
}

export const DEFAULT_UNIT_SCORE_RULE: UnitScoreRule = {
  id: 'default-2026',
  name: '专项行动单位考核默认规则 (default unit assessment)',
  source:
    'Editable default by Duban, not from the seeds (they only require that campaigns count in the assessment, 纳入考核): 50% obligations met on time, 30% hazards rectified on time (full marks when none were found), 20% for escalations, each escalation costing a quarter of it.',
  weights: { reportsOnTime: 50, hazardsRectifiedOnTime: 30, escalations: 20 },
  escalationPenalty: 0.25,
};

export interface UnitScoreInput {
  counters: UnitCounters;
  /** Escalations taken against the unit in the campaign (提醒、通报、约谈 …). */
  escalations: number;
  hazards: { found: number; rectifiedOnTime: number };
}

export interface UnitScore {
  /** 0..100, one decimal. */
  score: number;
  reportsOnTimeRate: number;
  hazardsRectifiedOnTimeRate: number;
  escalations: number;
  weights: UnitScoreRule['weights'];
}

function requireCount(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) throw invalid('input.out_of_range', field, `${field} must be a whole number ≥ 0, got ${value}`);
}

/** Never above 1 (counts from different sources may disagree); 1 when nothing was owed: a unit that owed nothing has met all it owed, and no hazard found leaves nothing unrectified. */
const shareMet = (part: number, whole: number) => Math.min(1, rate(part, whole) ?? 1);

/** The assessment score of one unit in one campaign (考核得分). */
export function scoreUnit(input: UnitScoreInput, rule: UnitScoreRule = DEFAULT_UNIT_SCORE_RULE): UnitScore {
  requireCount(input.counters.due, 'counters.due');
  requireCount(input.counters.onTime, 'counters.onTime');
  requireCount(input.escalations, 'escalations');
  requireCount(input.hazards.found, 'hazards.found');
  requireCount(input.hazards.rectifiedOnTime, 'hazards.rectifiedOnTime');
  const { weights } = rule;
  const total = weights.reportsOnTime + weights.hazardsRectifiedOnTime + weights.escalations;
  if (!(total > 0) || Object.values(weights).some((w) => !Number.isFinite(w) || w < 0))
    throw invalid('input.out_of_range', 'rule.weights', 'weights must be ≥ 0 and not all zero');
  const reportsOnTimeRate = shareMet(input.counters.onTime, input.counters.due);
  const hazardsRectifiedOnTimeRate = shareMet(input.hazards.rectifiedOnTime, input.hazards.found);
  const escalationComponent = Math.max(0, 1 - input.escalations * rule.escalationPenalty);
  const raw =
    (100 *
      (weights.reportsOnTime * reportsOnTimeRate +
        weights.hazardsRectifiedOnTime * hazardsRectifiedOnTimeRate +
        weights.escalations * escalationComponent)) /
    total;
  return {
    score: Math.round(raw * 10) / 10,
    reportsOnTimeRate,
    hazardsRectifiedOnTimeRate,
    escalations: input.escalations,
    weights,
  };
}

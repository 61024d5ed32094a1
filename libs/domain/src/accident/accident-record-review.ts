import { cstDate } from '../time/china-day';
import type { AccidentFact, RegionTerritories } from './accident-facts';
import { evaluateAccountabilityRules, SEED_ACCOUNTABILITY_RULES, type AccountabilityFiring, type AccountabilityRule } from './accountability-rules';
import {
  checkControlIndicators,
  STANDARD_CONTROL_INDICATOR_POLICY,
  type ControlIndicator,
  type ControlIndicatorPolicy,
  type IndicatorCheck,
} from './control-indicators';

/** The China calendar month ('YYYY-MM') just ended at `asOf`: the one a run on the 1st checks. */
export function monthJustEnded(asOf: Date): string {
  const [year, month] = cstDate(asOf).split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export interface AccidentRecordInputs {
  /** The accidents of the month's year (the rules' window and the caps' year). */
  facts: readonly AccidentFact[];
  territories: RegionTerritories;
  /** The caps set for the month's year. */
  indicators: readonly ControlIndicator[];
  rules?: readonly AccountabilityRule[];
  policy?: ControlIndicatorPolicy;
}

export interface AccidentRecordReview {
  month: string;
  checks: IndicatorCheck[];
  firings: AccountabilityFiring[];
}

/** One review of the record (按月检查): every cap checked to the month's end, every rule evaluated over the year so far. */
export function reviewAccidentRecord(inputs: AccidentRecordInputs, month: string): AccidentRecordReview {
  const year = month.slice(0, 4);
  const facts = inputs.facts.filter((fact) => fact.day.startsWith(`${year}-`) && fact.day.slice(0, 7) <= month);
  const indicators = inputs.indicators.filter((indicator) => String(indicator.year) === year);
  return {
    month,
    checks: checkControlIndicators(indicators, facts, month, inputs.policy ?? STANDARD_CONTROL_INDICATOR_POLICY, inputs.territories),
    firings: evaluateAccountabilityRules(facts, inputs.rules ?? SEED_ACCOUNTABILITY_RULES, inputs.territories),
  };
}

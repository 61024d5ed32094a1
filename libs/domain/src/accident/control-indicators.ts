import type { EscalationInstrument } from '../hazard/escalation-instrument';
import { rate } from '../rate';
import type { AccidentGrade } from './accident-grade';
import { regionsOf, type AccidentFact, type RegionTerritories } from './accident-facts';
import type { AccidentSector } from './accident-kind';

/** 控制指标: one of a region's caps for a year, on deaths or on the number of accidents. */
export interface ControlIndicator {
  id: string;
  regionId: string;
  year: number;
  label: string;
  measure: 'deaths' | 'accidents';
  /** Only accidents in these sectors count; all when absent. */
  sectors?: AccidentSector[];
  /** Only accidents of these grades count; all when absent. */
  grades?: AccidentGrade[];
  /** The most allowed (控制在…以内): reaching it is within, passing it a breach. */
  cap: number;
  source: string;
  /** The office's warning shares (预警线) for this cap; absent: the policy's. */
  warnAt?: number[];
}

/** How an office checks its caps each month: the shares that warn, and what a breach brings. */
export interface ControlIndicatorPolicy {
  /** Shares of a cap (0–1) at which a warning (预警) is given, e.g. 0.8. */
  warnAt: number[];
  breachInstrument: EscalationInstrument;
  /** A breach counts as 一票否决 in the annual assessment. */
  vetoOnBreach: boolean;
  source: string;
}

export const STANDARD_CONTROL_INDICATOR_POLICY: ControlIndicatorPolicy = {
  warnAt: [0.6, 0.8, 1],
  breachInstrument: 'accountability',
  vetoOnBreach: true,
  source:
    '002 篇六: 突破控制指标的单位和相关责任人严肃问责, 严格实行"一票否决"; 002 篇八: 按月检查、通报和警示. Warning shares are an editable default.',
};

const SEED_SOURCE = '002 篇六: 全年各类事故死亡人数 (四项合计) 控制在49人以内、工矿商贸事故死亡人数控制在6人以内, 较大事故起数控制在1起';

/** The seed city's three caps for a year (002 篇六). */
export function seedCityControlIndicators(regionId: string, year: number): ControlIndicator[] {
  return [
    {
      id: `${regionId}:${year}:deaths-all`,
      regionId,
      year,
      label: '各类事故死亡人数 (deaths, four sectors together)',
      measure: 'deaths',
      sectors: ['road_traffic', 'railway', 'agricultural_machinery', 'industry_trade'],
      cap: 49,
      source: SEED_SOURCE,
    },
    {
      id: `${regionId}:${year}:deaths-industry-trade`,
      regionId,
      year,
      label: '工矿商贸事故死亡人数 (industry and trade deaths)',
      measure: 'deaths',
      sectors: ['industry_trade'],
      cap: 6,
      source: SEED_SOURCE,
    },
    {
      id: `${regionId}:${year}:larger-accidents`,
      regionId,
      year,
      label: '较大事故起数 (larger accidents)',
      measure: 'accidents',
      grades: ['larger'],
      cap: 1,
      source: SEED_SOURCE,
    },
  ];
}

export type IndicatorStatus = 'within' | 'warning' | 'breach';

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  within: '控制在指标以内 (within the cap)',
  warning: '预警 (warning: a threshold of the cap reached)',
  breach: '突破控制指标 (breach)',
};

export interface IndicatorCheck {
  indicator: ControlIndicator;
  /** The month checked, 'YYYY-MM': the year to its end is counted. */
  month: string;
  used: number;
  /** used ÷ cap; null for a cap of 0 (nothing is allowed: any use breaches it). */
  share: number | null;
  /** The share as a percentage to two decimals, as notices print it (43.86%). */
  sharePercent: number | null;
  status: IndicatorStatus;
  /** The highest warning share reached. */
  warningAt?: number;
  /** On a breach: the instrument and 一票否决. */
  breach?: { instrument: EscalationInstrument; veto: boolean };
  accidentIds: string[];
}

function counts(indicator: ControlIndicator, fact: AccidentFact, month: string, territories: RegionTerritories): boolean {
  const factMonth = fact.day.slice(0, 7);
  return (
    fact.day.startsWith(`${indicator.year}-`) &&
    factMonth <= month &&
    regionsOf(fact, territories).includes(indicator.regionId) &&
    (!indicator.sectors || indicator.sectors.includes(fact.sector)) &&
    (!indicator.grades || indicator.grades.includes(fact.grade))
  );
}

/**
 * The monthly check (按月检查): each cap's use from 1 January to the end of `month` (China
 * calendar days), its share, the highest warning reached, and a breach with accountability
 * and 一票否决.
 */
export function checkControlIndicators(
  indicators: readonly ControlIndicator[],
  facts: readonly AccidentFact[],
  month: string,
  policy: ControlIndicatorPolicy = STANDARD_CONTROL_INDICATOR_POLICY,
  territories: RegionTerritories = {},
): IndicatorCheck[] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  return indicators.map((indicator) => {
    const counted = facts.filter((fact) => counts(indicator, fact, month, territories));
    const used = indicator.measure === 'deaths' ? counted.reduce((sum, f) => sum + f.deaths, 0) : counted.length;
    const share = rate(used, indicator.cap);
    const sharePercent = share === null ? null : Math.round(share * 10_000) / 100;
    const accidentIds = counted.map((f) => f.accidentId);
    const base = { indicator, month, used, share, sharePercent, accidentIds };
    if (used > indicator.cap) return { ...base, status: 'breach', breach: { instrument: policy.breachInstrument, veto: policy.vetoOnBreach } };
    // A cap of 0 with nothing used is within it: there was nothing to warn about.
    const reached = (indicator.warnAt ?? policy.warnAt).filter((at) => (share ?? 0) >= at);
    if (reached.length === 0) return { ...base, status: 'within' };
    return { ...base, status: 'warning', warningAt: Math.max(...reached) };
  });
}

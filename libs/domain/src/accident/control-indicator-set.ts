import type { Actor } from '../actor';
import { invalid } from '../rejection';
import { authorizeAccidentRecordAction } from './accident-record-permissions';
import type { ControlIndicator } from './control-indicators';

/** One cap as an office enters it: its key within the region's year (the rest is the cap as the review reads it). */
export type ControlIndicatorEntry = Omit<ControlIndicator, 'id' | 'regionId' | 'year'> & {
  /** Short and stable within the region's year (e.g. `deaths-all`): the cap's id is `<region>:<year>:<key>`. */
  key: string;
};

export interface ControlIndicatorSetInput {
  regionId: string;
  year: number;
  entries: ControlIndicatorEntry[];
  /** The office's warning shares (预警线) for every cap of the set; absent: the standard policy's. */
  warnAt?: number[];
}

export const CONTROL_INDICATOR_YEARS = { min: 2000, max: 2100 } as const;
export const WARN_AT_MAX_ITEMS = 5;
export const CONTROL_INDICATORS_MAX = 20;

export const controlIndicatorId = (regionId: string, year: number, key: string) => `${regionId}:${year}:${key}`;

/** Warning shares must climb strictly, each above 0 and at most 1 (a warning past the cap would be a breach). */
function checkWarnAt(warnAt: readonly number[], field: string): void {
  if (warnAt.length > WARN_AT_MAX_ITEMS) throw invalid('input.too_many', field, `${field} has at most ${WARN_AT_MAX_ITEMS} shares`);
  warnAt.forEach((share, i) => {
    if (!(share > 0 && share <= 1)) throw invalid('input.out_of_range', `${field}[${i}]`, `a warning share lies in (0, 1], got ${share}`);
    if (i > 0 && share <= warnAt[i - 1]!)
      throw invalid(
        'accident.indicator.warn_at_not_ascending',
        `${field}[${i}]`,
        `warning shares climb strictly (预警线由低到高), ${share} follows ${warnAt[i - 1]}`,
      );
  });
}

/**
 * An office's caps for one region and year (控制指标), as the review will check them: keys
 * unique, shares in order, each cap carrying the warning shares that apply to it (its own, else
 * the set's; none: the standard policy's at review time). Refuses what the office may not set.
 */
export function admitControlIndicatorSet(input: ControlIndicatorSetInput, actor: Actor): ControlIndicator[] {
  authorizeAccidentRecordAction('set_indicators', actor);
  const { regionId, year, entries, warnAt } = input;
  if (!Number.isInteger(year) || year < CONTROL_INDICATOR_YEARS.min || year > CONTROL_INDICATOR_YEARS.max)
    throw invalid('input.out_of_range', 'year', `year lies in ${CONTROL_INDICATOR_YEARS.min}–${CONTROL_INDICATOR_YEARS.max}, got ${year}`);
  if (entries.length > CONTROL_INDICATORS_MAX)
    throw invalid('input.too_many', 'indicators', `at most ${CONTROL_INDICATORS_MAX} caps a region and year`);
  if (warnAt) checkWarnAt(warnAt, 'warnAt');
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    if (seen.has(entry.key)) throw invalid('input.duplicate_id', `indicators[${i}].key`, `key ${entry.key} is named twice`);
    seen.add(entry.key);
    if (!Number.isInteger(entry.cap) || entry.cap < 0) throw invalid('input.out_of_range', `indicators[${i}].cap`, `a cap is a whole number ≥ 0`);
    if (entry.warnAt) checkWarnAt(entry.warnAt, `indicators[${i}].warnAt`);
    const shares = entry.warnAt ?? warnAt;
    return {
      id: controlIndicatorId(regionId, year, entry.key),
      regionId,
      year,
      label: entry.label,
      measure: entry.measure,
      ...(entry.sectors ? { sectors: entry.sectors } : {}),
      ...(entry.grades ? { grades: entry.grades } : {}),
      cap: entry.cap,
      source: entry.source,
      ...(shares ? { warnAt: [...shares] } : {}),
    };
  });
}

/** The key of a cap within its region's year (what an office enters), from its id. */
export const controlIndicatorKey = (indicator: Pick<ControlIndicator, 'id' | 'regionId' | 'year'>) =>
  indicator.id.slice(controlIndicatorId(indicator.regionId, indicator.year, '').length);

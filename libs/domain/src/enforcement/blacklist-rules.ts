import { addCalendarMonths, withinCalendarMonths } from './calendar-months';
import { factsByUnit, type ViolationFact } from './violation-facts';

/**
 * 屡纠不改 → 公开曝光 and 黑名单 (data, not code). Entry: violations found in at least `entryCases`
 * different enforcement cases of one enterprise (each case a correction it was put through) within
 * `withinMonths` calendar months (calendar-months.ts). Exit: `cleanMonths` calendar months with no
 * new violation, counted from the last violation found while listed: the exit day (the first day
 * off the list) is that day `cleanMonths` months on; a violation found before it keeps the
 * enterprise listed and moves the exit. After exit the count starts afresh: only violations after the exit count towards re-entry.
 */
export interface BlacklistRule {
  id: string;
  name: string;
  description: string;
  entryCases: number;
  withinMonths: number;
  cleanMonths: number;
  /** What entry brings besides the listing: the enterprise is exposed publicly (公开曝光). */
  exposure: boolean;
  source: string;
}

export const REPEAT_OFFENDER_BLACKLIST_RULE: BlacklistRule = {
  id: 'repeat-offender-blacklist',
  name: '屡纠不改 → 公开曝光, 列入黑名单',
  description:
    'Entry: violations in 3 different enforcement cases of one enterprise within 12 calendar months (the third on or before the same China calendar day 12 months after the first). ' +
    'Exit: off the list from the same China calendar day 12 months after the last violation found while listed; a violation before that day moves the exit.',
  entryCases: 3,
  withinMonths: 12,
  cleanMonths: 12,
  exposure: true,
  source:
    '002 篇五: 对一些规章制度不落实, 屡纠不改的企业要公开曝光, 要上"黑名单". The counts (3 cases in 12 months, 12 clean months) are an editable default, not quoted.',
};

/** One stay on the blacklist: entered (with the violations that put it there), and exited or due to exit. */
export interface BlacklistPeriod {
  ruleId: string;
  unitId: string;
  enteredOn: string;
  entryViolationIds: string[];
  entryCaseIds: string[];
  exposure: boolean;
  /** Violations found while listed, which moved the exit. */
  whileListed: string[];
  /** The first day off the list, unless another violation is found before it. */
  exitsOn: string;
  /** Set once `asOf` has reached `exitsOn`: the exit is on record. */
  exitedOn?: string;
}

/** The entry that `window` (violations since the last exit, in order) makes at its last fact, if any. */
function entryAt(window: ViolationFact[], rule: BlacklistRule): ViolationFact[] | undefined {
  const last = window[window.length - 1];
  const recent = window.filter((f) => withinCalendarMonths(f.foundOn, last.foundOn, rule.withinMonths));
  return new Set(recent.map((f) => f.caseId)).size >= rule.entryCases ? recent : undefined;
}

/** Every blacklist period of every enterprise under the rule, as of the China day `asOf`. */
export function evaluateBlacklist(
  facts: readonly ViolationFact[],
  asOf: string,
  rule: BlacklistRule = REPEAT_OFFENDER_BLACKLIST_RULE,
): BlacklistPeriod[] {
  const periods: BlacklistPeriod[] = [];
  for (const [unitId, all] of factsByUnit(facts.filter((f) => f.foundOn <= asOf))) {
    let window: ViolationFact[] = [];
    let current: BlacklistPeriod | undefined;
    for (const fact of all) {
      if (current && fact.foundOn >= current.exitsOn) {
        periods.push({ ...current, exitedOn: current.exitsOn });
        current = undefined;
        window = [];
      }
      if (current) {
        current = { ...current, whileListed: [...current.whileListed, fact.violationId], exitsOn: addCalendarMonths(fact.foundOn, rule.cleanMonths) };
        continue;
      }
      window.push(fact);
      const entry = entryAt(window, rule);
      if (!entry) continue;
      current = {
        ruleId: rule.id,
        unitId,
        enteredOn: fact.foundOn,
        entryViolationIds: entry.map((f) => f.violationId),
        entryCaseIds: [...new Set(entry.map((f) => f.caseId))],
        exposure: rule.exposure,
        whileListed: [],
        exitsOn: addCalendarMonths(fact.foundOn, rule.cleanMonths),
      };
    }
    if (current) periods.push(current.exitsOn <= asOf ? { ...current, exitedOn: current.exitsOn } : current);
  }
  return periods.sort((a, b) => a.enteredOn.localeCompare(b.enteredOn) || a.unitId.localeCompare(b.unitId));
}

/** Whether the enterprise is on the blacklist on the China day `day`. */
export function isBlacklisted(periods: readonly BlacklistPeriod[], unitId: string, day: string): boolean {
  return periods.some((p) => p.unitId === unitId && p.enteredOn <= day && (p.exitedOn === undefined || day < p.exitedOn));
}

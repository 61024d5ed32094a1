import { addCalendarMonths, withinCalendarMonths } from './calendar-months';
import { factsByUnit, type ViolationFact } from './violation-facts';

/**
 * A rule over the record of violations (data, not code): when `count` illegal acts of one
 * enterprise (serious ones only, where `seriousOnly`) are found within `withinMonths` calendar
 * months — the last on or before the same China calendar day that many months after the first
 * (calendar-months.ts) — the consequences apply.
 */
export interface RepeatViolationRule {
  id: string;
  name: string;
  /** The rule in words, with its window defined precisely (shown to users). */
  description: string;
  count: number;
  withinMonths: number;
  seriousOnly: boolean;
  /** The measure the office must take (关闭整顿) and who is held accountable. */
  measure: string;
  accountable: string;
  source: string;
}

export const ONE_MONTH_TWO_SERIOUS_RULE: RepeatViolationRule = {
  id: 'two-serious-within-one-month',
  name: '同一企业一个月内发现2次严重非法违法行为 → 关闭整顿, 追究主要负责人责任',
  description:
    'Two serious illegal acts of one enterprise found within one month: the second found on or before the same calendar day of the next month in China time ' +
    '(1 March → up to and including 1 April; 31 January → up to and including 28 February, 29 in a leap year; 31 March → 30 April). ' +
    'Acts found the same day count. Each firing uses its acts up: a third act starts a new count.',
  count: 2,
  withinMonths: 1,
  seriousOnly: true,
  measure: '关闭整顿 (closure for rectification)',
  accountable: '企业主要负责人 (the enterprise’s principal), 严肃追究责任',
  source: '002 篇一: 同一企业一个月内发现2次严重非法违法行为的, 一律予以关闭整顿, 并严肃追究企业主要负责人责任',
};

export const SEED_REPEAT_VIOLATION_RULES: RepeatViolationRule[] = [ONE_MONTH_TWO_SERIOUS_RULE];

/** One firing: the rule, the enterprise, the acts that triggered it, and the day it came to hold. */
export interface RepeatViolationFiring {
  ruleId: string;
  unitId: string;
  violationIds: string[];
  caseIds: string[];
  /** The first act's day and the day the window closes (inclusive), for the record. */
  windowFrom: string;
  windowTo: string;
  /** The day the last triggering act was found. */
  firedOn: string;
  measure: string;
  accountable: string;
}

/** Every firing of the rules over the facts, per enterprise, in the order they came to hold. */
export function evaluateRepeatViolationRules(
  facts: readonly ViolationFact[],
  rules: readonly RepeatViolationRule[] = SEED_REPEAT_VIOLATION_RULES,
): RepeatViolationFiring[] {
  const firings: RepeatViolationFiring[] = [];
  const units = factsByUnit(facts);
  for (const rule of rules) {
    for (const [unitId, all] of units) {
      const acts = rule.seriousOnly ? all.filter((f) => f.serious) : all;
      let start = 0;
      for (let end = rule.count - 1; end < acts.length; end++) {
        if (end - start + 1 < rule.count) continue;
        const first = end - rule.count + 1;
        if (!withinCalendarMonths(acts[first].foundOn, acts[end].foundOn, rule.withinMonths)) continue;
        const triggering = acts.slice(first, end + 1);
        firings.push({
          ruleId: rule.id,
          unitId,
          violationIds: triggering.map((f) => f.violationId),
          caseIds: [...new Set(triggering.map((f) => f.caseId))],
          windowFrom: acts[first].foundOn,
          windowTo: addCalendarMonths(acts[first].foundOn, rule.withinMonths),
          firedOn: acts[end].foundOn,
          measure: rule.measure,
          accountable: rule.accountable,
        });
        start = end + 1;
      }
    }
  }
  return firings.sort((a, b) => a.firedOn.localeCompare(b.firedOn) || a.unitId.localeCompare(b.unitId));
}

import type { EscalationInstrument } from '../hazard/escalation-instrument';
import type { AccidentGrade } from './accident-grade';
import { territoryOf, type AccidentFact, type RegionTerritories, type TerritoryLevel } from './accident-facts';
import type { AccidentKind } from './accident-kind';

/**
 * A rule over the record of accidents (data, not code): when `count` accidents of these grades
 * (of one kind, where `sameKind`) happen in one territory of `scope` within the window, the
 * instrument applies to `target`.
 */
export interface AccountabilityRule {
  id: string;
  name: string;
  scope: TerritoryLevel;
  /** The calendar year in China Standard Time. */
  window: 'calendar_year';
  /** At least this many (以上 includes the number). */
  count: number;
  grades: AccidentGrade[];
  sameKind: boolean;
  instrument: EscalationInstrument;
  /** Whom the instrument is applied to. */
  target: string;
  source: string;
}

const SUMMONS_SOURCE = '002 篇一: 发生重大事故或发生2起以上较大事故的县(区), 约谈县级人民政府主要负责同志';

export const SEED_ACCOUNTABILITY_RULES: AccountabilityRule[] = [
  {
    id: 'county-major-summons',
    name: '县区发生重大事故 → 约谈县级政府主要负责同志',
    scope: 'county',
    window: 'calendar_year',
    count: 1,
    grades: ['major', 'extraordinarily_major'],
    sameKind: false,
    instrument: 'summons',
    target: '县级人民政府主要负责同志 (the county government’s principal)',
    source: SUMMONS_SOURCE,
  },
  {
    id: 'county-two-larger-summons',
    name: '县区发生2起以上较大事故 → 约谈县级政府主要负责同志',
    scope: 'county',
    window: 'calendar_year',
    count: 2,
    grades: ['larger'],
    sameKind: false,
    instrument: 'summons',
    target: '县级人民政府主要负责同志 (the county government’s principal)',
    source: SUMMONS_SOURCE,
  },
  {
    id: 'county-repeat-kind-stricter',
    name: '同一属地再次发生同类事故 → 从严追究',
    scope: 'county',
    window: 'calendar_year',
    count: 2,
    grades: ['general', 'larger', 'major', 'extraordinarily_major'],
    sameKind: true,
    instrument: 'accountability',
    target: '属地政府及有关部门 (the territory’s government and departments), 从严追究 (stricter accountability)',
    source: '002 篇六: 如再发生此类事故, 按照属地管理的原则从严追究',
  },
];

/** One firing: the rule, where and when, and the accidents that triggered it. */
export interface AccountabilityFiring {
  ruleId: string;
  rule: AccountabilityRule;
  territoryId: string;
  /** The window: the calendar year, 'YYYY'. */
  period: string;
  kind?: AccidentKind;
  instrument: EscalationInstrument;
  /** The first `count` matching accidents, in the order they happened. */
  accidentIds: string[];
  /** When the rule came to hold: the day the last triggering accident happened. */
  firedOn: string;
}

function byOccurrence(a: AccidentFact, b: AccidentFact): number {
  return Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.accidentId.localeCompare(b.accidentId);
}

/**
 * Every rule that holds over the accidents, once per rule, territory, year (and kind, for a
 * same-kind rule). Accidents placed in no territory of the rule's scope are not counted for it.
 */
export function evaluateAccountabilityRules(
  facts: readonly AccidentFact[],
  rules: readonly AccountabilityRule[] = SEED_ACCOUNTABILITY_RULES,
  territories: RegionTerritories = {},
): AccountabilityFiring[] {
  const firings: AccountabilityFiring[] = [];
  const sorted = [...facts].sort(byOccurrence);
  for (const rule of rules) {
    const groups = new Map<string, { territoryId: string; period: string; kind?: AccidentKind; facts: AccidentFact[] }>();
    for (const fact of sorted) {
      if (!rule.grades.includes(fact.grade)) continue;
      const territoryId = territoryOf(fact, rule.scope, territories);
      if (territoryId === undefined) continue;
      const period = fact.day.slice(0, 4);
      const kind = rule.sameKind ? fact.kind : undefined;
      const key = JSON.stringify([territoryId, period, kind ?? null]);
      const group = groups.get(key) ?? { territoryId, period, kind, facts: [] };
      group.facts.push(fact);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      if (group.facts.length < rule.count) continue;
      const triggering = group.facts.slice(0, rule.count);
      firings.push({
        ruleId: rule.id,
        rule,
        territoryId: group.territoryId,
        period: group.period,
        ...(group.kind ? { kind: group.kind } : {}),
        instrument: rule.instrument,
        accidentIds: triggering.map((f) => f.accidentId),
        firedOn: triggering[triggering.length - 1].day,
      });
    }
  }
  return firings;
}

import { describe, expect, it } from 'vitest';
import { applyEvents } from '../decider';
import { evaluateBlacklist, isBlacklisted, REPEAT_OFFENDER_BLACKLIST_RULE } from './blacklist-rules';
import { addCalendarMonths, withinCalendarMonths } from './calendar-months';
import { enforcementDecider, foldEnforcementOpening } from './enforcement-decider';
import { STANDARD_ENFORCEMENT_POLICY } from './enforcement-policy';
import { openEnforcementCase } from './open-enforcement-case';
import { evaluateRepeatViolationRules, ONE_MONTH_TWO_SERIOUS_RULE } from './repeat-violation-rules';
import { daysAfter, filing, inspector, office, OPENED, suspend } from './testing/enforcement-fixtures';
import { violationFactsFromEvents, type ViolationFact } from './violation-facts';

let n = 0;
function act(foundOn: string, over: Partial<ViolationFact> = {}): ViolationFact {
  n += 1;
  return {
    violationId: `v-${String(n).padStart(3, '0')}`,
    caseId: `case-${n}`,
    unitId: 'mine-7',
    regionId: 'county-a',
    foundOn,
    serious: true,
    ...over,
  };
}
const dayPlus = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const fires = (facts: ViolationFact[]) => evaluateRepeatViolationRules(facts).map((f) => [f.unitId, f.firedOn]);

describe('one calendar month in China time (calendar-months.ts)', () => {
  it('is the same day of the next month, or its last day when it has none', () => {
    expect(addCalendarMonths('2026-03-01', 1)).toBe('2026-04-01');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addCalendarMonths('2027-03-05', -12)).toBe('2026-03-05');
    expect(withinCalendarMonths('2026-03-01', '2026-03-01', 1)).toBe(true);
    expect(withinCalendarMonths('2026-03-02', '2026-03-01', 1)).toBe(false);
  });
});

describe('同一企业一个月内2次严重非法违法行为 → 关闭整顿 + 主要负责人 (002 篇一)', () => {
  it('fires for a second serious act 30 days later, and not 32 days later', () => {
    expect(fires([act('2026-03-01'), act(dayPlus('2026-03-01', 30))])).toEqual([['mine-7', '2026-03-31']]);
    expect(fires([act('2026-03-01'), act(dayPlus('2026-03-01', 32))])).toEqual([]);
  });

  it('holds on the boundary day itself (the same day of the next month) and not the day after', () => {
    expect(fires([act('2026-03-01'), act('2026-04-01')])).toEqual([['mine-7', '2026-04-01']]);
    expect(fires([act('2026-03-01'), act('2026-04-02')])).toEqual([]);
  });

  it('at a month’s end: 31 January reaches 28 February (29 in a leap year), so 1 March is outside though only 29 days on', () => {
    expect(fires([act('2026-01-31'), act('2026-02-28')])).toEqual([['mine-7', '2026-02-28']]);
    expect(fires([act('2026-01-31'), act('2026-03-01')])).toEqual([]);
    expect(fires([act('2028-01-31'), act('2028-02-29')])).toEqual([['mine-7', '2028-02-29']]);
    expect(fires([act('2028-01-31'), act('2028-03-01')])).toEqual([]);
  });

  it('names the acts, the cases and the consequences; counts only serious acts of one enterprise, in any input order', () => {
    const first = act('2026-03-01');
    const second = act('2026-03-20');
    const firings = evaluateRepeatViolationRules([second, act('2026-03-10', { serious: false }), act('2026-03-05', { unitId: 'mine-8' }), first]);
    expect(firings).toEqual([
      {
        ruleId: ONE_MONTH_TWO_SERIOUS_RULE.id,
        unitId: 'mine-7',
        violationIds: [first.violationId, second.violationId],
        caseIds: [first.caseId, second.caseId],
        windowFrom: '2026-03-01',
        windowTo: '2026-04-01',
        firedOn: '2026-03-20',
        measure: '关闭整顿 (closure for rectification)',
        accountable: expect.stringContaining('主要负责人'),
      },
    ]);
    expect(ONE_MONTH_TWO_SERIOUS_RULE.description).toContain('same calendar day of the next month in China time');
  });

  it('uses the acts of a firing up: a third act within the month starts a new count', () => {
    expect(fires([act('2026-03-01'), act('2026-03-10'), act('2026-03-20')])).toEqual([['mine-7', '2026-03-10']]);
    expect(fires([act('2026-03-01'), act('2026-03-10'), act('2026-03-20'), act('2026-04-15')])).toEqual([
      ['mine-7', '2026-03-10'],
      ['mine-7', '2026-04-15'],
    ]);
  });

  it('reads the acts from the cases’ events, on their China day, the check that found production while suspended too', () => {
    // 1 March 17:00 UTC is already 2 March in China.
    const opening = openEnforcementCase(
      filing({ violation: { ...filing().violation, foundAt: '2026-03-01T17:00:00.000Z' } }),
      office,
      STANDARD_ENFORCEMENT_POLICY,
      OPENED,
    );
    const { state, events: openingEvents } = foldEnforcementOpening(opening);
    const suspended = applyEvents(enforcementDecider, state, enforcementDecider.decide(state, suspend(), OPENED));
    const check = {
      type: 'record_supervision_check' as const,
      actor: inspector,
      checkedAt: daysAfter(31).toISOString(),
      producing: true,
      findings: '擅自生产',
    };
    const found = applyEvents(enforcementDecider, suspended.state, enforcementDecider.decide(suspended.state, check, daysAfter(31)));
    const facts = violationFactsFromEvents([...openingEvents, ...suspended.events, ...found.events]);
    expect(facts.map((f) => [f.foundOn, f.serious, f.unitId])).toEqual([
      ['2026-03-02', true, 'coal-mine-7'],
      ['2026-04-02', true, 'coal-mine-7'],
    ]);
    expect(evaluateRepeatViolationRules(facts)).toMatchObject([{ unitId: 'coal-mine-7', firedOn: '2026-04-02', caseIds: ['case-7'] }]);
  });
});

describe('屡纠不改 → 公开曝光 + 黑名单 (002 篇五), entry and exit on record', () => {
  const inCase = (foundOn: string, caseId: string, serious = false) => act(foundOn, { caseId, serious });

  it('enters at the third case within 12 calendar months, exposed, and exits after 12 clean months', () => {
    const facts = [inCase('2026-02-01', 'c1'), inCase('2026-06-01', 'c2'), inCase('2026-06-20', 'c2'), inCase('2027-02-01', 'c3')];
    expect(evaluateBlacklist(facts, '2027-06-01')).toEqual([
      expect.objectContaining({ unitId: 'mine-7', enteredOn: '2027-02-01', entryCaseIds: ['c1', 'c2', 'c3'], exposure: true, exitsOn: '2028-02-01' }),
    ]);
    const [period] = evaluateBlacklist(facts, '2028-02-01');
    expect(period.exitedOn).toBe('2028-02-01');
    expect(isBlacklisted([period], 'mine-7', '2028-01-31')).toBe(true);
    expect(isBlacklisted([period], 'mine-7', '2028-02-01')).toBe(false);
  });

  it('does not enter for three cases spread over more than 12 months, nor for several violations of one case', () => {
    expect(evaluateBlacklist([inCase('2026-02-01', 'c1'), inCase('2026-06-01', 'c2'), inCase('2027-02-02', 'c3')], '2027-06-01')).toEqual([]);
    expect(evaluateBlacklist([inCase('2026-02-01', 'c1'), inCase('2026-02-02', 'c1'), inCase('2026-02-03', 'c1')], '2027-06-01')).toEqual([]);
  });

  it('keeps a listed enterprise on the list while it offends, moving the exit, and counts afresh after an exit', () => {
    const entry = [inCase('2026-01-10', 'c1'), inCase('2026-02-10', 'c2'), inCase('2026-03-10', 'c3')];
    const [moved] = evaluateBlacklist([...entry, inCase('2026-09-01', 'c4')], '2027-06-01');
    expect(moved).toMatchObject({ enteredOn: '2026-03-10', exitsOn: '2027-09-01' });
    expect(moved.exitedOn).toBeUndefined();
    const after = [...entry, inCase('2027-03-10', 'c5'), inCase('2027-04-01', 'c6')];
    expect(evaluateBlacklist(after, '2027-12-31')).toEqual([
      expect.objectContaining({ enteredOn: '2026-03-10', exitedOn: '2027-03-10', whileListed: [] }),
    ]);
    expect(REPEAT_OFFENDER_BLACKLIST_RULE.entryCases).toBe(3);
  });
});

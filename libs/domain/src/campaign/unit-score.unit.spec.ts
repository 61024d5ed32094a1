import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import type { UnitCounters } from './unit-obligations-state';
import { DEFAULT_UNIT_SCORE_RULE, scoreUnit, type UnitScoreRule } from './unit-score';

const counters = (due: number, onTime: number): UnitCounters => ({
  due,
  onTime,
  late: 0,
  missed: due - onTime,
  zeroReports: 0,
  inspections: 0,
  findings: 0,
});
const none = { found: 0, rectifiedOnTime: 0 };

describe('scoreUnit (单位考核得分)', () => {
  it('gives full marks for everything on time, no hazards and no escalations', () => {
    const result = scoreUnit({ counters: counters(100, 100), escalations: 0, hazards: none });
    expect(result).toEqual({
      score: 100,
      reportsOnTimeRate: 1,
      hazardsRectifiedOnTimeRate: 1,
      escalations: 0,
      weights: { reportsOnTime: 50, hazardsRectifiedOnTime: 30, escalations: 20 },
    });
  });

  it('counts nothing owed as on time, and no hazards found as all rectified', () => {
    expect(scoreUnit({ counters: counters(0, 0), escalations: 0, hazards: none }).score).toBe(100);
  });

  it('weights 50 / 30 / 20 and rounds to one decimal', () => {
    // 2/3 on time → 33.33…; 1 of 4 hazards → 7.5; one escalation → 15.
    const result = scoreUnit({ counters: counters(3, 2), escalations: 1, hazards: { found: 4, rectifiedOnTime: 1 } });
    expect(result.reportsOnTimeRate).toBeCloseTo(2 / 3, 10);
    expect(result.hazardsRectifiedOnTimeRate).toBe(0.25);
    expect(result.score).toBe(55.8);
  });

  it('bottoms the escalation component at zero and the score at 0', () => {
    expect(scoreUnit({ counters: counters(10, 10), escalations: 4, hazards: none }).score).toBe(80);
    expect(scoreUnit({ counters: counters(10, 10), escalations: 40, hazards: none }).score).toBe(80);
    expect(scoreUnit({ counters: counters(10, 0), escalations: 9, hazards: { found: 3, rectifiedOnTime: 0 } }).score).toBe(0);
  });

  it('never rates above 1 when counts disagree', () => {
    expect(scoreUnit({ counters: { ...counters(2, 2), onTime: 5 }, escalations: 0, hazards: { found: 1, rectifiedOnTime: 3 } }).score).toBe(100);
  });

  it('takes the weights from the rule it is given', () => {
    const reportsOnly: UnitScoreRule = { ...DEFAULT_UNIT_SCORE_RULE, weights: { reportsOnTime: 1, hazardsRectifiedOnTime: 0, escalations: 0 } };
    expect(scoreUnit({ counters: counters(8, 7), escalations: 3, hazards: { found: 2, rectifiedOnTime: 0 } }, reportsOnly).score).toBe(87.5);
  });

  it('refuses negative or fractional counts and all-zero weights', () => {
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof DomainRejection ? error.field : 'other';
      }
      return 'none';
    };
    expect(field(() => scoreUnit({ counters: counters(-1, 0), escalations: 0, hazards: none }))).toBe('counters.due');
    expect(field(() => scoreUnit({ counters: counters(1, 1), escalations: 0.5, hazards: none }))).toBe('escalations');
    expect(field(() => scoreUnit({ counters: counters(1, 1), escalations: 0, hazards: { found: Number.NaN, rectifiedOnTime: 0 } }))).toBe(
      'hazards.found',
    );
    const zero = { ...DEFAULT_UNIT_SCORE_RULE, weights: { reportsOnTime: 0, hazardsRectifiedOnTime: 0, escalations: 0 } };
    expect(field(() => scoreUnit({ counters: counters(1, 1), escalations: 0, hazards: none }, zero))).toBe('rule.weights');
  });

  it('documents its source as an editable default', () => {
    expect(DEFAULT_UNIT_SCORE_RULE.source).toMatch(/[Ee]ditable default/);
  });
});

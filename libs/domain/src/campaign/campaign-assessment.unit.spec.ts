import { describe, expect, it } from 'vitest';
import { assessCampaign, type UnitAssessmentInput } from './campaign-assessment';
import type { UnitCounters } from './unit-obligations-state';
import { DEFAULT_UNIT_SCORE_RULE } from './unit-score';

const counters = (over: Partial<UnitCounters> = {}): UnitCounters => ({
  due: 0,
  onTime: 0,
  late: 0,
  missed: 0,
  zeroReports: 0,
  inspections: 0,
  findings: 0,
  ...over,
});

function scoreRow(unitId: string, over: Partial<UnitAssessmentInput> = {}): UnitAssessmentInput {
  return {
    unitId,
    name: `单位 ${unitId}`,
    regionId: 'county-east',
    industryId: null,
    status: 'active',
    counters: counters(),
    escalations: 0,
    hazards: { found: 0, signedOff: 0, rectifiedOnTime: 0 },
    ...over,
  };
}

describe('assessCampaign (考核)', () => {
  it('scores enrolled units with the domain rule, best first, equal scores sharing a rank, and totals them', () => {
    const rows = [
      scoreRow('late', { counters: counters({ due: 10, onTime: 5, late: 2, missed: 3 }), escalations: 2 }),
      scoreRow('perfect-1', { counters: counters({ due: 10, onTime: 10, inspections: 1 }) }),
      scoreRow('perfect-2', { counters: counters({ due: 10, onTime: 10 }), hazards: { found: 2, signedOff: 2, rectifiedOnTime: 2 } }),
      scoreRow('waiting', { status: 'pending' }),
      scoreRow('gone', { status: 'removed', counters: counters({ due: 3, missed: 3 }) }),
    ];
    const result = assessCampaign(rows, false);
    expect(result.units.map((u) => [u.unitId, u.rank, u.score])).toEqual([
      ['perfect-1', 1, 100],
      ['perfect-2', 1, 100],
      // 50 × 0.5 + 30 × 1 + 20 × (1 − 2 × 0.25) = 65
      ['late', 3, 65],
    ]);
    expect(result.notAssessed).toEqual([
      { unitId: 'waiting', name: '单位 waiting', status: 'pending' },
      { unitId: 'gone', name: '单位 gone', status: 'removed' },
    ]);
    expect(result.totals).toEqual({
      unitsAssessed: 3,
      averageScore: 88.3,
      lowestScore: 65,
      highestScore: 100,
      counters: counters({ due: 30, onTime: 25, late: 2, missed: 3, inspections: 1 }),
      escalations: 2,
      hazards: { found: 2, signedOff: 2, rectifiedOnTime: 2 },
      onTimeRate: 25 / 30,
    });
    expect(result.rule).toBe(DEFAULT_UNIT_SCORE_RULE);
    expect(assessCampaign(rows, true).final).toBe(true);
  });

  it('has nothing to average when no unit is enrolled', () => {
    expect(assessCampaign([scoreRow('x', { status: 'pending' })], false).totals).toMatchObject({
      unitsAssessed: 0,
      averageScore: null,
      onTimeRate: null,
    });
  });

  it('rates enrolled units that owed nothing yet as not measurable in the total, but full marks each', () => {
    const result = assessCampaign([scoreRow('new')], false);
    expect(result.totals.onTimeRate).toBeNull();
    expect(result.units[0]).toMatchObject({ score: 100, reportsOnTimeRate: 1, hazardsRectifiedOnTimeRate: 1 });
  });

  it('never totals an on-time rate above 1 when the counts disagree', () => {
    expect(assessCampaign([scoreRow('odd', { counters: counters({ due: 2, onTime: 3 }) })], false).totals.onTimeRate).toBe(1);
  });
});

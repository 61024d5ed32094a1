import { describe, expect, it } from 'vitest';
import type { AccidentFact } from './accident-facts';
import { monthJustEnded, reviewAccidentRecord } from './accident-record-review';
import { seedCityControlIndicators } from './control-indicators';

function fact(id: string, day: string, over: Partial<AccidentFact> = {}): AccidentFact {
  return {
    accidentId: id,
    occurredAt: `${day}T02:00:00.000Z`,
    day,
    regionId: 'county-a',
    unitId: 'u',
    kind: 'collapse',
    sector: 'industry_trade',
    grade: 'larger',
    deaths: 3,
    concealment: [],
    ...over,
  };
}

describe('a review of the accident record (按月检查)', () => {
  it('checks the month just ended in China time', () => {
    expect(monthJustEnded(new Date('2026-12-01T00:00:00.000Z'))).toBe('2026-11'); // 08:00 on 1 December in Beijing
    expect(monthJustEnded(new Date('2026-11-30T16:30:00.000Z'))).toBe('2026-11'); // already 1 December in Beijing
    expect(monthJustEnded(new Date('2027-01-01T00:00:00.000Z'))).toBe('2026-12');
  });

  it('counts only the month’s year up to its end, for caps and rules alike', () => {
    const facts = [fact('a', '2026-02-01'), fact('b', '2026-04-01'), fact('c', '2025-12-31')];
    const indicators = [...seedCityControlIndicators('county-a', 2026), ...seedCityControlIndicators('county-a', 2025)];
    const march = reviewAccidentRecord({ facts, territories: {}, indicators }, '2026-03');
    expect(march.checks.map((c) => [c.indicator.id, c.used, c.status])).toEqual([
      ['county-a:2026:deaths-all', 3, 'within'],
      ['county-a:2026:deaths-industry-trade', 3, 'within'],
      ['county-a:2026:larger-accidents', 1, 'warning'],
    ]);
    expect(march.firings).toEqual([]);
    const april = reviewAccidentRecord({ facts, territories: {}, indicators }, '2026-04');
    expect(april.checks[2]).toMatchObject({ used: 2, status: 'breach', accidentIds: ['a', 'b'] });
    expect(april.firings.map((f) => [f.ruleId, f.accidentIds])).toEqual([
      ['county-two-larger-summons', ['a', 'b']],
      ['county-repeat-kind-stricter', ['a', 'b']],
    ]);
  });
});

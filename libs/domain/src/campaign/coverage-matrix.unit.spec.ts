import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import { coverageMatrix, TERRITORIAL_INDUSTRY_ID, type CoverageUnit } from './coverage-matrix';

const scope = {
  regions: [{ id: 'county-a' }, { id: 'county-b' }],
  industries: [{ id: 'construction' }, { id: 'mining' }],
};
const unit = (unitId: string, regionId: string, industryId: string | undefined, inspected: boolean, reporting: boolean): CoverageUnit => ({
  unitId,
  regionId,
  ...(industryId ? { industryId } : {}),
  inspected,
  reporting,
});

describe('coverageMatrix (三个全覆盖 / 监管盲区)', () => {
  it('shows no gap when every cell has an inspected, reporting unit', () => {
    const m = coverageMatrix(scope, [
      unit('a1', 'county-a', 'construction', true, true),
      unit('a2', 'county-a', 'mining', true, true),
      unit('b1', 'county-b', 'construction', true, true),
      unit('b2', 'county-b', 'mining', true, true),
    ]);
    expect(m.gaps).toEqual([]);
    expect(m.cells).toHaveLength(4);
    expect([m.coveredRegionsRate, m.coveredIndustriesRate, m.unitsInspectedRate]).toEqual([1, 1, 1]);
  });

  it('names blind spots: cells without units, cells where no unit was inspected or reports', () => {
    const m = coverageMatrix(scope, [
      unit('a1', 'county-a', 'construction', true, true),
      unit('a2', 'county-a', 'construction', false, false),
      unit('a3', 'county-a', 'mining', false, true),
      unit('b1', 'county-b', 'construction', false, false),
    ]);
    expect(m.cells).toEqual([
      { regionId: 'county-a', industryId: 'construction', unitsInScope: 2, unitsInspected: 1, unitsReporting: 1 },
      { regionId: 'county-a', industryId: 'mining', unitsInScope: 1, unitsInspected: 0, unitsReporting: 1 },
      { regionId: 'county-b', industryId: 'construction', unitsInScope: 1, unitsInspected: 0, unitsReporting: 0 },
      { regionId: 'county-b', industryId: 'mining', unitsInScope: 0, unitsInspected: 0, unitsReporting: 0 },
    ]);
    expect(m.gaps).toEqual([
      { regionId: 'county-a', industryId: 'mining', kind: 'not_inspected' },
      { regionId: 'county-b', industryId: 'construction', kind: 'not_inspected' },
      { regionId: 'county-b', industryId: 'construction', kind: 'not_reporting' },
      { regionId: 'county-b', industryId: 'mining', kind: 'no_units' },
    ]);
    expect(m.coveredRegionsRate).toBe(0.5);
    expect(m.coveredIndustriesRate).toBe(0.5);
    expect(m.unitsInspectedRate).toBe(0.25);
  });

  it('puts units without an industry in a (territorial) column, present only when such units exist', () => {
    const m = coverageMatrix(scope, [unit('gov-a', 'county-a', undefined, true, true), unit('a1', 'county-a', 'construction', false, true)]);
    expect(m.cells.filter((c) => c.industryId === TERRITORIAL_INDUSTRY_ID)).toEqual([
      { regionId: 'county-a', industryId: '(territorial)', unitsInScope: 1, unitsInspected: 1, unitsReporting: 1 },
      { regionId: 'county-b', industryId: '(territorial)', unitsInScope: 0, unitsInspected: 0, unitsReporting: 0 },
    ]);
    expect(m.gaps).toContainEqual({ regionId: 'county-b', industryId: '(territorial)', kind: 'no_units' });
    // The government's inspection covers its region, not an industry.
    expect(m.coveredRegionsRate).toBe(0.5);
    expect(m.coveredIndustriesRate).toBe(0);
    expect(
      coverageMatrix(scope, [unit('a1', 'county-a', 'construction', true, true)]).cells.some((c) => c.industryId === TERRITORIAL_INDUSTRY_ID),
    ).toBe(false);
  });

  it('reports an empty scope as uncovered, every cell a blind spot', () => {
    const m = coverageMatrix(scope, []);
    expect(m.gaps.map((g) => g.kind)).toEqual(['no_units', 'no_units', 'no_units', 'no_units']);
    expect([m.coveredRegionsRate, m.coveredIndustriesRate, m.unitsInspectedRate]).toEqual([0, 0, 0]);
  });

  it('refuses units outside the scope', () => {
    const field = (units: CoverageUnit[]) => {
      try {
        coverageMatrix(scope, units);
      } catch (error) {
        return error instanceof DomainRejection ? error.field : 'other';
      }
      return 'none';
    };
    expect(field([unit('x', 'county-z', 'mining', true, true)])).toBe('units[0].regionId');
    expect(field([unit('ok', 'county-a', 'mining', true, true), unit('x', 'county-a', 'fishing', true, true)])).toBe('units[1].industryId');
  });
});

import { describe, expect, it } from 'vitest';
import { coveragePercent, heatCells } from './heatmap';

describe('the campaign heatmap cells (region × industry)', () => {
  const coverage = {
    cells: [
      { regionId: 'east', industryId: 'construction', unitsInScope: 2, unitsReporting: 1 },
      { regionId: 'west', industryId: 'construction', unitsInScope: 1, unitsReporting: 0 },
    ],
    gaps: [{ regionId: 'west', industryId: 'chemicals', kind: 'no_units' }],
  };
  const assessment = {
    units: [
      { regionId: 'east', industryId: 'construction', counters: { missed: 1 } },
      { regionId: 'east', industryId: 'construction', counters: { missed: 2 } },
      { regionId: 'west', industryId: 'construction', counters: { missed: 4 } },
      { regionId: 'east', industryId: null, counters: { missed: 9 } },
    ],
  };
  const cells = heatCells(['east', 'west'], ['construction', 'chemicals'], coverage, assessment);

  it('has one cell per region × industry of the scope, a cell with no units included', () => {
    expect(cells.map((c) => `${c.regionId}/${c.industryId}`)).toEqual(['east/construction', 'east/chemicals', 'west/construction', 'west/chemicals']);
    expect(cells[3]).toEqual({ regionId: 'west', industryId: 'chemicals', unitsInScope: 0, unitsReporting: 0, missed: 0, gaps: ['no_units'] });
  });

  it("sums the cell's units' missed obligations; a unit without an industry is in no cell", () => {
    expect(cells.map((c) => c.missed)).toEqual([3, 0, 4, 0]);
  });

  it('gives the reporting share, and none where nothing is in scope', () => {
    expect(cells.map(coveragePercent)).toEqual([50, null, 0, null]);
  });
});

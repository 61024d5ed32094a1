/** One cell of the campaign's region × industry map: how much of it reports, and how much is overdue. */
export interface HeatCell {
  regionId: string;
  industryId: string;
  unitsInScope: number;
  unitsReporting: number;
  /** Obligations missed (逾期未报) by the cell's units, from the assessment's counters. */
  missed: number;
  /** 监管盲区: the API's coverage gaps for the cell (no units, none inspected, …). */
  gaps: string[];
}

interface CoverageAnswer {
  cells: Array<{ regionId: string; industryId: string; unitsInScope: number; unitsReporting: number }>;
  gaps: Array<{ regionId: string; industryId: string; kind: string }>;
}
interface AssessmentAnswer {
  units: Array<{ regionId: string; industryId: string | null; counters: { missed: number } }>;
}

/**
 * Joins GET /campaigns/:id/coverage (cells and gaps) with GET /campaigns/:id/summary (each unit's
 * missed obligations) over the scope's regions × industries, so that a cell with no units at all
 * still shows, as the blind spot it is.
 */
export function heatCells(regionIds: string[], industryIds: string[], coverage: CoverageAnswer, assessment: AssessmentAnswer): HeatCell[] {
  const key = (regionId: string, industryId: string | null) => `${regionId}\u0000${industryId ?? ''}`;
  const missed = new Map<string, number>();
  for (const unit of assessment.units)
    missed.set(key(unit.regionId, unit.industryId), (missed.get(key(unit.regionId, unit.industryId)) ?? 0) + unit.counters.missed);
  const cells = new Map(coverage.cells.map((cell) => [key(cell.regionId, cell.industryId), cell]));
  return regionIds.flatMap((regionId) =>
    industryIds.map((industryId) => {
      const cell = cells.get(key(regionId, industryId));
      return {
        regionId,
        industryId,
        unitsInScope: cell?.unitsInScope ?? 0,
        unitsReporting: cell?.unitsReporting ?? 0,
        missed: missed.get(key(regionId, industryId)) ?? 0,
        gaps: coverage.gaps.filter((gap) => gap.regionId === regionId && gap.industryId === industryId).map((gap) => gap.kind),
      };
    }),
  );
}

/** Reporting share of a cell, 0..100, or null where no unit is in scope (nothing can cover it). */
export const coveragePercent = (cell: HeatCell): number | null =>
  cell.unitsInScope === 0 ? null : Math.round((cell.unitsReporting / cell.unitsInScope) * 100);

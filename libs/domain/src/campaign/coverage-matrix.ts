import { rate } from '../rate';
import { invalid } from '../rejection';

/**
 * 三个全覆盖 and 监管盲区: which region × industry cells of a campaign's scope have units, and
 * whether any of them was inspected and reports. A blind spot is a cell with no unit in scope,
 * or with units none of which was inspected. Units without an industry (属地: governments,
 * towns) form a column of their own, `(territorial)`, present when any such unit exists.
 */
export const TERRITORIAL_INDUSTRY_ID = '(territorial)';

export const COVERAGE_GAP_KINDS = ['no_units', 'not_inspected', 'not_reporting'] as const;
export type CoverageGapKind = (typeof COVERAGE_GAP_KINDS)[number];

export interface CoverageUnit {
  unitId: string;
  regionId: string;
  industryId?: string;
  inspected: boolean;
  reporting: boolean;
}

export interface CoverageCell {
  regionId: string;
  industryId: string;
  unitsInScope: number;
  unitsInspected: number;
  unitsReporting: number;
}

export interface CoverageGap {
  regionId: string;
  industryId: string;
  kind: CoverageGapKind;
}

export interface CoverageMatrix {
  cells: CoverageCell[];
  gaps: CoverageGap[];
  /** Regions with at least one inspected unit, of the scope's regions (所有县区全覆盖). */
  coveredRegionsRate: number;
  /** Industries with at least one inspected unit, of the scope's industries (所有行业全覆盖). */
  coveredIndustriesRate: number;
  /** Units inspected, of the units in scope (所有单位全覆盖). */
  unitsInspectedRate: number;
}

/** 0 when there is nothing to cover: an empty scope is a blind spot, shown as uncovered, not as done. */
const share = (part: number, whole: number) => rate(part, whole) ?? 0;

export function coverageMatrix(scope: { regions: Array<{ id: string }>; industries: Array<{ id: string }> }, units: CoverageUnit[]): CoverageMatrix {
  const regionIds = scope.regions.map((r) => r.id);
  const industryIds = scope.industries.map((i) => i.id);
  const knownRegions = new Set(regionIds);
  const knownIndustries = new Set(industryIds);
  const columns = units.some((u) => u.industryId === undefined) ? [...industryIds, TERRITORIAL_INDUSTRY_ID] : industryIds;

  const cells = new Map<string, CoverageCell>();
  const key = (regionId: string, industryId: string) => JSON.stringify([regionId, industryId]);
  for (const regionId of regionIds) {
    for (const industryId of columns)
      cells.set(key(regionId, industryId), { regionId, industryId, unitsInScope: 0, unitsInspected: 0, unitsReporting: 0 });
  }

  const inspectedRegions = new Set<string>();
  const inspectedIndustries = new Set<string>();
  let inspected = 0;
  units.forEach((unit, i) => {
    if (!knownRegions.has(unit.regionId))
      throw invalid('campaign.scope.region_unknown', `units[${i}].regionId`, `region "${unit.regionId}" is not in the scope (属地不在范围内)`);
    if (unit.industryId !== undefined && !knownIndustries.has(unit.industryId)) {
      throw invalid(
        'campaign.scope.industry_unknown',
        `units[${i}].industryId`,
        `industry "${unit.industryId}" is not in the scope (行业不在范围内)`,
      );
    }
    const cell = cells.get(key(unit.regionId, unit.industryId ?? TERRITORIAL_INDUSTRY_ID)) as CoverageCell;
    cell.unitsInScope++;
    if (unit.reporting) cell.unitsReporting++;
    if (unit.inspected) {
      cell.unitsInspected++;
      inspected++;
      inspectedRegions.add(unit.regionId);
      if (unit.industryId !== undefined) inspectedIndustries.add(unit.industryId);
    }
  });

  const gaps: CoverageGap[] = [];
  for (const cell of cells.values()) {
    const at = { regionId: cell.regionId, industryId: cell.industryId };
    if (cell.unitsInScope === 0) {
      gaps.push({ ...at, kind: 'no_units' });
      continue;
    }
    if (cell.unitsInspected === 0) gaps.push({ ...at, kind: 'not_inspected' });
    if (cell.unitsReporting === 0) gaps.push({ ...at, kind: 'not_reporting' });
  }

  return {
    cells: [...cells.values()],
    gaps,
    coveredRegionsRate: share(inspectedRegions.size, regionIds.length),
    coveredIndustriesRate: share(inspectedIndustries.size, industryIds.length),
    unitsInspectedRate: share(inspected, units.length),
  };
}

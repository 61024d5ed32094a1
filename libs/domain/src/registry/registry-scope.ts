import type { UnitKind } from '../campaign/campaign-scope';
import type { CompetentDepartmentRecord } from './competent-department';
import { isWithinPath, type RegionNode } from './region';
import type { IndustryNode } from './industry';
import type { UnitRecord, UnitStatus } from './registry-unit';

/** Which units a campaign (or a list) covers: each dimension absent or empty means "any". */
export interface RegistrySelector {
  /** These regions and everything below them. */
  regionIds?: string[];
  /** These industries and everything below them. */
  industryIds?: string[];
  kinds?: UnitKind[];
  /** Enterprises' statuses: a unit without one (a government, a department) never matches a status filter. */
  statuses?: UnitStatus[];
}

/** The registry's current records at one moment (retired ones left out), with regions' and industries' stored paths. */
export interface RegistrySnapshot {
  regions: RegionNode[];
  industries: IndustryNode[];
  units: UnitRecord[];
  competentDepartments: CompetentDepartmentRecord[];
}

const given = <T>(values: T[] | undefined): values is T[] => values !== undefined && values.length > 0;

/**
 * The units in scope, ordered by id. A unit matches the industries when its own industry lies
 * within one, or (a department, which has none of its own) when a competent-department link
 * in the selected regions names it for one. The SQL scope query (libs/persistence) must agree.
 */
export function resolveRegistryScope(selector: RegistrySelector, snapshot: RegistrySnapshot): UnitRecord[] {
  const regionPath = new Map(snapshot.regions.map((r) => [r.id, r.path]));
  const industryPath = new Map(snapshot.industries.map((i) => [i.id, i.path]));
  const pathsOf = (ids: string[], paths: Map<string, string>) => ids.flatMap((id) => (paths.has(id) ? [paths.get(id)!] : []));
  const regionRoots = given(selector.regionIds) ? pathsOf(selector.regionIds, regionPath) : undefined;
  const industryRoots = given(selector.industryIds) ? pathsOf(selector.industryIds, industryPath) : undefined;
  const within = (id: string | null, paths: Map<string, string>, roots: string[]) => {
    const path = id === null ? undefined : paths.get(id);
    return path !== undefined && roots.some((root) => isWithinPath(path, root));
  };
  const inRegions = (regionId: string) => !regionRoots || within(regionId, regionPath, regionRoots);
  const inIndustries = (unit: UnitRecord) =>
    !industryRoots ||
    within(unit.industryId, industryPath, industryRoots) ||
    (unit.kind === 'department' &&
      snapshot.competentDepartments.some(
        (link) => link.departmentUnitId === unit.id && inRegions(link.regionId) && within(link.industryId, industryPath, industryRoots),
      ));
  return snapshot.units
    .filter(
      (unit) =>
        inRegions(unit.regionId) &&
        (!given(selector.kinds) || selector.kinds.includes(unit.kind)) &&
        (!given(selector.statuses) || (unit.status !== null && selector.statuses.includes(unit.status))) &&
        inIndustries(unit),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

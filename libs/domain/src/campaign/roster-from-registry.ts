import { invalid } from '../rejection';
import { REGION_PATH_SEPARATOR } from '../registry/region';
import type { RegistrySelector, RegistrySnapshot } from '../registry/registry-scope';
import type { UnitRecord } from '../registry/registry-unit';
import type { CampaignScope, ScopeUnit } from './campaign-scope';
import { MAX_CAMPAIGN_UNITS } from './validate-campaign-launch';

/** What an office sends as a campaign's scope: a roster in the body, or a selector over the registry (单位库). */
export type CampaignScopeRequest = Pick<CampaignScope, 'leadLeader' | 'leadDepartment'> &
  Partial<Pick<CampaignScope, 'regions' | 'industries' | 'units'>> & { selector?: RegistrySelector };

/** Which way the roster comes: exactly one of `scope.units` and `scope.selector` (regions and industries then follow the units). */
export function chooseRoster(scope: CampaignScopeRequest): { source: 'body' } | { source: 'registry'; selector: RegistrySelector } {
  const hasUnits = scope.units !== undefined;
  if (scope.selector !== undefined && (hasUnits || scope.regions !== undefined || scope.industries !== undefined)) {
    throw invalid(
      'campaign.scope.roster_choice_ambiguous',
      'scope.selector',
      'give either scope.units (with regions and industries) or scope.selector, not both (名单与单位库筛选只能二选一)',
    );
  }
  if (scope.selector !== undefined) return { source: 'registry', selector: scope.selector };
  if (!hasUnits)
    throw invalid('campaign.scope.roster_choice_missing', 'scope.units', 'give scope.units or scope.selector (须给出名单或单位库筛选条件)');
  return { source: 'body' };
}

/**
 * Refuses a selector that matched nothing or more than one campaign may cover. A scope read may
 * stop at MAX_CAMPAIGN_UNITS + 1 units: the count is then only known to be too many.
 */
export function assertRosterSize(matched: readonly UnitRecord[]): void {
  if (matched.length === 0)
    throw invalid('campaign.scope.selector_empty', 'scope.selector', 'no unit in the registry matches the selector (单位库中没有符合条件的单位)');
  if (matched.length > MAX_CAMPAIGN_UNITS)
    throw invalid(
      'campaign.scope.selector_too_many',
      'scope.selector',
      `more than ${MAX_CAMPAIGN_UNITS} units match; at most ${MAX_CAMPAIGN_UNITS} per campaign (符合条件的单位过多, 请分批发起)`,
    );
}

/** The regions and industries the matched units stand in, by id: all a roster needs named (and the regions' paths). */
export function rosterReferences(matched: readonly UnitRecord[]): { regionIds: string[]; industryIds: string[] } {
  const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
  return {
    regionIds: sorted(matched.map((u) => u.regionId)),
    industryIds: sorted(matched.flatMap((u) => (u.industryId !== null ? [u.industryId] : []))),
  };
}

/**
 * The roster snapshot a campaign launched from the registry records: every unit the selector
 * matched as of the start, with its region's path (so roll-ups find towns under their county),
 * and the regions and industries those units stand in, named as the registry names them then.
 * `registry` needs only the records `rosterReferences` names (a whole snapshot does as well).
 * A roster of governments (or departments) only stands in no industry: `industries` is then empty.
 */
export function rosterFromRegistry(
  matched: readonly UnitRecord[],
  registry: Pick<RegistrySnapshot, 'regions' | 'industries'>,
): Pick<CampaignScope, 'regions' | 'industries' | 'units'> {
  assertRosterSize(matched);
  const regions = new Map(registry.regions.map((r) => [r.id, r]));
  const industries = new Map(registry.industries.map((i) => [i.id, i]));
  const units: ScopeUnit[] = matched.map((unit) => ({
    unitId: unit.id,
    name: unit.name,
    kind: unit.kind,
    regionId: unit.regionId,
    ...(unit.industryId !== null ? { industryId: unit.industryId } : {}),
    ...(regions.has(unit.regionId) ? { regionPath: regions.get(unit.regionId)!.path.split(REGION_PATH_SEPARATOR) } : {}),
  }));
  const named = <T extends { id: string; name: string }>(ids: readonly string[], known: Map<string, T>) =>
    ids.map((id) => ({ id, name: known.get(id)?.name ?? id }));
  const { regionIds, industryIds } = rosterReferences(matched);
  return { regions: named(regionIds, regions), industries: named(industryIds, industries), units };
}

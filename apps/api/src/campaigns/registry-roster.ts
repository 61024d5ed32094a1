import { assertRosterSize, MAX_CAMPAIGN_UNITS, rosterFromRegistry, rosterReferences, type CampaignScope, type RegistrySelector } from '@duban/domain';
import type { RegistryReader } from '@duban/persistence';

/** What a launch by scope reads of the registry (单位库). */
export type RegistryRosterReads = Pick<RegistryReader, 'scope' | 'regions' | 'industries'>;

/**
 * The roster a launch by scope records, read as of the start: the units the selector matches
 * (the SQL scope query, the twin of resolveRegistryScope; one past the limit at most, so an
 * oversized scope is refused without reading it all), then only the regions and industries
 * those units stand in — never the whole registry.
 */
export async function readRegistryRoster(
  registry: RegistryRosterReads,
  selector: RegistrySelector,
  asOf: Date,
): Promise<Pick<CampaignScope, 'regions' | 'industries' | 'units'>> {
  const matched = await registry.scope(selector, asOf, MAX_CAMPAIGN_UNITS + 1);
  assertRosterSize(matched);
  const { regionIds, industryIds } = rosterReferences(matched);
  const [regions, industries] = await Promise.all([registry.regions(regionIds, asOf), registry.industries(industryIds, asOf)]);
  return rosterFromRegistry(matched, { regions, industries });
}

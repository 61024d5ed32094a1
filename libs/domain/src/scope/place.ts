/**
 * Where an object sits for supervision (属地 and 行业): the unit it belongs to and, when the
 * registry (单位库) knows that unit, its region's and its industry's paths (root first, itself
 * last), so "this region and everything below it" is a membership test.
 */
export interface Place {
  unitId: string;
  /** null: the registry does not know the unit, so only an account without a territory covers it. */
  regionPath: readonly string[] | null;
  /** null: the unit has no industry (a government, a department) or is not in the registry. */
  industryPath: readonly string[] | null;
}

/** How a place is named in a refusal. */
export function describePlace(place: Place): string {
  return place.regionPath === null
    ? `unit ${place.unitId} is not in the registry (单位库), so no territory covers it`
    : `unit ${place.unitId} is in ${place.regionPath.join('/')}`;
}

/**
 * The levels a hazard is listed for supervision (挂牌督办) at, lowest first: the safety committee
 * (安委会/安委办) of a county, a city or a province lists it and tracks it to 销号. A listing is
 * raised, never lowered.
 */
export const LISTING_LEVELS = ['county', 'city', 'province'] as const;
export type ListingLevel = (typeof LISTING_LEVELS)[number];

export const LISTING_LEVEL_LABELS: Record<ListingLevel, string> = {
  county: '县级挂牌督办 (listed by a county committee)',
  city: '市级挂牌督办 (listed by a city committee)',
  province: '省级挂牌督办 (listed by a province committee)',
};

/** A listing the policy makes without naming a level (and files recorded before levels existed) is a county's. */
export const DEFAULT_LISTING_LEVEL: ListingLevel = 'county';

/** Whether `level` lies below `than` (county < city < province). */
export function isLowerListingLevel(level: ListingLevel, than: ListingLevel): boolean {
  return LISTING_LEVELS.indexOf(level) < LISTING_LEVELS.indexOf(than);
}

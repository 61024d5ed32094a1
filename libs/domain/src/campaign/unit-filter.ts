import type { CampaignRosterStatus } from './roster-status';

/** The filters of a campaign's unit list (单位任务台账). */
export interface UnitListFilter {
  status?: CampaignRosterStatus;
  regionId?: string;
  industryId?: string;
}

/**
 * Whether a roster row passes every filter given (an absent filter passes all). The ledger's
 * SQL applies the same filters to whole pages (campaign-ledger-reader `units`); this is the
 * rule for one row already in hand (a unit token's own).
 */
export function matchesUnitFilter(row: { status: string; regionId: string; industryId: string | null }, filter: UnitListFilter): boolean {
  return (
    (filter.status === undefined || row.status === filter.status) &&
    (filter.regionId === undefined || row.regionId === filter.regionId) &&
    (filter.industryId === undefined || row.industryId === filter.industryId)
  );
}

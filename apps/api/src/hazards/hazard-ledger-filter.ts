import type { HazardLedgerExportQuery } from './dto/hazard-ledger-export.query';

/** The ledger filter GET /hazards' query names (its list and its Excel export read the same rows), the caller's scope aside. */
export function hazardLedgerFilterOf(query: HazardLedgerExportQuery) {
  return {
    industry: query.industry,
    grade: query.grade,
    status: query.status,
    overdue: query.overdue,
    listedForSupervision: query.listed,
    listingLevel: query.listingLevel,
    campaignId: query.campaignId,
    sort: query.sort,
  };
}

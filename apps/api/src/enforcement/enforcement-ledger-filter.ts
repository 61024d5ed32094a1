import type { EnforcementLedgerExportQuery } from './dto/enforcement-ledger-export.query';

/** The ledger filter GET /enforcement-cases' query names (its list and its Excel export read the same rows), the caller's scope aside. */
export function enforcementLedgerFilterOf(query: EnforcementLedgerExportQuery) {
  return {
    regionId: query.regionId,
    industryId: query.industryId,
    status: query.status,
    origin: query.origin,
    measure: query.measure,
    suspensionStatus: query.suspensionStatus,
    suspended: query.suspended,
    criminal: query.criminal,
    referred: query.referred,
    closureImposed: query.closureImposed,
    openedFrom: query.openedFrom,
    openedBefore: query.openedBefore,
  };
}

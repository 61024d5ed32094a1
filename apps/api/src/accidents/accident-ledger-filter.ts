import type { AccidentLedgerExportQuery } from './dto/accident-ledger-export.query';

/** The ledger filter GET /accidents' query names (its list and its Excel export read the same rows), the caller's scope aside. */
export function accidentLedgerFilterOf(query: AccidentLedgerExportQuery) {
  return {
    regionId: query.regionId,
    industry: query.industry,
    grade: query.grade,
    investigationStatus: query.investigationStatus,
    openGates: query.openGates,
    listed: query.listed,
    concealed: query.concealed,
    occurredFrom: query.occurredFrom,
    occurredBefore: query.occurredBefore,
  };
}

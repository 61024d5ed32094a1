import type { HazardLedgerRow } from '@duban/persistence';
import { yesNo, type CellValue } from '@duban/spreadsheets';
import { LEDGER_WORDS } from './ledger-words';

/**
 * One ledger row as the export writes it, cells by LEDGER_COLUMNS' fields: enumerated values in
 * Chinese (重大隐患, 整改中, 县级), flags as 是/否, instants as ISO text (so an import reads back
 * exactly the instant written, whatever the reader's time zone).
 */
export function ledgerCells(row: HazardLedgerRow): Record<string, CellValue> {
  return {
    hazardId: row.hazardId,
    title: row.title,
    description: row.description,
    location: row.location,
    industry: row.industry,
    unitId: row.unitId,
    grade: LEDGER_WORDS.grade[row.grade],
    source: LEDGER_WORDS.source[row.source],
    finder: row.finder,
    deadline: row.deadline,
    campaignId: row.campaignId,
    policyId: row.policyId,
    status: LEDGER_WORDS.status[row.status],
    overdue: yesNo(row.overdue),
    listedForSupervision: yesNo(row.listedForSupervision),
    listingLevel: row.listingLevel === null ? null : LEDGER_WORDS.listingLevel[row.listingLevel],
    originalDeadline: row.originalDeadline,
    extensionsGranted: row.extensionsGranted,
    lastEscalation: row.lastEscalationInstrument === null ? null : LEDGER_WORDS.instrument[row.lastEscalationInstrument],
    reportedAt: row.reportedAt,
    reportedBy: row.reportedBy.name,
    signedOffAt: row.signedOffAt,
  };
}

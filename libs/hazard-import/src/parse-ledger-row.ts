import {
  DomainRejection,
  invalid,
  isValidId,
  requiredText,
  TEXT_LIMITS,
  type HazardGrade,
  type HazardReport,
  type HazardSource,
} from '@duban/domain';
import type { SheetRow } from '@duban/spreadsheets';
import { derivedHazardId, isHazardId } from './hazard-row-id';
import { ledgerDeadline } from './ledger-deadline';
import { ledgerValueOf, ledgerWordsOf } from './ledger-words';

/** A ledger row read as a hazard report, with the hazard id it is imported under. */
export interface LedgerImportRow {
  /** The row's number in the sheet (1-based, the header is row 1). */
  row: number;
  hazardId: string;
  /** True when the row left 隐患编号 blank and the id was derived from its content. */
  derivedId: boolean;
  report: HazardReport;
  policyId?: string;
}

/** A cell that would not read: the field it is in, and the refusal. */
export interface CellRefusal {
  field: string;
  rejection: DomainRejection;
}

const TEXTS: ReadonlyArray<[keyof HazardReport, number]> = [
  ['title', TEXT_LIMITS.title],
  ['description', TEXT_LIMITS.longText],
  ['location', TEXT_LIMITS.shortText],
  ['industry', TEXT_LIMITS.shortText],
  ['finder', TEXT_LIMITS.shortText],
];

/**
 * Reads one ledger row as the report `POST /hazards` takes: Chinese words translated (重大隐患 →
 * major, 自查自报 → self_inspection), the deadline read as an instant, every cell that does not
 * read refused by its field (all of them, not the first). The rules that need the reporter, the
 * policy or the clock (deadline in the future, territory) are the admission's, checked after.
 */
export function parseLedgerRow(row: SheetRow): { parsed?: LedgerImportRow; refusals: CellRefusal[] } {
  const refusals: CellRefusal[] = [];
  const cell = (field: string) => row.cells[field];
  const refuse = (rejection: DomainRejection) => refusals.push({ field: rejection.field!, rejection });
  for (const [field, max] of TEXTS) {
    try {
      requiredText(cell(field) ?? '', field, max);
    } catch (error) {
      if (!(error instanceof DomainRejection)) throw error;
      refuse(error);
    }
  }
  const unitId = cell('unitId') ?? '';
  if (!isValidId(unitId))
    refuse(invalid(unitId === '' ? 'input.required' : 'input.malformed_id', 'unitId', 'unitId must be 1–100 letters, digits, _ . : -'));
  const campaignId = cell('campaignId');
  if (campaignId !== undefined && !isValidId(campaignId)) refuse(invalid('input.malformed_id', 'campaignId', 'campaignId is not a valid id'));
  const word = (field: 'grade' | 'source') => {
    const text = cell(field);
    if (text === undefined) return refuse(invalid('input.required', field, `${field} is required: one of ${ledgerWordsOf(field)}`));
    const value = ledgerValueOf(field, text);
    if (value === undefined) refuse(invalid('input.not_one_of', field, `${field} must be one of ${ledgerWordsOf(field)}`));
    return value;
  };
  const grade = word('grade') as HazardGrade | undefined;
  const source = word('source') as HazardSource | undefined;
  const deadlineCell = cell('deadline');
  const deadline = deadlineCell === undefined ? undefined : ledgerDeadline(deadlineCell);
  if (deadlineCell === undefined) refuse(invalid('input.required', 'deadline', 'deadline is required'));
  else if (deadline === undefined)
    refuse(invalid('input.malformed', 'deadline', 'deadline must be an ISO date-time (2030-12-31T16:00:00.000Z), a date and time, or a date'));
  const idCell = cell('hazardId');
  if (idCell !== undefined && !isHazardId(idCell)) refuse(invalid('input.malformed_id', 'hazardId', 'hazardId must be a UUID (隐患编号)'));
  const policyId = cell('policyId');
  if (refusals.length > 0) return { refusals };
  const report: HazardReport = {
    title: cell('title')!,
    description: cell('description')!,
    location: cell('location')!,
    industry: cell('industry')!,
    unitId,
    grade: grade!,
    source: source!,
    finder: cell('finder')!,
    deadline: deadline!,
    ...(campaignId !== undefined ? { campaignId } : {}),
  };
  const hazardId = idCell?.toLowerCase() ?? derivedHazardId(report, policyId);
  return { parsed: { row: row.row, hazardId, derivedId: idCell === undefined, report, ...(policyId !== undefined ? { policyId } : {}) }, refusals };
}

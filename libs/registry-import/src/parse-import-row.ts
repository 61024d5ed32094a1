import { invalid, type IndustryRecord, type PersonRecord, type RegionRecord, type UnitRecord } from '@duban/domain';
import type { SheetRow } from '@duban/spreadsheets';
import { booleanOf, listOf, valueOf, wordsOf, type Vocabulary } from './import-values';
import type { ImportKind } from './import-layouts';

/** The record a row of each kind reads as. */
export interface ImportRecords {
  region: RegionRecord;
  industry: IndustryRecord;
  unit: UnitRecord;
  person: PersonRecord;
}
export type ImportRecord = ImportRecords[ImportKind];

/** A value that would not read: the field it is in, and the refusal. */
export interface CellRefusal {
  field: string;
  rejection: ReturnType<typeof invalid>;
}

/**
 * Reads the cells of one row as a record of `kind`, in the exact shape the registry stores
 * (absent → null), so a repeated import compares equal and writes nothing. Enumerated words are
 * translated (企业 → enterprise); words that do not read are refused, each by its field. The
 * record's own rules (required, patterns, enterprise-only fields) are the domain's, checked after.
 */
export function parseImportRow<K extends ImportKind>(kind: K, row: SheetRow): { record: ImportRecords[K]; refusals: CellRefusal[] } {
  const refusals: CellRefusal[] = [];
  const text = (field: string) => row.cells[field] ?? null;
  const word = (field: string, vocabulary: Vocabulary): string | null => {
    const cell = row.cells[field];
    if (cell === undefined) return null;
    const value = valueOf(vocabulary, cell);
    if (value === undefined)
      refusals.push({ field, rejection: invalid('input.not_one_of', field, `${field} must be one of ${wordsOf(vocabulary)}`) });
    return value ?? cell;
  };
  const flag = (field: string): boolean | null => {
    const cell = row.cells[field];
    if (cell === undefined) return null;
    const value = booleanOf(cell);
    if (value === undefined) refusals.push({ field, rejection: invalid('input.not_boolean', field, `${field} must be 是/否 (yes/no)`) });
    return value ?? null;
  };
  const records: { [Kind in ImportKind]: () => ImportRecords[Kind] } = {
    region: () => ({
      id: text('id')!,
      name: text('name')!,
      level: word('level', 'level') as RegionRecord['level'],
      parentId: text('parentId'),
      code: text('code'),
    }),
    industry: () => ({ id: text('id')!, name: text('name')!, parentId: text('parentId') }),
    unit: () => {
      const unitKind = word('kind', 'kind') as UnitRecord['kind'];
      const enterprise = unitKind === 'enterprise';
      return {
        id: text('id')!,
        name: text('name')!,
        kind: unitKind,
        regionId: text('regionId')!,
        industryId: text('industryId'),
        // An enterprise with no sub-kind given is an ordinary one (一般企业), as the template says.
        enterpriseKind: (word('enterpriseKind', 'enterpriseKind') ?? (enterprise ? 'ordinary' : null)) as UnitRecord['enterpriseKind'],
        status: word('status', 'status') as UnitRecord['status'],
        licensed: flag('licensed'),
        creditCode: text('creditCode'),
      };
    },
    person: () => {
      const roles = listOf(row.cells.roles ?? '').map((role) => {
        const value = valueOf('roles', role);
        if (value === undefined)
          refusals.push({ field: 'roles', rejection: invalid('input.not_one_of', 'roles', `each role must be one of ${wordsOf('roles')}`) });
        return (value ?? role) as PersonRecord['roles'][number];
      });
      return { id: text('id')!, name: text('name')!, post: text('post')!, unitId: text('unitId')!, phone: text('phone'), roles };
    },
  };
  const record = records[kind]() as ImportRecords[K];
  return { record, refusals };
}

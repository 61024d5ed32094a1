import { columnLetter, type KeyedSheet } from '@duban/spreadsheets';
import type { ImportLayout } from './import-layouts';
import type { ProblemPlace } from './import-problem';

/** Where a field of a row stands in the file: the column as headed there, and its cell. */
export type PlaceOf = (row: number, field: string) => ProblemPlace;

export function sheetPlaces(sheet: string, layout: ImportLayout, keyed: KeyedSheet): PlaceOf {
  const indexOf = new Map<string, number>();
  keyed.match.fields.forEach((field, index) => field !== undefined && indexOf.set(field, index));
  return (row, field) => {
    const index = indexOf.get(field);
    const label = layout.columns.find((column) => column.field === field)?.label ?? field;
    if (index === undefined) return { sheet, row, column: label, field };
    return { sheet, row, column: keyed.headers[index] || label, field, cell: `${columnLetter(index)}${row}` };
  };
}

import { DomainRejection, REJECTION_CODES, type RejectionCode } from '@duban/domain';

/** The import's own problems with a file (its shape, not its records), each with its zh words. */
export const IMPORT_PROBLEM_CODES = {
  'import.file_type': '文件类型不支持, 请上传 .xlsx 或 .csv',
  'import.file_unreadable': '文件无法读取',
  'import.sheet_unknown': '工作表名称无法识别, 已跳过',
  'import.kind_unknown': '无法判断文件内容的类别',
  'import.header_missing': '缺少必需的列',
  'import.header_unknown': '无法识别的列, 已忽略',
  'import.header_repeated': '列重复, 已忽略',
  'import.nothing': '文件中没有可导入的数据',
  'import.write_failed': '写入失败, 未写入任何记录',
} as const;
export type ImportProblemCode = keyof typeof IMPORT_PROBLEM_CODES;

/**
 * One thing wrong with an import file, where a person finds it: the sheet, the 1-based row (the
 * header's row for a column problem; 0 for the file), the column as headed in the file, and why
 * in Chinese and English. `code` is a stable rejection code (rejection-codes.ts) or an import code.
 */
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  /** The layout's field (English), when the problem is about one. */
  field?: string;
  /** The cell, e.g. "C7", when row and column are known. */
  cell?: string;
  code: RejectionCode | ImportProblemCode;
  reason: { zh: string; en: string };
  /** A column problem that does not stop the import (an ignored column, a skipped sheet). */
  warning?: true;
}

export type ProblemPlace = Pick<ImportProblem, 'sheet' | 'row' | 'column' | 'field' | 'cell'>;

export function importProblem(place: ProblemPlace, code: ImportProblemCode, en: string, zhDetail?: string, warning = false): ImportProblem {
  const zh = zhDetail ? `${IMPORT_PROBLEM_CODES[code]}: ${zhDetail}` : IMPORT_PROBLEM_CODES[code];
  return { ...place, code, reason: { zh, en }, ...(warning ? { warning: true as const } : {}) };
}

/** A domain refusal of a row, in the zh words of its code; the value in the cell is named in both languages. */
export function rejectionProblem(place: ProblemPlace, rejection: DomainRejection, value?: string): ImportProblem {
  const shown = value === undefined || value === '' ? '' : ` (${JSON.stringify(value)})`;
  return { ...place, code: rejection.code, reason: { zh: `${REJECTION_CODES[rejection.code].zh}${shown}`, en: `${rejection.message}${shown}` } };
}

/** Rows first by sheet order, then row, then column: as a person reads the file. */
export function sortProblems(problems: ImportProblem[], sheetOrder: readonly string[]): ImportProblem[] {
  const sheetRank = (sheet: string) => {
    const rank = sheetOrder.indexOf(sheet);
    return rank < 0 ? sheetOrder.length : rank;
  };
  return [...problems].sort((a, b) => sheetRank(a.sheet) - sheetRank(b.sheet) || a.row - b.row || (a.cell ?? '').localeCompare(b.cell ?? ''));
}

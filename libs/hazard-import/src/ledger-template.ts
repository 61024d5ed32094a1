import type { Writable } from 'node:stream';
import { writeXlsx, type CellValue } from '@duban/spreadsheets';
import { LEDGER_COLUMNS, LEDGER_SHEET_NAME } from './ledger-layout';

/** The guide sheet of the template (填写说明). */
export const LEDGER_GUIDE_SHEET_NAME = '填写说明';

/** The example row; its deadline is set when the template is written (30 days on), so that it imports cleanly for an office. */
export const LEDGER_TEMPLATE_EXAMPLE: Readonly<Record<string, CellValue>> = {
  title: '3号仓库消防通道堵塞',
  description: '仓库东侧消防通道堆放货物, 宽度不足 1 米',
  location: '3号仓库东侧',
  industry: '工贸',
  unitId: 'unit-001',
  grade: '一般隐患',
  source: '检查发现',
  finder: '张三',
};

/** A date `days` after `now`, as a Beijing day (yyyy-mm-dd): the import reads it as that day's 24:00. */
const beijingDayAfter = (now: Date, days: number) => new Date(now.getTime() + (8 + days * 24) * 3600 * 1000).toISOString().slice(0, 10);

const GUIDE_COLUMNS = [
  { field: 'label', label: '列名 (header)', width: 16 },
  { field: 'field', label: '字段 (field)', width: 22 },
  { field: 'imported', label: '导入 (imported)', width: 16 },
  { field: 'required', label: '必填 (required)', width: 14 },
  { field: 'help', label: '填写说明 (how to fill in)', width: 90 },
];

/**
 * The hazard ledger import template (隐患台账导入模板): the export's own layout (隐患台账, the
 * same columns in the same order, so an exported ledger is a filled-in template), with an
 * example row unless `examples: false`, and a guide sheet listing every column.
 */
export async function writeLedgerTemplate(target: string | Writable, options: { examples?: boolean; now?: Date } = {}): Promise<void> {
  const example = { ...LEDGER_TEMPLATE_EXAMPLE, deadline: beijingDayAfter(options.now ?? new Date(), 30) };
  const guide = LEDGER_COLUMNS.map((column) => ({
    label: column.label,
    field: column.field,
    imported: column.imported ? '是 (yes)' : '否, 忽略 (no, ignored)',
    required: column.required ? '是 (yes)' : '否 (no)',
    help: column.help,
  }));
  await writeXlsx(target, [
    { name: LEDGER_SHEET_NAME, columns: LEDGER_COLUMNS, rows: options.examples === false ? [] : [example] },
    { name: LEDGER_GUIDE_SHEET_NAME, columns: GUIDE_COLUMNS, rows: guide },
  ]);
}

import type { Writable } from 'node:stream';
import { writeXlsx, type CellValue, type SheetToWrite } from '@duban/spreadsheets';
import { GUIDE_SHEET_NAME, IMPORT_KINDS, IMPORT_LAYOUTS, type ImportKind } from './import-layouts';

const CREDIT_CODE = '91330102MA2H3K4L5P';

/** One example per kind of row, consistent with each other, so the template itself imports cleanly (a spec checks it). */
export const TEMPLATE_EXAMPLES: Record<ImportKind, Array<Record<string, CellValue>>> = {
  region: [
    { id: '330000', name: '浙江省', level: '省', code: '330000' },
    { id: '330100', name: '杭州市', level: '市', parentId: '330000', code: '330100' },
    { id: '330102', name: '上城区', level: '县区', parentId: '330100', code: '330102' },
    { id: '330102001', name: '清波街道', level: '乡镇街道', parentId: '330102', code: '330102001' },
  ],
  industry: [
    { id: 'gmsm', name: '工矿商贸' },
    { id: 'whp', name: '危险化学品', parentId: 'gmsm' },
  ],
  unit: [
    { id: 'gov-330102', name: '上城区人民政府', kind: '政府', regionId: '330102' },
    { id: 'yjj-330102', name: '上城区应急管理局', kind: '部门', regionId: '330102' },
    {
      id: CREDIT_CODE,
      name: '杭州某化工有限公司',
      kind: '企业',
      regionId: '330102001',
      industryId: 'whp',
      enterpriseKind: '一般企业',
      status: '生产',
      licensed: '是',
      creditCode: CREDIT_CODE,
    },
  ],
  person: [
    { id: 'p-0001', name: '张三', post: '总经理', unitId: CREDIT_CODE, phone: '0571-88888888', roles: '主要负责人' },
    { id: 'p-0002', name: '李四', post: '安全主管', unitId: CREDIT_CODE, phone: '13800000000', roles: '分管领导、安全管理人员' },
  ],
};

const GUIDE_COLUMNS = [
  { field: 'sheet', label: '工作表 (sheet)', width: 18 },
  { field: 'label', label: '列名 (header)', width: 20 },
  { field: 'field', label: '字段 (field)', width: 16 },
  { field: 'required', label: '必填 (required)', width: 14 },
  { field: 'help', label: '填写说明 (how to fill in)', width: 90 },
];

/**
 * The registry import template (单位库导入模板): a sheet per kind (属地, 行业, 单位, 责任人) with
 * Chinese headers and example rows, and a guide sheet (填写说明) listing every column. Generated
 * from IMPORT_LAYOUTS, so it always says what the reader accepts.
 */
export async function writeImportTemplate(target: string | Writable, options: { examples?: boolean } = {}): Promise<void> {
  const sheets: SheetToWrite[] = IMPORT_KINDS.map((kind) => ({
    name: IMPORT_LAYOUTS[kind].sheetName,
    columns: IMPORT_LAYOUTS[kind].columns,
    rows: options.examples === false ? [] : TEMPLATE_EXAMPLES[kind],
  }));
  const guide = IMPORT_KINDS.flatMap((kind) =>
    IMPORT_LAYOUTS[kind].columns.map((column) => ({
      sheet: `${IMPORT_LAYOUTS[kind].sheetName} (${IMPORT_LAYOUTS[kind].englishName})`,
      label: column.label,
      field: column.field,
      required: column.required ? '是 (yes)' : '否 (no)',
      help: column.help,
    })),
  );
  await writeXlsx(target, [...sheets, { name: GUIDE_SHEET_NAME, columns: GUIDE_COLUMNS, rows: guide }]);
}

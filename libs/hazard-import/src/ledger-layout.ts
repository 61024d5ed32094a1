import type { SheetColumn } from '@duban/spreadsheets';

/** The ledger sheet's name: the export writes it first, the import reads it (or the first sheet). */
export const LEDGER_SHEET_NAME = '隐患台账';
export { EXPORT_INFO_SHEET_NAME } from '@duban/spreadsheets';

/** A column of the hazard ledger sheet; `imported` columns are read back by the import, the rest are the ledger's own (ignored on import). */
export interface LedgerColumn extends SheetColumn {
  width?: number;
  imported: boolean;
  required?: boolean;
  help: string;
}

/**
 * The hazard ledger's columns (隐患台账), one layout for the export, the template and the import:
 * the report's fields first (what an import creates a hazard from), then what the ledger tracks
 * since (status, overdue, listing …), which an import does not set: a new hazard starts afresh.
 */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  {
    field: 'hazardId',
    label: '隐患编号',
    width: 38,
    imported: true,
    help: 'UUID. 导出时写入; 再次导入同一编号不会重复登记. 留空: 按本行内容生成编号 (同一行只登记一次).',
  },
  { field: 'title', label: '隐患名称', width: 30, imported: true, required: true, help: '隐患的简短名称.' },
  { field: 'description', label: '隐患描述', width: 40, imported: true, required: true, help: '发现的情况.' },
  { field: 'location', label: '隐患部位', width: 20, imported: true, required: true, help: '发现的部位.' },
  { field: 'industry', label: '行业', imported: true, required: true, help: '如 建筑施工, 危险化学品, 道路运输.' },
  { field: 'unitId', label: '责任单位编号', width: 20, imported: true, required: true, help: '单位库中的单位编号.' },
  { field: 'grade', label: '隐患等级', imported: true, required: true, help: '一般隐患 | 重大隐患 (或 general | major).' },
  {
    field: 'source',
    label: '隐患来源',
    width: 16,
    imported: true,
    required: true,
    help: '检查发现 | 自查自报 | 明察暗访 | 举报核查 | 专项行动排查 (或 inspection, self_inspection, covert_inspection, tip_off, campaign).',
  },
  { field: 'finder', label: '发现人', imported: true, required: true, help: '排查并签字的人 (谁排查、谁签字).' },
  {
    field: 'deadline',
    label: '整改期限',
    width: 26,
    imported: true,
    required: true,
    help: 'ISO 8601 时刻 (2030-12-31T16:00:00.000Z), 或日期 (2030-12-31: 当日 24 时, 北京时间). 须在将来, 且不超出督办规则的最长期限.',
  },
  { field: 'campaignId', label: '专项行动编号', width: 20, imported: true, help: '在专项行动中发现时填写.' },
  { field: 'policyId', label: '督办规则', width: 16, imported: true, help: '督办规则编号; 留空: 默认规则.' },
  { field: 'status', label: '状态', width: 16, imported: false, help: '导出时写入; 导入时忽略 (新登记的隐患为 待制定整改方案).' },
  { field: 'overdue', label: '是否逾期', imported: false, help: '是 | 否. 导入时忽略.' },
  { field: 'listedForSupervision', label: '是否挂牌督办', imported: false, help: '是 | 否. 导入时忽略.' },
  { field: 'listingLevel', label: '挂牌级别', imported: false, help: '县级 | 市级 | 省级. 导入时忽略.' },
  { field: 'originalDeadline', label: '原整改期限', width: 26, imported: false, help: '延期前的期限. 导入时忽略.' },
  { field: 'extensionsGranted', label: '延期次数', imported: false, help: '导入时忽略.' },
  { field: 'lastEscalation', label: '最近督办措施', width: 16, imported: false, help: '提醒警示, 通报, 挂牌督办, 约谈 …; 导入时忽略.' },
  { field: 'reportedAt', label: '登记时间', width: 26, imported: false, help: '导入时忽略 (以导入时刻登记).' },
  { field: 'reportedBy', label: '登记人', width: 16, imported: false, help: '导入时忽略 (导入人即登记人).' },
  { field: 'signedOffAt', label: '销号时间', width: 26, imported: false, help: '导入时忽略.' },
];

/** The columns an import reads: the report's fields and the id. */
export const IMPORTED_COLUMNS = LEDGER_COLUMNS.filter((column) => column.imported);

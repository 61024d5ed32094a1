import type { SheetColumn } from '@duban/spreadsheets';

/** The record kinds a registry import file may carry, one sheet (or one CSV file) each, written in this order. */
export const IMPORT_KINDS = ['region', 'industry', 'unit', 'person'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A column of an import sheet: its header (Chinese label or English field), whether it must be filled, what goes in it. */
export interface ImportColumn extends SheetColumn {
  required: boolean;
  /** For the template's guide sheet (填写说明): zh, then English. */
  help: string;
}

/** One kind's sheet: the names it is recognised by and its columns, in template order. */
export interface ImportLayout {
  kind: ImportKind;
  /** The template's sheet name; a sheet is recognised by it or by `englishName` (spaces and case ignored). */
  sheetName: string;
  englishName: string;
  columns: ImportColumn[];
}

const column = (field: string, label: string, required: boolean, help: string): ImportColumn => ({ field, label, required, help });

const ID_HELP = '1–64 位字母、数字、. _ - ; 1–64 letters, digits, . _ -';

/**
 * The documented column layout (导入模板): the template (import-template.ts) is generated from it,
 * and the reader accepts each header as its Chinese label, its English field name, or both
 * ("单位名称 (name)"). Enumerated values may be given in Chinese or English.
 */
export const IMPORT_LAYOUTS: Record<ImportKind, ImportLayout> = {
  region: {
    kind: 'region',
    sheetName: '属地',
    englishName: 'regions',
    columns: [
      column('id', '属地编号', true, `${ID_HELP}; 宜用行政区划代码 (the official code where one exists)`),
      column('name', '属地名称', true, '如 某某县; e.g. 某某县'),
      column('level', '层级', true, '省 / 市 / 县区 / 乡镇街道; province / city / county / town'),
      column(
        'parentId',
        '上级属地编号',
        false,
        '省级留空, 其余必填 (本文件或单位库中的属地); empty for a province, else a region in this file or the registry',
      ),
      column('code', '行政区划代码', false, '县级及以上 6 位, 乡镇街道 9 或 12 位; 6 digits (county and above), 9 or 12 (town)'),
    ],
  },
  industry: {
    kind: 'industry',
    sheetName: '行业',
    englishName: 'industries',
    columns: [
      column('id', '行业编号', true, ID_HELP),
      column('name', '行业名称', true, '如 危险化学品; e.g. 危险化学品'),
      column('parentId', '上级行业编号', false, '如 工矿商贸 (可空); a grouping industry, optional'),
    ],
  },
  unit: {
    kind: 'unit',
    sheetName: '单位',
    englishName: 'units',
    columns: [
      column('id', '单位编号', true, `${ID_HELP}; 企业宜用统一社会信用代码 (credit code for enterprises where known)`),
      column('name', '单位名称', true, '全称; full name'),
      column('kind', '单位类别', true, '政府 / 部门 / 企业; government / department / enterprise'),
      column('regionId', '属地编号', true, '本文件或单位库中的属地; a region in this file or the registry'),
      column('industryId', '行业编号', false, '企业必填, 其余留空; required for enterprises, empty for the others'),
      column(
        'enterpriseKind',
        '企业类型',
        false,
        '一般企业 / 人员密集场所 / 在建工程 (企业留空即一般企业, 其余留空); ordinary / crowded_place / construction_project (enterprises only; empty = ordinary)',
      ),
      column(
        'status',
        '生产状态',
        false,
        '生产 / 停产 / 关闭 / 整改 / 无证 (企业必填); producing / suspended / closed / under_renovation / unlicensed (enterprises)',
      ),
      column('licensed', '是否有证', false, '是 / 否 (企业必填); yes / no (enterprises)'),
      column('creditCode', '统一社会信用代码', false, '18 位, 可空; 18 characters, optional'),
    ],
  },
  person: {
    kind: 'person',
    sheetName: '责任人',
    englishName: 'people',
    columns: [
      column('id', '人员编号', true, ID_HELP),
      column('name', '姓名', true, 'name'),
      column('post', '职务', true, '如 总经理; e.g. 总经理'),
      column('unitId', '所在单位编号', true, '本文件或单位库中的单位; a unit in this file or the registry'),
      column('phone', '联系电话', false, '可空; optional'),
      column(
        'roles',
        '责任角色',
        false,
        '主要负责人 / 分管领导 / 安全管理人员, 多个用 、或 ; 分隔; principal / leader_in_charge / safety_officer, several separated by 、 or ;',
      ),
    ],
  },
};

/** The template's guide sheet (填写说明): read by people, skipped by the import without a warning. */
export const GUIDE_SHEET_NAME = '填写说明';

const normaliseName = (text: string) => text.replace(/[\s\u3000()（）]+/g, '').toLowerCase();

/** The kind a sheet name stands for ("单位", "units", "单位 (units)", "单位units"), or undefined. */
export function layoutForSheet(name: string): ImportLayout | undefined {
  const key = normaliseName(name);
  return Object.values(IMPORT_LAYOUTS).find((layout) =>
    [layout.sheetName, layout.englishName, `${layout.sheetName}${layout.englishName}`].some((n) => normaliseName(n) === key),
  );
}

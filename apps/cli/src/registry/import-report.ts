import { IMPORT_KINDS, IMPORT_LAYOUTS, type RegistryImportResult } from '@duban/registry-import';
import { textTable } from '../display-width';

/** The faults of an import as a table a person works through in the file: sheet, row, column, cell, why (zh / en). */
export function problemTable(problems: RegistryImportResult['errors']): string {
  return textTable(
    ['工作表 sheet', '行 row', '列 column', '单元格 cell', '原因 reason'],
    problems.map((p) => [p.sheet, p.row === 0 ? '' : String(p.row), p.column, p.cell ?? '', `${p.reason.zh} / ${p.reason.en}`]),
  );
}

/** What was (or would be) written, per kind. */
export function countsTable(result: RegistryImportResult): string {
  const kinds = IMPORT_KINDS.filter((kind) => result.counts[kind].rows > 0);
  return textTable(
    ['类别 kind', '行数 rows', '新建 created', '修改 updated', '未变 unchanged'],
    kinds.map((kind) => {
      const c = result.counts[kind];
      const layout = IMPORT_LAYOUTS[kind];
      return [`${layout.sheetName} ${layout.englishName}`, String(c.rows), String(c.created), String(c.updated), String(c.unchanged)];
    }),
  );
}

/** The whole report: warnings, then either the faults or the counts, then one closing line. */
export function importReport(result: RegistryImportResult): string {
  const parts: string[] = [];
  if (result.warnings.length > 0) parts.push(`警告 warnings (${result.warnings.length}):\n${problemTable(result.warnings)}`);
  if (result.errors.length > 0) {
    parts.push(`错误 errors (${result.errors.length}):\n${problemTable(result.errors)}`);
    parts.push(`${result.errors.length} 处错误, 未写入任何记录 / ${result.errors.length} error(s): nothing was written.`);
  } else {
    parts.push(countsTable(result));
    parts.push(
      result.committed
        ? '已全部写入 (一个事务) / all rows written in one transaction.'
        : '试运行, 未写入 / dry run: nothing was written; run again without --dry-run to commit.',
    );
  }
  return `${parts.join('\n\n')}\n`;
}

import type { HazardImportCounts, HazardImportResult } from '@duban/hazard-import';
import { textTable } from '../display-width';
import { problemTable } from '../registry/import-report';

/** What was (or would be) started. */
export function hazardCountsTable(counts: HazardImportCounts): string {
  return textTable(
    ['行数 rows', '新建 created', '已存在 existing', '待登记 pending'],
    [[String(counts.rows), String(counts.created), String(counts.existing), String(counts.pending)]],
  );
}

/** The whole report: warnings, then either the faults or the counts, then one closing line. */
export function hazardImportReport(result: Pick<HazardImportResult, 'committed' | 'counts' | 'errors' | 'warnings' | 'dryRun'>): string {
  const parts: string[] = [];
  if (result.warnings.length > 0) parts.push(`警告 warnings (${result.warnings.length}):\n${problemTable(result.warnings)}`);
  if (result.errors.length > 0) {
    parts.push(`错误 errors (${result.errors.length}):\n${problemTable(result.errors)}`);
    parts.push(
      result.counts.created > 0 && !result.dryRun
        ? `${result.errors.length} 处错误; 已登记 ${result.counts.created} 条, 修正后重新导入同一文件即可补齐 / ${result.errors.length} error(s); ${result.counts.created} hazard(s) were started: import the same file again once fixed.`
        : `${result.errors.length} 处错误, 未登记任何隐患 / ${result.errors.length} error(s): no hazard was started.`,
    );
  } else {
    parts.push(hazardCountsTable(result.counts));
    parts.push(
      result.committed
        ? '已全部登记 / every new row’s hazard was started.'
        : '试运行, 未登记 / dry run: no hazard was started; run again without --dry-run to commit.',
    );
  }
  return `${parts.join('\n\n')}\n`;
}

import { ApiProperty } from '@nestjs/swagger';
import type { HazardImportCounts } from '@duban/hazard-import';
import type { ImportProblem } from '@duban/registry-import';
import { ImportProblemView } from '../../registry-import/views/registry-import-result.view';

export class HazardImportCountsView {
  @ApiProperty({ description: '行数 (rows) read from the ledger sheet.' })
  rows!: number;
  @ApiProperty({ description: '新建 (created): hazards started (in a dry run or a refused import: that would be started).' })
  created!: number;
  @ApiProperty({
    description:
      '已存在 (existing): rows whose 隐患编号 the ledger already holds; nothing is done for them, so the same file imported again creates nothing.',
  })
  existing!: number;
  @ApiProperty({ description: '待登记 (pending): started, but not yet in the ledger within the registration timeout; a worker registers them.' })
  pending!: number;
}

/** What a ledger import answers (导入结果): the errors, or the counts started. */
export class HazardImportResultView {
  @ApiProperty({ description: 'The uploaded file’s name.', example: '隐患台账.xlsx' })
  file!: string;
  @ApiProperty({ description: 'The format read.', enum: ['xlsx'], nullable: true, type: String })
  format!: 'xlsx' | null;
  @ApiProperty({ description: '试运行 (dry run): nothing was started.' })
  dryRun!: boolean;
  @ApiProperty({ description: '已导入 (committed): every new row’s hazard was started. False on a dry run or when any row is faulty.' })
  committed!: boolean;
  @ApiProperty({ type: () => HazardImportCountsView })
  counts!: HazardImportCounts;
  @ApiProperty({
    description:
      '错误 (errors): every fault found, in file order (sheet 隐患台账, row, column, cell, reason zh + en); any one means nothing was started.',
    type: () => [ImportProblemView],
  })
  errors!: ImportProblem[];
  @ApiProperty({ description: '警告 (warnings): columns ignored; the import went on.', type: () => [ImportProblemView] })
  warnings!: ImportProblem[];
}

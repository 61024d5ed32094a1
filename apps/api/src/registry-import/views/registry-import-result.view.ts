import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_KINDS, type ImportKindCounts, type ImportProblem } from '@duban/registry-import';

export class ImportReasonView {
  @ApiProperty({ description: '原因 (reason) in Chinese.', example: '引用的记录不在单位库中 ("R404")' })
  zh!: string;

  @ApiProperty({
    description: 'The reason in English.',
    example: 'regionId: region R404 is neither in this file nor current in the registry ("R404")',
  })
  en!: string;
}

/** One fault of the file, where a person finds it (错误明细). */
export class ImportProblemView {
  @ApiProperty({ description: '工作表 (sheet) as named in the file; a CSV file is one sheet, named as the file.', example: '单位' })
  sheet!: string;

  @ApiProperty({ description: '行 (row): 1-based, as Excel numbers it (the header is row 1); 0 for the file as a whole.', example: 5 })
  row!: number;

  @ApiProperty({
    description: '列 (column) as headed in the file (or the layout’s label when the column is missing); empty for the file.',
    example: '属地编号',
  })
  column!: string;

  @ApiPropertyOptional({ description: 'The layout’s field (English) the column holds.', example: 'regionId' })
  field?: string;

  @ApiPropertyOptional({ description: '单元格 (cell), e.g. `D5`.', example: 'D5' })
  cell?: string;

  @ApiProperty({
    description: 'Stable code: a rejection code (GET /problems) or an import code (`import.*`).',
    example: 'registry.reference.unknown',
  })
  code!: string;

  @ApiProperty({ type: () => ImportReasonView })
  reason!: ImportReasonView;

  @ApiPropertyOptional({ description: 'Present (`true`) on a warning: an ignored column or a skipped sheet.', enum: [true], type: Boolean })
  warning?: true;
}

export class ImportKindCountsView {
  @ApiProperty({ description: '行数 (rows) of this kind read from the file.' })
  rows!: number;

  @ApiProperty({ description: '新建 (created): new records (written, or in a dry run or a refused import: that would be written).' })
  created!: number;

  @ApiProperty({ description: '修改 (updated): records whose new version differs from the current one.' })
  updated!: number;

  @ApiProperty({ description: '未变 (unchanged): rows equal to the current record; no version is written.' })
  unchanged!: number;
}

export class ImportCountsView {
  @ApiProperty({ description: '属地 (regions).', type: () => ImportKindCountsView })
  region!: ImportKindCounts;

  @ApiProperty({ description: '行业 (industries).', type: () => ImportKindCountsView })
  industry!: ImportKindCounts;

  @ApiProperty({ description: '单位 (units).', type: () => ImportKindCountsView })
  unit!: ImportKindCounts;

  @ApiProperty({ description: '责任人 (people).', type: () => ImportKindCountsView })
  person!: ImportKindCounts;
}

/** What an import answers (导入结果): the errors, or the counts written. */
export class RegistryImportResultView {
  @ApiProperty({ description: 'The uploaded file’s name.', example: '单位库.xlsx' })
  file!: string;

  @ApiProperty({ description: 'The format read.', enum: ['xlsx', 'csv'], nullable: true, type: String })
  format!: 'xlsx' | 'csv' | null;

  @ApiProperty({ description: '试运行 (dry run): nothing was written.' })
  dryRun!: boolean;

  @ApiProperty({ description: '已写入 (committed): every row was written, in one transaction. False on a dry run or when any row is faulty.' })
  committed!: boolean;

  @ApiProperty({ description: `Per kind (${IMPORT_KINDS.join(', ')}).`, type: () => ImportCountsView })
  counts!: Record<(typeof IMPORT_KINDS)[number], ImportKindCounts>;

  @ApiProperty({
    description: '错误 (errors): every fault found, in file order; any one means nothing was written.',
    type: () => [ImportProblemView],
  })
  errors!: ImportProblem[];

  @ApiProperty({ description: '警告 (warnings): columns ignored, sheets skipped; the import went on.', type: () => [ImportProblemView] })
  warnings!: ImportProblem[];
}

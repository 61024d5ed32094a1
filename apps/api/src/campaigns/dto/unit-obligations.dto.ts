import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { HAZARD_GRADES, type HazardGrade, type RecordFindingArgs, type RecordInspectionArgs, type SubmitReportArgs, TEXT_LIMITS } from '@duban/domain';

/** 一日一报 / 周报 / 阶段材料 / 活动信息报送, or 零报告: from the unit itself. */
export class SubmitReportDto implements SubmitReportArgs {
  @ApiProperty({
    description: '任务编号 (obligation id), from GET /campaigns/:id/units/:unitId (`open`), e.g. `report:daily:2026-12-01`, `deliverable:self-inspection-report`.',
    example: 'report:daily:2026-12-01',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  obligationId!: string;

  @ApiProperty({ description: '零报告 (zero report): true when there is nothing to report (only where the template allows it).' })
  @IsBoolean()
  zero!: boolean;

  @ApiProperty({ description: '报送内容 (content); may be empty for a zero report.', maxLength: TEXT_LIMITS.longText, example: '今日排查在建项目 12 个, 发现一般隐患 3 处, 已整改 2 处' })
  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  content!: string;

  @ApiPropertyOptional({ description: '发现隐患数 (hazards found), ≥ 0.', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  hazardsFound?: number;

  @ApiPropertyOptional({ description: '已整改隐患数 (hazards rectified), ≥ 0.', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  hazardsRectified?: number;
}

/** 检查记录 (inspection): by an inspector, the office, or the unit for its own self-inspection. */
export class RecordInspectionDto implements RecordInspectionArgs {
  @ApiProperty({ description: '检查层级 (tier id) of the template, e.g. self-inspection 企业自查, county-inspection 县区检查.', example: 'county-inspection' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  tierId!: string;

  @ApiProperty({ description: '检查项 (check item ids of the template) covered.', type: [String], example: ['responsibility', 'hazard-ledger'] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  checkItemIds!: string[];

  @ApiProperty({ description: '检查情况 (note): what was checked and found — the inspector signs for it (谁检查、谁签字、谁负责).', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  note!: string;
}

/** 发现隐患 (finding): becomes a hazard in the hazard ledger (隐患台账), linked to the campaign and unit. */
export class RecordFindingDto implements RecordFindingArgs {
  @ApiProperty({ description: '隐患名称 (title).', maxLength: TEXT_LIMITS.title, example: '脚手架连墙件缺失' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  title!: string;

  @ApiProperty({ description: '隐患描述 (description).', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  description!: string;

  @ApiProperty({ description: '隐患部位 (location).', maxLength: TEXT_LIMITS.shortText, example: '3号楼外脚手架' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  location!: string;

  @ApiProperty({ description: '行业 (industry).', maxLength: TEXT_LIMITS.shortText, example: '建筑施工' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  industry!: string;

  @ApiProperty({ description: '隐患等级 (grade): general 一般隐患 | major 重大隐患.', enum: HAZARD_GRADES })
  @IsIn(HAZARD_GRADES)
  grade!: HazardGrade;

  @ApiProperty({ description: '发现人 (finder).', maxLength: TEXT_LIMITS.shortText, example: '王五' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  finder!: string;

  @ApiProperty({ description: '整改期限 (rectification deadline), ISO 8601 date-time, within the campaign\'s hazard policy.', format: 'date-time' })
  @IsISO8601({ strict: true })
  deadline!: string;
}

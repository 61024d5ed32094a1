import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { HAZARD_GRADES, HAZARD_SOURCES, TEXT_LIMITS, type HazardGrade, type HazardReport, type HazardSource } from '@duban/domain';
import { IsDubanId } from '../../http/is-duban-id.validator';

/** 隐患登记: what the finder records. The domain checks it again (deadline bounds, self-report rules) before any workflow starts. */
export class ReportHazardDto implements HazardReport {
  @ApiProperty({ description: '隐患名称 (title) — a short name for the hazard.', maxLength: TEXT_LIMITS.title, example: '3号隧道掌子面支护不到位' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  title!: string;

  @ApiProperty({ description: '隐患描述 (description) — what was found.', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  description!: string;

  @ApiProperty({ description: '隐患部位 (location) — where it was found.', maxLength: TEXT_LIMITS.shortText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  location!: string;

  @ApiProperty({ description: '行业 (industry), e.g. 建筑施工, 危险化学品, 道路运输.', maxLength: TEXT_LIMITS.shortText, example: '建筑施工' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  industry!: string;

  @ApiProperty({
    description: '责任单位 (responsible unit) id — the unit that must rectify (整改责任). A unit token may self-report (自查自报) only for its own unit.',
    example: 'unit-001',
  })
  @IsDubanId()
  unitId!: string;

  @ApiProperty({ description: '隐患等级 (grade): general 一般隐患 | major 重大隐患. Major hazards are listed for supervision (挂牌督办) at once under the standard policy.', enum: HAZARD_GRADES })
  @IsIn(HAZARD_GRADES)
  grade!: HazardGrade;

  @ApiProperty({
    description:
      '隐患来源 (source): inspection 检查发现 | self_inspection 自查自报 | covert_inspection 明察暗访 | tip_off 举报核查 | campaign 专项行动排查.',
    enum: HAZARD_SOURCES,
  })
  @IsIn(HAZARD_SOURCES)
  source!: HazardSource;

  @ApiProperty({ description: '发现人 (finder) — the person who found and signs for it (谁排查、谁签字).', maxLength: TEXT_LIMITS.shortText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  finder!: string;

  @ApiProperty({
    description: '整改期限 (rectification deadline, 限期整改), ISO 8601 date-time; in the future and within the policy\'s longest deadline.',
    format: 'date-time',
    example: '2026-12-31T16:00:00.000Z',
  })
  @IsISO8601({ strict: true })
  deadline!: string;

  @ApiPropertyOptional({ description: '专项行动 (campaign) id, when found during a campaign.' })
  @IsOptional()
  @IsDubanId()
  campaignId?: string;

  @ApiPropertyOptional({ description: '督办规则 (hazard policy) id; the office\'s default policy when absent. An unknown id is a 400 naming policyId.', example: 'standard-2026' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  policyId?: string;
}

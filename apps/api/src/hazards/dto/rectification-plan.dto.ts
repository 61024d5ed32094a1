import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { TEXT_LIMITS } from '@duban/domain';

/** 资金到位: funds committed and where they come from. */
export class PlanFundsDto {
  @ApiPropertyOptional({ description: '资金 (amount committed), CNY 元; ≥ 0.', example: 50000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amountYuan?: number;

  @ApiPropertyOptional({ description: '资金来源 (source of funds).', maxLength: TEXT_LIMITS.shortText, example: '企业安全生产费用' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.shortText)
  source?: string;
}

/**
 * 一患一档一策: the rectification plan (整改方案). Every item is optional here on purpose: a
 * plan missing items is refused by the domain's 五到位 check (责任、措施、资金、时限、预案到位),
 * which lists ALL missing items at once (400, `field: "plan"`, `details.missing`).
 */
export class RectificationPlanDto {
  @ApiPropertyOptional({ description: '责任到位 (responsibility): the named person answerable for the rectification (整改责任人).', maxLength: TEXT_LIMITS.shortText })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.shortText)
  responsiblePerson?: string;

  @ApiPropertyOptional({ description: '措施到位 (measures): what will be done.', maxLength: TEXT_LIMITS.longText })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  measures?: string;

  @ApiPropertyOptional({ description: '资金到位 (funds): amount and source.', type: () => PlanFundsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlanFundsDto)
  funds?: PlanFundsDto;

  @ApiPropertyOptional({
    description: '时限到位 (plan deadline), ISO 8601 date-time: in the future and not after the hazard\'s 整改期限 (rectification deadline).',
    format: 'date-time',
  })
  @IsOptional()
  @IsString()
  deadline?: string;

  @ApiPropertyOptional({ description: '预案到位 (contingency plan): interim emergency measures while the hazard exists (应急预案).', maxLength: TEXT_LIMITS.longText })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  contingencyPlan?: string;
}

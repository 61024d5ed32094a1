import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { type AddCampaignUnitArgs, type CampaignDecisionArgs, type ExtendCampaignPhaseArgs, TEXT_LIMITS, type TimeSpan, type TimeUnit } from '@duban/domain';
import { IsDubanId } from '../../http/is-duban-id.validator';
import { ScopeUnitDto } from './launch-campaign.dto';

const Reason = () =>
  applyDecorators(
    ApiProperty({ description: '事由 (reason): every decision on a campaign says why (谁决定、为什么).', maxLength: TEXT_LIMITS.longText, example: '春节假期, 暂停一日一报' }),
    IsString(),
    IsNotEmpty(),
    MaxLength(TEXT_LIMITS.longText),
  );

/** 暂停 / 恢复 / 结束 (pause, resume, close): the office's reason. */
export class CampaignDecisionDto implements CampaignDecisionArgs {
  @Reason()
  reason!: string;
}

export class TimeSpanDto implements TimeSpan {
  @ApiProperty({ description: 'Amount (数量), > 0; working days whole.', example: 7 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amount!: number;

  @ApiProperty({ description: 'Unit: hours 小时 | days 天 | workdays 工作日.', enum: ['hours', 'days', 'workdays'] })
  @IsIn(['hours', 'days', 'workdays'])
  unit!: TimeUnit;
}

/** 延长阶段 (extend a phase): every later phase and obligation moves with it. */
export class ExtendPhaseDto implements ExtendCampaignPhaseArgs {
  @ApiProperty({ description: '阶段编号 (phase id) of a phase that has not ended.', example: 'focused-rectification' })
  @IsDubanId()
  phaseId!: string;

  @ApiProperty({ description: '延长多久 (by how much).', type: () => TimeSpanDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TimeSpanDto)
  by!: TimeSpanDto;

  @Reason()
  reason!: string;
}

/** 增加单位 (add a unit mid-campaign): its obligations start from now. */
export class AddCampaignUnitDto implements AddCampaignUnitArgs {
  @ApiProperty({ description: '责任单位 (the unit), in one of the campaign\'s regions (and industries).', type: () => ScopeUnitDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeUnitDto)
  unit!: ScopeUnitDto;

  @Reason()
  reason!: string;
}

/** 移出单位 (remove a unit): the reason in the body or as `?reason=`. */
export class RemoveCampaignUnitDto {
  @ApiPropertyOptional({ description: '事由 (reason), here or as the `reason` query parameter.', maxLength: TEXT_LIMITS.longText })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  reason?: string;
}

export class RemoveCampaignUnitQuery extends RemoveCampaignUnitDto {}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { TEXT_LIMITS, type VerifyArgs } from '@duban/domain';

export const VERIFICATION_DECISIONS = ['accept', 'reject'] as const;

/** 验收 (verification) by the acceptance organiser: accept → 销号 (signed off); reject → back to 整改中. */
export class VerifyHazardDto implements VerifyArgs {
  @ApiProperty({ description: '验收结论 (decision): accept 验收通过 (sign off, 销号) | reject 验收不通过 (back to rectifying).', enum: VERIFICATION_DECISIONS })
  @IsIn(VERIFICATION_DECISIONS)
  decision!: (typeof VERIFICATION_DECISIONS)[number];

  @ApiProperty({ description: '验收意见 (comment); for a rejection, the reasons.', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  comment!: string;

  @ApiPropertyOptional({ description: '效果评价 (effect evaluation): required to accept a major hazard (重大隐患).', maxLength: TEXT_LIMITS.longText })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  effectEvaluation?: string;
}

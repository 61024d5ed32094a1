import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TEXT_LIMITS, type HazardCommand } from '@duban/domain';
import { AttachmentRefs } from './attachments';

/** 申请验收 (completion claimed): the unit says the rectification is done and shows evidence. */
export class ClaimCompletionDto implements Omit<Extract<HazardCommand, { type: 'claim_completion' }>, 'type' | 'actor'> {
  @ApiProperty({ description: '整改完成情况 (completion summary).', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  summary!: string;

  @AttachmentRefs('整改佐证 (rectification evidence)')
  attachments?: string[];
}

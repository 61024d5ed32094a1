import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type ClaimCompletionArgs, TEXT_LIMITS } from '@duban/domain';
import { AttachmentRefs } from './attachments';

/** 申请验收 (completion claimed): the unit says the rectification is done and shows evidence. */
export class ClaimCompletionDto implements ClaimCompletionArgs {
  @ApiProperty({ description: '整改完成情况 (completion summary).', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  summary!: string;

  @AttachmentRefs('整改佐证 (rectification evidence)')
  attachments?: string[];
}

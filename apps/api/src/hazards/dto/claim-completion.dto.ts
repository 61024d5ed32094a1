import { type ClaimCompletionArgs, TEXT_LIMITS } from '@duban/domain';
import { TextField } from '../../http/field-decorators';
import { AttachmentRefs } from './attachment-refs';

/** 申请验收 (completion claimed): the unit says the rectification is done and shows evidence. */
export class ClaimCompletionDto implements ClaimCompletionArgs {
  @TextField({ description: '整改完成情况 (completion summary).', max: TEXT_LIMITS.longText })
  summary!: string;

  @AttachmentRefs('整改佐证 (rectification evidence)')
  attachments?: string[];
}

import { type ReportProgressArgs, TEXT_LIMITS } from '@duban/domain';
import { NumberField, TextField } from '../../http/field-decorators';
import { AttachmentRefs } from './attachment-refs';

/** 整改进展 (progress report) by the responsible unit while rectifying. */
export class ReportProgressDto implements ReportProgressArgs {
  @TextField({ description: '进展情况 (progress text).', max: TEXT_LIMITS.longText })
  text!: string;

  @NumberField({ description: '完成比例 (percent complete), 0–100.', optional: true, min: 0, max: 100 })
  percentComplete?: number;

  @AttachmentRefs('进展佐证 (progress evidence)')
  attachments?: string[];
}

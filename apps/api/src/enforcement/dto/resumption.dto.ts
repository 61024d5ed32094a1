import {
  TEXT_LIMITS,
  type FileRectificationArgs,
  type RecordResumptionInspectionArgs,
  type RecordSupervisionCheckArgs,
  type SignResumptionArgs,
} from '@duban/domain';
import { BooleanField, DateTimeField, IdField, StringListField, TextField } from '../../http/field-decorators';
import { attachmentsDescription } from '../../evidence/attachments-description';

/** 整改报告: the suspended unit files its rectification (or the office records it). */
export class FileRectificationDto implements FileRectificationArgs {
  @TextField({ description: '整改情况 (what was rectified).', max: TEXT_LIMITS.longText })
  summary!: string;

  @StringListField({
    description: attachmentsDescription('附件 (attachments)'),
    max: TEXT_LIMITS.attachmentRef,
    maxItems: TEXT_LIMITS.attachments,
    optional: true,
  })
  attachments?: string[];
}

/** 复产验收: passed → signatures level by level; failed at the policy's limit → 关闭取缔 required. */
export class ResumptionInspectionDto implements RecordResumptionInspectionArgs {
  @BooleanField({ description: '验收结论 (passed): true 合格 | false 不合格.' })
  passed!: boolean;

  @TextField({ description: '验收意见 (findings).', max: TEXT_LIMITS.longText })
  findings!: string;

  @StringListField({ description: '验收人员 (inspectors), at least one.', max: TEXT_LIMITS.shortText, maxItems: 50, minItems: 1 })
  inspectors!: string[];
}

/** 层层签字: one level of the policy's chain signs, in order; a unit never signs its own resumption. */
export class SignResumptionDto implements SignResumptionArgs {
  @IdField({
    description: '签字层级 (level id) of the case policy’s chain, the next in order (e.g. town → county_department → county_government).',
    example: 'town',
  })
  levelId!: string;

  @TextField({ description: '签字人 (signer), by name and post.', max: TEXT_LIMITS.shortText })
  signer!: string;

  @TextField({ description: '签字意见 (opinion).', max: TEXT_LIMITS.longText })
  opinion!: string;
}

/** 停产期间监管: a check of the suspended unit; found producing records a new, serious violation. */
export class SupervisionCheckDto implements RecordSupervisionCheckArgs {
  @DateTimeField({ description: '检查时间 (checked at), ISO 8601; not in the future.' })
  checkedAt!: string;

  @BooleanField({ description: '是否擅自生产 (found producing while suspended).' })
  producing!: boolean;

  @TextField({ description: '检查情况 (findings).', max: TEXT_LIMITS.longText })
  findings!: string;
}

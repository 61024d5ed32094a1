import {
  RESPONSIBILITY_MEASURE_LABELS,
  RESPONSIBILITY_MEASURES,
  TEXT_LIMITS,
  type RecordEducationArgs,
  type RecordResponsibilityArgs,
  type ResponsibilityMeasure,
  type SubmitInvestigationReportArgs,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { DateTimeField, EnumField, IdField, StringListField, TextField } from '../../http/field-decorators';

/** 事故调查报告 by the team: gate 1 (原因未查清不放过) can then be closed. */
export class InvestigationReportDto implements SubmitInvestigationReportArgs {
  @TextField({ description: '报告摘要 (summary).', max: TEXT_LIMITS.longText })
  summary!: string;

  @TextField({ description: '事故原因 (causes, direct and indirect).', max: TEXT_LIMITS.longText })
  causes!: string;

  @StringListField({
    description: '附件 (attachments): references to stored files.',
    max: TEXT_LIMITS.attachmentRef,
    maxItems: TEXT_LIMITS.attachments,
    optional: true,
  })
  attachments?: string[];
}

/** 责任追究: one responsible person and the measure taken (gate 2, 责任人员未处理不放过). */
export class RecordResponsibilityDto implements RecordResponsibilityArgs {
  @TextField({ description: '责任人 (person).', max: TEXT_LIMITS.shortText })
  person!: string;

  @TextField({ description: '职务 (position).', max: TEXT_LIMITS.shortText })
  position!: string;

  @EnumField(RESPONSIBILITY_MEASURES, { description: `处理措施 (measure): ${describeEnum(RESPONSIBILITY_MEASURE_LABELS)}.` })
  measure!: ResponsibilityMeasure;

  @TextField({ description: '决定机关 (who decided it: 纪委监委, 应急管理局, 检察院 …).', max: TEXT_LIMITS.shortText })
  decidedBy!: string;

  @TextField({ description: '处理情况 (detail).', max: TEXT_LIMITS.longText })
  detail!: string;
}

/** 整改措施: a hazard of the hazard ledger (隐患台账) linked as a rectification measure (gate 3). The API reads its status. */
export class LinkRectificationHazardDto {
  @IdField({ description: '隐患编号 (hazard id) in the hazard ledger; unknown → 404.', example: '0b6f7a4e-3c1d-4f0a-9e55-5d2b8c71a9e3' })
  hazardId!: string;
}

/** 警示教育: a session held and who attended (gate 4, 有关人员未受到教育不放过). */
export class RecordEducationDto implements RecordEducationArgs {
  @DateTimeField({ description: '举办时间 (held at), ISO 8601; not in the future.' })
  heldAt!: string;

  @TextField({ description: '主题 (topic).', max: TEXT_LIMITS.shortText, example: '有限空间作业警示教育' })
  topic!: string;

  @StringListField({ description: '参加人员 (attendees), at least one.', max: TEXT_LIMITS.shortText, maxItems: 1000, minItems: 1 })
  attendees!: string[];
}

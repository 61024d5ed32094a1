import {
  FEEDBACK_RECIPIENTS,
  HAZARD_GRADES,
  TEXT_LIMITS,
  type AcknowledgeFeedbackArgs,
  type CompleteCovertInspectionArgs,
  type FeedbackRecipient,
  type FindingGrade,
  type IssueRectificationOrderArgs,
  type RecordCovertFindingArgs,
} from '@duban/domain';
import { EnumField, IdField, NestedField, StringListField, TextField } from '../../http/field-decorators';
import { TimeSpanDto } from '../../campaigns/dto/time-span.dto';

/** 暗访发现问题: at a sampled unit, by the team. */
export class RecordCovertFindingDto implements RecordCovertFindingArgs {
  @IdField({ description: '被查单位 (unit) id: one of the sample.' })
  unitId!: string;

  @TextField({ description: '问题描述 (what was found).', max: TEXT_LIMITS.longText })
  description!: string;

  @EnumField(HAZARD_GRADES, { description: '隐患等级 (grade): general 一般隐患 | major 重大隐患 (listed for supervision, 挂牌督办).' })
  grade!: FindingGrade;
}

/** What the caller says of an order; the two recipients are the registry's (feedback-recipients.ts), never the caller's. */
export type IssueRectificationOrderBody = Omit<IssueRectificationOrderArgs, 'countyGovernmentUnitId' | 'industryDepartmentUnitId'>;

/**
 * 现场整改指令: the findings at one unit and a time limit. The result is fed back to the unit's
 * 县区政府 (the government of its county in the registry) and 行业主管部门 (the registry's
 * competent department for its industry there), both looked up by the API, not sent.
 */
export class IssueRectificationOrderDto implements IssueRectificationOrderBody {
  @IdField({
    description:
      '被查单位 (unit) id. Its feedback goes to 县区政府 (the `government` unit of its county in the registry) and 行业主管部门 (the competent department, 主管部门, for its industry: the county’s, else the nearest region’s above; 直接监管 before 综合监管), both from the registry (单位库): a 422 naming `countyGovernmentUnitId` or `industryDepartmentUnitId` when the registry holds none.',
  })
  unitId!: string;

  @StringListField({ description: '问题 (finding) ids at that unit, not yet in an order.', max: 200, maxItems: 100, minItems: 1, ids: false })
  findingIds!: string[];

  @TextField({ description: '整改要求 (instruction).', max: TEXT_LIMITS.longText })
  instruction!: string;

  @NestedField(() => TimeSpanDto, { description: '限时整改 (time limit): at most the policy’s longest.' })
  timeLimit!: TimeSpanDto;
}

/** 反馈签收: by the recipient unit (or the office recording it). */
export class AcknowledgeFeedbackDto implements AcknowledgeFeedbackArgs {
  @TextField({ description: '整改指令 (order) id.', max: 200 })
  orderId!: string;

  @EnumField(FEEDBACK_RECIPIENTS, { description: '反馈对象 (recipient): county_government 县区政府 | industry_department 行业主管部门.' })
  recipient!: FeedbackRecipient;

  @TextField({ description: '签收人 (who acknowledged), by name.', max: TEXT_LIMITS.shortText })
  acknowledgedBy!: string;
}

/** 暗访结束: by the team's leader or the office, once every finding is in an order. */
export class CompleteCovertInspectionDto implements CompleteCovertInspectionArgs {
  @TextField({ description: '暗访小结 (summary).', max: TEXT_LIMITS.longText })
  summary!: string;
}

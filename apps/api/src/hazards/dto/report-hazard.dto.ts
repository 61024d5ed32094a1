import { HAZARD_GRADES, HAZARD_SOURCES, TEXT_LIMITS, type HazardGrade, type HazardReport, type HazardSource } from '@duban/domain';
import { DateTimeField, EnumField, IdField, TextField } from '../../http/field-decorators';

/** 隐患登记: what the finder records. The domain checks it again (deadline bounds, self-report rules) before any workflow starts. */
export class ReportHazardDto implements HazardReport {
  @TextField({ description: '隐患名称 (title) — a short name for the hazard.', max: TEXT_LIMITS.title, example: '3号隧道掌子面支护不到位' })
  title!: string;

  @TextField({ description: '隐患描述 (description) — what was found.', max: TEXT_LIMITS.longText })
  description!: string;

  @TextField({ description: '隐患部位 (location) — where it was found.', max: TEXT_LIMITS.shortText })
  location!: string;

  @TextField({ description: '行业 (industry), e.g. 建筑施工, 危险化学品, 道路运输.', max: TEXT_LIMITS.shortText, example: '建筑施工' })
  industry!: string;

  @IdField({
    description:
      '责任单位 (responsible unit) id — the unit that must rectify (整改责任). A unit token may self-report (自查自报) only for its own unit.',
    example: 'unit-001',
  })
  unitId!: string;

  @EnumField(HAZARD_GRADES, {
    description:
      '隐患等级 (grade): general 一般隐患 | major 重大隐患. Major hazards are listed for supervision (挂牌督办) at once under the standard policy.',
  })
  grade!: HazardGrade;

  @EnumField(HAZARD_SOURCES, {
    description:
      '隐患来源 (source): inspection 检查发现 | self_inspection 自查自报 | covert_inspection 明察暗访 | tip_off 举报核查 | campaign 专项行动排查.',
  })
  source!: HazardSource;

  @TextField({ description: '发现人 (finder) — the person who found and signs for it (谁排查、谁签字).', max: TEXT_LIMITS.shortText })
  finder!: string;

  @DateTimeField({
    description:
      "整改期限 (rectification deadline, 限期整改), ISO 8601 date-time; in the future (else `hazard.deadline.not_in_future`) and within the policy's longest deadline (`hazard.deadline.beyond_policy`).",
    example: '2030-12-31T16:00:00.000Z',
  })
  deadline!: string;

  @IdField({ description: '专项行动 (campaign) id, when found during a campaign.', optional: true })
  campaignId?: string;

  @TextField({
    description:
      "督办规则 (hazard policy) id; the office's default policy when absent. An unknown id is a 400 naming policyId (`hazard.policy.unknown`).",
    max: TEXT_LIMITS.shortText,
    optional: true,
    example: 'standard-2026',
  })
  policyId?: string;
}

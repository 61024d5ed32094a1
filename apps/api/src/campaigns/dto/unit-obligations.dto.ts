import {
  HAZARD_GRADES,
  TEXT_LIMITS,
  type HazardGrade,
  type RecordFindingArgs,
  type RecordInspectionArgs,
  type SubmitReportArgs,
} from '@duban/domain';
import { BooleanField, DateTimeField, EnumField, NumberField, StringListField, TextField } from '../../http/field-decorators';

/** 一日一报 / 周报 / 阶段材料 / 活动信息报送, or 零报告: from the unit itself. */
export class SubmitReportDto implements SubmitReportArgs {
  @TextField({
    description:
      '任务编号 (obligation id), from GET /campaigns/:id/units/:unitId (`open`), e.g. `report:daily:2026-12-01`, `deliverable:self-inspection-report`.',
    max: TEXT_LIMITS.shortText,
    example: 'report:daily:2026-12-01',
  })
  obligationId!: string;

  @BooleanField({ description: '零报告 (zero report): true when there is nothing to report (only where the template allows it).' })
  zero!: boolean;

  @TextField({
    description: '报送内容 (content); may be empty for a zero report only (else `campaign.report.content_required`).',
    max: TEXT_LIMITS.longText,
    allowBlank: true,
    example: '今日排查在建项目 12 个, 发现一般隐患 3 处, 已整改 2 处',
  })
  content!: string;

  @NumberField({ description: '发现隐患数 (hazards found), ≥ 0.', optional: true, integer: true, min: 0 })
  hazardsFound?: number;

  @NumberField({ description: '已整改隐患数 (hazards rectified), ≥ 0.', optional: true, integer: true, min: 0 })
  hazardsRectified?: number;
}

/** 检查记录 (inspection): by an inspector, the office, or the unit for its own self-inspection. */
export class RecordInspectionDto implements RecordInspectionArgs {
  @TextField({
    description: '检查层级 (tier id) of the template, e.g. self-inspection 企业自查, county-inspection 县区检查.',
    max: TEXT_LIMITS.shortText,
    example: 'county-inspection',
  })
  tierId!: string;

  @StringListField({
    description: '检查项 (check item ids of the template) covered.',
    max: TEXT_LIMITS.shortText,
    maxItems: 200,
    example: ['responsibility', 'hazard-ledger'],
  })
  checkItemIds!: string[];

  @TextField({
    description: '检查情况 (note): what was checked and found — the inspector signs for it (谁检查、谁签字、谁负责).',
    max: TEXT_LIMITS.longText,
  })
  note!: string;
}

/** 发现隐患 (finding): becomes a hazard in the hazard ledger (隐患台账), linked to the campaign and unit. */
export class RecordFindingDto implements RecordFindingArgs {
  @TextField({ description: '隐患名称 (title).', max: TEXT_LIMITS.title, example: '脚手架连墙件缺失' })
  title!: string;

  @TextField({ description: '隐患描述 (description).', max: TEXT_LIMITS.longText })
  description!: string;

  @TextField({ description: '隐患部位 (location).', max: TEXT_LIMITS.shortText, example: '3号楼外脚手架' })
  location!: string;

  @TextField({ description: '行业 (industry).', max: TEXT_LIMITS.shortText, example: '建筑施工' })
  industry!: string;

  @EnumField(HAZARD_GRADES, { description: '隐患等级 (grade): general 一般隐患 | major 重大隐患.' })
  grade!: HazardGrade;

  @TextField({ description: '发现人 (finder).', max: TEXT_LIMITS.shortText, example: '王五' })
  finder!: string;

  @DateTimeField({ description: "整改期限 (rectification deadline), ISO 8601 date-time, in the future and within the campaign's hazard policy." })
  deadline!: string;
}

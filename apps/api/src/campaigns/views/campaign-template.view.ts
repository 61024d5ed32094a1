import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  ESCALATION_INSTRUMENT_LABELS,
  ESCALATION_INSTRUMENTS,
  REPORT_CADENCE_LABELS,
  TARGET_METRIC_LABELS,
  TARGET_METRICS,
  type CampaignActivity,
  type CampaignEscalationStep,
  type CampaignKind,
  type CampaignPhase,
  type CampaignTarget,
  type CampaignTemplate,
  type EscalationInstrument,
  type InspectionTier,
  type PhaseDeliverable,
  type ReportRequirement,
  type TargetMetric,
  type TimeSpan,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { TimeSpanView } from '../../http/time-span.view';

export class PhaseDeliverableView implements PhaseDeliverable {
  @ApiProperty({ description: 'Deliverable id (材料编号), unique in the template.' }) id!: string;
  @ApiProperty({ description: '材料名称 (name), e.g. 自查报告 (self-inspection report).' }) name!: string;
  @ApiPropertyOptional({
    description: "Due this long after the phase starts (never after it ends); absent: at the phase's end.",
    type: () => TimeSpanView,
  })
  dueAfter?: TimeSpan;
}

/** 阶段 (phase), run in order: 动员部署 → 自查自纠 → 集中整治 → 总结验收. */
export class CampaignPhaseView implements CampaignPhase {
  @ApiProperty({ description: 'Phase id (阶段编号).' }) id!: string;
  @ApiProperty({ description: '阶段名称 (name).' }) name!: string;
  @ApiProperty({ description: '时长 (duration): positive hours, days or working days (工作日).', type: () => TimeSpanView }) duration!: TimeSpan;
  @ApiProperty({ description: '阶段材料 (deliverables each unit hands in during the phase).', type: () => [PhaseDeliverableView] })
  deliverables!: PhaseDeliverable[];
}

/** 定期报送 (recurring report): 一日一报 / 周报, due at a cut-off in China Standard Time. */
export class ReportRequirementView implements ReportRequirement {
  @ApiProperty({ description: 'Report id (报送编号); obligations are `report:<id>:<YYYY-MM-DD>`.' }) id!: string;
  @ApiProperty({ description: '名称 (name), e.g. 一日一报.' }) name!: string;
  @ApiProperty({ description: `频次 (cadence): ${describeEnum(REPORT_CADENCE_LABELS)}.`, enum: ['daily', 'weekly'] }) cadence!: 'daily' | 'weekly';
  @ApiProperty({ description: '截止时间 (cut-off), HH:MM China Standard Time.', example: '17:00' }) cutoff!: string;
  @ApiPropertyOptional({ description: 'Weekly reports: ISO weekday of the cut-off, 1 周一 … 7 周日.', minimum: 1, maximum: 7 }) weekday?: number;
  @ApiPropertyOptional({ description: 'Phases (阶段 ids) in which it is required; every phase when absent.', type: [String] }) phases?: string[];
  @ApiProperty({ description: '零报告 allowed: a unit with nothing to report still reports "nothing".' }) zeroReportAllowed!: boolean;
}

/** 目标 (target), e.g. one of 五个100%. */
export class CampaignTargetView implements CampaignTarget {
  @ApiProperty({ description: 'Target id.' }) id!: string;
  @ApiProperty({ description: '目标名称 (name).' }) name!: string;
  @ApiProperty({ description: `指标 (metric): ${describeEnum(TARGET_METRIC_LABELS)}.`, enum: TARGET_METRICS }) metric!: TargetMetric;
  @ApiProperty({ description: '达标线 (threshold), a rate 0..1 (1 = 100%).', minimum: 0, maximum: 1 }) threshold!: number;
}

export class CampaignCoverageRequirementView {
  @ApiProperty({ description: '所有县区全覆盖 (every region).' }) regions!: boolean;
  @ApiProperty({ description: '所有单位全覆盖 (every unit).' }) units!: boolean;
  @ApiProperty({ description: '所有行业全覆盖 (every industry).' }) industries!: boolean;
}

export class CheckItemView {
  @ApiProperty({ description: 'Check item id (检查项编号).' }) id!: string;
  @ApiProperty({ description: '检查内容 (what is checked).' }) text!: string;
}

/** 活动 (activity) on a fixed day, e.g. 6·16 宣传咨询日. */
export class CampaignActivityView implements CampaignActivity {
  @ApiProperty({ description: 'Activity id; its report obligation is `activity:<id>`.' }) id!: string;
  @ApiProperty({ description: '活动名称 (name).' }) name!: string;
  @ApiPropertyOptional({ description: 'Day after the start it takes place (0 = the first day); absent: any time.' }) onDay?: number;
  @ApiProperty({ description: '活动信息报送 required: units report that they held it.' }) reportRequired!: boolean;
}

/** 检查层级 (inspection tier); the tiers run at the same time (同步进行). */
export class InspectionTierView implements InspectionTier {
  @ApiProperty({ description: 'Tier id, e.g. self-inspection 企业自查.' }) id!: string;
  @ApiProperty({ description: '层级名称 (name).' }) name!: string;
}

/** One rung of the per-unit ladder for missed obligations (提醒 → 通报 → 约谈). */
export class CampaignEscalationStepView implements CampaignEscalationStep {
  @ApiProperty({ description: 'Rung id.' }) id!: string;
  @ApiProperty({ description: `督办手段 (instrument): ${describeEnum(ESCALATION_INSTRUMENT_LABELS)}.`, enum: ESCALATION_INSTRUMENTS })
  instrument!: EscalationInstrument;
  @ApiProperty({ description: "Applied when the unit's missed obligations (逾期未报) reach this count.", minimum: 1 }) afterMissed!: number;
}

/** 专项行动模板 (campaign template): phases, reports, targets, check items, ladder. Data, not code. */
export class CampaignTemplateView implements CampaignTemplate {
  @ApiProperty({ description: 'Template id (模板编号): 1–100 letters, digits, _ . : -.', example: 'hazard-sweep-2027' }) id!: string;
  @ApiProperty({ description: '模板名称 (name).' }) name!: string;
  @ApiProperty({ description: `类型 (kind): ${describeEnum(CAMPAIGN_KIND_LABELS)}.`, enum: CAMPAIGN_KINDS }) kind!: CampaignKind;
  @ApiProperty({ description: '说明 (description).' }) description!: string;
  @ApiProperty({ description: '依据 (source): the notice, speech or regulation the shape comes from — offices differ.' }) source!: string;
  @ApiProperty({ description: '阶段 (phases), in order; at least one.', type: () => [CampaignPhaseView] }) phases!: CampaignPhase[];
  @ApiProperty({ description: '定期报送 (recurring reports: 一日一报, 周报).', type: () => [ReportRequirementView] }) reports!: ReportRequirement[];
  @ApiProperty({ description: '目标 (targets).', type: () => [CampaignTargetView] }) targets!: CampaignTarget[];
  @ApiProperty({ description: '三个全覆盖 (coverage required).', type: () => CampaignCoverageRequirementView })
  coverage!: CampaignTemplate['coverage'];
  @ApiProperty({ description: '检查项 (check items, e.g. 19 for the construction sweep).', type: () => [CheckItemView] })
  checkItems!: CampaignTemplate['checkItems'];
  @ApiProperty({ description: '活动 (activities).', type: () => [CampaignActivityView] }) activities!: CampaignActivity[];
  @ApiProperty({ description: '检查层级 (inspection tiers, 同步进行).', type: () => [InspectionTierView] }) inspectionTiers!: InspectionTier[];
  @ApiProperty({ description: '督办升级阶梯 (ladder for missed obligations).', type: () => [CampaignEscalationStepView] })
  escalation!: CampaignEscalationStep[];
}

/** A template as offered: shipped with Duban (editable default) or posted by an office. */
export class CampaignTemplateEntryView {
  @ApiProperty({
    description: '来源 (origin): shipped 系统内置 (an editable default) | office 安委办自定义 (posted by an office).',
    enum: ['shipped', 'office'],
  })
  origin!: 'shipped' | 'office';

  @ApiProperty({ description: 'The template.', type: () => CampaignTemplateView })
  template!: CampaignTemplate;

  @ApiPropertyOptional({ description: 'Who posted it (person id, office templates only).' })
  createdBy?: string;

  @ApiPropertyOptional({ description: 'When it was posted (office templates only).', format: 'date-time' })
  createdAt?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import {
  COVERAGE_GAP_KINDS,
  COVERAGE_GAP_LABELS,
  TARGET_METRIC_LABELS,
  TARGET_METRICS,
  TERRITORIAL_INDUSTRY_ID,
  type CoverageCell,
  type CoverageGap,
  type CoverageGapKind,
  type CoverageMatrix,
  type TargetMetric,
  type UnitCounters,
  type UnitScoreRule,
  type CampaignAssessment,
  type UnitAssessment,
  type TargetProgress,
  UNIT_CAMPAIGN_STATUSES,
} from '@duban/domain';
import type { CampaignUnitStatus } from '@duban/persistence';
import { describeEnum } from '../../http/describe-enum';
import { UnitCountersView } from './unit-obligations.view';

export class CoverageCellView implements CoverageCell {
  @ApiProperty({ description: '属地 (region id).' }) regionId!: string;
  @ApiProperty({ description: `行业 (industry id); \`${TERRITORIAL_INDUSTRY_ID}\` for units without one (属地: governments, towns).` })
  industryId!: string;
  @ApiProperty({ description: '范围内单位 (units in scope in the cell).' }) unitsInScope!: number;
  @ApiProperty({ description: '已检查单位 (units inspected).' }) unitsInspected!: number;
  @ApiProperty({ description: '报送单位 (units reporting).' }) unitsReporting!: number;
}

export class CoverageGapView implements CoverageGap {
  @ApiProperty({ description: '属地 (region id).' }) regionId!: string;
  @ApiProperty({ description: '行业 (industry id).' }) industryId!: string;
  @ApiProperty({ description: `盲区类型 (kind): ${describeEnum(COVERAGE_GAP_LABELS)}.`, enum: COVERAGE_GAP_KINDS }) kind!: CoverageGapKind;
}

/** 三个全覆盖 (横到边、纵到底) and 监管盲区 over the campaign's regions × industries. */
export class CoverageMatrixView implements CoverageMatrix {
  @ApiProperty({ description: 'Region × industry cells (覆盖矩阵).', type: () => [CoverageCellView] }) cells!: CoverageCell[];
  @ApiProperty({ description: '监管盲区 (blind spots): cells with no unit, none inspected, or none reporting.', type: () => [CoverageGapView] })
  gaps!: CoverageGap[];
  @ApiProperty({ description: "所有县区全覆盖: regions with an inspected unit, of the scope's regions (0..1)." }) coveredRegionsRate!: number;
  @ApiProperty({ description: "所有行业全覆盖: industries with an inspected unit, of the scope's industries (0..1)." })
  coveredIndustriesRate!: number;
  @ApiProperty({ description: '所有单位全覆盖: units inspected, of the units in scope (0..1).' }) unitsInspectedRate!: number;
}

export class TargetProgressView implements TargetProgress {
  @ApiProperty({ description: 'Target id.' }) targetId!: string;
  @ApiProperty({ description: '目标名称 (name).' }) name!: string;
  @ApiProperty({ description: `指标 (metric): ${describeEnum(TARGET_METRIC_LABELS)}.`, enum: TARGET_METRICS }) metric!: TargetMetric;
  @ApiProperty({ description: '达标线 (threshold), 0..1.' }) threshold!: number;
  @ApiProperty({ description: '当前值 (current rate) = part / whole, 0..1; null while nothing is measurable yet.', type: Number, nullable: true })
  rate!: number | null;
  @ApiProperty({ description: 'Numerator (分子).' }) part!: number;
  @ApiProperty({ description: 'Denominator (分母).' }) whole!: number;
  @ApiProperty({ description: '是否达标 (met); null while nothing is measurable yet.', type: Boolean, nullable: true }) met!: boolean | null;
  @ApiProperty({ description: 'What part and whole count (口径).' }) basis!: string;
}

export class CampaignTargetsView {
  @ApiProperty({ description: 'When the rates were computed.', format: 'date-time' }) asOf!: string;
  @ApiProperty({ description: "Only this unit's rows counted (a unit token), else null: the whole campaign.", type: String, nullable: true })
  unitId!: string | null;
  @ApiProperty({ description: 'Each template target with its current rate.', type: () => [TargetProgressView] }) targets!: TargetProgress[];
}

export class CampaignCoverageView extends CoverageMatrixView {
  @ApiProperty({ description: "Only this unit's row counted (a unit token), else null: the whole campaign.", type: String, nullable: true }) unitId!:
    string | null;
}

export class UnitHazardTotalsView {
  @ApiProperty({ description: '发现隐患 (found).' }) found!: number;
  @ApiProperty({ description: '已销号 (signed off).' }) signedOff!: number;
  @ApiProperty({ description: '按期整改 (signed off by the deadline).' }) rectifiedOnTime!: number;
}

/** Every status a unit's row can hold: the workflow's, and pending before it records. */
const CAMPAIGN_UNIT_STATUSES = [...UNIT_CAMPAIGN_STATUSES, 'pending'];

export class UnitAssessmentView implements UnitAssessment {
  @ApiProperty({ description: '排名 (rank), 1 = best; equal scores share a rank.' }) rank!: number;
  @ApiProperty({ description: '单位编号 (unit id).' }) unitId!: string;
  @ApiProperty({ description: '单位名称 (name).' }) name!: string;
  @ApiProperty({ description: '属地 (region id).' }) regionId!: string;
  @ApiProperty({ description: '行业 (industry id), or null.', type: String, nullable: true }) industryId!: string | null;
  @ApiProperty({
    enum: CAMPAIGN_UNIT_STATUSES,
    description: 'Unit status in the campaign (active 进行中 | paused 已暂停 | closed 已结束).',
  })
  status!: CampaignUnitStatus;
  @ApiProperty({ description: '考核得分 (score), 0..100.' }) score!: number;
  @ApiProperty({ description: '按时报送率 (obligations met on time), 0..1.' }) reportsOnTimeRate!: number;
  @ApiProperty({ description: '隐患按期整改率 (hazards rectified on time), 0..1.' }) hazardsRectifiedOnTimeRate!: number;
  @ApiProperty({ description: '督办升级次数 (escalations).' }) escalations!: number;
  @ApiProperty({ description: '计数 (counters).', type: () => UnitCountersView }) counters!: UnitCounters;
  @ApiProperty({ description: '隐患 (hazards).', type: () => UnitHazardTotalsView }) hazards!: UnitAssessment['hazards'];
}

export class NotAssessedUnitView {
  @ApiProperty({ description: '单位编号 (unit id).' }) unitId!: string;
  @ApiProperty({ description: '单位名称 (name).' }) name!: string;
  @ApiProperty({ enum: CAMPAIGN_UNIT_STATUSES, description: 'pending 待纳入 | removed 已移出.' })
  status!: CampaignUnitStatus;
}

export class UnitScoreWeightsView {
  @ApiProperty({ description: '按时报送 weight.' }) reportsOnTime!: number;
  @ApiProperty({ description: '隐患按期整改 weight.' }) hazardsRectifiedOnTime!: number;
  @ApiProperty({ description: '督办升级 weight.' }) escalations!: number;
}

export class UnitScoreRuleView implements UnitScoreRule {
  @ApiProperty({ description: 'Rule id.' }) id!: string;
  @ApiProperty({ description: '考核规则名称 (name).' }) name!: string;
  @ApiProperty({ description: '依据 (source).' }) source!: string;
  @ApiProperty({ description: 'Weights (权重).', type: () => UnitScoreWeightsView }) weights!: UnitScoreRule['weights'];
  @ApiProperty({ description: 'Share of the escalation component lost per escalation.' }) escalationPenalty!: number;
}

export class CampaignTotalsView {
  @ApiProperty({ description: '参评单位 (units assessed).' }) unitsAssessed!: number;
  @ApiProperty({ description: '平均分 (mean score), or null.', type: Number, nullable: true }) averageScore!: number | null;
  @ApiProperty({ description: '最低分, or null.', type: Number, nullable: true }) lowestScore!: number | null;
  @ApiProperty({ description: '最高分, or null.', type: Number, nullable: true }) highestScore!: number | null;
  @ApiProperty({ description: '合计 (counters summed).', type: () => UnitCountersView }) counters!: UnitCounters;
  @ApiProperty({ description: '督办升级合计 (escalations).' }) escalations!: number;
  @ApiProperty({ description: '隐患合计 (hazards).', type: () => UnitHazardTotalsView }) hazards!: UnitAssessment['hazards'];
  @ApiProperty({ description: '按时报送率 over all units, or null when nothing came due.', type: Number, nullable: true }) onTimeRate!: number | null;
}

/** 考核 (assessment): per unit, ranked, with campaign totals. */
export class CampaignAssessmentView implements CampaignAssessment {
  @ApiProperty({ description: 'True once the campaign is closed (最终结果); before that a running tally.' }) final!: boolean;
  @ApiProperty({ description: '考核规则 (scoring rule).', type: () => UnitScoreRuleView }) rule!: UnitScoreRule;
  @ApiProperty({ description: 'Units best first (排名).', type: () => [UnitAssessmentView] }) units!: UnitAssessment[];
  @ApiProperty({ description: 'Not assessed: pending or removed.', type: () => [NotAssessedUnitView] })
  notAssessed!: CampaignAssessment['notAssessed'];
  @ApiProperty({ description: '合计 (campaign totals).', type: () => CampaignTotalsView }) totals!: CampaignAssessment['totals'];
}

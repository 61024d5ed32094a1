import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ESCALATION_INSTRUMENT_LABELS,
  ESCALATION_INSTRUMENTS,
  HAZARD_GRADE_LABELS,
  HAZARD_GRADES,
  HAZARD_SOURCE_LABELS,
  HAZARD_SOURCES,
  HAZARD_STATUS_LABELS,
  HAZARD_STATUSES,
  LISTING_LEVEL_LABELS,
  LISTING_LEVELS,
  type Actor,
  type EscalationInstrument,
  type EscalationRecord,
  type HazardGrade,
  type HazardListing,
  type HazardPolicy,
  type HazardReport,
  type HazardSource,
  type HazardState,
  type HazardStatus,
  type ListingLevel,
  type ListingTracker,
  type RectificationPlan,
} from '@duban/domain';
import { ActorView } from '../../http/actor.view';
import { describeEnum } from '../../http/describe-enum';
import { HazardPolicyView } from './hazard-policy.view';

export class HazardReportView implements HazardReport {
  @ApiProperty({ description: '隐患名称 (title).' }) title!: string;
  @ApiProperty({ description: '隐患描述 (description).' }) description!: string;
  @ApiProperty({ description: '隐患部位 (location).' }) location!: string;
  @ApiProperty({ description: '行业 (industry).' }) industry!: string;
  @ApiProperty({ description: '责任单位 (responsible unit) id.' }) unitId!: string;
  @ApiProperty({ description: `隐患等级 (grade): ${describeEnum(HAZARD_GRADE_LABELS)}.`, enum: HAZARD_GRADES }) grade!: HazardGrade;
  @ApiProperty({ description: `隐患来源 (source): ${describeEnum(HAZARD_SOURCE_LABELS)}.`, enum: HAZARD_SOURCES }) source!: HazardSource;
  @ApiProperty({ description: '发现人 (finder).' }) finder!: string;
  @ApiProperty({ description: '整改期限 (rectification deadline) set by the finder, ISO 8601.', format: 'date-time' }) deadline!: string;
  @ApiPropertyOptional({ description: '专项行动 (campaign) id.' }) campaignId?: string;
}

export class PlanFundsView {
  @ApiProperty({ description: '资金 (amount), CNY 元.' }) amountYuan!: number;
  @ApiProperty({ description: '资金来源 (source of funds).' }) source!: string;
}

/** 整改方案 that met 五到位 (责任、措施、资金、时限、预案到位). */
export class RectificationPlanView implements RectificationPlan {
  @ApiProperty({ description: '责任到位: responsible person 整改责任人.' }) responsiblePerson!: string;
  @ApiProperty({ description: '措施到位: measures 整改措施.' }) measures!: string;
  @ApiProperty({ description: '资金到位: funds 整改资金.', type: () => PlanFundsView }) funds!: PlanFundsView;
  @ApiProperty({ description: '时限到位: plan deadline 完成时限.', format: 'date-time' }) deadline!: string;
  @ApiProperty({ description: '预案到位: contingency plan 应急预案.' }) contingencyPlan!: string;
}

export class ExtensionRecordView {
  @ApiProperty({ description: 'Deadline before the extension 原整改期限.', format: 'date-time' }) previousDeadline!: string;
  @ApiProperty({ description: 'Deadline after the extension 延期后期限.', format: 'date-time' }) newDeadline!: string;
  @ApiProperty({ description: 'Who approved (安委办).', type: () => ActorView }) approvedBy!: Actor;
  @ApiProperty({ description: 'When 批准时间.', format: 'date-time' }) at!: string;
  @ApiProperty({ description: '审批意见 (reason).' }) reason!: string;
}

export class PendingExtensionView {
  @ApiProperty({ description: '申请的整改期限 (requested deadline).', format: 'date-time' }) requestedDeadline!: string;
  @ApiProperty({ description: '延期理由 (reason).' }) reason!: string;
  @ApiProperty({ description: 'Who asked 申请人.', type: () => ActorView }) requestedBy!: Actor;
  @ApiProperty({ description: 'When 申请时间.', format: 'date-time' }) at!: string;
}

export class ProgressView {
  @ApiProperty({ description: '进展情况 (progress text).' }) text!: string;
  @ApiPropertyOptional({ description: '完成比例 (percent complete).' }) percentComplete?: number;
  @ApiProperty({ description: 'When 报告时间.', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who reported.', type: () => ActorView }) by!: Actor;
}

export class ClaimView {
  @ApiProperty({ description: '整改完成情况 (completion summary).' }) summary!: string;
  @ApiProperty({ description: '整改佐证 (evidence references).', type: [String] }) attachments!: string[];
  @ApiProperty({ description: 'When 申请验收时间.', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who claimed.', type: () => ActorView }) by!: Actor;
}

export class RejectionView {
  @ApiProperty({ description: '验收不通过的理由 (reasons verification was rejected).' }) reasons!: string;
  @ApiProperty({ description: 'When.', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who verified (检查组/安委办).', type: () => ActorView }) by!: Actor;
}

export class EscalationRecordView implements EscalationRecord {
  @ApiProperty({ description: 'Ladder rung id.' }) stepId!: string;
  @ApiProperty({ description: `督办手段 (instrument): ${describeEnum(ESCALATION_INSTRUMENT_LABELS)}.`, enum: ESCALATION_INSTRUMENTS })
  instrument!: EscalationInstrument;
  @ApiProperty({ description: 'When it was applied.', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'The 整改期限 the rung was measured from.', format: 'date-time' }) deadline!: string;
  @ApiProperty({ description: 'Why (the rule and how late).' }) reason!: string;
}

export class MonitoringView {
  @ApiProperty({ description: 'Under monitoring (监控) since.', format: 'date-time' }) since!: string;
  @ApiProperty({ description: '监控措施 (measures).' }) measures!: string;
  @ApiProperty({ description: '监控责任人 (watch person).' }) watchPerson!: string;
  @ApiProperty({ description: 'Next 监控报告 (monitoring report) due.', format: 'date-time' }) nextReportDue!: string;
  @ApiProperty({ description: 'Reports received.' }) reportCount!: number;
  @ApiProperty({ description: 'Reports missed (缺报).' }) missedCount!: number;
}

export class SignedOffView {
  @ApiProperty({ description: '销号时间 (signed off at).', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who signed off (验收人).', type: () => ActorView }) by!: Actor;
  @ApiProperty({ description: '验收意见 (comment).' }) comment!: string;
  @ApiPropertyOptional({ description: '效果评价 (effect evaluation), for major hazards.' }) effectEvaluation?: string;
}

export class ListingTrackerView implements ListingTracker {
  @ApiProperty({ description: '跟踪督办责任人 (tracker).' }) name!: string;
  @ApiPropertyOptional({ description: '责任人 (person id in the registry).' }) personId?: string;
  @ApiPropertyOptional({ description: '督办责任单位 (the unit that tracks it).' }) unitId?: string;
}

export class ListingChangeView {
  @ApiProperty({ description: 'When.', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who (安委办).', type: () => ActorView }) by!: Actor;
  @ApiProperty({ description: '事由 (reason).' }) reason!: string;
}

/** 挂牌督办: which level listed the hazard, whose committee, who tracks it, and its 销号. */
export class HazardListingView implements HazardListing {
  @ApiProperty({ description: `挂牌级别 (listing level): ${describeEnum(LISTING_LEVEL_LABELS)}.`, enum: LISTING_LEVELS }) level!: ListingLevel;
  @ApiProperty({
    description: '挂牌单位: the region whose committee (安委会/安委办) listed it; null when the policy listed it.',
    type: String,
    nullable: true,
  })
  regionId!: string | null;
  @ApiProperty({ description: '跟踪督办责任人 (tracker); null until an office names one.', type: () => ListingTrackerView, nullable: true })
  tracker!: ListingTracker | null;
  @ApiProperty({ description: '挂牌时间 (listed at).', format: 'date-time' }) listedAt!: string;
  @ApiProperty({ description: 'Who listed it (an office, or the system on policy).', type: () => ActorView }) listedBy!: Actor;
  @ApiProperty({ description: '事由 (reason).' }) reason!: string;
  @ApiPropertyOptional({ description: 'The latest raise or change of tracker.', type: () => ListingChangeView }) lastChange?: ListingChangeView;
  @ApiPropertyOptional({ description: '挂牌销号 (the listing closed by its level).', type: () => ListingChangeView }) delisted?: ListingChangeView;
}

/** 一患一档: the authoritative state of one hazard, held by its workflow. */
export class HazardStateView implements HazardState {
  @ApiProperty({ description: 'Hazard id (隐患编号), a UUID.', format: 'uuid' }) hazardId!: string;
  @ApiProperty({ description: '隐患登记 (the report as admitted).', type: () => HazardReportView }) report!: HazardReport;
  @ApiProperty({ description: 'Who reported it.', type: () => ActorView }) reportedBy!: Actor;
  @ApiProperty({ description: '登记时间 (reported at).', format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ description: '督办规则 (policy) the hazard runs under.', type: () => HazardPolicyView }) policy!: HazardPolicy;
  @ApiProperty({ description: `状态 (status): ${describeEnum(HAZARD_STATUS_LABELS)}.`, enum: HAZARD_STATUSES }) status!: HazardStatus;
  @ApiProperty({ description: '当前整改期限 (current rectification deadline, after approved extensions).', format: 'date-time' }) deadline!: string;
  @ApiProperty({ description: '已批准延期次数 (extensions granted).' }) extensionsGranted!: number;
  @ApiProperty({ description: '延期记录 (extension history).', type: () => [ExtensionRecordView] }) extensionHistory!: ExtensionRecordView[];
  @ApiPropertyOptional({ description: '待审批的延期申请 (pending extension request).', type: () => PendingExtensionView })
  pendingExtension?: PendingExtensionView;
  @ApiPropertyOptional({ description: '整改方案 (rectification plan), once accepted.', type: () => RectificationPlanView }) plan?: RectificationPlan;
  @ApiProperty({ description: '整改进展报告次数 (progress reports received).' }) progressReportCount!: number;
  @ApiPropertyOptional({ description: '最近进展 (latest progress report).', type: () => ProgressView }) lastProgress?: ProgressView;
  @ApiPropertyOptional({ description: '申请验收 (completion claim).', type: () => ClaimView }) claim?: ClaimView;
  @ApiProperty({ description: '验收不通过次数 (verifications rejected).' }) rejectionCount!: number;
  @ApiPropertyOptional({ description: '最近一次验收不通过 (latest rejection).', type: () => RejectionView }) lastRejection?: RejectionView;
  @ApiProperty({ description: '督办升级记录 (escalations applied).', type: () => [EscalationRecordView] }) escalations!: EscalationRecord[];
  @ApiProperty({ description: '挂牌督办 (ever listed for supervision; stays true after the listing is closed).' }) listedForSupervision!: boolean;
  @ApiPropertyOptional({ description: '挂牌督办 (the listing by level), once listed.', type: () => HazardListingView }) listing?: HazardListing;
  @ApiProperty({ description: '逾期 (overdue).' }) overdue!: boolean;
  @ApiPropertyOptional({ description: '监控管理 (monitoring of a major hazard).', type: () => MonitoringView }) monitoring?: MonitoringView;
  @ApiPropertyOptional({ description: '销号 (sign-off).', type: () => SignedOffView }) signedOff?: SignedOffView;
  @ApiProperty({ description: 'Sequence number of the last event applied (事件序号).' }) lastSeq!: number;
}

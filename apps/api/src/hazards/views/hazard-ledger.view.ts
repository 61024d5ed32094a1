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
  ROLE_LABELS,
  type EscalationInstrument,
  type HazardGrade,
  type HazardSource,
  type HazardState,
  type HazardStatus,
  type ListingLevel,
  type Role,
} from '@duban/domain';
import type { HazardLedgerRow, HazardLedgerSummary } from '@duban/persistence';
import { describeEnum } from '../../http/describe-enum';
import { HazardStateView } from './hazard-state.view';

export class LedgerReporterView {
  @ApiProperty({ description: 'Person id.' }) id!: string;
  @ApiProperty({ description: 'Name 姓名.' }) name!: string;
  @ApiProperty({ description: `Role 角色: ${describeEnum(ROLE_LABELS)}.`, enum: Object.keys(ROLE_LABELS) }) role!: Role | 'system';
}

export class LedgerListingTrackerView {
  @ApiProperty({ description: '跟踪督办责任人 (tracker).' }) name!: string;
  @ApiProperty({ description: '督办责任单位 (the unit that tracks it), or null.', type: String, nullable: true }) unitId!: string | null;
}

/** One row of the hazard ledger (隐患台账), from PostgreSQL: what lists and dashboards show. */
export class HazardLedgerRowView implements HazardLedgerRow {
  @ApiProperty({ description: 'Hazard id (隐患编号).', format: 'uuid' }) hazardId!: string;
  @ApiProperty({ description: 'Temporal workflow id of the hazard (督办流程).' }) workflowId!: string;
  @ApiProperty({ description: '隐患名称 (title).' }) title!: string;
  @ApiProperty({ description: '隐患描述 (description).' }) description!: string;
  @ApiProperty({ description: '隐患部位 (location).' }) location!: string;
  @ApiProperty({ description: '行业 (industry).' }) industry!: string;
  @ApiProperty({ description: '责任单位 (responsible unit) id.' }) unitId!: string;
  @ApiProperty({ description: `隐患等级 (grade): ${describeEnum(HAZARD_GRADE_LABELS)}.`, enum: HAZARD_GRADES }) grade!: HazardGrade;
  @ApiProperty({ description: `隐患来源 (source): ${describeEnum(HAZARD_SOURCE_LABELS)}.`, enum: HAZARD_SOURCES }) source!: HazardSource;
  @ApiProperty({ description: '发现人 (finder).' }) finder!: string;
  @ApiProperty({ description: `状态 (status): ${describeEnum(HAZARD_STATUS_LABELS)}.`, enum: HAZARD_STATUSES }) status!: HazardStatus;
  @ApiProperty({ description: '当前整改期限 (current rectification deadline).', format: 'date-time' }) deadline!: string;
  @ApiProperty({ description: '原整改期限 (deadline the finder set; extensions never rewrite it).', format: 'date-time' }) originalDeadline!: string;
  @ApiProperty({ description: '登记时间 (reported at).', format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ description: 'Who reported it (登记人).', type: () => LedgerReporterView }) reportedBy!: LedgerReporterView;
  @ApiProperty({ description: '专项行动 (campaign) id, or null.', type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ description: '逾期 (overdue).' }) overdue!: boolean;
  @ApiProperty({ description: '挂牌督办 (listed for supervision).' }) listedForSupervision!: boolean;
  @ApiProperty({
    description: `挂牌级别 (listing level): ${describeEnum(LISTING_LEVEL_LABELS)}; null if never listed.`,
    enum: LISTING_LEVELS,
    nullable: true,
  })
  listingLevel!: ListingLevel | null;
  @ApiProperty({ description: '挂牌单位 (region whose committee listed it), or null.', type: String, nullable: true }) listingRegionId!:
    string | null;
  @ApiProperty({ description: '跟踪督办责任人 (tracker), or null.', type: () => LedgerListingTrackerView, nullable: true })
  listingTracker!: LedgerListingTrackerView | null;
  @ApiProperty({ description: '挂牌时间 (listed at), or null.', format: 'date-time', type: String, nullable: true }) listedAt!: string | null;
  @ApiProperty({ description: '挂牌销号时间 (listing closed at), or null.', format: 'date-time', type: String, nullable: true }) delistedAt!:
    string | null;
  @ApiProperty({ description: '监控管理中 (under monitoring).' }) underMonitoring!: boolean;
  @ApiProperty({ description: '已批准延期次数 (extensions granted).' }) extensionsGranted!: number;
  @ApiProperty({ description: '验收不通过次数 (verifications rejected).' }) rejectionCount!: number;
  @ApiProperty({
    description: `最近督办手段 (latest escalation instrument): ${describeEnum(ESCALATION_INSTRUMENT_LABELS)}; null if none.`,
    enum: ESCALATION_INSTRUMENTS,
    nullable: true,
  })
  lastEscalationInstrument!: EscalationInstrument | null;
  @ApiProperty({ description: '最近督办时间 (latest escalation at), or null.', format: 'date-time', type: String, nullable: true }) lastEscalatedAt!:
    string | null;
  @ApiProperty({ description: '销号时间 (signed off at), or null.', format: 'date-time', type: String, nullable: true }) signedOffAt!: string | null;
  @ApiProperty({ description: '督办规则 (policy) id.' }) policyId!: string;
  @ApiProperty({ description: 'Sequence number of the last event the row reflects.' }) version!: number;
  @ApiProperty({ description: 'When the row was last written.', format: 'date-time' }) updatedAt!: string;
}

export class HazardLedgerPageView {
  @ApiProperty({ description: 'Rows of this page, most urgent 整改期限 first.', type: () => [HazardLedgerRowView] })
  items!: HazardLedgerRow[];

  @ApiProperty({ description: 'Rows matching the filters in all (总数).' })
  total!: number;
}

/** GET /hazards/:id — the authoritative state and the ledger row. */
export class HazardDetailView {
  @ApiProperty({
    description: 'Authoritative state (一患一档), from the hazard workflow; the last ledger snapshot once the workflow is no longer on record.',
    type: () => HazardStateView,
  })
  state!: HazardState;

  @ApiProperty({
    description:
      'Where `state` came from: workflow (督办流程, live) | ledger (台账 snapshot) | events (某一时刻: folded from the events up to `asOf`).',
    enum: ['workflow', 'ledger', 'events'],
  })
  stateSource!: 'workflow' | 'ledger' | 'events';

  @ApiPropertyOptional({
    description: 'The ledger row (台账) in PostgreSQL; absent on an `asOf` read (the row is today’s).',
    type: () => HazardLedgerRowView,
  })
  ledger?: HazardLedgerRow;

  @ApiPropertyOptional({
    description: '某一时刻 (as of): the instant asked for with `?asOf=`, echoed; absent on a read of now.',
    format: 'date-time',
  })
  asOf?: string;
}

export class CountByStatusView implements Record<HazardStatus, number> {
  @ApiProperty({ description: '待制定整改方案 (awaiting plan).' }) awaiting_plan!: number;
  @ApiProperty({ description: '整改中 (rectifying).' }) rectifying!: number;
  @ApiProperty({ description: '待验收 (awaiting verification).' }) awaiting_verification!: number;
  @ApiProperty({ description: '已销号 (signed off).' }) signed_off!: number;
}

export class CountByGradeView implements Record<HazardGrade, number> {
  @ApiProperty({ description: '一般隐患 (general).' }) general!: number;
  @ApiProperty({ description: '重大隐患 (major).' }) major!: number;
}

export class CountByListingLevelView implements Record<ListingLevel, number> {
  @ApiProperty({ description: '县级挂牌督办 (listed by a county).' }) county!: number;
  @ApiProperty({ description: '市级挂牌督办 (listed by a city).' }) city!: number;
  @ApiProperty({ description: '省级挂牌督办 (listed by a province).' }) province!: number;
}

/** Dashboard counts (统计). */
export class HazardLedgerSummaryView implements HazardLedgerSummary {
  @ApiProperty({ description: '隐患总数 (total).' }) total!: number;
  @ApiProperty({ description: 'By status 按状态.', type: () => CountByStatusView }) byStatus!: CountByStatusView;
  @ApiProperty({ description: 'By grade 按等级.', type: () => CountByGradeView }) byGrade!: CountByGradeView;
  @ApiProperty({ description: '逾期 (flagged overdue, signed-off ones included).' }) overdue!: number;
  @ApiProperty({ description: '逾期未销号 (overdue and still open).' }) overdueOpen!: number;
  @ApiProperty({ description: '挂牌督办 (listed for supervision).' }) listedForSupervision!: number;
  @ApiProperty({ description: 'Listed hazards by listing level 按挂牌级别 (closed listings included).', type: () => CountByListingLevelView })
  byListingLevel!: CountByListingLevelView;
  @ApiProperty({ description: '挂牌销号 (listings closed by their level).' }) delisted!: number;
  @ApiProperty({ description: '监控管理中 (under monitoring).' }) underMonitoring!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUSES,
  ESCALATION_INSTRUMENT_LABELS,
  ESCALATION_INSTRUMENTS,
  UNIT_CAMPAIGN_STATUS_LABELS,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type Actor,
  type CampaignKind,
  type CampaignSchedule,
  type CampaignStatus,
  type EscalationInstrument,
  type Obligation,
  type PhaseExtensions,
  type PhaseWindow,
  type UnitCounters,
  type UnitKind,
} from '@duban/domain';
import type { CampaignHazardCounts, CampaignLedgerRow, CampaignUnitRow, CampaignUnitStatus, DailyReportStatus } from '@duban/persistence';
import type { CampaignView, UnitView } from '@duban/workflows';
import { ActorView } from '../../http/actor.view';
import { describeEnum } from '../../http/describe-enum';
import { CAMPAIGN_UNIT_STATUSES } from '../dto/list-campaign-units.query';
import { CampaignScheduleView, CampaignViewView, NamedRefView, PhaseWindowView } from './campaign-state.view';
import { ObligationView, UnitCountersView, UnitViewView } from './unit-obligations.view';

export class LaunchedByView {
  @ApiProperty({ description: 'Person id.' }) id!: string;
  @ApiProperty({ description: 'Name 姓名.' }) name!: string;
  @ApiProperty({ description: "Their account's region (属地), or null when it is bound by no territory.", type: String, nullable: true }) regionId!:
    string | null;
}

/** One campaign in the ledger (专项行动台账), from PostgreSQL. */
export class CampaignLedgerRowView implements CampaignLedgerRow {
  @ApiProperty({ description: '专项行动编号 (campaign id).' }) campaignId!: string;
  @ApiProperty({ description: 'Temporal workflow id of the campaign.' }) workflowId!: string;
  @ApiProperty({ description: '名称 (name).' }) name!: string;
  @ApiProperty({ description: `类型 (kind): ${describeEnum(CAMPAIGN_KIND_LABELS)}.`, enum: CAMPAIGN_KINDS }) kind!: CampaignKind;
  @ApiProperty({ description: '模板编号 (template id).' }) templateId!: string;
  @ApiProperty({ description: '地区 (regions in scope).', type: () => [NamedRefView] }) scopeRegions!: NamedRefView[];
  @ApiProperty({ description: '行业 (industries in scope).', type: () => [NamedRefView] }) scopeIndustries!: NamedRefView[];
  @ApiProperty({ description: '分管领导 (leader in charge).' }) leadLeader!: string;
  @ApiProperty({ description: '牵头部门 (lead department).' }) leadDepartment!: string;
  @ApiProperty({ description: '责任单位数 (units in the launch scope).' }) unitCount!: number;
  @ApiProperty({ description: '开始 (start).', format: 'date-time' }) startsAt!: string;
  @ApiProperty({ description: '结束 (end, after extensions).', format: 'date-time' }) endsAt!: string;
  @ApiProperty({ description: '日程 (schedule).', type: () => CampaignScheduleView }) schedule!: CampaignSchedule;
  @ApiProperty({ description: '延长阶段 (extensions by phase id).', type: 'object', additionalProperties: true }) phaseExtensions!: PhaseExtensions;
  @ApiProperty({ description: `状态 (status): ${describeEnum(CAMPAIGN_STATUS_LABELS)}.`, enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ description: 'Phase of the last recorded event, or null.', type: String, nullable: true }) currentPhaseId!: string | null;
  @ApiProperty({ description: "当前阶段 (that phase's window), or null.", type: () => PhaseWindowView, nullable: true })
  currentPhase!: PhaseWindow | null;
  @ApiProperty({ description: '发起人 (launched by).', type: () => LaunchedByView }) launchedBy!: LaunchedByView;
  @ApiProperty({ description: '发起时间 (launched at), or null until recorded.', type: String, format: 'date-time', nullable: true }) launchedAt!:
    string | null;
  @ApiProperty({ description: '结束时间 (closed at), or null.', type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ description: 'Sequence number of the last campaign event the row reflects.' }) version!: number;
  @ApiProperty({ description: 'When the row was last written.', format: 'date-time' }) updatedAt!: string;
}

export class CampaignLedgerPageView {
  @ApiProperty({ description: 'Campaigns of this page, newest start first.', type: () => [CampaignLedgerRowView] }) items!: CampaignLedgerRow[];
  @ApiProperty({ description: '总数 (total matching).' }) total!: number;
}

/** GET /campaigns/:id. */
export class CampaignDetailView {
  @ApiPropertyOptional({
    description: 'Authoritative view from the campaign workflow (campaignView query); absent once the workflow is no longer on record.',
    type: () => CampaignViewView,
  })
  view?: CampaignView;

  @ApiProperty({
    description:
      'Where `view` came from: workflow (live) | none (only the ledger row is left) | events (某一时刻: built from the state folded from the events up to `asOf`).',
    enum: ['workflow', 'none', 'events'],
  })
  viewSource!: 'workflow' | 'none' | 'events';

  @ApiPropertyOptional({
    description: 'The ledger row (专项行动台账); absent on an `asOf` read (the row is today’s).',
    type: () => CampaignLedgerRowView,
  })
  ledger?: CampaignLedgerRow;

  @ApiPropertyOptional({
    description: '某一时刻 (as of): the instant asked for with `?asOf=`, echoed; absent on a read of now.',
    format: 'date-time',
  })
  asOf?: string;
}

const UNIT_ROW_STATUS = `${describeEnum(UNIT_CAMPAIGN_STATUS_LABELS)} | pending 待纳入 (on the roster, its workflow not started yet)`;

/** One unit of a campaign (单位任务台账): roster entry plus the projection of its workflow. */
export class CampaignUnitRowView implements CampaignUnitRow {
  @ApiProperty({ description: '专项行动编号 (campaign id).' }) campaignId!: string;
  @ApiProperty({ description: '单位编号 (unit id).' }) unitId!: string;
  @ApiProperty({ description: 'Position in the roster.' }) rosterIndex!: number;
  @ApiProperty({ description: '单位名称 (name).' }) name!: string;
  @ApiProperty({ description: `单位类型 (kind): ${describeEnum(UNIT_KIND_LABELS)}.`, enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ description: '属地 (region id).' }) regionId!: string;
  @ApiProperty({ description: '行业 (industry id), or null.', type: String, nullable: true }) industryId!: string | null;
  @ApiProperty({ description: `状态 (status): ${UNIT_ROW_STATUS}.`, enum: CAMPAIGN_UNIT_STATUSES }) status!: CampaignUnitStatus;
  @ApiProperty({ description: '纳入时间 (enrolled at), or null while pending.', type: String, format: 'date-time', nullable: true }) enrolledAt!:
    string | null;
  @ApiProperty({ description: '计数 (counters).', type: () => UnitCountersView }) counters!: UnitCounters;
  @ApiProperty({ description: '督办升级次数 (escalations).' }) escalationCount!: number;
  @ApiProperty({
    description: `最近督办手段 (latest instrument): ${describeEnum(ESCALATION_INSTRUMENT_LABELS)}; null if none.`,
    enum: ESCALATION_INSTRUMENTS,
    nullable: true,
  })
  lastEscalationInstrument!: EscalationInstrument | null;
  @ApiProperty({ description: '最近督办时间, or null.', type: String, format: 'date-time', nullable: true }) lastEscalatedAt!: string | null;
  @ApiProperty({ description: 'Hazards its findings opened (隐患编号).', type: [String] }) hazardIds!: string[];
  @ApiProperty({ description: 'Sequence number of the last unit event the row reflects (0: roster only).' }) version!: number;
  @ApiProperty({ description: 'When the row was last written.', format: 'date-time' }) updatedAt!: string;
}

export class CampaignUnitPageView {
  @ApiProperty({ description: 'Units of this page, in roster order.', type: () => [CampaignUnitRowView] }) items!: CampaignUnitRow[];
  @ApiProperty({ description: '总数 (total matching).' }) total!: number;
}

/** GET /campaigns/:id/units/:unitId. */
export class CampaignUnitDetailView {
  @ApiPropertyOptional({
    description: "Authoritative view from the unit's workflow (unitView query); absent while pending or once no longer on record.",
    type: () => UnitViewView,
  })
  view?: UnitView;

  @ApiProperty({
    description: 'Where `view` came from: workflow (live) | none | events (某一时刻: built from the state folded from the events up to `asOf`).',
    enum: ['workflow', 'none', 'events'],
  })
  viewSource!: 'workflow' | 'none' | 'events';

  @ApiPropertyOptional({ description: "The unit's ledger row; absent on an `asOf` read (the row is today’s).", type: () => CampaignUnitRowView })
  ledger?: CampaignUnitRow;

  @ApiPropertyOptional({
    description: '某一时刻 (as of): the instant asked for with `?asOf=`, echoed; absent on a read of now.',
    format: 'date-time',
  })
  asOf?: string;
}

export class DailyReportReceivedView {
  @ApiProperty({ description: '单位编号 (unit id).' }) unitId!: string;
  @ApiProperty({ description: 'Obligation id, e.g. report:daily:2026-12-01.' }) obligationId!: string;
  @ApiProperty({ description: '按时 (on time).' }) onTime!: boolean;
  @ApiProperty({ description: '零报告 (zero report).' }) zero!: boolean;
  @ApiProperty({ description: '报送时间 (submitted at).', format: 'date-time' }) submittedAt!: string;
}

/** 一日一报、一日一汇总: one China Standard Time day's reports. */
export class DailyReportStatusView implements DailyReportStatus {
  @ApiProperty({ description: 'The day (日期), YYYY-MM-DD, China Standard Time.', example: '2026-12-01' }) date!: string;
  @ApiProperty({
    description: '当日应报 (report obligations due that day, with their cut-offs); none: nobody is missing.',
    type: () => [ObligationView],
  })
  due!: Obligation[];
  @ApiProperty({ description: '已报 (reports received that day).', type: () => [DailyReportReceivedView] }) received!: DailyReportReceivedView[];
  @ApiProperty({
    description: '未报 (active units enrolled before the day ended that sent none), in roster order; before a cut-off: not yet received.',
    type: [String],
  })
  missing!: string[];
}

/** The campaign's hazards in the hazard ledger (隐患台账). */
export class CampaignHazardCountsView implements CampaignHazardCounts {
  @ApiProperty({ description: '发现隐患 (found).' }) found!: number;
  @ApiProperty({ description: '已销号 (signed off).' }) signedOff!: number;
  @ApiProperty({ description: '按期销号 (signed off by the deadline).' }) signedOffOnTime!: number;
  @ApiProperty({ description: '未销号 (open: awaiting plan, rectifying or awaiting verification).' }) open!: number;
  @ApiProperty({ description: '整改中 (rectifying).' }) rectifying!: number;
  @ApiProperty({ description: '逾期 (flagged overdue, signed-off ones included).' }) overdue!: number;
  @ApiProperty({ description: '逾期未销号 (overdue and open).' }) overdueOpen!: number;
  @ApiProperty({ description: '挂牌督办 (listed for supervision).' }) listedForSupervision!: number;
}

/** GET /campaigns/:id/hazards: the counts, and whose (a unit token's own, or the whole campaign). */
export class CampaignHazardsView extends CampaignHazardCountsView {
  @ApiProperty({ description: "Only this unit's hazards counted (a unit token), else null: the whole campaign.", type: String, nullable: true })
  unitId!: string | null;
}

/** One entry of a campaign's audit trail (履职记录): the campaign's own (`unitId` null) or a unit's. */
export class CampaignEventRowView {
  @ApiProperty({ description: "单位编号 (unit id), null for the campaign's own events.", type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ description: 'Sequence number (within the campaign, or within the unit).' }) seq!: number;
  @ApiProperty({ description: 'Event type (see CampaignEventView / UnitEventView for the labels).' }) type!: string;
  @ApiProperty({ description: 'When (发生时间).', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who (责任人).', type: () => ActorView }) actor!: Actor;
  @ApiProperty({ description: 'Why (事由).' }) reason!: string;
  @ApiProperty({ description: 'Type-specific payload.', type: 'object', additionalProperties: true }) data!: object;
}

/** 督办升级 taken against a unit for missed obligations. */
export class CampaignEscalationRowView extends CampaignEventRowView {
  @ApiProperty({ description: '单位编号 (unit id).' }) override unitId!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ESCALATION_INSTRUMENT_LABELS,
  ESCALATION_INSTRUMENTS,
  OBLIGATION_KIND_LABELS,
  OBLIGATION_KINDS,
  UNIT_CAMPAIGN_STATUS_LABELS,
  UNIT_CAMPAIGN_STATUSES,
  UNIT_EVENT_LABELS,
  type Actor,
  type CampaignSchedule,
  type EscalationInstrument,
  type Obligation,
  type ObligationKind,
  type ScopeUnit,
  type UnitCampaignStatus,
  type UnitCounters,
  type UnitEscalationRecord,
  type UnitEvent,
  type UnitObligationsState,
} from '@duban/domain';
import type { UnitSummary, UnitUpdateResult, UnitView } from '@duban/workflows';
import { ActorView } from '../../http/actor.view';
import { describeEnum } from '../../http/describe-enum';
import { CampaignScheduleView, ScopeUnitView } from './campaign-state.view';

/** 任务 (obligation): what a unit owes by a time. */
export class ObligationView implements Obligation {
  @ApiProperty({ description: 'Obligation id (任务编号), e.g. `report:daily:2026-12-01`, `deliverable:self-inspection-report`.' }) id!: string;
  @ApiProperty({ description: `类型 (kind): ${describeEnum(OBLIGATION_KIND_LABELS)}.`, enum: OBLIGATION_KINDS }) kind!: ObligationKind;
  @ApiProperty({ description: 'The report, deliverable or activity id in the template.' }) refId!: string;
  @ApiProperty({ description: '名称 (name).' }) name!: string;
  @ApiPropertyOptional({ description: 'Phase it falls in (阶段).' }) phaseId?: string;
  @ApiProperty({ description: '截止时间 (due at).', format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: '零报告 allowed.' }) zeroReportAllowed!: boolean;
}

/** 考核 inputs: what the unit has done. */
export class UnitCountersView implements UnitCounters {
  @ApiProperty({ description: '应报 (obligations come due while active).' }) due!: number;
  @ApiProperty({ description: '按时报送 (met on time).' }) onTime!: number;
  @ApiProperty({ description: '迟报 (reported late).' }) late!: number;
  @ApiProperty({ description: '逾期未报 (missed).' }) missed!: number;
  @ApiProperty({ description: '零报告 (zero reports).' }) zeroReports!: number;
  @ApiProperty({ description: '检查次数 (inspections recorded).' }) inspections!: number;
  @ApiProperty({ description: '发现隐患 (findings recorded).' }) findings!: number;
}

export class UnitEscalationRecordView implements UnitEscalationRecord {
  @ApiProperty({ description: 'Ladder rung id.' }) stepId!: string;
  @ApiProperty({ description: `督办手段 (instrument): ${describeEnum(ESCALATION_INSTRUMENT_LABELS)}.`, enum: ESCALATION_INSTRUMENTS })
  instrument!: EscalationInstrument;
  @ApiProperty({ description: 'Missed obligations when applied.' }) missedCount!: number;
  @ApiProperty({ description: 'When (督办时间).', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Why (事由).' }) reason!: string;
}

export class SubmissionRecordView {
  @ApiProperty({ description: '报送时间 (submitted at).', format: 'date-time' }) at!: string;
  @ApiProperty({ description: '按时 (on time).' }) onTime!: boolean;
  @ApiProperty({ description: '零报告 (zero report).' }) zero!: boolean;
  @ApiProperty({ description: '报送人 (who).', type: () => ActorView }) by!: Actor;
}

/** One unit's file in one campaign (责任单位任务), held by its workflow. */
export class UnitObligationsStateView implements UnitObligationsState {
  @ApiProperty({ description: '专项行动编号 (campaign id).' }) campaignId!: string;
  @ApiProperty({ description: '责任单位 (unit).', type: () => ScopeUnitView }) unit!: ScopeUnit;
  @ApiProperty({ description: `状态 (status): ${describeEnum(UNIT_CAMPAIGN_STATUS_LABELS)}.`, enum: UNIT_CAMPAIGN_STATUSES })
  status!: UnitCampaignStatus;
  @ApiProperty({ description: "纳入时间 (enrolled at); obligations due before it are not the unit's.", format: 'date-time' }) enrolledAt!: string;
  @ApiProperty({ description: 'Obligations due up to here are settled (reported or missed).', format: 'date-time' }) settledUntil!: string;
  @ApiProperty({
    description: '已报送 (submissions) by obligation id: { at, onTime, zero, by }.',
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/SubmissionRecordView' },
  })
  submissions!: UnitObligationsState['submissions'];
  @ApiProperty({ description: 'Missed obligation ids still open for a late report (补报).', type: [String] }) missedOpen!: string[];
  @ApiProperty({ description: '计数 (counters).', type: () => UnitCountersView }) counters!: UnitCounters;
  @ApiProperty({ description: '督办升级 (escalations taken).', type: () => [UnitEscalationRecordView] }) escalations!: UnitEscalationRecord[];
  @ApiProperty({ description: 'Hazards its findings opened (隐患编号).', type: [String] }) hazardIds!: string[];
  @ApiProperty({ description: "Sequence number of the unit's last event." }) lastSeq!: number;
}

/** The unit's file as its workflow sees it now: state, open obligations, next due. */
export class UnitViewView implements UnitView {
  @ApiProperty({ description: 'State (状态).', type: () => UnitObligationsStateView }) state!: UnitObligationsState;
  @ApiProperty({ description: "日程 (the campaign's schedule).", type: () => CampaignScheduleView }) schedule!: CampaignSchedule;
  @ApiProperty({
    description: '待报任务 (obligations due or due within a day, not yet reported; missed ones included).',
    type: () => [ObligationView],
  })
  open!: Obligation[];
  @ApiPropertyOptional({ description: '下一项 (next obligation due).', type: () => ObligationView }) nextDue?: Obligation;
}

/** One unit event (reported, missed, escalated, inspected …). */
export class UnitEventView {
  @ApiProperty({ description: '专项行动编号 (campaign id).' }) campaignId!: string;
  @ApiProperty({ description: '单位编号 (unit id).' }) unitId!: string;
  @ApiProperty({ description: 'Sequence number within the unit (事件序号).' }) seq!: number;
  @ApiProperty({ description: `Event type 事件类型: ${describeEnum(UNIT_EVENT_LABELS)}.`, enum: Object.keys(UNIT_EVENT_LABELS) })
  type!: UnitEvent['type'];
  @ApiProperty({ description: 'When (发生时间).', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who (责任人).', type: () => ActorView }) actor!: Actor;
  @ApiProperty({ description: 'Why (事由).' }) reason!: string;
  @ApiProperty({ description: 'Type-specific payload.', type: 'object', additionalProperties: true }) data!: object;
}

/** The unit's standing after an action: counters and status, not the whole file (GET …/units/:unitId has that). */
export class UnitSummaryStateView {
  @ApiProperty({ description: '专项行动编号 (campaign id).' }) campaignId!: string;
  @ApiProperty({ description: '责任单位 (unit).', type: () => ScopeUnitView }) unit!: ScopeUnit;
  @ApiProperty({ description: `状态 (status): ${describeEnum(UNIT_CAMPAIGN_STATUS_LABELS)}.`, enum: UNIT_CAMPAIGN_STATUSES })
  status!: UnitCampaignStatus;
  @ApiProperty({ description: '计数 (counters).', type: () => UnitCountersView }) counters!: UnitCounters;
  @ApiProperty({ description: 'Missed obligation ids still open for a late report (补报).', type: [String] }) missedOpen!: string[];
  @ApiProperty({ description: "Sequence number of the unit's last event." }) lastSeq!: number;
  @ApiProperty({ description: '督办升级次数 (escalations received).' }) escalationCount!: number;
}

export class UnitSummaryView implements UnitSummary {
  @ApiProperty({ description: 'Standing (状态).', type: () => UnitSummaryStateView }) state!: UnitSummary['state'];
  @ApiPropertyOptional({ description: '下一项 (next obligation due within a day).', type: () => ObligationView }) nextDue?: Obligation;
}

/** What a report or an inspection answers. */
export class UnitUpdateResultView implements UnitUpdateResult {
  @ApiProperty({ description: 'Events recorded (本次记录的事件).', type: () => [UnitEventView] }) events!: UnitEvent[];
  @ApiProperty({ description: "The unit's standing after it.", type: () => UnitSummaryView }) view!: UnitSummary;
}

/** What a finding answers: the hazard it opened in the hazard ledger (隐患台账). */
export class FindingResultView extends UnitUpdateResultView {
  @ApiProperty({ description: '隐患编号 (the hazard opened), a UUID: follow it at GET /hazards/:id.', format: 'uuid' }) hazardId!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CAMPAIGN_EVENT_LABELS,
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUSES,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type Actor,
  type CampaignEvent,
  type CampaignSchedule,
  type CampaignState,
  type CampaignStatus,
  type CampaignTemplate,
  type PhaseExtensions,
  type PhaseWindow,
  type ScopeUnit,
  type UnitKind,
} from '@duban/domain';
import type { CampaignUpdateResult, CampaignView } from '@duban/workflows';
import { ActorView } from '../../http/actor.view';
import { describeEnum } from '../../http/describe-enum';
import { CampaignTemplateView } from './campaign-template.view';

export class NamedRefView {
  @ApiProperty({ description: 'Id (编号).' }) id!: string;
  @ApiProperty({ description: 'Name (名称).' }) name!: string;
}

/** 责任单位 (responsible unit) in a campaign's scope. */
export class ScopeUnitView implements ScopeUnit {
  @ApiProperty({ description: '单位编号 (unit id).' }) unitId!: string;
  @ApiProperty({ description: '单位名称 (name).' }) name!: string;
  @ApiProperty({ description: `单位类型 (kind): ${describeEnum(UNIT_KIND_LABELS)}.`, enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ description: "属地 (region id), one of the scope's regions." }) regionId!: string;
  @ApiPropertyOptional({ description: "行业 (industry id), one of the scope's industries; absent for 属地 units (governments, towns)." })
  industryId?: string;
}

export class CampaignScopeSummaryView {
  @ApiProperty({ description: '地区 (regions) in scope.', type: () => [NamedRefView] }) regions!: NamedRefView[];
  @ApiProperty({ description: '行业 (industries) in scope.', type: () => [NamedRefView] }) industries!: NamedRefView[];
  @ApiProperty({ description: '分管领导 (leader in charge).' }) leadLeader!: string;
  @ApiProperty({ description: '牵头部门 (lead department).' }) leadDepartment!: string;
  @ApiProperty({ description: 'Units in the launch scope (责任单位数).' }) unitCount!: number;
}

/** When a phase runs, after any extensions (延长阶段). */
export class PhaseWindowView implements PhaseWindow {
  @ApiProperty({ description: 'Phase id (阶段编号).' }) phaseId!: string;
  @ApiProperty({ description: '阶段名称 (name).' }) name!: string;
  @ApiProperty({ description: 'Starts (开始).', format: 'date-time' }) startsAt!: string;
  @ApiProperty({ description: 'Ends (结束), exclusive.', format: 'date-time' }) endsAt!: string;
}

export class CampaignScheduleView implements CampaignSchedule {
  @ApiProperty({ description: '开始时间 (start).', format: 'date-time' }) startsAt!: string;
  @ApiProperty({ description: '结束时间 (end, after extensions).', format: 'date-time' }) endsAt!: string;
  @ApiProperty({ description: '阶段安排 (phases in order).', type: () => [PhaseWindowView] }) phases!: PhaseWindow[];
}

/** The campaign workflow's own state (the unit roster lives in the ledger and the units' workflows). */
export class CampaignStateView implements CampaignState {
  @ApiProperty({ description: '专项行动编号 (campaign id).' }) campaignId!: string;
  @ApiProperty({ description: '专项行动名称 (name).' }) name!: string;
  @ApiProperty({ description: 'The template copy the campaign runs (later template edits never change it).', type: () => CampaignTemplateView })
  template!: CampaignTemplate;
  @ApiProperty({ description: '范围 (scope) without the roster.', type: () => CampaignScopeSummaryView }) scope!: CampaignState['scope'];
  @ApiProperty({ description: '开始时间 (start of the first phase).', format: 'date-time' }) startsAt!: string;
  @ApiProperty({ description: '发起人 (who launched it).', type: () => ActorView }) launchedBy!: Actor;
  @ApiProperty({ description: `状态 (status): ${describeEnum(CAMPAIGN_STATUS_LABELS)}.`, enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({
    description: '延长阶段 (phase extensions granted), by phase id, in order granted: { [phaseId]: [{ amount, unit }] }.',
    type: 'object',
    additionalProperties: true,
  })
  phaseExtensions!: PhaseExtensions;
  @ApiProperty({ description: 'Units of the launch roster whose obligations workflows have started.' }) launchCursor!: number;
  @ApiProperty({ description: '增加的单位 (units added after launch).', type: () => [ScopeUnitView] }) addedUnits!: ScopeUnit[];
  @ApiProperty({ description: '移出的单位 (unit ids removed).', type: [String] }) removedUnitIds!: string[];
  @ApiPropertyOptional({ description: '结束时间 (closed at).', format: 'date-time' }) closedAt?: string;
  @ApiProperty({ description: 'Sequence number of the last campaign event (事件序号).' }) lastSeq!: number;
}

/** The campaign as its workflow sees it now (authoritative). */
export class CampaignViewView implements CampaignView {
  @ApiProperty({ description: 'State (状态).', type: () => CampaignStateView }) state!: CampaignState;
  @ApiProperty({ description: '日程 (schedule after extensions).', type: () => CampaignScheduleView }) schedule!: CampaignSchedule;
  @ApiPropertyOptional({ description: '当前阶段 (phase running now); absent before the start and after the end.', type: () => PhaseWindowView })
  currentPhase?: PhaseWindow;
  @ApiProperty({ description: 'Units whose obligations workflows have started (launched + added).' }) unitsLaunched!: number;
}

/** One campaign-level event (the office's decisions, phase starts …). */
export class CampaignEventView {
  @ApiProperty({ description: '专项行动编号 (campaign id).' }) campaignId!: string;
  @ApiProperty({ description: 'Sequence number within the campaign (事件序号).' }) seq!: number;
  @ApiProperty({ description: `Event type 事件类型: ${describeEnum(CAMPAIGN_EVENT_LABELS)}.`, enum: Object.keys(CAMPAIGN_EVENT_LABELS) })
  type!: CampaignEvent['type'];
  @ApiProperty({ description: 'When (发生时间).', format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who (责任人).', type: () => ActorView }) actor!: Actor;
  @ApiProperty({ description: 'Why (事由).' }) reason!: string;
  @ApiProperty({ description: 'Type-specific payload as the domain defines it.', type: 'object', additionalProperties: true }) data!: object;
}

/** What an office decision answers: the events it recorded and the campaign after them. */
export class CampaignUpdateResultView implements Omit<CampaignUpdateResult, 'events'> {
  @ApiProperty({ description: 'Events recorded (本次记录的事件).', type: () => [CampaignEventView] }) events!: CampaignEvent[];
  @ApiProperty({ description: 'The campaign after the decision.', type: () => CampaignViewView }) view!: CampaignView;
}

/** What `POST /campaigns` answers (201) once the campaign and its roster are in the ledger. */
export class LaunchCampaignResultView {
  @ApiProperty({ description: '专项行动编号 (the new campaign id), a UUID.', format: 'uuid' }) campaignId!: string;
  @ApiProperty({
    description: '已登记 (registered): always `true` here — the campaign and its roster are in the ledger (台账).',
    enum: [true],
    type: Boolean,
  })
  registered!: true;
  @ApiProperty({ description: 'The campaign right after registration.', type: () => CampaignViewView }) view!: CampaignView;
}

/** What `POST /campaigns` answers (202) when no worker registered the campaign within the registration timeout. */
export class LaunchCampaignAcceptedView {
  @ApiProperty({ description: '专项行动编号 (the new campaign id), a UUID: read it back with GET /campaigns/:id once registered.', format: 'uuid' })
  campaignId!: string;
  @ApiProperty({ description: '已受理，尚未登记 (accepted, not yet registered): always `false` here.', enum: [false], type: Boolean })
  registered!: false;
  @ApiProperty({
    description:
      'Why the ledger (台账) does not show it yet, e.g. `campaign <id> accepted by Temporal; the ledger will show it once a worker has processed it (no worker answered within 20 s)`.',
  })
  message!: string;
}

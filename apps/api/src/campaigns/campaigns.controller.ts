import { Body, Controller, Delete, Get, HttpStatus, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor, CampaignAssessment, TargetProgress } from '@duban/domain';
import type { CampaignEscalationRow, CampaignEventRow, CampaignHazardCounts, CampaignLedgerRow, CampaignUnitRow } from '@duban/persistence';
import type { CampaignUpdateResult, UnitUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { CampaignActionGuard, ForCampaignAction } from './campaign-action.guard';
import { ApiCampaignConflict, ApiCampaignErrors, ApiUnitId } from './campaign-api-responses.decorator';
import { ParseCampaignIdPipe, ParseUnitIdPipe } from '../http/id-params.pipe';
import { CampaignsService, type CampaignDetail, type CampaignUnitDetail, type LaunchCampaignResult } from './campaigns.service';
import { AddCampaignUnitDto, CampaignDecisionDto, ExtendPhaseDto, RemoveCampaignUnitDto, RemoveCampaignUnitQuery } from './dto/campaign-decisions.dto';
import { CampaignEscalationsQuery, CampaignEventsQuery, DailyReportsQuery } from './dto/campaign-reads.query';
import { LaunchCampaignDto } from './dto/launch-campaign.dto';
import { ListCampaignUnitsQuery } from './dto/list-campaign-units.query';
import { ListCampaignsQuery } from './dto/list-campaigns.query';
import { RecordFindingDto, RecordInspectionDto, SubmitReportDto } from './dto/unit-obligations.dto';
import {
  CampaignDetailView,
  CampaignEscalationRowView,
  CampaignEventRowView,
  CampaignHazardsView,
  CampaignLedgerPageView,
  CampaignUnitDetailView,
  CampaignUnitPageView,
  DailyReportStatusView,
} from './views/campaign-ledger.view';
import { CampaignAssessmentView, CampaignCoverageView, CampaignTargetsView } from './views/campaign-report.view';
import { CampaignUpdateResultView, LaunchCampaignAcceptedView, LaunchCampaignResultView } from './views/campaign-state.view';
import { FindingResultView, SubmissionRecordView, UnitUpdateResultView } from './views/unit-obligations.view';

@ApiTags('campaigns 专项行动')
@ApiBearerAuth()
@ApiExtraModels(SubmissionRecordView)
@UseGuards(CampaignActionGuard)
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  // ---- launch and the office's decisions (安委办)

  @Post()
  @ForCampaignAction('launch')
  @ApiOperation({
    summary: 'Launch a campaign 发起专项行动',
    description:
      'A template (shipped, posted, or inline) over a scope (regions × industries × units, 分管领导, 牵头部门) from `startsAt`. Checked in full before the campaign workflow starts — a 400 names the field (`scope.units`, `templateId`, `template.phases[1].duration.amount` …). Answers 201 once the campaign and its roster are in the ledger, or 202 when no worker has registered it within the registration timeout (DUBAN_REGISTRATION_TIMEOUT_MS, default 20 s); a roster of thousands of units is accepted (body up to 5 MB), their obligations workflows then start in batches.',
  })
  @ApiCreatedResponse({ description: 'Launched (已发起): `registered: true`, the campaign and its roster are in the ledger.', type: LaunchCampaignResultView })
  @ApiAcceptedResponse({
    description:
      'Accepted, not yet registered (已受理，待登记): Temporal took the start (it is not cancelled), but no worker registered the campaign in time; the ledger shows it once a worker has processed it. Do not launch it again: read it back later with the `campaignId` (GET /campaigns/:id answers 404 until it is registered).',
    type: LaunchCampaignAcceptedView,
  })
  @ApiCommonErrors()
  async launch(@CurrentActor() actor: Actor, @Body() dto: LaunchCampaignDto, @Res({ passthrough: true }) res: Response): Promise<LaunchCampaignResult> {
    const result = await this.campaigns.launch(actor, dto);
    if (!result.registered) res.status(HttpStatus.ACCEPTED);
    return result;
  }

  @Get()
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'Campaigns 专项行动台账', description: 'From PostgreSQL, newest start first.' })
  @ApiOkResponse({ type: CampaignLedgerPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListCampaignsQuery): Promise<{ items: CampaignLedgerRow[]; total: number }> {
    return this.campaigns.list(actor, query);
  }

  @Get(':id')
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'One campaign 专项行动详情: authoritative view (its workflow) and ledger row' })
  @ApiOkResponse({ type: CampaignDetailView })
  @ApiCampaignErrors()
  detail(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): Promise<CampaignDetail> {
    return this.campaigns.detail(id, actor);
  }

  @Post(':id/pause')
  @ForCampaignAction('manage')
  @ApiOperation({ summary: 'Pause 暂停', description: 'Units owe nothing while paused; every unit is told. Needs a reason (事由).' })
  @ApiCreatedResponse({ description: 'The events recorded and the campaign after them.', type: CampaignUpdateResultView })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  pause(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: CampaignDecisionDto): Promise<CampaignUpdateResult> {
    return this.campaigns.pause(id, actor, dto.reason);
  }

  @Post(':id/resume')
  @ForCampaignAction('manage')
  @ApiOperation({ summary: 'Resume 恢复', description: 'Obligations that fell due during the pause are not owed.' })
  @ApiCreatedResponse({ type: CampaignUpdateResultView })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  resume(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: CampaignDecisionDto): Promise<CampaignUpdateResult> {
    return this.campaigns.resume(id, actor, dto.reason);
  }

  @Post(':id/phase-extensions')
  @ForCampaignAction('manage')
  @ApiOperation({ summary: 'Extend a phase 延长阶段', description: 'A phase that has not ended; every later phase and obligation moves with it.' })
  @ApiCreatedResponse({ type: CampaignUpdateResultView })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  extendPhase(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: ExtendPhaseDto): Promise<CampaignUpdateResult> {
    return this.campaigns.extendPhase(id, actor, dto);
  }

  @Post(':id/units')
  @ForCampaignAction('manage')
  @ApiOperation({ summary: 'Add a unit 增加单位', description: 'In one of the campaign\'s regions (and industries); its obligations start from now.' })
  @ApiCreatedResponse({ type: CampaignUpdateResultView })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  addUnit(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: AddCampaignUnitDto): Promise<CampaignUpdateResult> {
    return this.campaigns.addUnit(id, actor, dto);
  }

  @Delete(':id/units/:unitId')
  @ForCampaignAction('manage')
  @ApiOperation({ summary: 'Remove a unit 移出单位', description: 'The reason (事由) in the body `{ reason }` or as `?reason=`.' })
  @ApiUnitId()
  @ApiOkResponse({ type: CampaignUpdateResultView })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  removeUnit(
    @Param('id', ParseCampaignIdPipe) id: string,
    @Param('unitId', ParseUnitIdPipe) unitId: string,
    @CurrentActor() actor: Actor,
    @Query() query: RemoveCampaignUnitQuery,
    @Body() dto: RemoveCampaignUnitDto,
  ): Promise<CampaignUpdateResult> {
    return this.campaigns.removeUnit(id, unitId, actor, dto?.reason ?? query.reason);
  }

  @Post(':id/close')
  @ForCampaignAction('manage')
  @ApiOperation({ summary: 'Close 结束专项行动', description: 'Every unit\'s file is settled and closed; the assessment (考核) becomes final.' })
  @ApiCreatedResponse({ type: CampaignUpdateResultView })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  close(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: CampaignDecisionDto): Promise<CampaignUpdateResult> {
    return this.campaigns.close(id, actor, dto.reason);
  }

  // ---- a unit's obligations (单位任务)

  @Post(':id/units/:unitId/reports')
  @ForCampaignAction('submit_report')
  @ApiOperation({
    summary: 'Report 报送: 一日一报 / 周报 / 阶段材料 / 活动信息, or 零报告',
    description: 'By the unit itself, for one of its obligations (ids from GET /campaigns/:id/units/:unitId). A missed one may still be reported late (迟报).',
  })
  @ApiUnitId()
  @ApiCreatedResponse({ type: UnitUpdateResultView })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  submitReport(
    @Param('id', ParseCampaignIdPipe) id: string,
    @Param('unitId', ParseUnitIdPipe) unitId: string,
    @CurrentActor() actor: Actor,
    @Body() dto: SubmitReportDto,
  ): Promise<UnitUpdateResult> {
    return this.campaigns.submitReport(id, unitId, actor, dto);
  }

  @Post(':id/units/:unitId/inspections')
  @ForCampaignAction('record_inspection')
  @ApiOperation({ summary: 'Record an inspection 检查记录', description: 'By an inspector (检查组), the office, or the unit for its own self-inspection (自查).' })
  @ApiUnitId()
  @ApiCreatedResponse({ type: UnitUpdateResultView })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  recordInspection(
    @Param('id', ParseCampaignIdPipe) id: string,
    @Param('unitId', ParseUnitIdPipe) unitId: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RecordInspectionDto,
  ): Promise<UnitUpdateResult> {
    return this.campaigns.recordInspection(id, unitId, actor, dto);
  }

  @Post(':id/units/:unitId/findings')
  @ForCampaignAction('record_finding')
  @ApiOperation({
    summary: 'Record a finding 发现隐患',
    description: 'By an inspector, the office, or the unit self-reporting (自查自报). The finding becomes a hazard in the hazard ledger (隐患台账), under the campaign\'s hazard policy.',
  })
  @ApiUnitId()
  @ApiCreatedResponse({ type: FindingResultView })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  recordFinding(
    @Param('id', ParseCampaignIdPipe) id: string,
    @Param('unitId', ParseUnitIdPipe) unitId: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RecordFindingDto,
  ): Promise<UnitUpdateResult & { hazardId: string }> {
    return this.campaigns.recordFinding(id, unitId, actor, dto);
  }

  // ---- reads (a unit token: only its own unit's rows)

  @Get(':id/units')
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'Units 单位任务台账: status and counters per unit', description: 'Roster order. A unit token sees only its own row.' })
  @ApiOkResponse({ type: CampaignUnitPageView })
  @ApiCampaignErrors()
  units(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Query() query: ListCampaignUnitsQuery): Promise<{ items: CampaignUnitRow[]; total: number }> {
    return this.campaigns.units(id, actor, query);
  }

  @Get(':id/units/:unitId')
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'One unit\'s file 单位任务: state, open obligations (待报), next due', description: 'A unit token may read only its own.' })
  @ApiUnitId()
  @ApiOkResponse({ type: CampaignUnitDetailView })
  @ApiCampaignErrors()
  unit(@Param('id', ParseCampaignIdPipe) id: string, @Param('unitId', ParseUnitIdPipe) unitId: string, @CurrentActor() actor: Actor): Promise<CampaignUnitDetail> {
    return this.campaigns.unit(id, unitId, actor);
  }

  @Get(':id/reports')
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'Daily roll-up 一日一汇总: reports received (已报) and missing (未报) on a day', description: 'Default today, China Standard Time. A unit token sees only its own.' })
  @ApiOkResponse({ type: DailyReportStatusView })
  @ApiCampaignErrors()
  reports(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Query() query: DailyReportsQuery): ReturnType<CampaignsService['reports']> {
    return this.campaigns.reports(id, actor, query.date);
  }

  @Get(':id/coverage')
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'Coverage 三个全覆盖 and blind spots 监管盲区', description: 'Region × industry cells with units in scope, inspected and reporting; gaps; rates. A unit token: its own row only.' })
  @ApiOkResponse({ type: CampaignCoverageView })
  @ApiCampaignErrors()
  coverage(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): ReturnType<CampaignsService['coverage']> {
    return this.campaigns.coverage(id, actor);
  }

  @Get(':id/targets')
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'Targets 目标 (e.g. 五个100%): current rate and whether met', description: 'Each rate with its numerator and denominator and what they count (口径). A unit token: its own.' })
  @ApiOkResponse({ type: CampaignTargetsView })
  @ApiCampaignErrors()
  targets(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): Promise<{ asOf: string; unitId: string | null; targets: TargetProgress[] }> {
    return this.campaigns.targets(id, actor);
  }

  @Get(':id/hazards')
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'Hazards 隐患: found, rectifying, signed off, overdue, listed', description: 'From the hazard ledger (隐患台账). A unit token: its own.' })
  @ApiOkResponse({ type: CampaignHazardsView })
  @ApiCampaignErrors()
  hazards(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): Promise<CampaignHazardCounts & { unitId: string | null }> {
    return this.campaigns.hazardCounts(id, actor);
  }

  @Get(':id/escalations')
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'Escalations 督办升级 for missed obligations (提醒 → 通报 → 约谈), newest first', description: 'A unit token sees only its own.' })
  @ApiOkResponse({ type: [CampaignEscalationRowView] })
  @ApiCampaignErrors()
  escalations(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Query() query: CampaignEscalationsQuery): Promise<CampaignEscalationRow[]> {
    return this.campaigns.escalations(id, actor, query);
  }

  @Get(':id/summary')
  @ForCampaignAction('read')
  @ApiOperation({ summary: 'Assessment 考核: every unit scored and ranked, with totals', description: 'Available any time; `final` once the campaign is closed. A unit token: its own.' })
  @ApiOkResponse({ type: CampaignAssessmentView })
  @ApiCampaignErrors()
  summary(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): Promise<CampaignAssessment & { unitId: string | null }> {
    return this.campaigns.summary(id, actor);
  }

  @Get(':id/events')
  @ForCampaignAction('read')
  @ApiOperation({
    summary: 'Audit trail 履职记录: who was told what, what they reported, who checked, what happened when late',
    description: 'The campaign\'s own events, then each unit\'s. A unit token: the campaign\'s own and its own unit\'s.',
  })
  @ApiOkResponse({ type: [CampaignEventRowView] })
  @ApiCampaignErrors()
  events(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Query() query: CampaignEventsQuery): Promise<CampaignEventRow[]> {
    return this.campaigns.events(id, actor, query);
  }
}

import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HAZARD_PERMISSIONS, type Actor } from '@duban/domain';
import type { HazardEscalationRow, HazardLedgerRow, HazardLedgerSummary } from '@duban/persistence';
import type { HazardUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ClaimCompletionDto } from './dto/claim-completion.dto';
import { DecideExtensionDto } from './dto/decide-extension.dto';
import { EscalationsQuery } from './dto/escalations.query';
import { DelistHazardDto, ListForSupervisionDto } from './dto/list-for-supervision.dto';
import { ListHazardsQuery } from './dto/list-hazards.query';
import { RectificationPlanDto } from './dto/rectification-plan.dto';
import { ReportHazardDto } from './dto/report-hazard.dto';
import { ReportMonitoringDto } from './dto/report-monitoring.dto';
import { ReportProgressDto } from './dto/report-progress.dto';
import { RequestExtensionDto } from './dto/request-extension.dto';
import { StartMonitoringDto } from './dto/start-monitoring.dto';
import { SummaryQuery } from './dto/summary.query';
import { VerifyHazardDto } from './dto/verify-hazard.dto';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { AsOfQuery } from '../http/as-of.query';
import { HazardAsOfReadsService, type HazardAsOfDetail } from './hazard-as-of-reads.service';
import { ApiHazardAction, ApiHazardId, ApiHazardNotFound } from './hazard-api-responses.decorator';
import { answerCreated, locationHeader, retryAfterHeader } from '../http/created';
import { ParseHazardIdPipe } from '../http/id-params.pipe';
import { HazardCommandsService, type ReportHazardResult } from './hazard-commands.service';
import { HazardReadsService, type HazardDetail, type HazardEventPage } from './hazard-reads.service';
import { HazardEscalationView } from './views/hazard-event.view';
import { HazardEventPageView } from './views/hazard-event-page.view';
import { HazardDetailView, HazardLedgerPageView, HazardLedgerSummaryView } from './views/hazard-ledger.view';
import { ReportHazardAcceptedView, ReportHazardResultView } from './views/hazard-results.view';

@ApiTags('hazards 隐患排查治理')
@ApiBearerAuth()
@Controller('hazards')
export class HazardsController {
  constructor(
    private readonly commands: HazardCommandsService,
    private readonly reads: HazardReadsService,
    private readonly asOf: HazardAsOfReadsService,
  ) {}

  @Post()
  @Permit(HAZARD_PERMISSIONS, 'report')
  @ApiOperation({
    summary: 'Report a hazard 隐患登记',
    description:
      'By the office (安委办), an inspector (检查组) or a unit self-reporting for itself (自查自报). Checked in full before the hazard workflow starts; answers 201 with `Location` once the ledger (台账) row exists, or 202 with `Location` and `Retry-After` when no worker has registered it within the registration timeout (DUBAN_REGISTRATION_TIMEOUT_MS, default 20 s).',
  })
  @ApiCreatedResponse({
    description: 'Registered (登记成功): `registered: true`, the ledger row exists; `Location: /hazards/{hazardId}`.',
    type: ReportHazardResultView,
    headers: locationHeader('hazard'),
  })
  @ApiAcceptedResponse({
    description:
      'Accepted, not yet registered (已受理，待登记): Temporal took the start (it is not cancelled), but no worker registered the hazard in time; the ledger shows it once a worker has processed it. Do not report it again: read it back at `Location` after `Retry-After` seconds (GET /hazards/:id answers 404 until it is registered).',
    type: ReportHazardAcceptedView,
    headers: { ...locationHeader('hazard'), ...retryAfterHeader },
  })
  @ApiCommonErrors()
  async report(@CurrentActor() actor: Actor, @Body() dto: ReportHazardDto, @Res({ passthrough: true }) res: Response): Promise<ReportHazardResult> {
    const result = await this.commands.report(actor, dto);
    answerCreated(res, `/hazards/${result.hazardId}`, result.registered);
    return result;
  }

  @Get()
  @Permit(HAZARD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'The hazard ledger 隐患台账',
    description: 'From PostgreSQL, most urgent 整改期限 first. A unit token sees only its own unit.',
  })
  @ApiOkResponse({ type: HazardLedgerPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListHazardsQuery): Promise<{ items: HazardLedgerRow[]; total: number }> {
    return this.reads.list(actor, query);
  }

  @Get('escalations')
  @Permit(HAZARD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Escalations 督办升级 (提醒警示, 通报, 挂牌督办, 约谈 …), newest first',
    description: 'A unit token sees only its own unit.',
  })
  @ApiOkResponse({ type: [HazardEscalationView] })
  @ApiCommonErrors()
  escalations(@CurrentActor() actor: Actor, @Query() query: EscalationsQuery): Promise<HazardEscalationRow[]> {
    return this.reads.escalations(actor, query);
  }

  @Get('summary')
  @Permit(HAZARD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Dashboard counts 统计 (by status, grade; overdue 逾期, listed 挂牌督办, monitoring 监控)',
    description: 'A unit token sees only its own unit.',
  })
  @ApiOkResponse({ type: HazardLedgerSummaryView })
  @ApiCommonErrors()
  summary(@CurrentActor() actor: Actor, @Query() query: SummaryQuery): Promise<HazardLedgerSummary> {
    return this.reads.summary(actor, query);
  }

  @Get(':id')
  @Permit(HAZARD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'One hazard 一患一档: authoritative state (from its workflow) and ledger row',
    description: 'With `asOf` (某一时刻的状态): the state at that moment, folded from the events recorded up to it; no ledger row.',
  })
  @ApiHazardId()
  @ApiOkResponse({ type: HazardDetailView })
  @ApiCommonErrors()
  @ApiHazardNotFound()
  detail(
    @Param('id', ParseHazardIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<HazardDetail | HazardAsOfDetail> {
    return query.asOf === undefined ? this.reads.detail(id, actor) : this.asOf.detail(id, actor, query.asOf);
  }

  @Get(':id/events')
  @Permit(HAZARD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Audit trail 履职记录: who did what, when and why (谁排查、谁签字、谁负责)',
    description: 'In seq order, a page at a time: pass `next` back as `cursor` until it is null.',
  })
  @ApiHazardId()
  @ApiOkResponse({ type: HazardEventPageView })
  @ApiCommonErrors()
  @ApiHazardNotFound()
  events(@Param('id', ParseHazardIdPipe) id: string, @CurrentActor() actor: Actor, @Query() query: AuditTrailPageQuery): Promise<HazardEventPage> {
    return this.reads.events(id, actor, query);
  }

  @Post(':id/plan')
  @Permit(HAZARD_PERMISSIONS, 'submit_plan')
  @ApiOperation({
    summary: 'Submit the rectification plan 整改方案 (一患一档一策)',
    description: 'By the responsible unit. Must meet 五到位 (责任、措施、资金、时限、预案到位); a 400 lists every missing item in `details.missing`.',
  })
  @ApiHazardAction()
  submitPlan(
    @Param('id', ParseHazardIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RectificationPlanDto,
  ): Promise<HazardUpdateResult> {
    return this.commands.submitPlan(id, actor, dto);
  }

  @Post(':id/progress')
  @Permit(HAZARD_PERMISSIONS, 'report_progress')
  @ApiOperation({ summary: 'Report progress 整改进展', description: 'By the responsible unit, while 整改中 (rectifying).' })
  @ApiHazardAction()
  reportProgress(
    @Param('id', ParseHazardIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: ReportProgressDto,
  ): Promise<HazardUpdateResult> {
    return this.commands.reportProgress(id, actor, dto);
  }

  @Post(':id/completion')
  @Permit(HAZARD_PERMISSIONS, 'claim_completion')
  @ApiOperation({
    summary: 'Claim completion 申请验收',
    description: 'By the responsible unit, with evidence (佐证材料). A general hazard fixed on the spot may skip the plan (边查边改).',
  })
  @ApiHazardAction()
  claimCompletion(
    @Param('id', ParseHazardIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: ClaimCompletionDto,
  ): Promise<HazardUpdateResult> {
    return this.commands.claimCompletion(id, actor, dto);
  }

  @Post(':id/verification')
  @Permit(HAZARD_PERMISSIONS, 'verify')
  @ApiOperation({
    summary: 'Verify 验收: accept → 销号 (signed off), reject → back to 整改中',
    description: 'By an inspector (检查组) or the office (安委办). Accepting a major hazard (重大隐患) needs an 效果评价 (effect evaluation).',
  })
  @ApiHazardAction()
  verify(@Param('id', ParseHazardIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: VerifyHazardDto): Promise<HazardUpdateResult> {
    return this.commands.verify(id, actor, dto);
  }

  @Post(':id/extension-requests')
  @Permit(HAZARD_PERMISSIONS, 'request_extension')
  @ApiOperation({
    summary: 'Request an extension 申请延期',
    description: "By the responsible unit; one pending request at a time, at most the policy's number of extensions.",
  })
  @ApiHazardAction()
  requestExtension(
    @Param('id', ParseHazardIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RequestExtensionDto,
  ): Promise<HazardUpdateResult> {
    return this.commands.requestExtension(id, actor, dto);
  }

  @Post(':id/extension-decision')
  @Permit(HAZARD_PERMISSIONS, 'decide_extension')
  @ApiOperation({
    summary: 'Decide the pending extension 延期审批',
    description: 'By the safety committee office (安委办). Approval moves the 整改期限 and restarts the escalation ladder.',
  })
  @ApiHazardAction()
  decideExtension(
    @Param('id', ParseHazardIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: DecideExtensionDto,
  ): Promise<HazardUpdateResult> {
    return this.commands.decideExtension(id, actor, dto);
  }

  @Post(':id/monitoring')
  @Permit(HAZARD_PERMISSIONS, 'start_monitoring')
  @ApiOperation({
    summary: 'Put a major hazard under monitoring 监控管理',
    description: "By the responsible unit or the office, for a 重大隐患 being rectified; reports then fall due on the policy's period.",
  })
  @ApiHazardAction()
  startMonitoring(
    @Param('id', ParseHazardIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: StartMonitoringDto,
  ): Promise<HazardUpdateResult> {
    return this.commands.startMonitoring(id, actor, dto);
  }

  @Post(':id/monitoring-reports')
  @Permit(HAZARD_PERMISSIONS, 'report_monitoring')
  @ApiOperation({ summary: 'Monitoring report 监控报告', description: 'By the responsible unit while the hazard is under monitoring.' })
  @ApiHazardAction()
  reportMonitoring(
    @Param('id', ParseHazardIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: ReportMonitoringDto,
  ): Promise<HazardUpdateResult> {
    return this.commands.reportMonitoring(id, actor, dto);
  }

  @Post(':id/listing')
  @Permit(HAZARD_PERMISSIONS, 'list')
  @ApiOperation({
    summary: 'List for supervision 挂牌督办 (or raise the level, or name another tracker)',
    description:
      "By a safety committee office (安委办), recorded with the office's region (属地) as the listing committee: the level (县级 | 市级 | 省级) and the tracker (跟踪督办责任人) who follows it to 销号. A level is raised, never lowered (400 `hazard.listing.level_lower`); the same listing asked again records nothing (200, no events).",
  })
  @ApiHazardAction()
  listForSupervision(
    @Param('id', ParseHazardIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: ListForSupervisionDto,
  ): Promise<HazardUpdateResult> {
    return this.commands.listForSupervision(id, actor, dto);
  }

  @Post(':id/delisting')
  @Permit(HAZARD_PERMISSIONS, 'delist')
  @ApiOperation({
    summary: 'Close the listing 挂牌销号',
    description:
      'By the office of the listing level, once the hazard is signed off (整改验收通过; 409 `hazard.listing.not_signed_off` before). The hazard file closes with it.',
  })
  @ApiHazardAction()
  delist(@Param('id', ParseHazardIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: DelistHazardDto): Promise<HazardUpdateResult> {
    return this.commands.delist(id, actor, dto);
  }
}

import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ACCIDENT_PERMISSIONS, type Actor } from '@duban/domain';
import type { AccidentLedgerRow } from '@duban/persistence';
import type { AccidentUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { AsOfQuery } from '../http/as-of.query';
import { ApiLedgerExport, sendLedgerExport } from '../http/ledger-export';
import { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { answerCreated, locationHeader, retryAfterHeader } from '../http/created';
import { AccidentAsOfReadsService, type AccidentAsOfDetail } from './accident-as-of-reads.service';
import { ApiAccidentAction, ApiAccidentId, ApiAccidentNotFound } from './accident-api-responses.decorator';
import { AccidentCommandsService, type ReportAccidentResult } from './accident-commands.service';
import { AccidentLedgerExportService } from './accident-ledger-export.service';
import { ParseAccidentIdPipe } from './accident-params.pipe';
import { AccidentReadsService, type AccidentDetail, type AccidentEventPage } from './accident-reads.service';
import { AccidentLedgerExportQuery } from './dto/accident-ledger-export.query';
import { ListAccidentsQuery } from './dto/list-accidents.query';
import { RecordTipOffDto } from './dto/record-tip-off.dto';
import { ReportAccidentDto } from './dto/report-accident.dto';
import { RecordChainReportDto, ReportFollowUpDto } from './dto/report-follow-up.dto';
import { AccidentEventPageView } from './views/accident-event.view';
import { AccidentDetailView, AccidentLedgerPageView } from './views/accident-ledger.view';
import { ReportAccidentAcceptedView, ReportAccidentResultView } from './views/accident-results.view';

/** The accident's record (事故台账) and its reporting: 快报, 续报, 逐级上报, 举报. The investigation is in AccidentInvestigationController. */
@ApiTags('accidents 事故报告和调查处理')
@ApiBearerAuth()
@Controller('accidents')
export class AccidentsController {
  constructor(
    private readonly commands: AccidentCommandsService,
    private readonly reads: AccidentReadsService,
    private readonly asOf: AccidentAsOfReadsService,
    private readonly exports: AccidentLedgerExportService,
  ) {}

  @Post()
  @Permit(ACCIDENT_PERMISSIONS, 'report')
  @ApiOperation({
    summary: 'Report an accident 事故快报',
    description:
      'By the unit for its own accident, or by the office that received the report. The grade (事故等级) is computed from the casualties; the reporting chain (逐级上报) falls due from the accident. Answers 201 with `Location` once the ledger row exists, or 202 with `Location` and `Retry-After` when no worker registered it within the registration timeout.',
  })
  @ApiCreatedResponse({
    description: 'Registered (登记成功); `Location: /accidents/{accidentId}`.',
    type: ReportAccidentResultView,
    headers: locationHeader('accident'),
  })
  @ApiAcceptedResponse({
    description: 'Accepted, not yet registered (已受理，待登记): read it back at `Location` after `Retry-After` seconds; do not report it again.',
    type: ReportAccidentAcceptedView,
    headers: { ...locationHeader('accident'), ...retryAfterHeader },
  })
  @ApiCommonErrors()
  async report(
    @CurrentActor() actor: Actor,
    @Body() dto: ReportAccidentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportAccidentResult> {
    const result = await this.commands.report(actor, dto);
    answerCreated(res, `/accidents/${result.accidentId}`, result.registered);
    return result;
  }

  @Get()
  @Permit(ACCIDENT_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'The accident ledger 事故台账',
    description:
      'From PostgreSQL, newest accident first: by grade, region, industry, investigation status, open gates (四不放过), listing (挂牌督办), concealment (瞒报/谎报). A unit token sees only its own unit.',
  })
  @ApiOkResponse({ type: AccidentLedgerPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListAccidentsQuery): Promise<{ items: AccidentLedgerRow[]; total: number }> {
    return this.reads.list(actor, query);
  }

  // Declared before GET /accidents/:id, so that it is matched first.
  @Get('ledger.xlsx')
  @Permit(ACCIDENT_PERMISSIONS, 'read')
  @ApiLedgerExport({
    summary: 'Export the accident ledger as Excel 事故台账导出 (.xlsx)',
    description:
      'Every row GET /accidents lists for the same filters (no paging), in its order, within the caller’s scope (a unit token: its own unit only).',
    name: '事故台账',
  })
  async exportLedger(@CurrentActor() actor: Actor, @Query() query: AccidentLedgerExportQuery, @Res() res: Response): Promise<void> {
    await sendLedgerExport(res, await this.exports.open(actor, query));
  }

  @Get(':id')
  @Permit(ACCIDENT_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'One accident 一事一档: authoritative state (from its workflow) and ledger row',
    description: 'With `asOf` (某一时刻的状态): the state at that moment, folded from the events recorded up to it; no ledger row.',
  })
  @ApiAccidentId()
  @ApiOkResponse({ type: AccidentDetailView })
  @ApiCommonErrors()
  @ApiAccidentNotFound()
  detail(
    @Param('id', ParseAccidentIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<AccidentDetail | AccidentAsOfDetail> {
    return query.asOf === undefined ? this.reads.detail(id, actor) : this.asOf.detail(id, actor, query.asOf);
  }

  @Get(':id/events')
  @Permit(ACCIDENT_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Audit trail 履职记录: who reported, received, investigated, decided — when and why',
    description: 'In seq order, a page at a time: pass `next` back as `cursor` until it is null.',
  })
  @ApiAccidentId()
  @ApiOkResponse({ type: AccidentEventPageView })
  @ApiCommonErrors()
  @ApiAccidentNotFound()
  events(
    @Param('id', ParseAccidentIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AuditTrailPageQuery,
  ): Promise<AccidentEventPage> {
    return this.reads.events(id, actor, query);
  }

  @Post(':id/follow-ups')
  @Permit(ACCIDENT_PERMISSIONS, 'report_follow_up')
  @ApiOperation({
    summary: 'Follow-up report 续报',
    description:
      'By the unit or the office. The grade is recomputed; a rise (e.g. 2 deaths → 3: 一般 → 较大) moves the accident to the higher level’s obligations at once. Each casualty change is recorded with who and when.',
  })
  @ApiAccidentAction()
  reportFollowUp(
    @Param('id', ParseAccidentIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: ReportFollowUpDto,
  ): Promise<AccidentUpdateResult> {
    return this.commands.reportFollowUp(id, actor, dto);
  }

  @Post(':id/chain-reports')
  @Permit(ACCIDENT_PERMISSIONS, 'record_chain_report')
  @ApiOperation({
    summary: 'A level’s receipt of the report 逐级上报',
    description:
      'By the office: the step of the reporting chain that received it, when, and how; recorded against its deadline (on time, 迟报 late).',
  })
  @ApiAccidentAction()
  recordChainReport(
    @Param('id', ParseAccidentIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RecordChainReportDto,
  ): Promise<AccidentUpdateResult> {
    return this.commands.recordChainReport(id, actor, dto);
  }

  @Post(':id/tip-offs')
  @Permit(ACCIDENT_PERMISSIONS, 'record_tip_off')
  @ApiOperation({
    summary: 'A tip-off about this accident 举报, with its verification 核查',
    description: 'By the office. Verified numbers above the unit’s reported ones flag 谎报; verified with no report from the unit, 瞒报.',
  })
  @ApiAccidentAction()
  recordTipOff(
    @Param('id', ParseAccidentIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RecordTipOffDto,
  ): Promise<AccidentUpdateResult> {
    return this.commands.recordTipOff(id, actor, dto);
  }
}

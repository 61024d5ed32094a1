import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ENFORCEMENT_PERMISSIONS, type Actor } from '@duban/domain';
import type { EnforcementLedgerRow } from '@duban/persistence';
import type { EnforcementUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { AsOfQuery } from '../http/as-of.query';
import { ApiLedgerExport, sendLedgerExport } from '../http/ledger-export';
import { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { answerCreated, locationHeader, retryAfterHeader } from '../http/created';
import { EnforcementAsOfReadsService, type EnforcementAsOfDetail } from './enforcement-as-of-reads.service';
import { ApiEnforcementAction, ApiEnforcementCaseId, ApiEnforcementCaseNotFound } from './enforcement-api-responses.decorator';
import { EnforcementCommandsService, type OpenEnforcementCaseResult } from './enforcement-commands.service';
import { EnforcementLedgerExportService } from './enforcement-ledger-export.service';
import { ParseEnforcementCaseIdPipe } from './enforcement-params.pipe';
import { EnforcementReadsService, type EnforcementDetail, type EnforcementEventPage } from './enforcement-reads.service';
import { AddRespondentDto, CloseCaseDto, FlagCriminalDto, RecordViolationDto } from './dto/case-steps.dto';
import { EnforcementLedgerExportQuery } from './dto/enforcement-ledger-export.query';
import { ListEnforcementCasesQuery } from './dto/list-enforcement-cases.query';
import { OpenEnforcementCaseDto } from './dto/open-enforcement-case.dto';
import { EnforcementEventPageView } from './views/enforcement-event.view';
import { EnforcementDetailView, EnforcementLedgerPageView } from './views/enforcement-ledger.view';
import { OpenEnforcementCaseAcceptedView, OpenEnforcementCaseResultView } from './views/enforcement-results.view';

const CaseId = () => Param('caseId', ParseEnforcementCaseIdPipe);

/**
 * The enforcement case (执法案件) and its ledger (执法台账): 立案, the reads, its parties and
 * violations, the criminal flag and 结案. The measures are in EnforcementMeasuresController, the
 * way back to production in EnforcementResumptionController.
 */
@ApiTags('enforcement 执法案件 (四个一律)')
@ApiBearerAuth()
@Controller('enforcement-cases')
export class EnforcementCasesController {
  constructor(
    private readonly commands: EnforcementCommandsService,
    private readonly reads: EnforcementReadsService,
    private readonly asOf: EnforcementAsOfReadsService,
    private readonly exports: EnforcementLedgerExportService,
  ) {}

  @Post()
  @Permit(ENFORCEMENT_PERMISSIONS, 'open')
  @ApiOperation({
    summary: 'Open a case 立案',
    description:
      'By the office or an inspector, against a unit the registry (单位库) knows (404 naming `unitId` otherwise); its region and industry are the registry’s. Names the respondents punished together (一并处罚: the enterprise, its 法定代表人, its 实际控制人) and the law it is opened under (立案依据). Cases from a hazard are opened by Duban itself. Answers 201 with `Location` once the ledger row exists, or 202 with `Location` and `Retry-After` when no worker registered it in time.',
  })
  @ApiCreatedResponse({
    description: 'Registered (立案登记); `Location: /enforcement-cases/{caseId}`.',
    type: OpenEnforcementCaseResultView,
    headers: locationHeader('enforcement case'),
  })
  @ApiAcceptedResponse({
    description: 'Accepted, not yet registered (已受理，待登记): read it back at `Location` after `Retry-After` seconds; do not open it again.',
    type: OpenEnforcementCaseAcceptedView,
    headers: { ...locationHeader('enforcement case'), ...retryAfterHeader },
  })
  @ApiCommonErrors()
  @ApiProblem(404, '单位不在单位库 (the unit is not in the registry, `resource.not_found` naming `unitId`).')
  async open(
    @CurrentActor() actor: Actor,
    @Body() dto: OpenEnforcementCaseDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OpenEnforcementCaseResult> {
    const result = await this.commands.open(actor, dto);
    answerCreated(res, `/enforcement-cases/${result.caseId}`, result.registered);
    return result;
  }

  @Get()
  @Permit(ENFORCEMENT_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'The enforcement ledger 执法台账',
    description:
      'From PostgreSQL, newest case first: by unit, region, industry, status, origin, the measure decided (四个一律), suspension (停产中), criminal flag, referral, closure, opening time. A unit token sees only its own unit.',
  })
  @ApiOkResponse({ type: EnforcementLedgerPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListEnforcementCasesQuery): Promise<{ items: EnforcementLedgerRow[]; total: number }> {
    return this.reads.list(actor, query);
  }

  // Declared before GET /enforcement-cases/:caseId, so that it is matched first.
  @Get('ledger.xlsx')
  @Permit(ENFORCEMENT_PERMISSIONS, 'read')
  @ApiLedgerExport({
    summary: 'Export the enforcement ledger as Excel 执法台账导出 (.xlsx)',
    description:
      'Every row GET /enforcement-cases lists for the same filters (no paging), in its order, within the caller’s scope (a unit token: its own unit only).',
    name: '执法台账',
  })
  async exportLedger(@CurrentActor() actor: Actor, @Query() query: EnforcementLedgerExportQuery, @Res() res: Response): Promise<void> {
    await sendLedgerExport(res, await this.exports.open(actor, query));
  }

  @Get(':caseId')
  @Permit(ENFORCEMENT_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'One case 一案一档: authoritative state (from its workflow) and ledger row',
    description: 'With `asOf` (某一时刻的状态): the state at that moment, folded from the events recorded up to it; no ledger row.',
  })
  @ApiEnforcementCaseId()
  @ApiOkResponse({ type: EnforcementDetailView })
  @ApiCommonErrors()
  @ApiEnforcementCaseNotFound()
  detail(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Query() query: AsOfQuery): Promise<EnforcementDetail | EnforcementAsOfDetail> {
    return query.asOf === undefined ? this.reads.detail(caseId, actor) : this.asOf.detail(caseId, actor, query.asOf);
  }

  @Get(':caseId/events')
  @Permit(ENFORCEMENT_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Audit trail 执法记录: who decided what, when, why and under which law (法律依据)',
    description: 'In seq order, a page at a time: pass `next` back as `cursor` until it is null.',
  })
  @ApiEnforcementCaseId()
  @ApiOkResponse({ type: EnforcementEventPageView })
  @ApiCommonErrors()
  @ApiEnforcementCaseNotFound()
  events(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Query() query: AuditTrailPageQuery): Promise<EnforcementEventPage> {
    return this.reads.events(caseId, actor, query);
  }

  @Post(':caseId/respondents')
  @Permit(ENFORCEMENT_PERMISSIONS, 'add_respondent')
  @ApiOperation({
    summary: 'Add a respondent 追加当事人 (一并处罚)',
    description: 'By the office or an inspector: another party punished for the violation, with the article that reaches it.',
  })
  @ApiEnforcementAction()
  addRespondent(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: AddRespondentDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'add_respondent', dto);
  }

  @Post(':caseId/violations')
  @Permit(ENFORCEMENT_PERMISSIONS, 'record_violation')
  @ApiOperation({
    summary: 'Record a violation 违法行为',
    description: 'By the office or an inspector; a serious one (严重非法违法行为) counts towards the rule of two within one month.',
  })
  @ApiEnforcementAction()
  recordViolation(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: RecordViolationDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'record_violation', dto);
  }

  @Post(':caseId/criminal-flag')
  @Permit(ENFORCEMENT_PERMISSIONS, 'flag_criminal')
  @ApiOperation({
    summary: 'Flag as criminal 涉嫌犯罪',
    description:
      'By the office or an inspector. From then on the case closes only once referred to the judiciary and answered (行刑衔接: 不能有案不移、以罚代刑).',
  })
  @ApiEnforcementAction()
  flagCriminal(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: FlagCriminalDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'flag_criminal', dto);
  }

  @Post(':caseId/closing')
  @Permit(ENFORCEMENT_PERMISSIONS, 'close_case')
  @ApiOperation({
    summary: 'Close the case 结案',
    description:
      'By the office. Refused (409, `enforcement.close.*`, the reason in Chinese and English) while a case flagged criminal is not referred and answered (行刑衔接: 不能有案不移、以罚代刑), a suspension has not ended in resumption or closure, a required 关闭取缔 is not imposed, or no measure was decided.',
  })
  @ApiEnforcementAction()
  close(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: CloseCaseDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'close_case', dto);
  }
}

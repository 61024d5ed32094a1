import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { COVERT_INSPECTION_PERMISSIONS, type Actor } from '@duban/domain';
import type { CovertInspectionLedgerRow } from '@duban/persistence';
import type { CovertInspectionUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { AsOfQuery } from '../http/as-of.query';
import { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { answerCreated, locationHeader, retryAfterHeader } from '../http/created';
import { UUID_PATTERN } from '../http/id-params.pipe';
import { CovertInspectionAsOfReadsService, type CovertInspectionAsOfDetail } from './covert-inspection-as-of-reads.service';
import { CovertInspectionCommandsService, type PlanCovertInspectionResult } from './covert-inspection-commands.service';
import { CovertInspectionReadsService, type CovertInspectionDetail, type CovertInspectionEventPage } from './covert-inspection-reads.service';
import {
  AcknowledgeFeedbackDto,
  CompleteCovertInspectionDto,
  IssueRectificationOrderDto,
  RecordCovertFindingDto,
} from './dto/covert-inspection-commands.dto';
import { ListCovertInspectionsQuery } from './dto/list-covert-inspections.query';
import { PlanCovertInspectionDto } from './dto/plan-covert-inspection.dto';
import { ParseCovertInspectionIdPipe } from './parse-covert-inspection-id.pipe';

const ApiInspectionId = () =>
  ApiParam({
    name: 'id',
    description: '暗访编号 (covert inspection id), a UUID; anything else is a 400 naming `id`.',
    schema: { type: 'string', format: 'uuid', pattern: UUID_PATTERN },
  });
const ApiInspectionNotFound = () =>
  ApiProblem(404, '暗访不存在或不可见 (not found, `resource.not_found`): a plan is seen only by the office and its team until done (不打招呼).');
const ApiInspectionAction = () =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiInspectionId(),
    ApiOkResponse({ description: 'Accepted: the events recorded (in GET /covert-inspections/{id}/events) and the state after them.' }),
    ApiCommonErrors(),
    ApiInspectionNotFound(),
    ApiProblem(
      409,
      '当前状态不允许 (not allowed now): `covert.inspection.*`, `covert.finding.already_ordered`, `covert.feedback.already_acknowledged`.',
    ),
  );

/** Covert inspections (明察暗访): 不打招呼、随机抽查, 现场整改指令, 反馈县区政府和行业主管部门, 重大隐患挂牌督办; the ledger 暗访台账. */
@ApiTags('covert-inspections 明察暗访')
@ApiBearerAuth()
@Controller('covert-inspections')
export class CovertInspectionsController {
  constructor(
    private readonly commands: CovertInspectionCommandsService,
    private readonly reads: CovertInspectionReadsService,
    private readonly asOf: CovertInspectionAsOfReadsService,
  ) {}

  @Post()
  @Permit(COVERT_INSPECTION_PERMISSIONS, 'plan')
  @ApiOperation({
    summary: 'Plan a covert inspection 暗访计划 (不打招呼、随机抽查)',
    description:
      'By the office, for a region within its territory (属地). The candidates are the registry’s enterprises in and below the region (and the industries named); the sample is drawn by the domain from the seed (given, or drawn and recorded), so it can be drawn again from the record. Seen only by the office and the team until done. 201 with `Location` once the ledger row exists, 202 with `Retry-After` when no worker registered it in time.',
  })
  @ApiCreatedResponse({
    description: '计划已登记 (registered): the state with its sample; `Location: /covert-inspections/{inspectionId}`.',
    headers: locationHeader('covert inspection'),
  })
  @ApiAcceptedResponse({
    description: '已受理，待登记 (accepted, not yet registered): read it back at `Location` later.',
    headers: { ...locationHeader('covert inspection'), ...retryAfterHeader },
  })
  @ApiCommonErrors()
  async plan(
    @CurrentActor() actor: Actor,
    @Body() dto: PlanCovertInspectionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanCovertInspectionResult> {
    const result = await this.commands.plan(actor, dto);
    answerCreated(res, `/covert-inspections/${result.inspectionId}`, result.registered);
    return result;
  }

  @Get()
  @Permit(COVERT_INSPECTION_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'The covert-inspection ledger 暗访台账',
    description:
      'From PostgreSQL, newest plan first. The office sees every inspection, an inspector its own team’s plans and every completed one, an auditor the completed ones, a unit only the completed ones it was sampled in.',
  })
  @ApiOkResponse({ description: '`items` (ledger rows) and `total`.' })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListCovertInspectionsQuery): Promise<{ items: CovertInspectionLedgerRow[]; total: number }> {
    return this.reads.list(actor, query);
  }

  @Get(':id')
  @Permit(COVERT_INSPECTION_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'One covert inspection 暗访: plan, sample, findings, orders and feedback (from its workflow) and the ledger row',
    description: 'With `asOf` (某一时刻的状态): the state at that moment, folded from the events recorded up to it; no ledger row.',
  })
  @ApiInspectionId()
  @ApiOkResponse({
    description: '`state`, `stateSource` (workflow | ledger | events) and the `ledger` row; on an `asOf` read, `asOf` echoed and no row.',
  })
  @ApiCommonErrors()
  @ApiInspectionNotFound()
  detail(
    @Param('id', ParseCovertInspectionIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<CovertInspectionDetail | CovertInspectionAsOfDetail> {
    return query.asOf === undefined ? this.reads.detail(id, actor) : this.asOf.detail(id, actor, query.asOf);
  }

  @Get(':id/events')
  @Permit(COVERT_INSPECTION_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'Audit trail 履职记录 of a covert inspection', description: 'In seq order; pass `next` back as `cursor`.' })
  @ApiInspectionId()
  @ApiOkResponse({ description: '`items` (events) and `next`.' })
  @ApiCommonErrors()
  @ApiInspectionNotFound()
  events(
    @Param('id', ParseCovertInspectionIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AuditTrailPageQuery,
  ): Promise<CovertInspectionEventPage> {
    return this.reads.events(id, actor, query);
  }

  @Post(':id/findings')
  @Permit(COVERT_INSPECTION_PERMISSIONS, 'record_finding')
  @ApiOperation({
    summary: 'A finding 暗访发现问题 at a sampled unit',
    description: 'By the team. A 重大隐患 (major) is listed for supervision once ordered.',
  })
  @ApiInspectionAction()
  recordFinding(
    @Param('id', ParseCovertInspectionIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RecordCovertFindingDto,
  ): Promise<CovertInspectionUpdateResult> {
    return this.commands.recordFinding(id, actor, dto);
  }

  @Post(':id/rectification-orders')
  @Permit(COVERT_INSPECTION_PERMISSIONS, 'issue_rectification_order')
  @ApiOperation({
    summary: 'On-site rectification order 现场整改指令 (限时整改)',
    description:
      'By the team (or the office). Owes two feedback acknowledgements (县区政府、行业主管部门), each recorded overdue when not given in time; each 重大隐患 in it is listed (挂牌督办) to be signed off by the order’s deadline (限期销号).',
  })
  @ApiInspectionAction()
  issueRectificationOrder(
    @Param('id', ParseCovertInspectionIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: IssueRectificationOrderDto,
  ): Promise<CovertInspectionUpdateResult> {
    return this.commands.issueRectificationOrder(id, actor, dto);
  }

  @Post(':id/feedback-acknowledgements')
  @Permit(COVERT_INSPECTION_PERMISSIONS, 'acknowledge_feedback')
  @ApiOperation({
    summary: 'Acknowledge the feedback 反馈签收',
    description: 'By the recipient unit (county government or industry department), or the office recording it.',
  })
  @ApiInspectionAction()
  acknowledgeFeedback(
    @Param('id', ParseCovertInspectionIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: AcknowledgeFeedbackDto,
  ): Promise<CovertInspectionUpdateResult> {
    return this.commands.acknowledgeFeedback(id, actor, dto);
  }

  @Post(':id/completion')
  @Permit(COVERT_INSPECTION_PERMISSIONS, 'complete')
  @ApiOperation({
    summary: 'End the inspection 暗访结束',
    description: 'By the team’s leader or the office, once every finding is in an order; then visible to the auditor and to the units sampled.',
  })
  @ApiInspectionAction()
  complete(
    @Param('id', ParseCovertInspectionIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: CompleteCovertInspectionDto,
  ): Promise<CovertInspectionUpdateResult> {
    return this.commands.complete(id, actor, dto);
  }
}

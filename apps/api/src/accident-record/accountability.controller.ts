import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ACCIDENT_RECORD_PERMISSIONS, type AccountabilityActionState, type Actor } from '@duban/domain';
import type { AccountabilityFiringRow } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { answerCreated, locationHeader, retryAfterHeader } from '../http/created';
import { ParseRegistryIdPipe } from '../registry/registry-id.pipe';
import { ApiRegistryId } from '../registry/registry-api.decorators';
import { ApiFiringKey, ApiRegionNotFound, ApiReviewRunId } from './accident-record-api.decorators';
import { AccidentRecordCommandsService } from './accident-record-commands.service';
import { ParseFiringKeyPipe, ParseReviewRunIdPipe } from './accident-record-params.pipe';
import { AccidentRecordReadsService, type FiringDetail, type ReviewRun } from './accident-record-reads.service';
import { ListFiringsQuery } from './dto/accident-record-queries';
import { RecordActionTakenDto } from './dto/record-action-taken.dto';
import { RunReviewDto } from './dto/run-review.dto';
import {
  AccidentRecordReviewRunView,
  AccountabilityActionStateView,
  AccountabilityFiringDetailView,
  AccountabilityFiringView,
} from './views/accountability-firing.view';

/** 问责: the rules fired over the accident record, the office's obligations they opened, and the review that finds them. */
@ApiTags('accident-record 控制指标与问责')
@ApiBearerAuth()
@Controller('accident-record')
export class AccountabilityController {
  constructor(
    private readonly commands: AccidentRecordCommandsService,
    private readonly reads: AccidentRecordReadsService,
  ) {}

  @Get('territories/:territoryId/firings')
  @Permit(ACCIDENT_RECORD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'A territory’s accountability firings 问责记录',
    description:
      'The rules that fired for a county, city or province (e.g. 一起重大或两起以上较大事故 → 约谈), each with the accidents that triggered it and the office’s obligation (约谈, minutes).',
  })
  @ApiRegistryId('territoryId', '属地')
  @ApiRegionNotFound()
  @ApiOkResponse({ type: [AccountabilityFiringView] })
  @ApiCommonErrors()
  firings(
    @Param('territoryId', new ParseRegistryIdPipe('territoryId')) territoryId: string,
    @CurrentActor() actor: Actor,
    @Query() query: ListFiringsQuery,
  ): Promise<AccountabilityFiringRow[]> {
    return this.reads.firings(territoryId, actor, query.year);
  }

  @Get('firings/:firingKey')
  @Permit(ACCIDENT_RECORD_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'One firing 问责事项: its record and its obligation as its workflow holds it' })
  @ApiFiringKey()
  @ApiOkResponse({ type: AccountabilityFiringDetailView })
  @ApiCommonErrors()
  firing(@Param('firingKey', ParseFiringKeyPipe) firingKey: string, @CurrentActor() actor: Actor): Promise<FiringDetail> {
    return this.reads.firing(firingKey, actor);
  }

  @Post('firings/:firingKey/action-taken')
  @HttpCode(HttpStatus.OK)
  @Permit(ACCIDENT_RECORD_PERMISSIONS, 'record_action_taken')
  @ApiOperation({
    summary: 'Record the summons held 约谈已开展',
    description:
      'By the office of the firing’s territory: when it was held and its minutes; the obligation is done (on time, or after it fell overdue: the overdue mark stays).',
  })
  @ApiFiringKey()
  @ApiOkResponse({ type: AccountabilityActionStateView })
  @ApiCommonErrors()
  @ApiProblem(409, '已办结 (already recorded, `accountability.action.already_done`).')
  recordActionTaken(
    @Param('firingKey', ParseFiringKeyPipe) firingKey: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RecordActionTakenDto,
  ): Promise<AccountabilityActionState> {
    return this.commands.recordActionTaken(firingKey, actor, dto);
  }

  @Post('reviews')
  @Permit(ACCIDENT_RECORD_PERMISSIONS, 'run_review')
  @ApiOperation({
    summary: 'Run the review now 按月检查',
    description:
      'By an office: the review the monthly Schedule runs (08:00 Beijing on the 1st) — every cap checked for the month just ended before `asOf`, every rule evaluated, each new firing’s obligation started. 201 with what it found within the caller’s territory, or 202 while it still runs.',
  })
  @ApiCreatedResponse({ type: AccidentRecordReviewRunView, headers: locationHeader('review run') })
  @ApiAcceptedResponse({ type: AccidentRecordReviewRunView, headers: { ...locationHeader('review run'), ...retryAfterHeader } })
  @ApiCommonErrors()
  async runReview(@CurrentActor() actor: Actor, @Body() dto: RunReviewDto, @Res({ passthrough: true }) res: Response): Promise<ReviewRun> {
    const run = await this.commands.runReview(actor, dto);
    answerCreated(res, `/accident-record/reviews/${run.runId}`, run.status !== 'running');
    return run;
  }

  @Get('reviews/:runId')
  @Permit(ACCIDENT_RECORD_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'A review run 检查结果: running, failed, or what it found within the caller’s territory' })
  @ApiReviewRunId()
  @ApiOkResponse({ type: AccidentRecordReviewRunView })
  @ApiCommonErrors()
  reviewRun(@Param('runId', ParseReviewRunIdPipe) runId: string, @CurrentActor() actor: Actor): Promise<ReviewRun> {
    return this.reads.reviewRun(runId, actor);
  }
}

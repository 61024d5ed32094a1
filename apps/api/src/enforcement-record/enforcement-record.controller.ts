import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ENFORCEMENT_RECORD_PERMISSIONS, type Actor } from '@duban/domain';
import type { BlacklistChangeRow, FiringRow } from '@duban/persistence';
import { ApiReviewRunId } from '../accident-record/accident-record-api.decorators';
import { ParseReviewRunIdPipe } from '../accident-record/accident-record-params.pipe';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { answerCreated, locationHeader, retryAfterHeader } from '../http/created';
import { ListBlacklistQuery, ListEnforcementFiringsQuery } from './dto/enforcement-record-queries';
import { RunEnforcementReviewDto } from './dto/run-enforcement-review.dto';
import { EnforcementRecordCommandsService } from './enforcement-record-commands.service';
import { EnforcementRecordReadsService, type EnforcementReviewRun } from './enforcement-record-reads.service';
import { BlacklistChangeView, EnforcementFiringView, EnforcementRecordReviewRunView } from './views/enforcement-record.view';

/** 规则触发 and 黑名单: the rules fired over the enforcement record, the blacklist's history, and the review that finds them. */
@ApiTags('enforcement-record 规则触发与黑名单')
@ApiBearerAuth()
@Controller('enforcement-record')
export class EnforcementRecordController {
  constructor(
    private readonly commands: EnforcementRecordCommandsService,
    private readonly reads: EnforcementRecordReadsService,
  ) {}

  @Get('firings')
  @Permit(ENFORCEMENT_RECORD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Rule firings 规则触发',
    description:
      'Newest first: 同一企业一个月内2次严重非法违法行为 → 提请关闭, each with the acts and cases that triggered it; within the caller’s territory, a unit’s own only.',
  })
  @ApiOkResponse({ type: [EnforcementFiringView] })
  @ApiCommonErrors()
  firings(@CurrentActor() actor: Actor, @Query() query: ListEnforcementFiringsQuery): Promise<FiringRow[]> {
    return this.reads.firings(actor, query);
  }

  @Get('blacklist')
  @Permit(ENFORCEMENT_RECORD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'The blacklist’s history 黑名单',
    description: 'Oldest first: every entry (屡纠不改 → 纳入) and exit (移出), each with who recorded it, when and why; bounded as the firings.',
  })
  @ApiOkResponse({ type: [BlacklistChangeView] })
  @ApiCommonErrors()
  blacklist(@CurrentActor() actor: Actor, @Query() query: ListBlacklistQuery): Promise<BlacklistChangeRow[]> {
    return this.reads.blacklist(actor, query);
  }

  @Post('reviews')
  @Permit(ENFORCEMENT_RECORD_PERMISSIONS, 'run_review')
  @ApiOperation({
    summary: 'Run the review now 规则运行',
    description:
      'By an office: the review the daily Schedule runs (00:30 Beijing) — every rule evaluated over the whole record, each new firing, entry and exit recorded once. 201 with what it found within the caller’s territory, or 202 while it still runs.',
  })
  @ApiCreatedResponse({ type: EnforcementRecordReviewRunView, headers: locationHeader('review run') })
  @ApiAcceptedResponse({ type: EnforcementRecordReviewRunView, headers: { ...locationHeader('review run'), ...retryAfterHeader } })
  @ApiCommonErrors()
  async runReview(
    @CurrentActor() actor: Actor,
    @Body() dto: RunEnforcementReviewDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnforcementReviewRun> {
    const run = await this.commands.runReview(actor, dto);
    answerCreated(res, `/enforcement-record/reviews/${run.runId}`, run.status !== 'running');
    return run;
  }

  @Get('reviews/:runId')
  @Permit(ENFORCEMENT_RECORD_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'A review run 规则运行结果: running, failed, or what it found within the caller’s territory' })
  @ApiReviewRunId()
  @ApiOkResponse({ type: EnforcementRecordReviewRunView })
  @ApiCommonErrors()
  reviewRun(@Param('runId', ParseReviewRunIdPipe) runId: string, @CurrentActor() actor: Actor): Promise<EnforcementReviewRun> {
    return this.reads.reviewRun(runId, actor);
  }
}

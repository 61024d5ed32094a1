import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RECONCILIATION_PERMISSIONS, type Actor } from '@duban/domain';
import type { ReconciliationRunRow } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { answerCreated, locationHeader, retryAfterHeader } from '../http/created';
import { StartReconciliationDto } from './dto/start-reconciliation.dto';
import { ReconciliationCommandsService, type ReconciliationStart } from './reconciliation-commands.service';
import { ReconciliationReadsService, type ReconciliationReport } from './reconciliation-reads.service';
import { ReconciliationReportView, ReconciliationRunView, ReconciliationStartView } from './views/reconciliation.view';

/** 台账核对: every workflow's state and events compared with its ledger, drift repaired from the workflow, a report kept. */
@ApiTags('reconciliation 台账核对')
@ApiBearerAuth()
@Controller('reconciliation')
export class ReconciliationController {
  constructor(
    private readonly commands: ReconciliationCommandsService,
    private readonly reads: ReconciliationReadsService,
  ) {}

  @Post('runs')
  @Permit(RECONCILIATION_PERMISSIONS, 'run')
  @ApiOperation({
    summary: 'Run reconciliation now 台账核对',
    description:
      'By an office, with a reason: the run the nightly Schedule makes (02:30 Beijing) — every hazard, enforcement case, accident, tip-off, covert inspection (暗查暗访), campaign and campaign unit (专项行动) compared with its ledger row and events, drift repaired by re-projecting from its workflow; then every ledger row whose workflow does not exist reported as an orphan (台账有记录而流程不存在), never deleted. 201 once it has finished, 202 while it still runs; read the report by its id.',
  })
  @ApiCreatedResponse({ type: ReconciliationStartView, headers: locationHeader('reconciliation run') })
  @ApiAcceptedResponse({ type: ReconciliationStartView, headers: { ...locationHeader('reconciliation run'), ...retryAfterHeader } })
  @ApiCommonErrors()
  async start(
    @CurrentActor() actor: Actor,
    @Body() dto: StartReconciliationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReconciliationStart> {
    const run = await this.commands.start(actor, dto);
    answerCreated(res, `/reconciliation/runs/${run.runId}`, run.status === 'completed');
    return run;
  }

  @Get('runs')
  @Permit(RECONCILIATION_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Reconciliation runs 台账核对记录',
    description: 'The latest 20 first; offices and auditors.',
  })
  @ApiOkResponse({ type: [ReconciliationRunView] })
  @ApiCommonErrors()
  runs(@CurrentActor() actor: Actor): Promise<ReconciliationRunRow[]> {
    return this.reads.runs(actor);
  }

  @Get('runs/:runId')
  @Permit(RECONCILIATION_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'A reconciliation report 台账核对报告',
    description: 'Who ran it and why, its counts, and every drift it found with its type and whether it was repaired.',
  })
  @ApiParam({ name: 'runId', description: '核对编号 (run id), as POST /reconciliation/runs answered it.' })
  @ApiOkResponse({ type: ReconciliationReportView })
  @ApiCommonErrors()
  @ApiProblem(404, '核对记录不存在 (reconciliation run not found, `resource.not_found`).')
  run(@Param('runId') runId: string, @CurrentActor() actor: Actor): Promise<ReconciliationReport> {
    return this.reads.run(actor, runId);
  }
}

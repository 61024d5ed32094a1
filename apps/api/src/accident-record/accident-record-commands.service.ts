import { Inject, Injectable } from '@nestjs/common';
import { admitControlIndicatorSet, authorizeAccidentRecordAction, conflict, type AccountabilityActionState, type Actor } from '@duban/domain';
import { AccidentRecordReader, AccidentRecordWriter, RegistryReader } from '@duban/persistence';
import {
  ACCIDENT_RECORD_SCHEDULE,
  accidentRecordReviewWorkflowId,
  accountabilityActionWorkflowId,
  recordActionTakenUpdate,
  type AccidentRecordReviewInput,
  type AccidentRecordReviewResult,
} from '@duban/workflows';
import { CLOCK } from '../config/api-config.tokens';
import { commandArgs } from '../http/command-args';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { authorizeOnFiring, authorizeOnRegion } from './accident-record-access';
import { AccidentRecordReadsService, type ControlIndicatorSet, type ReviewRun } from './accident-record-reads.service';
import type { PutControlIndicatorsDto } from './dto/put-control-indicators.dto';
import type { RecordActionTakenDto } from './dto/record-action-taken.dto';
import type { RunReviewDto } from './dto/run-review.dto';

/**
 * The accident record, the commands: an office puts its region's caps (kept as revisions), records
 * the summons a firing asked for (an update of the firing's workflow), and runs the review now
 * (the same workflow the monthly Schedule starts).
 */
@Injectable()
export class AccidentRecordCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly reader: AccidentRecordReader,
    private readonly writer: AccidentRecordWriter,
    private readonly registry: RegistryReader,
    private readonly reads: AccidentRecordReadsService,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async putIndicators(
    regionId: string,
    year: number,
    actor: Actor,
    dto: PutControlIndicatorsDto,
  ): Promise<ControlIndicatorSet & { changed: boolean }> {
    await authorizeOnRegion(this.registry, actor, 'set_indicators', regionId, 'the control indicators');
    const { indicators: entries, warnAt, reason } = commandArgs(dto);
    const indicators = admitControlIndicatorSet({ regionId, year, entries, warnAt }, actor);
    const { changed } = await this.writer.putIndicators({ regionId, year, indicators, setBy: actor, reason: reason.trim(), at: this.now() });
    return { ...(await this.reads.currentSet(regionId, year)), changed };
  }

  /** 约谈已开展: the firing's obligation done (its workflow validates: an office, minutes, a time not in the future). */
  async recordActionTaken(firingKey: string, actor: Actor, dto: RecordActionTakenDto): Promise<AccountabilityActionState> {
    await authorizeOnFiring(this.reader, this.registry, actor, 'record_action_taken', firingKey);
    return this.workflows.update(accountabilityActionWorkflowId(firingKey), recordActionTakenUpdate, { actor, ...commandArgs(dto) }, () =>
      conflict('accountability.action.already_done', `the action on ${firingKey} is already recorded (已办结)`),
    );
  }

  /** 按月检查, now: the review the Schedule runs monthly, for the month just ended before `asOf`. */
  async runReview(actor: Actor, dto: RunReviewDto): Promise<ReviewRun> {
    authorizeAccidentRecordAction('run_review', actor);
    const runId = this.workflows.newResourceId();
    const input: AccidentRecordReviewInput = dto.asOf ? { asOf: new Date(dto.asOf).toISOString() } : {};
    const run = await this.workflows.run<AccidentRecordReviewInput, AccidentRecordReviewResult>({
      workflowType: ACCIDENT_RECORD_SCHEDULE.workflowType,
      workflowId: accidentRecordReviewWorkflowId(runId),
      input,
      subject: `review run ${runId}`,
    });
    if (!run.registered) return { runId, status: 'running', message: run.message };
    return this.reads.reviewFound(runId, run.value, actor);
  }
}

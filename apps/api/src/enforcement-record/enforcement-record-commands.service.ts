import { Injectable } from '@nestjs/common';
import { authorizeEnforcementRecordAction, requiredText, TEXT_LIMITS, type Actor } from '@duban/domain';
import {
  ENFORCEMENT_RECORD_SCHEDULE,
  enforcementRecordReviewWorkflowId,
  type EnforcementRecordReviewInput,
  type EnforcementRecordReviewResult,
} from '@duban/workflows';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import type { RunEnforcementReviewDto } from './dto/run-enforcement-review.dto';
import { EnforcementRecordReadsService, type EnforcementReviewRun } from './enforcement-record-reads.service';

/** The rules over the enforcement record, the command: an office runs the review now (the workflow the daily Schedule starts). */
@Injectable()
export class EnforcementRecordCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly reads: EnforcementRecordReadsService,
  ) {}

  /** 规则运行, now: the run's input keeps who asked and why (the audit story), shown with its outcome. */
  async runReview(actor: Actor, dto: RunEnforcementReviewDto): Promise<EnforcementReviewRun> {
    authorizeEnforcementRecordAction('run_review', actor);
    const runId = this.workflows.newResourceId();
    const reason = requiredText(dto.reason, 'reason', TEXT_LIMITS.longText);
    const input: EnforcementRecordReviewInput = { ...(dto.asOf ? { asOf: dto.asOf } : {}), reason, requestedBy: actor };
    const run = await this.workflows.run<EnforcementRecordReviewInput, EnforcementRecordReviewResult>({
      workflowType: ENFORCEMENT_RECORD_SCHEDULE.workflowType,
      workflowId: enforcementRecordReviewWorkflowId(runId),
      input,
      subject: `review run ${runId}`,
    });
    if (!run.registered) return { runId, status: 'running', message: run.message };
    return this.reads.reviewFound(runId, run.value, actor);
  }
}

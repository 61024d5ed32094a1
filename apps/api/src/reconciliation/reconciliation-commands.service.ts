import { Injectable } from '@nestjs/common';
import { authorizeReconciliationAction, type Actor } from '@duban/domain';
import { RECONCILIATION_SCHEDULE, reconciliationWorkflowId, type ReconciliationInput, type ReconciliationResult } from '@duban/workflows';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import type { StartReconciliationDto } from './dto/start-reconciliation.dto';

export type ReconciliationStart = { runId: string; status: 'completed' } | { runId: string; status: 'running'; message: string };

/** Reconciliation, the command: an office runs it now (the workflow the nightly Schedule starts), with who and why kept in the report. */
@Injectable()
export class ReconciliationCommandsService {
  constructor(private readonly workflows: WorkflowGateway) {}

  async start(actor: Actor, dto: StartReconciliationDto): Promise<ReconciliationStart> {
    authorizeReconciliationAction('run', actor);
    const runId = reconciliationWorkflowId(this.workflows.newResourceId());
    const run = await this.workflows.run<ReconciliationInput, ReconciliationResult>({
      workflowType: RECONCILIATION_SCHEDULE.workflowType,
      workflowId: runId,
      input: { startedBy: actor, reason: dto.reason },
      subject: `reconciliation run ${runId}`,
    });
    return run.registered ? { runId, status: 'completed' } : { runId, status: 'running', message: run.message };
  }
}

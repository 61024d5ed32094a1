import { ApplicationFailure, WorkflowUpdateFailedError, type WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { DomainRejection } from '@duban/domain';
import { REJECTION_FAILURE_TYPE } from '@duban/workflows';

/** What the fake answers for one workflow id: an update by its name, and the query. */
export interface FakeWorkflowHandle {
  update(name: string, args: unknown[]): Promise<unknown>;
  query(): Promise<unknown>;
}

export interface StartedWorkflow {
  workflowType: unknown;
  options: Record<string, unknown>;
}

export interface SentUpdate {
  workflowId: string;
  name: string;
  args: unknown[];
}

/** A domain rejection as the real client surfaces it from a workflow's update validator; anything else unchanged. */
export function toUpdateFailure(error: unknown): unknown {
  if (!(error instanceof DomainRejection)) return error;
  const failure = ApplicationFailure.create({
    type: REJECTION_FAILURE_TYPE[error.kind],
    message: error.message,
    details: [{ ...error.details, code: error.code, field: error.field }],
    nonRetryable: true,
  });
  return new WorkflowUpdateFailedError('Workflow Update failed', failure);
}

/**
 * The part of Temporal's client the API uses (`workflow.executeUpdateWithStart`, `workflow.getHandle`),
 * recording every start and update. A subclass runs the domain's own decisions, as the workflows'
 * validators and handlers do; a `DomainRejection` it throws from an update reaches the API as the
 * real client's `WorkflowUpdateFailedError`.
 */
export abstract class FakeTemporal<Input> {
  readonly started: StartedWorkflow[] = [];
  readonly updates: SentUpdate[] = [];

  /** Starts the workflow on its first argument; the update-with-start's result. */
  protected abstract start(input: Input): unknown;

  /** The workflow `workflowId` names; it looks its workflow up only when called. */
  protected abstract handle(workflowId: string): FakeWorkflowHandle;

  readonly client = {
    workflow: {
      executeUpdateWithStart: async (_update: unknown, options: { startWorkflowOperation: WithStartWorkflowOperation<never> }) => {
        const op = options.startWorkflowOperation;
        this.started.push({ workflowType: op.workflowTypeOrFunc, options: op.options as unknown as Record<string, unknown> });
        const [input] = (op.options as unknown as { args: [Input] }).args;
        return this.start(input);
      },
      getHandle: (workflowId: string) => {
        const handle = this.handle(workflowId);
        return {
          executeUpdate: async (update: UpdateDefinition<unknown, unknown[]>, options: { args: unknown[] }) => {
            this.updates.push({ workflowId, name: update.name, args: JSON.parse(JSON.stringify(options.args)) });
            try {
              return await handle.update(update.name, options.args);
            } catch (error) {
              throw toUpdateFailure(error);
            }
          },
          query: () => handle.query(),
        };
      },
    },
  };
}

export type FakeTemporalClient = FakeTemporal<unknown>['client'];

/**
 * Stands in for Temporal in front of `inner`: `answer` passes the start on; `hang` never answers
 * (no worker polling); `refuse` fails the start with `refusal`. `started` lists the workflow ids.
 */
export function gatedStarts(inner: FakeTemporalClient) {
  const gate = {
    mode: 'answer' as 'answer' | 'hang' | 'refuse',
    refusal: undefined as unknown,
    started: [] as string[],
    client: {
      workflow: {
        executeUpdateWithStart: (update: unknown, options: { startWorkflowOperation: WithStartWorkflowOperation<never> }) => {
          gate.started.push(String((options.startWorkflowOperation.options as { workflowId: string }).workflowId));
          if (gate.mode === 'hang') return new Promise<never>(() => {});
          if (gate.mode === 'refuse') return Promise.reject(gate.refusal);
          return inner.workflow.executeUpdateWithStart(update, options);
        },
        getHandle: inner.workflow.getHandle,
      },
    },
  };
  return gate;
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { keyedUpdateId } from '@duban/domain';
import { TEMPORAL_CLIENT } from '@duban/temporal-client';
import { REGISTRATION_TIMEOUT_MS, TASK_QUEUE } from '../config/api-config.tokens';
import { currentIdempotentRequest } from '../http/idempotency-context';
import { awaitRegistration, notYetRegisteredMessage } from './registration';

/** What starting a workflow came to: its registration's answer, or the 202's message when none came in time. */
export type StartResult<R> = { registered: true; value: R } | { registered: false; message: string };

/** Where a run stands, as Temporal describes it; its result once completed. */
export type RunOutcome<R> = { status: 'running' } | { status: 'completed'; result: R } | { status: 'failed'; reason: string };

/** A workflow started by name (the API never imports workflow code). */
export interface WorkflowRun<I> {
  workflowType: string;
  workflowId: string;
  input: I;
  /** What the workflow is, in messages: `hazard <id>`, `campaign <id>`. */
  subject: string;
}

/** A workflow that registers itself in the ledger as it starts. */
export interface WorkflowStart<I, R> extends WorkflowRun<I> {
  /** The update that answers once the new workflow is in the ledger. */
  registered: UpdateDefinition<R, []>;
}

/**
 * How a start meets an id already in use: under an Idempotency-Key a retry joins its first
 * attempt's workflow (and one that has ended is not started again); without one it is refused.
 */
const startPolicies = (keyed: boolean) =>
  keyed
    ? ({ workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE' } as const)
    : ({ workflowIdConflictPolicy: 'FAIL' } as const);

/** An ended retry's start is refused as already started: its first attempt's answer is read instead. */
const orFirstAttempt =
  <T>(keyed: boolean, first: () => Promise<T>) =>
  (error: unknown): Promise<T> => {
    if (!keyed || !(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    return first();
  };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The update id a request sent under an Idempotency-Key carries (undefined: the SDK draws one). */
function idempotentUpdateId(): { updateId?: string } {
  const request = currentIdempotentRequest();
  return request ? { updateId: keyedUpdateId(request.requestId) } : {};
}

/**
 * The API's one way to Temporal, for every feature: starting a workflow and waiting (at most the
 * registration timeout) for it to be in the ledger, sending an update to a running one, and
 * asking one for its own view. Errors other than those handled here reach the error filter.
 *
 * A write sent under an Idempotency-Key (http/idempotency.interceptor.ts) is made repeatable
 * here: a create's resource id and every update id are derived from the key and the request,
 * so a retry reaches the workflow its first attempt started (conflict policy USE_EXISTING) and
 * carries the same update id, which Temporal (within a run) and the workflow (across
 * continue-as-new, workflows/src/update-memory.ts) answer again instead of applying it twice.
 */
@Injectable()
export class WorkflowGateway {
  private readonly logger = new Logger(WorkflowGateway.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(REGISTRATION_TIMEOUT_MS) private readonly registrationTimeoutMs: number,
    @Inject(TASK_QUEUE) private readonly taskQueue: string,
  ) {}

  /** The id of a resource a request creates: derived from its Idempotency-Key (a retry names the same one), else random. */
  newResourceId(): string {
    return currentIdempotentRequest()?.requestId ?? randomUUID();
  }

  /**
   * Update-with-start on the configured task queue (an id already in use is refused: 409). Answers the
   * registration, or `registered: false` once the timeout passes; the start is not cancelled then
   * (Temporal took it, a worker registers it once one polls), and a later failure is logged.
   * Under an Idempotency-Key the id (from `newResourceId`) is its first attempt's: a running
   * workflow is joined and answers its registration again; one that has ended since is not
   * started a second time, and its registration's answer, as Temporal kept it, is given again.
   */
  async start<I, R>(start: WorkflowStart<I, R>): Promise<StartResult<R>> {
    const { updateId } = idempotentUpdateId();
    const keyed = updateId !== undefined;
    const startWorkflowOperation = new WithStartWorkflowOperation<(input: I) => Promise<unknown>>(start.workflowType, {
      workflowId: start.workflowId,
      taskQueue: this.taskQueue,
      args: [start.input],
      ...startPolicies(keyed),
    });
    const registering = this.temporal.workflow
      .executeUpdateWithStart(start.registered, { startWorkflowOperation, updateId })
      .catch(orFirstAttempt(keyed, () => this.temporal.workflow.getHandle(start.workflowId).getUpdateHandle<R>(updateId!).result()));
    const registration = await awaitRegistration(registering, this.registrationTimeoutMs, (error) =>
      this.logger.warn(`${start.subject} (answered 202) did not register: ${messageOf(error)}`),
    );
    if (!registration.registered) return { registered: false, message: notYetRegisteredMessage(start.subject, this.registrationTimeoutMs) };
    return registration;
  }

  /**
   * Sends `update` to the workflow (under an Idempotency-Key, with the update id derived from it:
   * Temporal answers a completed update again, even once the workflow has ended). One Temporal
   * no longer knows has ended, though the ledger knows it (callers look it up first): `ended()`
   * gives the refusal that says so (a 409).
   */
  async update<R, A>(workflowId: string, update: UpdateDefinition<R, [A]>, args: A, ended: () => Error): Promise<R> {
    try {
      return await this.temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [args], ...idempotentUpdateId() });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw ended();
      throw error;
    }
  }

  /**
   * Starts a workflow that runs to its end and waits (at most the registration timeout) for its
   * result; `registered: false` once the time passes (the run goes on: read it by its id). Under
   * an Idempotency-Key a retry joins the first attempt's run, or reads its result once it ended.
   */
  async run<I, R>(run: WorkflowRun<I>): Promise<StartResult<R>> {
    const keyed = currentIdempotentRequest() !== undefined;
    const finished = this.temporal.workflow
      .start(run.workflowType, { workflowId: run.workflowId, taskQueue: this.taskQueue, args: [run.input], ...startPolicies(keyed) })
      .then((handle) => handle.result() as Promise<R>)
      .catch(orFirstAttempt(keyed, () => this.temporal.workflow.getHandle(run.workflowId).result() as Promise<R>));
    const outcome = await awaitRegistration(finished, this.registrationTimeoutMs, (error) =>
      this.logger.warn(`${run.subject} (answered 202) did not complete: ${messageOf(error)}`),
    );
    if (!outcome.registered)
      return {
        registered: false,
        message: `${run.subject} is running; read it back by its id (it did not end within ${this.registrationTimeoutMs / 1000} s)`,
      };
    return outcome;
  }

  /** Where the run `workflowId` stands (undefined: Temporal has no such run). */
  async outcome<R>(workflowId: string): Promise<RunOutcome<R> | undefined> {
    try {
      const handle = this.temporal.workflow.getHandle(workflowId);
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') return { status: 'running' };
      if (status.name === 'COMPLETED') return { status: 'completed', result: (await handle.result()) as R };
      return { status: 'failed', reason: `the run ended ${status.name.toLowerCase()}` };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  /** The workflow's own answer to `query`, or undefined when the workflow is not (or no longer) on record. */
  async query<T>(workflowId: string, query: QueryDefinition<T, []>): Promise<T | undefined> {
    try {
      return await this.temporal.workflow.getHandle(workflowId).query(query);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }
}

import { createHash } from 'node:crypto';
import type { Duration, Workflow } from '@temporalio/common';
import {
  isGrpcServiceError,
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  ServiceError,
  type CalendarSpec,
  type Client,
  type ScheduleOptions,
  type ScheduleOptionsStartWorkflowAction,
} from '@temporalio/client';
import { DUBAN_TASK_QUEUE } from '@duban/workflows';

/** A rule run over a record on a calendar (ACCIDENT_RECORD_SCHEDULE, ENFORCEMENT_RECORD_SCHEDULE in their contracts). */
export interface RecordSchedule {
  scheduleId: string;
  workflowType: string;
  workflowIdPrefix: string;
  calendar: CalendarSpec;
  timezone: string;
  catchupWindow: Duration;
  note: string;
  /** The workflow's input for every run (e.g. the enforcement review's fixed reason); absent: `{}`. */
  input?: object;
}

type Definition = Omit<ScheduleOptions<ScheduleOptionsStartWorkflowAction<Workflow>>, 'scheduleId'>;

/** The Schedule as Duban wants it; its note carries a fingerprint of this definition, so a change is seen without comparing the server's normalised form. */
export function recordScheduleDefinition(s: RecordSchedule, taskQueue: string = DUBAN_TASK_QUEUE): Definition {
  const base = {
    spec: { calendars: [{ ...s.calendar }], timezone: s.timezone },
    action: { type: 'startWorkflow' as const, workflowType: s.workflowType, args: [s.input ?? {}], taskQueue, workflowId: s.workflowIdPrefix },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: s.catchupWindow },
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(base)).digest('hex').slice(0, 16);
  return { ...base, state: { note: `${s.note} [definition ${fingerprint}]` } };
}

/** gRPC's DEADLINE_EXCEEDED and UNAVAILABLE. */
const TRANSIENT_GRPC_CODES: ReadonlySet<number> = new Set([4, 14]);

/** What a Temporal server still starting (or just restarted after a crash) answers with: worth another try. */
function isTransient(error: unknown): boolean {
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && TRANSIENT_GRPC_CODES.has(cause.code);
}

/**
 * Creates the Schedule, or updates it when its definition differs (the note's fingerprint); one
 * already as defined is left alone. Safe from every worker at start. A server that times out or is
 * unreachable is tried again (`retry.attempts`, `retry.delayMs` apart): a worker starting beside a
 * Temporal dev server that is recovering from kill -9 saw its describe time out once, and died.
 */
export async function ensureRecordSchedule(
  client: Client,
  schedule: RecordSchedule,
  taskQueue?: string,
  retry: { attempts: number; delayMs: number } = { attempts: 10, delayMs: 3_000 },
): Promise<'created' | 'updated' | 'unchanged'> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ensureScheduleOnce(client, schedule, taskQueue);
    } catch (error) {
      if (attempt >= retry.attempts || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, retry.delayMs));
    }
  }
}

async function ensureScheduleOnce(client: Client, schedule: RecordSchedule, taskQueue?: string): Promise<'created' | 'updated' | 'unchanged'> {
  const definition = recordScheduleDefinition(schedule, taskQueue);
  try {
    await client.schedule.create({ scheduleId: schedule.scheduleId, ...definition });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = client.schedule.getHandle(schedule.scheduleId);
  const current = await handle.describe();
  if (current.state.note === definition.state?.note) return 'unchanged';
  await handle.update((previous) => ({ ...previous, ...definition, state: { ...previous.state, ...definition.state } }));
  return 'updated';
}

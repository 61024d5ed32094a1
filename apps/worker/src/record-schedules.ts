import { createHash } from 'node:crypto';
import type { Duration, Workflow } from '@temporalio/common';
import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
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

/**
 * Creates the Schedule, or updates it when its definition differs (the note's fingerprint); one
 * already as defined is left alone. Safe from every worker at start.
 */
export async function ensureRecordSchedule(
  client: Client,
  schedule: RecordSchedule,
  taskQueue?: string,
): Promise<'created' | 'updated' | 'unchanged'> {
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

import { createHash } from 'node:crypto';
import type { Workflow } from '@temporalio/common';
import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
  type ScheduleOptionsStartWorkflowAction,
} from '@temporalio/client';
import { ACCIDENT_RECORD_SCHEDULE, DUBAN_TASK_QUEUE } from '@duban/workflows';

type Definition = Omit<ScheduleOptions<ScheduleOptionsStartWorkflowAction<Workflow>>, 'scheduleId'>;

/** The Schedule as Duban wants it; its note carries a fingerprint of this definition, so a change is seen without comparing the server's normalised form. */
export function accidentRecordScheduleDefinition(taskQueue: string = DUBAN_TASK_QUEUE): Definition {
  const s = ACCIDENT_RECORD_SCHEDULE;
  const base = {
    spec: { calendars: [{ ...s.calendar }], timezone: s.timezone },
    action: { type: 'startWorkflow' as const, workflowType: s.workflowType, args: [{}], taskQueue, workflowId: s.workflowIdPrefix },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: s.catchupWindow },
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(base)).digest('hex').slice(0, 16);
  return { ...base, state: { note: `${s.note} [definition ${fingerprint}]` } };
}

/**
 * Creates the accident record's Schedule, or updates it when its definition differs (the note's
 * fingerprint); one already as defined is left alone. Safe from every worker at start.
 */
export async function ensureAccidentRecordSchedules(client: Client, taskQueue?: string): Promise<'created' | 'updated' | 'unchanged'> {
  const definition = accidentRecordScheduleDefinition(taskQueue);
  const scheduleId = ACCIDENT_RECORD_SCHEDULE.scheduleId;
  try {
    await client.schedule.create({ scheduleId, ...definition });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = client.schedule.getHandle(scheduleId);
  const current = await handle.describe();
  if (current.state.note === definition.state?.note) return 'unchanged';
  await handle.update((previous) => ({ ...previous, ...definition, state: { ...previous.state, ...definition.state } }));
  return 'updated';
}

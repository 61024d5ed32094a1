import { createHash } from 'node:crypto';
import type { Workflow } from '@temporalio/common';
import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
  type ScheduleOptionsStartWorkflowAction,
} from '@temporalio/client';
import { DUBAN_TASK_QUEUE, ENFORCEMENT_RECORD_SCHEDULE } from '@duban/workflows';

type Definition = Omit<ScheduleOptions<ScheduleOptionsStartWorkflowAction<Workflow>>, 'scheduleId'>;

/** The daily Schedule of the enforcement record's rules, with a fingerprint of its definition in its note (as the accident record's). */
export function enforcementRecordScheduleDefinition(taskQueue: string = DUBAN_TASK_QUEUE): Definition {
  const s = ENFORCEMENT_RECORD_SCHEDULE;
  const base = {
    spec: { calendars: [{ ...s.calendar }], timezone: s.timezone },
    action: { type: 'startWorkflow' as const, workflowType: s.workflowType, args: [{}], taskQueue, workflowId: s.workflowIdPrefix },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: s.catchupWindow },
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(base)).digest('hex').slice(0, 16);
  return { ...base, state: { note: `${s.note} [definition ${fingerprint}]` } };
}

/** Creates the Schedule, or updates it when its definition differs; one already as defined is left alone. Safe from every worker at start. */
export async function ensureEnforcementRecordSchedule(client: Client, taskQueue?: string): Promise<'created' | 'updated' | 'unchanged'> {
  const definition = enforcementRecordScheduleDefinition(taskQueue);
  const scheduleId = ENFORCEMENT_RECORD_SCHEDULE.scheduleId;
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

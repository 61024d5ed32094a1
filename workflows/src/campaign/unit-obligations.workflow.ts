import {
  allHandlersFinished,
  condition,
  continueAsNew,
  ParentClosePolicy,
  proxyLocalActivities,
  setHandler,
  startChild,
  uuid4,
} from '@temporalio/workflow';
import {
  unitViewAt,
  applyEvents,
  buildCampaignSchedule,
  calendarOrWeekdays,
  commandOf,
  enrolUnitEvents,
  inspectorAssignedEvents,
  inspectorUnassignedEvents,
  taskAssignedEvents,
  upcomingObligations,
  nextUnitTimerAt,
  obligationTemplateFor,
  settleUnitObligations,
  unitDecider,
  type NewUnitEvent,
  type UnitCommand,
  type UnitContext,
  type UnitEvent,
  type UnitObligationsState,
} from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import { LEDGER_ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { handleCommandUpdate, type Retries } from '../command-update';
import { historyIsLong } from '../history-limit';
import { UpdateMemory } from '../update-memory';
import { hazardWorkflowId, type HazardWorkflowInput } from '../hazard/hazard.contract';
import {
  recordFindingUpdate,
  recordInspectionUpdate,
  submitReportUpdate,
  unitControlSignal,
  unitViewQuery,
  type UnitControl,
  type UnitObligationsActivities,
  type UnitObligationsInput,
  type UnitSummary,
  type UnitUpdateResult,
  type UnitView,
} from './unit-obligations.contract';

/** The validator cannot draw a random id (it would shift replay); it checks with this stand-in. */
const PENDING_HAZARD_ID = 'pending';

// Local activities: a campaign runs thousands of these workflows, and a local activity costs one
// marker event instead of three events and a task-queue round trip. Both are idempotent reads or
// writes, so a retry after a worker crash is harmless.
const { loadCampaignPlan, recordUnitEvents } = proxyLocalActivities<UnitObligationsActivities>({
  startToCloseTimeout: LEDGER_ACTIVITY_TIMEOUT,
  retry: ACTIVITY_RETRY,
});

/**
 * One responsible unit's obligations in one campaign (责任单位): reports due at their cut-offs,
 * phase deliverables, activity reports; missed ones recorded and escalated along the
 * template's ladder; inspections and findings (each finding becomes a hazard workflow).
 */
export async function unitObligationsWorkflow(input: UnitObligationsInput): Promise<UnitObligationsState> {
  const plan = await loadCampaignPlan({ campaignId: input.campaignId });
  // The campaign's calendar comes with its plan (an activity result in the history): replay keeps it.
  const calendar = calendarOrWeekdays(plan.calendar);
  // A government under a cascade (比照落实) owes the cascade's items; every other unit the template.
  const template = obligationTemplateFor(plan.template, input.unit);
  let ctx: UnitContext = {
    template,
    schedule: buildCampaignSchedule(template, new Date(plan.startsAt), plan.phaseExtensions, calendar),
    hazardPolicy: plan.hazardPolicy,
    calendar,
  };
  let state: UnitObligationsState;
  const controls: UnitControl[] = [];
  let pendingWrites = Promise.resolve();

  /** Projects numbered events with the state after them; writes go out in order. */
  async function project(events: UnitUpdateResult['events']): Promise<UnitUpdateResult> {
    if (events.length > 0) {
      const snapshot = state;
      pendingWrites = pendingWrites.then(() => recordUnitEvents({ events, state: snapshot }));
      await pendingWrites;
    }
    return { events, view: summary() };
  }

  function commit(events: NewUnitEvent[]): Promise<UnitUpdateResult> {
    const applied = applyEvents(unitDecider, state, events);
    state = applied.state;
    return project(applied.events);
  }

  /** Records what the clock decided: obligations missed since the last look, and ladder rungs reached. */
  function settle(): Promise<UnitUpdateResult> {
    const settled = settleUnitObligations(state, ctx, new Date());
    state = settled.state;
    return project(settled.events);
  }

  function summary(): UnitSummary {
    const { campaignId, unit, status, counters, missedOpen, lastSeq } = state;
    return {
      state: { campaignId, unit, status, counters, missedOpen, lastSeq, escalationCount: state.escalations.length },
      nextDue: upcomingObligations(state, ctx, new Date())[0],
    };
  }

  // Built from the state and the schedule alone, as the as-of read builds it (libs/domain/src/as-of-views.ts).
  const view = (): UnitView => unitViewAt(state, ctx, new Date());

  if (input.carriedState) {
    state = input.carriedState;
  } else {
    const now = new Date();
    state = unitDecider.initialState(input.campaignId, input.unit, now.toISOString(), input.paused ?? false);
    await commit(enrolUnitEvents(input.unit, input.enrolledBy, now, `enrolled in campaign ${input.campaignId}`, calendar.version));
    // What offices had already decided for this unit before it started (none in older campaigns: no extra command).
    const base = { at: now.toISOString(), actor: input.enrolledBy, reason: `standing in campaign ${input.campaignId} at enrolment` };
    const standing = [
      ...(input.tasks ?? []).flatMap((task) => taskAssignedEvents(state, task, base)),
      ...(input.inspectors ?? []).flatMap((inspector) => inspectorAssignedEvents(state, inspector, base)),
    ];
    if (standing.length > 0) await commit(standing);
  }

  const decide = (command: UnitCommand) => unitDecider.decide(state, command, new Date(), ctx);
  // A retry recognised after continue-as-new gets the events it recorded (and a finding its hazard
  // id), with the summary as it is now.
  const memory = new UpdateMemory(input.carriedUpdates);
  const retries: Retries<UnitUpdateResult, UnitEvent[]> = {
    memory,
    keep: (answer) => answer.events,
    answer: (events) => ({ events, view: summary() }),
  };
  const findingRetries: Retries<UnitUpdateResult & { hazardId: string }, { events: UnitEvent[]; hazardId: string }> = {
    memory,
    keep: ({ events, hazardId }) => ({ events, hazardId }),
    answer: ({ events, hazardId }) => ({ events, view: summary(), hazardId }),
  };

  setHandler(unitViewQuery, view);
  setHandler(unitControlSignal, (control) => void controls.push(control));
  handleCommandUpdate(submitReportUpdate, {
    // Obligations past their cut-off are recorded as missed first, so a late report counts against its miss.
    before: settle,
    command: (args) => commandOf<UnitCommand, 'submit_report'>('submit_report', args),
    decide,
    commit,
    retries,
  });
  handleCommandUpdate(recordInspectionUpdate, {
    command: (args) => commandOf<UnitCommand, 'record_inspection'>('record_inspection', args),
    decide,
    commit,
    retries,
  });
  handleCommandUpdate(recordFindingUpdate, {
    command: ({ actor, ...report }, stage) =>
      commandOf<UnitCommand, 'record_finding'>('record_finding', {
        actor,
        hazardId: stage === 'handler' ? uuid4() : PENDING_HAZARD_ID,
        report: { ...report, unitId: state.unit.unitId, source: 'campaign' },
      }),
    decide,
    commit: async (events, { actor, hazardId, report }) => {
      const hazardInput: HazardWorkflowInput = {
        hazardId,
        report: { ...report, campaignId: state.campaignId },
        reporter: actor,
        policy: ctx.hazardPolicy,
        ...(plan.calendar ? { calendar: plan.calendar } : {}),
      };
      // The hazard lives on in the hazard ledger whatever becomes of the campaign.
      await startChild('hazardWorkflow', {
        workflowId: hazardWorkflowId(hazardId),
        args: [hazardInput],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      return { ...(await commit(events)), hazardId };
    },
    retries: findingRetries,
  });

  async function applyControl(control: UnitControl): Promise<void> {
    const base = { at: new Date().toISOString(), actor: control.actor, reason: control.reason };
    switch (control.type) {
      case 'pause':
        if (state.status === 'active') {
          await settle();
          await commit([{ ...base, type: 'paused', data: {} }]);
        }
        return;
      case 'resume':
        if (state.status === 'paused') await commit([{ ...base, type: 'resumed', data: {} }]);
        return;
      case 'phases_changed':
        await settle();
        ctx = { ...ctx, schedule: buildCampaignSchedule(ctx.template, new Date(plan.startsAt), control.phaseExtensions, calendar) };
        return;
      case 'remove':
        if (state.status === 'active' || state.status === 'paused') await commit([{ ...base, type: 'removed', data: {} }]);
        return;
      case 'close':
        if (state.status === 'active' || state.status === 'paused') {
          await settle();
          await commit([{ ...base, type: 'closed', data: {} }]);
        }
        return;
      case 'task_assigned':
        await commit(taskAssignedEvents(state, control.task, base));
        return;
      case 'inspector_assigned':
        await commit(inspectorAssignedEvents(state, control.inspector, base));
        return;
      case 'inspector_unassigned':
        await commit(inspectorUnassignedEvents(state, control.inspectorId, base));
        return;
    }
  }

  while (state.status === 'active' || state.status === 'paused') {
    const wakeAt = nextUnitTimerAt(state, ctx);
    const wait = wakeAt ? Math.max(1, wakeAt.getTime() - Date.now()) : undefined;
    if (wait === undefined) await condition(() => controls.length > 0);
    else await condition(() => controls.length > 0, wait);
    await settle();
    while (controls.length > 0) await applyControl(controls.shift()!);
    if (historyIsLong()) {
      await condition(allHandlersFinished);
      // Controls that arrived while draining go along with the carried state.
      while (controls.length > 0) await applyControl(controls.shift()!);
      if (state.status === 'active' || state.status === 'paused') {
        await continueAsNew<typeof unitObligationsWorkflow>({ ...input, carriedState: state, carriedUpdates: memory.carried() });
      }
    }
  }
  await condition(allHandlersFinished);
  return state;
}

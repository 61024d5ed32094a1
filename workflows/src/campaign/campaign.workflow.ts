import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError, type UpdateDefinition } from '@temporalio/common';
import {
  applyEvents,
  campaignDecider,
  commandOf,
  currentCampaignSchedule,
  campaignViewAt,
  STANDARD_HAZARD_POLICY,
  type Actor,
  type CampaignCommand,
  type CampaignCommandType,
  type CampaignEvent,
  type CampaignState,
  type CommandArgs,
  type HazardPolicy,
  type NewCampaignEvent,
  type ScopeUnit,
  unitTaskOf,
} from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import { handleCommandUpdate, type Retries } from '../command-update';
import { historyIsLong } from '../history-limit';
import { UpdateMemory } from '../update-memory';
import { DubanCampaignId, DubanUnitId } from '../search-attributes';
import {
  addTaskUpdate,
  addUnitUpdate,
  assignInspectorUpdate,
  awaitCampaignRegisteredUpdate,
  campaignViewQuery,
  closeCampaignUpdate,
  extendPhaseUpdate,
  pauseCampaignUpdate,
  removeUnitUpdate,
  resumeCampaignUpdate,
  unassignInspectorUpdate,
  type CampaignActivities,
  type CampaignUpdateResult,
  type CampaignView,
  type CampaignWorkflowInput,
} from './campaign.contract';
import { unitObligationsWorkflowId, type UnitControl, type UnitObligationsInput } from './unit-obligations.contract';
import { unitObligationsWorkflow } from './unit-obligations.workflow';

/** Units launched per batch: each start is two history events, so batches keep runs small. */
const LAUNCH_BATCH = 250;
/** A campaign continues as new sooner than other workflows: a batch of unit starts adds hundreds of events at once. */
const MAX_HISTORY_EVENTS = 3000;

const activities = proxyActivities<CampaignActivities>({ startToCloseTimeout: '2 minutes', retry: ACTIVITY_RETRY });
const { awaitUnitsSettled } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '30 seconds',
  retry: ACTIVITY_RETRY,
});

/**
 * A campaign (专项行动) over its scope: records the launch, starts one obligations workflow per
 * responsible unit (in batches, continuing as new so thousands of units stay within history
 * limits), marks phase starts, and carries the office's decisions (pause, resume, extend a
 * phase, add or remove a unit, close) to the units.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignState> {
  const hazardPolicy: HazardPolicy = input.hazardPolicy ?? STANDARD_HAZARD_POLICY;
  let state: CampaignState;
  let registered = false;
  const schedule = () => currentCampaignSchedule(state);

  async function commit(events: NewCampaignEvent[]): Promise<CampaignUpdateResult> {
    const applied = applyEvents(campaignDecider, state, events);
    state = applied.state;
    await activities.recordCampaignEvents({ events: applied.events, state, schedule: schedule(), hazardPolicy });
    return { events: applied.events, view: view() };
  }

  // Built from the state alone, as the as-of read builds it (libs/domain/src/as-of-views.ts).
  const view = (): CampaignView => campaignViewAt(state, new Date());

  const unitInputFor = (unit: ScopeUnit, enrolledBy: Actor): UnitObligationsInput => ({
    campaignId: state.campaignId,
    unit,
    enrolledBy,
    paused: state.status === 'paused',
    ...officeWorkFor(unit.unitId),
  });

  /**
   * Starts the units' obligations workflows. Through an activity with the client: a child start
   * costs the campaign two history events and goes through its one shard, so a launch paid
   * the campaign's history per unit (issue 14). Histories from before this change (no patch
   * marker) start them as children.
   */
  async function startUnits(units: ScopeUnit[], enrolledBy: Actor): Promise<void> {
    if (units.length === 0) return;
    if (patched('campaign-units-started-by-activity')) {
      await activities.startUnits({ taskQueue: workflowInfo().taskQueue, units: units.map((unit) => unitInputFor(unit, enrolledBy)) });
      return;
    }
    await Promise.all(units.map((unit) => startChildUnit(unit, enrolledBy)));
  }

  async function startChildUnit(unit: ScopeUnit, enrolledBy: Actor): Promise<void> {
    try {
      await startChild(unitObligationsWorkflow, {
        workflowId: unitObligationsWorkflowId(state.campaignId, unit.unitId),
        args: [unitInputFor(unit, enrolledBy)],
        // Set at start rather than upserted by the unit: one command fewer per unit.
        typedSearchAttributes: [
          { key: DubanCampaignId, value: state.campaignId },
          { key: DubanUnitId, value: unit.unitId },
        ],
        // Units outlive each run of this workflow (continue-as-new) and are closed by signal.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      // Started by an earlier run whose progress was not yet recorded: already enrolled.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** The offices' tasks and inspector assignments already standing for a unit that starts now (none in older campaigns). */
  function officeWorkFor(unitId: string): Pick<UnitObligationsInput, 'tasks' | 'inspectors'> {
    const tasks = (state.tasks ?? []).filter((t) => t.unitIds.includes(unitId)).map(unitTaskOf);
    const inspectors = (state.inspectionAssignments ?? [])
      .filter((a) => a.unitId === unitId)
      .map((a) => ({ inspectorId: a.inspectorId, name: a.inspectorName }));
    return { ...(tasks.length > 0 ? { tasks } : {}), ...(inspectors.length > 0 ? { inspectors } : {}) };
  }

  // Decisions reach the units from the main loop, so the office's update answers as soon as the
  // decision is recorded, not after thousands of signals. Histories from before this change
  // (no patch marker) keep signalling inside the update handler.
  const broadcastFromMainLoop = patched('campaign-broadcast-from-main-loop');
  const outbox: Array<{ control: UnitControl; unitIds?: string[] }> = [];

  function signalUnits(control: UnitControl, unitIds?: string[]): Promise<unknown> {
    if (broadcastFromMainLoop) {
      outbox.push({ control, unitIds });
      return Promise.resolve();
    }
    return activities.signalUnits({ campaignId: state.campaignId, control, unitIds });
  }

  /** Sends queued decisions to the units, in the order they were made. */
  async function drainOutbox(): Promise<void> {
    while (outbox.length > 0) {
      const { control, unitIds } = outbox.shift()!;
      await activities.signalUnits({ campaignId: state.campaignId, control, unitIds });
    }
  }

  // A retry recognised after continue-as-new gets the events it recorded, with the view as it is now
  // (its decision reached the units the first time).
  const retries: Retries<CampaignUpdateResult, CampaignEvent[]> = {
    memory: new UpdateMemory(input.carriedUpdates),
    keep: (answer) => answer.events,
    answer: (events) => ({ events, view: view() }),
  };

  /** One office decision as an update; `after` carries it to the units once it is recorded. */
  function onCommand<T extends CampaignCommandType>(
    update: UpdateDefinition<CampaignUpdateResult, [CommandArgs<CampaignCommand, T>]>,
    type: T,
    after: (args: CommandArgs<CampaignCommand, T>) => Promise<unknown>,
  ): void {
    handleCommandUpdate(update, {
      command: (args) => commandOf<CampaignCommand, T>(type, args),
      decide: (command) => campaignDecider.decide(state, command, new Date()),
      commit,
      after,
      answerAfter: (answer) => ({ ...answer, view: view() }),
      retries,
    });
  }

  if (input.carriedState) {
    state = input.carriedState;
    registered = true;
  } else {
    const launch = input.launch!;
    state = campaignDecider.initialState(launch, input.launchedBy!, input.calendar);
  }

  setHandler(campaignViewQuery, view);
  setHandler(awaitCampaignRegisteredUpdate, async () => {
    await condition(() => registered);
    return view();
  });
  onCommand(pauseCampaignUpdate, 'pause', (a) => signalUnits({ type: 'pause', ...a }));
  onCommand(resumeCampaignUpdate, 'resume', (a) => signalUnits({ type: 'resume', ...a }));
  onCommand(extendPhaseUpdate, 'extend_phase', (a) =>
    signalUnits({ type: 'phases_changed', actor: a.actor, reason: a.reason, phaseExtensions: state.phaseExtensions }),
  );
  onCommand(addUnitUpdate, 'add_unit', (a) => startUnits([a.unit], a.actor));
  onCommand(removeUnitUpdate, 'remove_unit', (a) => signalUnits({ type: 'remove', actor: a.actor, reason: a.reason }, [a.unitId]));
  onCommand(closeCampaignUpdate, 'close', (a) => signalUnits({ type: 'close', ...a }));
  // An office's task and inspector assignments go to the units they name (a repeat of the same task re-sends: units ignore it).
  onCommand(addTaskUpdate, 'add_task', (a) => {
    const task = state.tasks!.find((t) => t.spec.taskId === a.task.taskId)!;
    return signalUnits({ type: 'task_assigned', actor: a.actor, reason: a.reason, task: unitTaskOf(task) }, task.unitIds);
  });
  onCommand(assignInspectorUpdate, 'assign_inspector', (a) =>
    signalUnits(
      { type: 'inspector_assigned', actor: a.actor, reason: a.reason, inspector: { inspectorId: a.inspectorId, name: a.inspectorName } },
      a.units.map((u) => u.unitId),
    ),
  );
  onCommand(unassignInspectorUpdate, 'unassign_inspector', (a) =>
    signalUnits(
      { type: 'inspector_unassigned', actor: a.actor, reason: a.reason, inspectorId: a.inspectorId },
      a.units.map((u) => u.unitId),
    ),
  );

  upsertSearchAttributes([{ key: DubanCampaignId, value: state.campaignId }]);

  if (!input.carriedState) {
    const launch = input.launch!;
    await commit([
      {
        type: 'launched',
        data: {
          templateId: launch.template.id,
          unitCount: launch.scope.units.length,
          startsAt: launch.startsAt,
          ...(input.calendar ? { calendarVersion: input.calendar.version } : {}),
        },
        at: new Date().toISOString(),
        actor: input.launchedBy!,
        reason: `${launch.name}: ${launch.template.name} over ${launch.scope.units.length} unit(s), lead ${launch.scope.leadDepartment} / ${launch.scope.leadLeader}`,
      },
    ]);
    await activities.saveCampaignRoster({ campaignId: state.campaignId, units: launch.scope.units });
    registered = true;
  }

  const continueIfLong = async () => {
    await drainOutbox();
    if (historyIsLong(MAX_HISTORY_EVENTS)) {
      await condition(allHandlersFinished);
      await drainOutbox();
      await continueAsNew<typeof campaignWorkflow>({ carriedState: state, hazardPolicy, carriedUpdates: retries.memory.carried() });
    }
  };

  // Enrol the launch roster in batches (a campaign over thousands of units).
  while (state.launchCursor < state.scope.unitCount && state.status !== 'closed') {
    const page = await activities.loadRosterPage({ campaignId: state.campaignId, offset: state.launchCursor, limit: LAUNCH_BATCH });
    if (page.length === 0) break;
    const removed = new Set(state.removedUnitIds);
    await startUnits(
      page.filter((u) => !removed.has(u.unitId)),
      state.launchedBy,
    );
    const from = state.launchCursor;
    await commit([
      {
        type: 'units_enrolled',
        data: { from, to: from + page.length },
        at: new Date().toISOString(),
        actor: state.launchedBy,
        reason: `obligations workflows started for units ${from + 1}–${from + page.length}`,
      },
    ]);
    await continueIfLong();
  }

  // Then mark each phase as it starts, until the office closes the campaign.
  while (state.status !== 'closed') {
    const now = Date.now();
    const nextStart = schedule()
      .phases.map((p) => ({ phaseId: p.phaseId, at: Date.parse(p.startsAt) }))
      .find((p) => p.at > now);
    const seq = state.lastSeq;
    const wake = () => state.lastSeq !== seq || outbox.length > 0;
    const changed = nextStart ? await condition(wake, nextStart.at - now) : (await condition(wake), true);
    if (!changed && nextStart) {
      await commit([
        {
          type: 'phase_started',
          data: { phaseId: nextStart.phaseId },
          at: new Date().toISOString(),
          actor: state.launchedBy,
          reason: `phase ${nextStart.phaseId} begins per the schedule`,
        },
      ]);
    }
    await continueIfLong();
  }
  await condition(allHandlersFinished);
  await drainOutbox();
  // Closed when every unit has settled its last obligations: the summary read after this is final.
  await awaitUnitsSettled({ campaignId: state.campaignId });
  return state;
}

import { condition, continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  applyEvents,
  commandOf,
  covertInspectionDecider,
  decideCovertInspectionTimers,
  findingsAwaitingHazards,
  foldCovertInspectionOpening,
  nextCovertInspectionTimerAt,
  planCovertInspection,
  type CovertInspectionCommand,
  type CovertInspectionCommandType,
  type CovertInspectionEvent,
  type CovertInspectionState,
  type NewCovertInspectionEvent,
} from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import { LEDGER_ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { handleCommandUpdate, type Retries } from '../command-update';
import { runMainLoop } from '../main-loop';
import { UpdateMemory } from '../update-memory';
import {
  awaitCovertInspectionRegisteredUpdate,
  COVERT_FINDINGS_OPEN_HAZARDS_PATCH,
  COVERT_INSPECTION_COMMAND_UPDATES,
  covertInspectionStateQuery,
  type CovertInspectionActivities,
  type CovertInspectionUpdate,
  type CovertInspectionUpdateResult,
  type CovertInspectionWorkflowInput,
} from './covert-inspection.contract';
import { openFindingHazards } from './open-finding-hazard';

const { recordCovertInspectionEvents } = proxyActivities<CovertInspectionActivities>({
  startToCloseTimeout: LEDGER_ACTIVITY_TIMEOUT,
  retry: ACTIVITY_RETRY,
});

/**
 * One covert inspection (明察暗访) from its plan to its end: the domain draws the sample from the
 * recorded seed and decides findings, on-site orders (现场整改指令) and the two feedback
 * acknowledgements each order owes (县区政府、行业主管部门); this workflow waits on the team and
 * the recipients, or on a feedback's due time (recorded overdue by Duban), and has each step
 * projected into the covert-inspection ledger. Each ordered finding becomes a hazard in the hazard
 * ledger (隐患台账), tracked there to its rectification and 销号. It ends once the inspection is completed and each
 * feedback is acknowledged or recorded overdue: a recipient may still acknowledge after the team has left.
 */
export async function covertInspectionWorkflow(input: CovertInspectionWorkflowInput): Promise<CovertInspectionState> {
  let state: CovertInspectionState;
  let opening: CovertInspectionEvent[] = [];
  if (input.carriedState) {
    state = input.carriedState;
  } else {
    const planned = foldCovertInspectionOpening(planCovertInspection(input.plan, input.planner, input.policy, new Date()));
    state = planned.state;
    opening = planned.events;
  }
  let registered = opening.length === 0;
  // Histories recorded before findings became hazards never opened one: patched() keeps them so.
  const opensHazards = patched(COVERT_FINDINGS_OPEN_HAZARDS_PATCH);

  async function record(events: NewCovertInspectionEvent[]): Promise<CovertInspectionUpdateResult> {
    const applied = applyEvents(covertInspectionDecider, state, events);
    state = applied.state;
    await recordCovertInspectionEvents({ events: applied.events, state: applied.state });
    return applied;
  }

  /** Records the events; the findings an order among them names then become hazards, each recorded on its finding. */
  async function commit(events: NewCovertInspectionEvent[]): Promise<CovertInspectionUpdateResult> {
    const applied = await record(events);
    if (!opensHazards) return applied;
    const hazards = await openFindingHazards(state, findingsAwaitingHazards(state, applied.events));
    if (hazards.length === 0) return applied;
    const more = await record(hazards);
    return { events: [...applied.events, ...more.events], state: more.state };
  }

  const decide = (command: CovertInspectionCommand) => covertInspectionDecider.decide(state, command, new Date());
  const retries: Retries<CovertInspectionUpdateResult, CovertInspectionEvent[]> = {
    memory: new UpdateMemory(input.carriedUpdates),
    keep: (answer) => answer.events,
    answer: (events) => ({ events, state }),
  };

  setHandler(covertInspectionStateQuery, () => state);
  setHandler(awaitCovertInspectionRegisteredUpdate, async () => {
    await condition(() => registered);
    return { events: [], state };
  });
  const handleCommand = <T extends CovertInspectionCommandType>(type: T) =>
    handleCommandUpdate(COVERT_INSPECTION_COMMAND_UPDATES[type] as CovertInspectionUpdate<T>, {
      command: (args) => commandOf<CovertInspectionCommand, T>(type, args),
      decide,
      commit,
      retries,
    });
  for (const type of Object.keys(COVERT_INSPECTION_COMMAND_UPDATES) as CovertInspectionCommandType[]) handleCommand(type);

  if (opening.length > 0) {
    await recordCovertInspectionEvents({ events: opening, state });
    registered = true;
  }

  await runMainLoop({
    isOpen: () => state.status !== 'completed' || nextCovertInspectionTimerAt(state) !== undefined,
    lastSeq: () => state.lastSeq,
    nextWakeAt: () => nextCovertInspectionTimerAt(state),
    dueAt: (now) => decideCovertInspectionTimers(state, now),
    commit,
    continueAsNew: () => continueAsNew<typeof covertInspectionWorkflow>({ ...input, carriedState: state, carriedUpdates: retries.memory.carried() }),
  });
  return state;
}

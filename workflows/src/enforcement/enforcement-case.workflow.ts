import { condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  applyEvents,
  commandOf,
  decideEnforcementTimers,
  enforcementDecider,
  foldEnforcementOpening,
  nextEnforcementTimerAt,
  openEnforcementCase,
  type EnforcementCaseState,
  type EnforcementCommand,
  type EnforcementCommandType,
  type EnforcementEvent,
  type NewEnforcementEvent,
} from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import { LEDGER_ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { handleCommandUpdate, type Retries } from '../command-update';
import { runMainLoop } from '../main-loop';
import { UpdateMemory } from '../update-memory';
import {
  awaitEnforcementRegisteredUpdate,
  ENFORCEMENT_COMMAND_UPDATES,
  enforcementStateQuery,
  type EnforcementActivities,
  type EnforcementCaseWorkflowInput,
  type EnforcementUpdate,
  type EnforcementUpdateResult,
} from './enforcement.contract';

const { recordEnforcementEvents } = proxyActivities<EnforcementActivities>({ startToCloseTimeout: LEDGER_ACTIVITY_TIMEOUT, retry: ACTIVITY_RETRY });

/**
 * One enforcement case (执法案件) from 立案 to 结案: the domain decides (四个一律, the resumption's
 * inspection and signatures level by level, 行刑衔接 on closing); this workflow waits on people
 * or on a suspended unit's next supervision check (停产不停监管: missed, recorded by Duban), and
 * has each step projected into the enforcement ledger. It ends when the case is closed.
 */
export async function enforcementCaseWorkflow(input: EnforcementCaseWorkflowInput): Promise<EnforcementCaseState> {
  let state: EnforcementCaseState;
  let opening: EnforcementEvent[] = [];
  if (input.carriedState) {
    state = input.carriedState;
  } else {
    const opened = foldEnforcementOpening(openEnforcementCase(input.filing, input.opener, input.policy, new Date()));
    state = opened.state;
    opening = opened.events;
  }
  let registered = opening.length === 0;

  async function commit(events: NewEnforcementEvent[]): Promise<EnforcementUpdateResult> {
    const applied = applyEvents(enforcementDecider, state, events);
    state = applied.state;
    await recordEnforcementEvents({ events: applied.events, state: applied.state });
    return applied;
  }

  const decide = (command: EnforcementCommand) => enforcementDecider.decide(state, command, new Date());
  const retries: Retries<EnforcementUpdateResult, EnforcementEvent[]> = {
    memory: new UpdateMemory(input.carriedUpdates),
    keep: (answer) => answer.events,
    answer: (events) => ({ events, state }),
  };

  setHandler(enforcementStateQuery, () => state);
  setHandler(awaitEnforcementRegisteredUpdate, async () => {
    await condition(() => registered);
    return { events: [], state };
  });
  const handleCommand = <T extends EnforcementCommandType>(type: T) =>
    handleCommandUpdate(ENFORCEMENT_COMMAND_UPDATES[type] as EnforcementUpdate<T>, {
      command: (args) => commandOf<EnforcementCommand, T>(type, args),
      decide,
      commit,
      retries,
    });
  for (const type of Object.keys(ENFORCEMENT_COMMAND_UPDATES) as EnforcementCommandType[]) handleCommand(type);

  if (opening.length > 0) {
    await recordEnforcementEvents({ events: opening, state });
    registered = true;
  }

  await runMainLoop({
    isOpen: () => state.status !== 'closed',
    lastSeq: () => state.lastSeq,
    nextWakeAt: () => nextEnforcementTimerAt(state),
    dueAt: (now) => decideEnforcementTimers(state, now),
    commit,
    continueAsNew: () => continueAsNew<typeof enforcementCaseWorkflow>({ ...input, carriedState: state, carriedUpdates: retries.memory.carried() }),
  });
  return state;
}

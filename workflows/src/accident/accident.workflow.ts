import { condition, continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  accidentDecider,
  applyEvents,
  commandOf,
  decideAccidentTimers,
  decideChainDeadlines,
  nextChainDeadlineAt,
  foldAccidentOpening,
  nextAccidentTimerAt,
  openAccidentFile,
  openAccidentFromTipOff,
  type AccidentCommand,
  type AccidentCommandType,
  type AccidentEvent,
  type AccidentState,
  type CommandArgs,
  type NewAccidentEvent,
} from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import { LEDGER_ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { handleCommandUpdate, type Retries } from '../command-update';
import { runMainLoop } from '../main-loop';
import { UpdateMemory } from '../update-memory';
import {
  ACCIDENT_COMMAND_UPDATES,
  accidentStateQuery,
  awaitAccidentRegisteredUpdate,
  type AccidentActivities,
  type AccidentUpdateResult,
  type AccidentWorkflowInput,
} from './accident.contract';

/** Histories recorded before the chain's deadlines were timed (漏报 recorded when it happens) replay without those timers. */
export const CHAIN_DEADLINES_PATCH = 'accident-chain-deadlines';

const { recordAccidentEvents } = proxyActivities<AccidentActivities>({ startToCloseTimeout: LEDGER_ACTIVITY_TIMEOUT, retry: ACTIVITY_RETRY });

/** The events that open the record: the unit's 快报, or the office's record from a verified tip (with 瞒报). */
function openingEvents(input: AccidentWorkflowInput, now: Date): NewAccidentEvent[] {
  const { accidentId, report, recorder, policy, opening } = input;
  return opening.from === 'tip_off'
    ? openAccidentFromTipOff(accidentId, report, opening.tip, opening.verification, recorder, policy, now)
    : openAccidentFile(accidentId, report, recorder, policy, now);
}

/**
 * One accident from its 快报 to 结案 under 四不放过: the domain decides (grading, the reporting
 * chain, concealment, the investigation's gates); this workflow orders the decisions in time,
 * waits on people or on the investigation report's due date and its ladder, and has each step
 * projected into the ledger. It ends when the investigation is closed.
 */
export async function accidentWorkflow(input: AccidentWorkflowInput): Promise<AccidentState> {
  let state: AccidentState;
  let opening: AccidentEvent[] = [];
  if (input.carriedState) {
    state = input.carriedState;
  } else {
    const opened = foldAccidentOpening(openingEvents(input, new Date()));
    state = opened.state;
    opening = opened.events;
  }
  let registered = opening.length === 0;

  async function commit(events: NewAccidentEvent[]): Promise<AccidentUpdateResult> {
    const applied = applyEvents(accidentDecider, state, events);
    state = applied.state;
    await recordAccidentEvents({ events: applied.events, state: applied.state });
    return applied;
  }

  const decide = (command: AccidentCommand) => accidentDecider.decide(state, command, new Date());
  const retries: Retries<AccidentUpdateResult, AccidentEvent[]> = {
    memory: new UpdateMemory(input.carriedUpdates),
    keep: (answer) => answer.events,
    answer: (events) => ({ events, state }),
  };
  function handleCommand<T extends AccidentCommandType>(type: T): void {
    const update: UpdateDefinition<AccidentUpdateResult, [CommandArgs<AccidentCommand, T>]> = ACCIDENT_COMMAND_UPDATES[type];
    handleCommandUpdate(update, { command: (args) => commandOf<AccidentCommand, T>(type, args), decide, commit, retries });
  }

  setHandler(accidentStateQuery, () => state);
  setHandler(awaitAccidentRegisteredUpdate, async () => {
    await condition(() => registered);
    return { events: [], state };
  });
  for (const type of Object.keys(ACCIDENT_COMMAND_UPDATES) as AccidentCommandType[]) handleCommand(type);

  if (opening.length > 0) {
    await recordAccidentEvents({ events: opening, state });
    registered = true;
  }

  const chainTimed = patched(CHAIN_DEADLINES_PATCH);
  const nextWakeAt = () => {
    const times = [nextAccidentTimerAt(state), chainTimed ? nextChainDeadlineAt(state) : undefined].filter((t): t is Date => t !== undefined);
    return times.length === 0 ? undefined : new Date(Math.min(...times.map((t) => t.getTime())));
  };
  const dueNow = (now: Date) => [...(chainTimed ? decideChainDeadlines(state, now) : []), ...decideAccidentTimers(state, now)];

  await runMainLoop({
    isOpen: () => state.investigation?.status !== 'closed',
    lastSeq: () => state.lastSeq,
    nextWakeAt,
    dueAt: dueNow,
    commit,
    continueAsNew: () => continueAsNew<typeof accidentWorkflow>({ ...input, carriedState: state, carriedUpdates: retries.memory.carried() }),
  });
  return state;
}

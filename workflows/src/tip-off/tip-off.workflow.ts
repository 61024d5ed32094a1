import { allHandlersFinished, condition, continueAsNew, ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import {
  accidentWorkflowId,
  applyEvents,
  assessVerifiedTipOff,
  commandOf,
  decideTipOffTimers,
  foldTipOffOpening,
  nextTipOffTimerAt,
  openTipOffFile,
  SYSTEM_ACTOR,
  tipOffDecider,
  tipOffIsOpen,
  type ConcealmentKind,
  type NewTipOffEvent,
  type TipOffAccidentLink,
  type TipOffCommand,
  type TipOffEvent,
  type TipOffState,
} from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import type { AccidentWorkflowInput } from '../accident/accident.contract';
import { handleCommandUpdate, type Retries } from '../command-update';
import { historyIsLong } from '../history-limit';
import { UpdateMemory } from '../update-memory';
import {
  awaitTipOffRegisteredUpdate,
  tipOffStateQuery,
  verifyTipOffUpdate,
  type TipOffActivities,
  type TipOffUpdateResult,
  type TipOffWorkflowInput,
} from './tip-off.contract';

const { recordTipOffEvents, recordTipOffOnAccident } = proxyActivities<TipOffActivities>({
  startToCloseTimeout: '30 seconds',
  retry: ACTIVITY_RETRY,
});

/**
 * One tip-off (举报) or media report from its intake to its verification (核查): the domain
 * decides; this workflow waits on the office or on the verification deadline (then 核查逾期),
 * and once a tip is verified carries it to the accident record — a new accident workflow (a
 * child left running when this one ends: it flags 瞒报 itself), or the tip recorded on the
 * accident already on record (谎报 when its numbers were understated). Each step is projected
 * into the tip-off ledger.
 */
export async function tipOffWorkflow(input: TipOffWorkflowInput): Promise<TipOffState> {
  let state: TipOffState;
  let opening: TipOffEvent[] = [];
  if (input.carriedState) {
    state = input.carriedState;
  } else {
    const opened = foldTipOffOpening(openTipOffFile(input.tip, input.receiver, input.policy, new Date()));
    state = opened.state;
    opening = opened.events;
  }
  let registered = opening.length === 0;

  async function commit(events: NewTipOffEvent[]): Promise<TipOffUpdateResult> {
    const applied = applyEvents(tipOffDecider, state, events);
    state = applied.state;
    await recordTipOffEvents({ events: applied.events, state: applied.state });
    return applied;
  }

  const decide = (command: TipOffCommand) => tipOffDecider.decide(state, command, new Date());
  const retries: Retries<TipOffUpdateResult, TipOffEvent[]> = {
    memory: new UpdateMemory(input.carriedUpdates),
    keep: (answer) => answer.events,
    answer: (events) => ({ events, state }),
  };

  setHandler(tipOffStateQuery, () => state);
  setHandler(awaitTipOffRegisteredUpdate, async () => {
    await condition(() => registered);
    return { events: [], state };
  });
  handleCommandUpdate(verifyTipOffUpdate, { command: (args) => commandOf<TipOffCommand, 'verify'>('verify', args), decide, commit, retries });

  /** Carries the verified tip to the accident record; answers the 瞒报 / 谎报 flags it raised there. */
  async function carryToAccident(link: TipOffAccidentLink): Promise<ConcealmentKind[]> {
    const verification = state.verification!;
    if (link.kind === 'updated')
      return (await recordTipOffOnAccident({ accidentId: link.accidentId, actor: link.verifiedBy, tip: state.tip, verification })).concealment;
    const report = link.report!;
    const accidentInput: AccidentWorkflowInput = {
      accidentId: link.accidentId,
      report,
      recorder: link.verifiedBy,
      policy: input.accidentPolicy,
      opening: { from: 'tip_off', tip: state.tip, verification },
    };
    // The accident's record lives on (its investigation, 四不放过) whatever becomes of the tip's file.
    await startChild('accidentWorkflow', {
      workflowId: accidentWorkflowId(link.accidentId),
      args: [accidentInput],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    return assessVerifiedTipOff(state.tip, verification, report.unitId, undefined).map((flag) => flag.kind);
  }

  if (opening.length > 0) {
    await recordTipOffEvents({ events: opening, state });
    registered = true;
  }

  while (tipOffIsOpen(state)) {
    const link = state.accident;
    if (link && link.linkedAt === undefined) {
      const concealment = await carryToAccident(link);
      await commit(decide({ type: 'record_accident_link', actor: SYSTEM_ACTOR, accidentId: link.accidentId, link: link.kind, concealment }));
      continue;
    }
    const seqBefore = state.lastSeq;
    const wakeAt = nextTipOffTimerAt(state);
    const wait = wakeAt ? wakeAt.getTime() - Date.now() : undefined;
    const changedByPeople =
      wait === undefined
        ? await condition(() => state.lastSeq !== seqBefore)
        : wait > 0
          ? await condition(() => state.lastSeq !== seqBefore, wait)
          : false;
    if (!changedByPeople) {
      const due = decideTipOffTimers(state, new Date());
      if (due.length > 0) await commit(due);
      // A wake-up time with nothing due would spin without yielding: wait a second instead.
      else if (wait !== undefined && wait <= 0) await condition(() => state.lastSeq !== seqBefore, 1000);
    }
    if (historyIsLong()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof tipOffWorkflow>({ ...input, carriedState: state, carriedUpdates: retries.memory.carried() });
    }
  }
  await condition(allHandlersFinished);
  return state;
}

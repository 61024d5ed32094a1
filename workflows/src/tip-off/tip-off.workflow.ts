import { condition, continueAsNew, ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
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
import { LEDGER_ACTIVITY_TIMEOUT } from '../activity-timeouts';
import type { AccidentWorkflowInput } from '../accident/accident.contract';
import { handleCommandUpdate, type Retries } from '../command-update';
import { runMainLoop } from '../main-loop';
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
  startToCloseTimeout: LEDGER_ACTIVITY_TIMEOUT,
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

  /** Carries a verified tip to the accident record, then records where it went. */
  async function recordAccidentLink(link: TipOffAccidentLink): Promise<void> {
    const concealment = await carryToAccident(link);
    await commit(decide({ type: 'record_accident_link', actor: SYSTEM_ACTOR, accidentId: link.accidentId, link: link.kind, concealment }));
  }

  await runMainLoop({
    isOpen: () => tipOffIsOpen(state),
    lastSeq: () => state.lastSeq,
    nextWakeAt: () => nextTipOffTimerAt(state),
    dueAt: (now) => decideTipOffTimers(state, now),
    commit,
    startPending: () => {
      const link = state.accident;
      return link && link.linkedAt === undefined ? recordAccidentLink(link) : undefined;
    },
    continueAsNew: () => continueAsNew<typeof tipOffWorkflow>({ ...input, carriedState: state, carriedUpdates: retries.memory.carried() }),
  });
  return state;
}

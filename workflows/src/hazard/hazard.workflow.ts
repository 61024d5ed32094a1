import { allHandlersFinished, condition, continueAsNew, log, patched, setHandler } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair, UpdateDefinition } from '@temporalio/common';
import {
  applyEvents,
  awaitsDelisting,
  calendarOrWeekdays,
  commandOf,
  decideDueTimers,
  foldOpeningEvents,
  hazardCaseTrigger,
  hazardCaseTriggerDueAt,
  hazardCaseTriggersOf,
  hazardDecider,
  nextTimerAt,
  openHazardFile,
  readsCaseTrigger,
  reportedEventOf,
  type CommandArgs,
  type HazardCommand,
  type HazardCommandType,
  type HazardEvent,
  type HazardState,
  type NewHazardEvent,
  type WorkCalendar,
  withInitialListing,
} from '@duban/domain';
import { handleCommandUpdate, type Retries } from '../command-update';
import { historyIsLong } from '../history-limit';
import { ledgerProjection } from '../ledger-projection';
import { SearchAttributeUpserts } from '../search-attribute-upserts';
import { UpdateMemory } from '../update-memory';
import {
  DubanDeadline,
  DubanHazardGrade,
  DubanHazardStatus,
  DubanIndustry,
  DubanListedForSupervision,
  DubanOverdue,
  DubanUnitId,
  DubanCampaignId,
} from '../search-attributes';
import {
  awaitRegisteredUpdate,
  claimCompletionUpdate,
  decideExtensionUpdate,
  DELISTING_PATCH,
  delistUpdate,
  HAZARD_LOCAL_PROJECTION_PATCH,
  HAZARD_OPENS_CASE_PATCH,
  EXTENSION_LAPSES_OVERDUE_PATCH,
  HAZARD_SEARCH_ATTRIBUTES_ON_CHANGE_PATCH,
  hazardStateQuery,
  listForSupervisionUpdate,
  reportMonitoringUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  startMonitoringUpdate,
  submitPlanUpdate,
  verifyUpdate,
  type HazardActivities,
  type HazardUpdateResult,
  type HazardWorkflowInput,
} from './hazard.contract';
import { openHazardCase } from './open-hazard-case';

/**
 * One hazard from report to 销号: decisions are the domain's pure functions; this workflow
 * only orders them in time, waits on people or on the policy's timers, and has each step
 * projected into the ledger.
 */
export async function hazardWorkflow(input: HazardWorkflowInput): Promise<HazardState> {
  const { recordHazardEvents } = ledgerProjection<HazardActivities>(HAZARD_LOCAL_PROJECTION_PATCH);
  const calendar = calendarOrWeekdays(input.calendar);
  let state: HazardState;
  let openingEvents: HazardEvent[] = [];
  if (input.carriedState) {
    state = input.carriedState;
  } else {
    const opened = openWithListing(
      input,
      foldOpeningEvents(openHazardFile(input.hazardId, input.report, input.reporter, input.policy, new Date(), calendar, input.origin)),
      calendar,
    );
    state = opened.state;
    openingEvents = opened.events;
  }
  let registered = openingEvents.length === 0;
  // Histories recorded before hazards opened their cases never did: patched() keeps them so.
  const opensCase = patched(HAZARD_OPENS_CASE_PATCH);
  const caseTriggers = hazardCaseTriggersOf(state.policy);
  // What the triggers read, kept small (report, overdue, rejections, sign-off) and carried across continue-as-new.
  const caseEvents: NewHazardEvent[] =
    input.carriedCaseEvents ?? (input.carriedState ? [reportedEventOf(state)] : openingEvents.filter(readsCaseTrigger));
  // Histories before extensions lapsed an overdue read the first overdue: their triggers never saw an extension.
  const extensionLapsesOverdue = patched(EXTENSION_LAPSES_OVERDUE_PATCH);
  const triggerEvents = () => (extensionLapsesOverdue ? caseEvents : caseEvents.filter((e) => e.type !== 'extension_approved'));
  let caseTried = false;
  // Histories before it upserted every attribute at every step: patched() keeps them so.
  const searchAttributes = new SearchAttributeUpserts(patched(HAZARD_SEARCH_ATTRIBUTES_ON_CHANGE_PATCH));
  const publishSearchAttributes = (of: HazardState) => searchAttributes.publish(hazardSearchAttributes(of));

  async function commit(events: NewHazardEvent[]): Promise<HazardUpdateResult> {
    const applied = applyEvents(hazardDecider, state, events);
    state = applied.state;
    caseEvents.push(...events.filter(readsCaseTrigger));
    publishSearchAttributes(state);
    await recordHazardEvents({ events: applied.events, state: applied.state });
    return applied;
  }

  const decide = (command: HazardCommand) => hazardDecider.decide(state, command, new Date(), calendar);
  // A retry recognised after continue-as-new gets the events it recorded, with the state as it is now.
  const retries: Retries<HazardUpdateResult, HazardEvent[]> = {
    memory: new UpdateMemory(input.carriedUpdates),
    keep: (answer) => answer.events,
    answer: (events) => ({ events, state }),
  };
  // A case is tried once per run: the registry lacking the unit is logged, not retried at every wake-up.
  const awaitsCase = () => opensCase && !caseTried && !state.enforcementCase;
  async function openCaseIfDue(): Promise<void> {
    const opening = awaitsCase() ? hazardCaseTrigger(triggerEvents(), caseTriggers, new Date()) : undefined;
    if (!opening) return;
    caseTried = true;
    const opened = await openHazardCase(opening);
    if (opened) await commit([opened]);
  }

  function handleCommand<T extends HazardCommandType>(update: UpdateDefinition<HazardUpdateResult, [CommandArgs<HazardCommand, T>]>, type: T): void {
    handleCommandUpdate(update, { command: (args) => commandOf<HazardCommand, T>(type, args), decide, commit, retries });
  }

  setHandler(hazardStateQuery, () => state);
  setHandler(awaitRegisteredUpdate, async () => {
    await condition(() => registered);
    return { events: [], state };
  });
  handleCommand(submitPlanUpdate, 'submit_plan');
  handleCommand(reportProgressUpdate, 'report_progress');
  handleCommand(claimCompletionUpdate, 'claim_completion');
  handleCommand(verifyUpdate, 'verify');
  handleCommand(requestExtensionUpdate, 'request_extension');
  handleCommand(decideExtensionUpdate, 'decide_extension');
  handleCommand(startMonitoringUpdate, 'start_monitoring');
  handleCommand(reportMonitoringUpdate, 'report_monitoring');
  handleCommand(listForSupervisionUpdate, 'list_for_supervision');
  handleCommand(delistUpdate, 'delist');

  publishSearchAttributes(state);
  if (openingEvents.length > 0) {
    await recordHazardEvents({ events: openingEvents, state });
    registered = true;
  }

  while (state.status !== 'signed_off') {
    const seqBefore = state.lastSeq;
    const wakeAt = earliest(
      nextTimerAt(state, calendar),
      awaitsCase() ? hazardCaseTriggerDueAt(triggerEvents(), caseTriggers, new Date()) : undefined,
    );
    const wait = wakeAt ? wakeAt.getTime() - Date.now() : undefined;
    let changedByPeople: boolean;
    if (wait === undefined) {
      await condition(() => state.lastSeq !== seqBefore);
      changedByPeople = true;
    } else {
      changedByPeople = wait > 0 ? await condition(() => state.lastSeq !== seqBefore, wait) : false;
    }
    if (!changedByPeople) {
      const due = decideDueTimers(state, new Date(), calendar);
      if (due.length > 0) await commit(due);
      // A wake-up time with nothing due would spin without yielding: wait a second instead.
      else if (wait !== undefined && wait <= 0) await condition(() => state.lastSeq !== seqBefore, 1000);
    }
    await openCaseIfDue();
    if (historyIsLong()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof hazardWorkflow>({
        ...input,
        carriedState: state,
        carriedUpdates: retries.memory.carried(),
        ...(opensCase ? { carriedCaseEvents: caseEvents } : {}),
      });
    }
  }
  // 挂牌督办 ends with its 销号 by the listing level, after the sign-off: until then the file stays
  // open. Histories recorded before listings had a 销号 closed at the sign-off: patched() keeps them so.
  if (awaitsDelisting(state) && patched(DELISTING_PATCH)) await condition(() => !awaitsDelisting(state));
  await condition(allHandlersFinished);
  return state;
}

/** The opening file with the listing its input carries, decided right after the report; a refused listing is logged and left out. */
function openWithListing(
  input: HazardWorkflowInput,
  opened: ReturnType<typeof foldOpeningEvents>,
  calendar: WorkCalendar,
): ReturnType<typeof foldOpeningEvents> {
  if (!input.listing) return opened;
  try {
    return withInitialListing(opened, input.listing, new Date(), calendar);
  } catch (error) {
    log.warn('hazard not listed on report: the listing was refused', { hazardId: input.hazardId, error: String(error) });
    return opened;
  }
}

function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  return a && b ? (a <= b ? a : b) : (a ?? b);
}

/** What the API lists hazards by (检索属性), from the hazard's state. */
function hazardSearchAttributes(state: HazardState): SearchAttributeUpdatePair[] {
  return [
    { key: DubanUnitId, value: state.report.unitId },
    { key: DubanIndustry, value: state.report.industry },
    { key: DubanHazardGrade, value: state.report.grade },
    { key: DubanHazardStatus, value: state.status },
    { key: DubanOverdue, value: state.overdue },
    { key: DubanListedForSupervision, value: state.listedForSupervision },
    { key: DubanDeadline, value: new Date(state.deadline) },
    ...(state.report.campaignId ? [{ key: DubanCampaignId, value: state.report.campaignId }] : []),
  ];
}

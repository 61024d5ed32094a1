import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  CommandArgs,
  HazardCommand,
  HazardEvent,
  HazardInitialListing,
  HazardPolicy,
  HazardReport,
  HazardState,
  NewHazardEvent,
  RecentUpdate,
  UnitForCase,
  WorkCalendarData,
} from '@duban/domain';
import type { ProjectedEvents } from '../ledger-projection';

/**
 * The hazard workflow's contract (隐患督办流程): its input, updates, queries and the
 * activities it calls. Imported by the worker, the API and the tests; nobody else spells
 * these names.
 */
export { hazardWorkflowId } from '@duban/domain';

export interface HazardWorkflowInput {
  hazardId: string;
  report: HazardReport;
  reporter: Actor;
  policy: HazardPolicy;
  /**
   * The work calendar (工作日历) its working-day deadlines are counted on, resolved by the caller
   * (never read by the workflow), kept across continue-as-new so timers never move on replay.
   * Absent in histories recorded before calendars were data: those count Monday–Friday.
   */
  calendar?: WorkCalendarData;
  /**
   * 挂牌督办 decided with the report (a 重大隐患 found by a covert inspection): the office's listing,
   * applied right after the report through the hazard's own decider. Absent for hazards reported as before.
   */
  listing?: HazardInitialListing;
  /** Where the report came from when not made one by one: `导入 import of 隐患台账.xlsx, row 7`; the report's reason says so. Absent otherwise. */
  origin?: string;
  /** Set when continuing as new: the state carried over (history stays bounded). */
  carriedState?: HazardState;
  /** Set when continuing as new: the keyed updates answered lately, so a retry is still recognised (update-memory.ts). */
  carriedUpdates?: RecentUpdate[];
  /** Set when continuing as new: the events the enforcement case triggers read (report, overdue, rejections). */
  carriedCaseEvents?: NewHazardEvent[];
}

/** What every accepted update answers: the events it recorded and the state after them. */
export interface HazardUpdateResult {
  events: HazardEvent[];
  state: HazardState;
}

/** An update carries its domain command's fields (the command without its `type`). */
type Args<T extends HazardCommand['type']> = CommandArgs<HazardCommand, T>;

// Updates, not signals: every caller wants to know at once whether its action was accepted.
// Each has a validator, so a refused action leaves no trace in the history.
export const submitPlanUpdate = defineUpdate<HazardUpdateResult, [Args<'submit_plan'>]>('submitPlan');
export const reportProgressUpdate = defineUpdate<HazardUpdateResult, [Args<'report_progress'>]>('reportProgress');
export const claimCompletionUpdate = defineUpdate<HazardUpdateResult, [Args<'claim_completion'>]>('claimCompletion');
export const verifyUpdate = defineUpdate<HazardUpdateResult, [Args<'verify'>]>('verify');
export const requestExtensionUpdate = defineUpdate<HazardUpdateResult, [Args<'request_extension'>]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<HazardUpdateResult, [Args<'decide_extension'>]>('decideExtension');
export const startMonitoringUpdate = defineUpdate<HazardUpdateResult, [Args<'start_monitoring'>]>('startMonitoring');
export const reportMonitoringUpdate = defineUpdate<HazardUpdateResult, [Args<'report_monitoring'>]>('reportMonitoring');
// 挂牌督办 by an office (list, raise, change the tracker) and its 销号 after the sign-off.
export const listForSupervisionUpdate = defineUpdate<HazardUpdateResult, [Args<'list_for_supervision'>]>('listForSupervision');
export const delistUpdate = defineUpdate<HazardUpdateResult, [Args<'delist'>]>('delist');
/** Answers once the report itself is in the ledger: lets the API create with read-your-writes (update-with-start). */
export const awaitRegisteredUpdate = defineUpdate<HazardUpdateResult, []>('awaitRegistered');

export const hazardStateQuery = defineQuery<HazardState>('hazardState');

/** The patch that keeps a listed hazard's workflow open after its sign-off until the listing's 销号 (histories before it closed at the sign-off). */
export const DELISTING_PATCH = 'hazard-awaits-delisting';

/** The patch under which a hazard opens its enforcement case by itself (histories before it never did). */
export const HAZARD_OPENS_CASE_PATCH = 'hazard-opens-enforcement-case';

/** The patch under which an approved extension lapses an earlier overdue for the case triggers (histories before it read the first overdue). */
export const EXTENSION_LAPSES_OVERDUE_PATCH = 'hazard-case-extension-lapses-overdue';

/** The patch under which a hazard upserts a search attribute only when its value changed (histories before it upserted all at every step). */
export const HAZARD_SEARCH_ATTRIBUTES_ON_CHANGE_PATCH = 'hazard-search-attributes-on-change';

/** The patch under which a hazard writes its ledger through a local activity (histories before it scheduled an activity per step). */
export const HAZARD_LOCAL_PROJECTION_PATCH = 'hazard-ledger-projection-local';

/** The activities the workflow uses: writing the PostgreSQL ledger (must be idempotent), and reading the registry. */
export interface HazardActivities {
  recordHazardEvents(input: { events: HazardEvent[]; state: HazardState }): Promise<ProjectedEvents<HazardEvent>>;
  /** The registry's region, industry and respondents of the unit a case opens against; null when the registry has no such unit. */
  readUnitForCase(input: { unitId: string }): Promise<UnitForCase | null>;
}

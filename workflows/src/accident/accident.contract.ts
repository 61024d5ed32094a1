import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  AccidentCommand,
  AccidentCommandType,
  AccidentEvent,
  AccidentPolicy,
  AccidentReport,
  AccidentState,
  Actor,
  CommandArgs,
  RecentUpdate,
  TipOff,
  TipOffVerification,
} from '@duban/domain';

/**
 * The accident workflow's contract (事故调查处理流程, 四不放过): its input, updates, queries and
 * the activity it calls. Imported by the worker, the API and the tests; nobody else spells
 * these names.
 */
export { accidentWorkflowId } from '@duban/domain';

/** How the record opens: the unit's own 事故快报, or a verified tip the unit had not reported (then 瞒报). */
export type AccidentOpening = { from: 'unit_report' } | { from: 'tip_off'; tip: TipOff; verification: TipOffVerification };

export interface AccidentWorkflowInput {
  accidentId: string;
  report: AccidentReport;
  recorder: Actor;
  policy: AccidentPolicy;
  opening: AccidentOpening;
  /** Set when continuing as new: the state carried over (history stays bounded). */
  carriedState?: AccidentState;
  /** Set when continuing as new: the keyed updates answered lately (update-memory.ts). */
  carriedUpdates?: RecentUpdate[];
}

/** What every accepted update answers: the events it recorded and the state after them. */
export interface AccidentUpdateResult {
  events: AccidentEvent[];
  state: AccidentState;
}

type Args<T extends AccidentCommand['type']> = CommandArgs<AccidentCommand, T>;

// Updates with validators, not signals: each caller learns at once whether it was accepted, and
// a refused one leaves no trace in the history.
export const reportFollowUpUpdate = defineUpdate<AccidentUpdateResult, [Args<'report_follow_up'>]>('reportFollowUp');
export const recordChainReportUpdate = defineUpdate<AccidentUpdateResult, [Args<'record_chain_report'>]>('recordChainReport');
export const recordTipOffUpdate = defineUpdate<AccidentUpdateResult, [Args<'record_tip_off'>]>('recordTipOff');
export const openInvestigationUpdate = defineUpdate<AccidentUpdateResult, [Args<'open_investigation'>]>('openInvestigation');
export const takeOverInvestigationUpdate = defineUpdate<AccidentUpdateResult, [Args<'take_over'>]>('takeOverInvestigation');
export const listAccidentForSupervisionUpdate = defineUpdate<AccidentUpdateResult, [Args<'list_for_supervision'>]>('listAccidentForSupervision');
export const extendReportDeadlineUpdate = defineUpdate<AccidentUpdateResult, [Args<'extend_report_deadline'>]>('extendReportDeadline');
export const submitInvestigationReportUpdate = defineUpdate<AccidentUpdateResult, [Args<'submit_investigation_report'>]>('submitInvestigationReport');
export const recordResponsibilityUpdate = defineUpdate<AccidentUpdateResult, [Args<'record_responsibility'>]>('recordResponsibility');
export const linkRectificationHazardUpdate = defineUpdate<AccidentUpdateResult, [Args<'link_rectification_hazard'>]>('linkRectificationHazard');
export const syncRectificationHazardUpdate = defineUpdate<AccidentUpdateResult, [Args<'sync_rectification_hazard'>]>('syncRectificationHazard');
export const recordEducationUpdate = defineUpdate<AccidentUpdateResult, [Args<'record_education'>]>('recordEducation');
export const closeGateUpdate = defineUpdate<AccidentUpdateResult, [Args<'close_gate'>]>('closeGate');
export const reopenGateUpdate = defineUpdate<AccidentUpdateResult, [Args<'reopen_gate'>]>('reopenGate');
export const closeInvestigationUpdate = defineUpdate<AccidentUpdateResult, [Args<'close_investigation'>]>('closeInvestigation');

/** The update that carries each command to the workflow. */
export type AccidentCommandUpdates = { [T in AccidentCommandType]: UpdateDefinition<AccidentUpdateResult, [Args<T>]> };

/** Command type → update: the one table the workflow registers its handlers by, the API sends by and the specs' fake decides by. */
export const ACCIDENT_COMMAND_UPDATES: AccidentCommandUpdates = {
  report_follow_up: reportFollowUpUpdate,
  record_chain_report: recordChainReportUpdate,
  record_tip_off: recordTipOffUpdate,
  open_investigation: openInvestigationUpdate,
  take_over: takeOverInvestigationUpdate,
  list_for_supervision: listAccidentForSupervisionUpdate,
  extend_report_deadline: extendReportDeadlineUpdate,
  submit_investigation_report: submitInvestigationReportUpdate,
  record_responsibility: recordResponsibilityUpdate,
  link_rectification_hazard: linkRectificationHazardUpdate,
  sync_rectification_hazard: syncRectificationHazardUpdate,
  record_education: recordEducationUpdate,
  close_gate: closeGateUpdate,
  reopen_gate: reopenGateUpdate,
  close_investigation: closeInvestigationUpdate,
};

/** Answers once the report itself is in the ledger: lets the API create with read-your-writes (update-with-start). */
export const awaitAccidentRegisteredUpdate = defineUpdate<AccidentUpdateResult, []>('awaitAccidentRegistered');

export const accidentStateQuery = defineQuery<AccidentState>('accidentState');

/** The activity the workflow uses to write the PostgreSQL ledger (must be idempotent). */
export interface AccidentActivities {
  recordAccidentEvents(input: { events: AccidentEvent[]; state: AccidentState }): Promise<void>;
}

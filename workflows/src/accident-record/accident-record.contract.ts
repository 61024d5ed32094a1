import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AccidentFact,
  AccountabilityActionState,
  AccountabilityActionStatus,
  AccountabilityFiring,
  ControlIndicator,
  IndicatorCheck,
  IndicatorStatus,
  RecordActionTaken,
  RegionTerritories,
} from '@duban/domain';

/**
 * The accident record's contract (控制指标 checked monthly, 问责规则 evaluated): the review
 * workflow a Schedule starts, the obligation each firing becomes, their activities, and the
 * Schedule's description. Imported by the worker, the API and the tests.
 */
export { accountabilityActionWorkflowId, accountabilityFiringKey } from '@duban/domain';

export interface AccidentRecordReviewInput {
  /** The moment the review is for (ISO); it checks the China month just ended. Default: when it runs. */
  asOf?: string;
}

export interface AccidentRecordReviewResult {
  month: string;
  checks: Array<{ indicatorId: string; used: number; status: IndicatorStatus }>;
  /** Every firing that holds, by key (accountabilityFiringKey), with its obligation's status as recorded. */
  firings: Record<string, AccountabilityActionStatus>;
  /** The obligations this run started (the others were started before, or are done). */
  started: string[];
}

/** What the review reads: the year's accidents, where they lie, and the caps set for the year. */
export interface AccidentRecordInputsLoaded {
  facts: AccidentFact[];
  territories: RegionTerritories;
  indicators: ControlIndicator[];
}

export interface AccountabilityActionInput {
  action: AccountabilityActionState;
}

/** The office records the summons it held (约谈) and its minutes: the obligation is done. */
export const recordActionTakenUpdate = defineUpdate<AccountabilityActionState, [RecordActionTaken]>('recordActionTaken');
export const accountabilityActionStateQuery = defineQuery<AccountabilityActionState>('accountabilityActionState');

/** The review's and the obligations' I/O (each idempotent). */
export interface AccidentRecordActivities {
  loadAccidentRecord(input: { year: number }): Promise<AccidentRecordInputsLoaded>;
  /** Records the checks (per indicator and month) and the firings (once); answers each firing's obligation as recorded. */
  recordAccidentReview(input: {
    checks: IndicatorCheck[];
    firings: Array<{ firing: AccountabilityFiring; action: AccountabilityActionState }>;
    checkedAt: string;
  }): Promise<Record<string, Pick<AccountabilityActionState, 'status' | 'openedAt' | 'due'>>>;
  recordAccountabilityAction(state: AccountabilityActionState): Promise<void>;
}

/**
 * The monthly review on a Temporal Schedule: 08:00 in Beijing on the 1st, checking the month just
 * ended (002 篇八: 按月检查、通报和警示); the rules are evaluated on every run too. Runs never
 * overlap, and a run missed while the cluster was down is caught up within a day.
 */
export const ACCIDENT_RECORD_SCHEDULE = {
  scheduleId: 'accident-record-review-monthly',
  workflowType: 'accidentRecordReviewWorkflow',
  workflowIdPrefix: 'accident-record-review',
  calendar: { dayOfMonth: 1, hour: 8, minute: 0 },
  timezone: 'Asia/Shanghai',
  catchupWindow: '1 day',
  note: '控制指标按月检查 (monthly check of control indicators) and 问责规则 (accountability rules) over the accident record',
} as const;

/** The id of a review run started by hand (the Schedule appends its own timestamp to its runs). */
export const accidentRecordReviewWorkflowId = (runId: string) => `${ACCIDENT_RECORD_SCHEDULE.workflowIdPrefix}-${runId}`;

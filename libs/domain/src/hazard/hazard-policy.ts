import type { HazardCaseTriggers } from '../enforcement/enforcement-policy';
import type { TimeSpan } from '../time/time-span';
import type { EscalationInstrument } from './escalation-instrument';
import type { HazardGrade } from './hazard-grade';
import type { ListingLevel } from './listing-level';

/**
 * One rung of the escalation ladder: `instrument` is applied when the hazard's deadline
 * plus `offset` has passed and the unit still owes work. Negative offsets fire before the
 * deadline (reminders). A rung fires once per deadline: after an approved extension the
 * ladder starts again from the new deadline.
 */
export interface EscalationStep {
  id: string;
  instrument: EscalationInstrument;
  offset: TimeSpan;
  /** Only for these grades; all grades when absent. */
  grades?: HazardGrade[];
  /** On a hazard policy's listed_supervision rung: the level that lists (挂牌督办 by a county, city or province); county when absent. */
  listingLevel?: ListingLevel;
}

/**
 * How an office runs its hazard ledger. Data, not code: each office edits its own, and a
 * workflow keeps the copy it started with so that later edits never rewrite history.
 */
export interface HazardPolicy {
  id: string;
  name: string;
  /** Where the rules come from (regulation, a committee's document): offices differ. */
  source: string;
  /** How many deadline extensions (延期) the office may grant per hazard. */
  maxExtensions: number;
  /** Longest rectification deadline allowed from the day of reporting. */
  maxDeadline: TimeSpan;
  /** Grades that are listed for supervision (挂牌督办) the moment they are reported. */
  listImmediatelyGrades: HazardGrade[];
  /** The level those grades are listed at on report; county when absent. */
  listImmediatelyLevel?: ListingLevel;
  escalation: EscalationStep[];
  /** How often a major hazard under monitoring (监控) must report, and the grace after. */
  monitoringReportEvery: TimeSpan;
  /** When the hazard opens an enforcement case by itself (逾期不整改或整改不合格 → 处罚); absent: the standard enforcement policy's triggers. */
  caseTriggers?: HazardCaseTriggers;
}

export const STANDARD_HAZARD_POLICY: HazardPolicy = {
  id: 'standard-2026',
  name: '隐患排查治理标准督办规则 (standard hazard supervision rules)',
  source:
    'Ladder order and delays: editable default modelled on the instruments in seeds 001/002 (提醒警示 → 通报 → 挂牌督办 → 约谈); 五到位 and 重大隐患 listing from the hazard rules the seeds cite.',
  maxExtensions: 2,
  maxDeadline: { amount: 365, unit: 'days' },
  listImmediatelyGrades: ['major'],
  escalation: [
    { id: 'reminder-before-deadline', instrument: 'reminder', offset: { amount: -3, unit: 'days' } },
    { id: 'notice-when-overdue', instrument: 'notice', offset: { amount: 0, unit: 'hours' } },
    { id: 'listed-when-7-days-overdue', instrument: 'listed_supervision', offset: { amount: 7, unit: 'days' } },
    { id: 'summons-when-15-days-overdue', instrument: 'summons', offset: { amount: 15, unit: 'days' } },
  ],
  monitoringReportEvery: { amount: 7, unit: 'days' },
};

import type { EscalationInstrument } from '../hazard/escalation-instrument';
import type { TimeSpan } from '../time/time-span';
import { NATIONAL_GRADING_POLICY, type AccidentGradingPolicy } from './accident-grade';
import { NATIONAL_CASUALTY_CHANGE_WINDOW, type CasualtyChangeWindowPolicy } from './casualty-change-window';
import { STANDARD_REPORTING_CHAIN, type ReportingChainPolicy } from './reporting-chain';

/**
 * One rung of the investigation's ladder: `instrument` applies when the report's due date plus
 * `offset` has passed and no report is in (negative offsets remind before). As the hazard's: a
 * rung fires once per due date, so after an extension the ladder starts again.
 */
export interface InvestigationEscalationStep {
  id: string;
  instrument: EscalationInstrument;
  offset: TimeSpan;
}

/**
 * How an office handles accidents. Data, not code: each office edits its own, and an accident's
 * record keeps the copy it started with so later edits never rewrite history.
 */
export interface AccidentPolicy {
  id: string;
  name: string;
  source: string;
  grading: AccidentGradingPolicy;
  reportingChain: ReportingChainPolicy;
  casualtyChangeWindow: CasualtyChangeWindowPolicy;
  /** 条例 第二十九条: the investigation report is due this long after the accident … */
  reportWithin: TimeSpan;
  /** … and may be extended once, with approval, by at most this many days. */
  maxExtensionDays: number;
  escalation: InvestigationEscalationStep[];
}

export const STANDARD_ACCIDENT_POLICY: AccidentPolicy = {
  id: 'accident-standard-2026',
  name: '生产安全事故报告和调查处理 (accident reporting and investigation)',
  source:
    '《生产安全事故报告和调查处理条例》(国务院令第493号): grades 第三条, reporting 第九条–第十三条, investigation 第十九条–第二十九条; ' +
    'the city 2-hour rule from 002 篇六; the ladder is an editable default modelled on the instruments of seeds 001/002.',
  grading: NATIONAL_GRADING_POLICY,
  reportingChain: STANDARD_REPORTING_CHAIN,
  casualtyChangeWindow: NATIONAL_CASUALTY_CHANGE_WINDOW,
  reportWithin: { amount: 60, unit: 'days' },
  maxExtensionDays: 60,
  escalation: [
    { id: 'reminder-7-days-before', instrument: 'reminder', offset: { amount: -7, unit: 'days' } },
    { id: 'notice-when-overdue', instrument: 'notice', offset: { amount: 0, unit: 'hours' } },
    { id: 'listed-when-15-days-overdue', instrument: 'listed_supervision', offset: { amount: 15, unit: 'days' } },
    { id: 'summons-when-30-days-overdue', instrument: 'summons', offset: { amount: 30, unit: 'days' } },
  ],
};

import { addSpan } from '../time/add-span';
import type { TimeSpan } from '../time/time-span';
import { gradeRank, type AccidentGrade } from './accident-grade';
import type { AuthorityLevel } from './authority-level';

/** How a report travels: in writing, or by phone first when urgent and in writing after (002 篇六). */
export type ReportChannel = 'phone' | 'written';
export type StepChannel = 'written' | 'phone_then_written';

/** When a step is owed: any condition given that holds (a step with none is always owed). */
export interface StepCondition {
  minGrade?: AccidentGrade;
  deathsAtLeast?: number;
  livesEndangeredAtLeast?: number;
}

/** One report an accident owes: to whom, within how long, counted from what. */
export interface ReportingStep {
  id: string;
  level: AuthorityLevel;
  recipient: string;
  within: TimeSpan;
  /** Counted from the accident, or from when the step named here received its report (逐级上报). */
  after: 'occurrence' | { step: string };
  requiredWhen: StepCondition;
  channel: StepChannel;
  source: string;
}

export interface ReportingChainPolicy {
  id: string;
  steps: ReportingStep[];
}

const NATIONAL = '《生产安全事故报告和调查处理条例》';

/**
 * The national chain (条例 第九条–第十一条): the unit's principal to the county regulator and
 * departments within 1 h; each level up within 2 h, as far as the grade requires (一般 → city,
 * 较大 → province, 重大/特别重大 → the State Council's departments). The 1 h is counted from the
 * accident: the regulation counts it from when the principal heard, which the record cannot
 * know, and 事故现场有关人员应当立即报告. Then the seeds' city rule (002 篇六).
 */
export const STANDARD_REPORTING_CHAIN: ReportingChainPolicy = {
  id: 'national-493-with-city-rule',
  steps: [
    {
      id: 'county-1h',
      level: 'county',
      recipient: '县级安全生产监督管理部门和负有安全生产监督管理职责的有关部门 (county regulator and departments)',
      within: { amount: 1, unit: 'hours' },
      after: 'occurrence',
      requiredWhen: {},
      channel: 'written',
      source: `${NATIONAL}第九条: 单位负责人接到报告后 1 小时内`,
    },
    {
      id: 'city-2h',
      level: 'city',
      recipient: '设区的市级安全生产监督管理部门和有关部门 (city regulator and departments)',
      within: { amount: 2, unit: 'hours' },
      after: { step: 'county-1h' },
      requiredWhen: { minGrade: 'general' },
      channel: 'written',
      source: `${NATIONAL}第十条、第十一条: 一般事故上报至设区的市级; 每级上报不超过 2 小时`,
    },
    {
      id: 'province-2h',
      level: 'province',
      recipient: '省级安全生产监督管理部门和有关部门 (province regulator and departments)',
      within: { amount: 2, unit: 'hours' },
      after: { step: 'city-2h' },
      requiredWhen: { minGrade: 'larger' },
      channel: 'written',
      source: `${NATIONAL}第十条、第十一条: 较大事故逐级上报至省级`,
    },
    {
      id: 'state-council-2h',
      level: 'state_council',
      recipient: '国务院安全生产监督管理部门和有关部门 (State Council departments)',
      within: { amount: 2, unit: 'hours' },
      after: { step: 'province-2h' },
      requiredWhen: { minGrade: 'major' },
      channel: 'written',
      source: `${NATIONAL}第十条、第十一条: 重大、特别重大事故逐级上报至国务院`,
    },
    {
      id: 'city-government-2h',
      level: 'city',
      recipient: '市政府 (city government)',
      within: { amount: 2, unit: 'hours' },
      after: 'occurrence',
      requiredWhen: { deathsAtLeast: 3, livesEndangeredAtLeast: 3 },
      channel: 'phone_then_written',
      source: '002 篇六: 凡3人以上死亡或危及3人以上生命安全的, 事发2小时内向市政府书面报告; 紧急时可先电话口头报告',
    },
  ],
};

/** What the accident looked like from `at` on: the first report (at the accident), then each 续报. */
export interface AccidentSnapshot {
  at: string;
  grade: AccidentGrade;
  /** Deaths as counted for grading. */
  deaths: number;
  livesEndangered: number;
}

/** A report a level received, as recorded. */
export interface ChainReceipt {
  stepId: string;
  receivedAt: string;
  channel: ReportChannel;
}

export interface ReportingObligation {
  stepId: string;
  level: AuthorityLevel;
  recipient: string;
  channel: StepChannel;
  /** When the step became owed: the accident, or the 续报 whose numbers first required it. */
  owedSince: string;
  deadline: string;
  source: string;
}

function holds(condition: StepCondition, snapshot: AccidentSnapshot): boolean {
  const tests: boolean[] = [];
  if (condition.minGrade !== undefined) tests.push(gradeRank(snapshot.grade) >= gradeRank(condition.minGrade));
  if (condition.deathsAtLeast !== undefined) tests.push(snapshot.deaths >= condition.deathsAtLeast);
  if (condition.livesEndangeredAtLeast !== undefined) tests.push(snapshot.livesEndangered >= condition.livesEndangeredAtLeast);
  return tests.length === 0 || tests.some(Boolean);
}

const later = (a: Date, b: Date) => (a >= b ? a : b);

/** The first receipt for a step (phone or written: either meets the deadline). */
export function firstReceipt(receipts: readonly ChainReceipt[], stepId: string): ChainReceipt | undefined {
  return receipts.filter((r) => r.stepId === stepId).sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt))[0];
}

/**
 * The reports an accident owes (level, recipient, deadline), given its history and the reports
 * received so far. A step first owed after a 续报 (2 deaths → 3) is owed from that moment; a
 * step counted from the one below runs from its receipt, or from its deadline while it is
 * unreported, so each level answers for its own 2 hours.
 */
export function reportingObligations(
  occurredAt: string,
  history: readonly AccidentSnapshot[],
  receipts: readonly ChainReceipt[],
  policy: ReportingChainPolicy = STANDARD_REPORTING_CHAIN,
): ReportingObligation[] {
  const byStep = new Map<string, ReportingObligation>();
  for (const step of policy.steps) {
    const first = history.find((snapshot) => holds(step.requiredWhen, snapshot));
    if (!first) continue;
    const owedSince = later(new Date(first.at), new Date(occurredAt));
    let start = new Date(occurredAt);
    if (step.after !== 'occurrence') {
      const below = byStep.get(step.after.step);
      if (!below) continue;
      const receipt = firstReceipt(receipts, below.stepId);
      start = receipt ? new Date(receipt.receivedAt) : new Date(below.deadline);
    }
    const deadline = addSpan(later(start, owedSince), step.within);
    byStep.set(step.id, {
      stepId: step.id,
      level: step.level,
      recipient: step.recipient,
      channel: step.channel,
      owedSince: owedSince.toISOString(),
      deadline: deadline.toISOString(),
      source: step.source,
    });
  }
  return [...byStep.values()];
}

import type { NewHazardEvent } from '../hazard/hazard-events';
import { HAZARD_GRADE_LABELS } from '../hazard/hazard-grade';
import { addSpan } from '../time/add-span';
import type { CaseViolationInput } from './enforcement-case-filing';
import type { HazardCaseTriggers } from './enforcement-policy';
import type { CaseOrigin } from './enforcement-terms';

/** What a hazard's record contributes to the case it opens; the registry adds the region and the respondents. */
export interface HazardCaseOpening {
  origin: Extract<CaseOrigin, 'hazard_overdue' | 'hazard_failed_acceptance'>;
  sourceRef: string;
  unitId: string;
  violation: CaseViolationInput;
  /** When the trigger came to hold. */
  dueAt: string;
}

/**
 * 《安全生产法》(2021 修正) 第一百零二条 (第九十九条 before 2021): 未采取措施消除事故隐患的, 责令立即消除或者
 * 限期消除 … 拒不执行的, 责令停产停业整顿. The default basis; an office may cite its own.
 */
export const HAZARD_CASE_LEGAL_BASIS = '《安全生产法》第一百零二条 (未采取措施消除事故隐患)';

/**
 * The overdue that still stands: the latest, unless an approved extension (依法批准延期) came after it — the
 * unit was then given a new deadline, and only falling overdue again on that one counts.
 */
function standingOverdue(events: readonly NewHazardEvent[]): Extract<NewHazardEvent, { type: 'overdue' }> | undefined {
  const last = [...events].reverse().find((e) => e.type === 'overdue' || e.type === 'extension_approved');
  return last?.type === 'overdue' ? last : undefined;
}

/** Each trigger the hazard's events meet, with the time it holds (earliest first); an overdue one lapses if signed off before then. */
function candidates(events: readonly NewHazardEvent[], triggers: HazardCaseTriggers, legalBasis: string): HazardCaseOpening[] {
  const reported = events.find((e) => e.type === 'reported');
  if (reported?.type !== 'reported') return [];
  const { hazardId, report } = reported.data;
  const grade = HAZARD_GRADE_LABELS[report.grade];
  const signedOff = events.find((e) => e.type === 'signed_off');
  const found: HazardCaseOpening[] = [];
  const base = { sourceRef: hazardId, unitId: report.unitId };
  const overdue = standingOverdue(events);
  if (triggers.overdue?.grades.includes(report.grade) && overdue) {
    const dueAt = addSpan(new Date(overdue.data.deadline), triggers.overdue.after);
    if (!signedOff || Date.parse(signedOff.at) > dueAt.getTime())
      found.push({
        ...base,
        origin: 'hazard_overdue',
        dueAt: dueAt.toISOString(),
        violation: {
          description: `${grade}逾期不整改: ${report.title} (整改期限 ${overdue.data.deadline})`,
          serious: report.grade === 'major',
          foundAt: dueAt.toISOString(),
          legalBasis,
        },
      });
  }
  const rejections = events.filter((e) => e.type === 'verification_rejected');
  const nth = triggers.failedAcceptance ? rejections[triggers.failedAcceptance.rejections - 1] : undefined;
  if (triggers.failedAcceptance?.grades.includes(report.grade) && nth?.type === 'verification_rejected')
    found.push({
      ...base,
      origin: 'hazard_failed_acceptance',
      dueAt: nth.at,
      violation: {
        description: `${grade}整改不合格 (验收不通过 ${triggers.failedAcceptance.rejections} 次): ${report.title}; ${nth.data.reasons}`,
        serious: report.grade === 'major',
        foundAt: nth.at,
        legalBasis,
      },
    });
  return found.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/**
 * 逾期不整改或整改不合格的, 要果断采取处罚措施 (002 篇五): the case one hazard's events (its own, in
 * order) open by the policy's triggers at `now` — the earliest trigger that holds — or undefined.
 */
export function hazardCaseTrigger(
  events: readonly NewHazardEvent[],
  triggers: HazardCaseTriggers,
  now: Date,
  legalBasis: string = HAZARD_CASE_LEGAL_BASIS,
): HazardCaseOpening | undefined {
  return candidates(events, triggers, legalBasis).find((c) => Date.parse(c.dueAt) <= now.getTime());
}

/** When a hazard's trigger will hold, for a timer: the earliest not yet past at `now`, or undefined. */
export function hazardCaseTriggerDueAt(events: readonly NewHazardEvent[], triggers: HazardCaseTriggers, now: Date): Date | undefined {
  const next = candidates(events, triggers, HAZARD_CASE_LEGAL_BASIS).find((c) => Date.parse(c.dueAt) > now.getTime());
  return next ? new Date(next.dueAt) : undefined;
}

import { cstDayEnd, cstDayStart } from '../time/china-day';
import { obligationsBetween } from './campaign-obligations';
import type { CampaignSchedule } from './campaign-schedule';
import type { CampaignTemplate } from './campaign-template';
import type { Obligation } from './obligation';

/** The report obligations (一日一报, 周报 …) due on the China calendar day `day`: cut-offs from its 00:00 to before the next day's. */
export function reportsDueOn(template: CampaignTemplate, schedule: CampaignSchedule, day: string): Obligation[] {
  const start = cstDayStart(day).getTime();
  const end = cstDayEnd(day).getTime();
  // obligationsBetween counts (after, until]: one millisecond back from each end gives [start, end).
  return obligationsBetween(template, schedule, new Date(start - 1), new Date(end - 1)).filter((o) => o.kind === 'report');
}

/**
 * 未报 (missing) on a day: the units the ledger found without a report of that day, but nobody
 * on a day when no report was due (before the start, a phase without the report, after the
 * end), however the ledger counted.
 */
export function missingReporters(due: readonly Obligation[], withoutReport: readonly string[]): string[] {
  return due.length === 0 ? [] : [...withoutReport];
}

import { addSpan } from '../time/add-span';
import { days } from '../time/time-span';
import { CST_OFFSET_MS, cstDate } from '../time/china-day';
import { WEEKDAY_CALENDAR, type WorkCalendar } from '../time/work-calendar';
import { phaseAt } from './build-campaign-schedule';
import type { CampaignSchedule } from './campaign-schedule';
import type { CampaignActivity, CampaignTemplate, PhaseDeliverable, ReportRequirement } from './campaign-template';
import type { Obligation } from './obligation';
import { activityObligationId, deliverableObligationId, reportObligationId } from './obligation-id';

/**
 * What a unit owes in a campaign, computed from the template and the schedule (so a phase
 * extension moves every later obligation):
 * - recurring reports (一日一报/周报): on every China Standard Time calendar day (weekly: on
 *   `weekday`) at the cut-off, while startsAt < dueAt ≤ endsAt and the phase holding dueAt is
 *   listed. A due time on a phase boundary belongs to the phase that ends there (a report
 *   covers the period before its cut-off), matching the campaign's own (startsAt, endsAt].
 *   Id `report:<refId>:<YYYY-MM-DD CST>`.
 * - phase deliverables: at phase start + dueAfter (never after the phase ends), else at the
 *   phase's end. Id `deliverable:<refId>`.
 * - activities with reportRequired (活动信息报送): one day after the activity day
 *   (startsAt + onDay days), never after the campaign ends; without a day, at the campaign's
 *   end. Id `activity:<refId>`.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Minutes after midnight of an 'HH:MM' cut-off (00:00–23:59); undefined when malformed. */
export function parseCutoff(cutoff: unknown): number | undefined {
  if (typeof cutoff !== 'string') return undefined;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(cutoff);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Days since 1970-01-01 of the CST calendar date holding `ms`. */
const cstDay = (ms: number) => Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
/** The instant of `minutes` past midnight CST on CST day `day`. */
const cutoffOn = (day: number, minutes: number) => day * DAY_MS - CST_OFFSET_MS + minutes * MINUTE_MS;
/** ISO weekday (1 = Monday … 7 = Sunday) of CST day `day` (day 0 was a Thursday). */
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

interface Window {
  phaseId: string;
  startMs: number;
  endMs: number;
}

interface Plan {
  template: CampaignTemplate;
  schedule: CampaignSchedule;
  startMs: number;
  endMs: number;
  windows: Window[];
  calendar: WorkCalendar;
}

function planOf(template: CampaignTemplate, schedule: CampaignSchedule, calendar: WorkCalendar): Plan {
  return {
    template,
    schedule,
    startMs: Date.parse(schedule.startsAt),
    endMs: Date.parse(schedule.endsAt),
    windows: schedule.phases.map((phase) => ({ phaseId: phase.phaseId, startMs: Date.parse(phase.startsAt), endMs: Date.parse(phase.endsAt) })),
    calendar,
  };
}

/** Index of the phase whose (start, end] holds `ms`; -1 outside the campaign. */
const windowIndexOfDue = (plan: Plan, ms: number) => plan.windows.findIndex((w) => w.startMs < ms && ms <= w.endMs);

const requiredIn = (req: ReportRequirement, phaseId: string) => req.phases === undefined || req.phases.includes(phaseId);

function reportObligation(req: ReportRequirement, dueMs: number, phaseId: string): Obligation {
  const dueAt = new Date(dueMs);
  return {
    id: reportObligationId(req.id, cstDate(dueAt)),
    kind: 'report',
    refId: req.id,
    name: req.name,
    phaseId,
    dueAt: dueAt.toISOString(),
    zeroReportAllowed: req.zeroReportAllowed,
  };
}

/**
 * The report's due times after `afterMs`, in order. Skips whole phases where the report is not
 * required and whole weeks for weekly reports, so finding the next one never walks day by day.
 */
function* reportDues(plan: Plan, req: ReportRequirement, afterMs: number): Generator<Obligation> {
  const minutes = parseCutoff(req.cutoff);
  if (minutes === undefined) return;
  let fromMs = Math.max(afterMs, plan.startMs);
  for (;;) {
    let day = cstDay(fromMs);
    if (cutoffOn(day, minutes) <= fromMs) day++;
    if (req.cadence === 'weekly') day += ((((req.weekday ?? 1) - isoWeekday(day)) % 7) + 7) % 7;
    const dueMs = cutoffOn(day, minutes);
    if (dueMs > plan.endMs) return;
    const index = windowIndexOfDue(plan, dueMs);
    const window = plan.windows[index];
    if (!window) {
      // A gap between phases (only in a hand-made schedule): nothing is due in it.
      fromMs = dueMs;
      continue;
    }
    if (requiredIn(req, window.phaseId)) {
      yield reportObligation(req, dueMs, window.phaseId);
      fromMs = dueMs;
      continue;
    }
    // Not required in this phase: jump to the start of the next phase where it is.
    const next = plan.windows.slice(index + 1).find((w) => requiredIn(req, w.phaseId));
    if (!next) return;
    fromMs = Math.max(next.startMs, dueMs);
  }
}

function deliverableDue(plan: Plan, window: Window, deliverable: PhaseDeliverable): number {
  if (!deliverable.dueAfter) return window.endMs;
  return Math.min(addSpan(new Date(window.startMs), deliverable.dueAfter, plan.calendar).getTime(), window.endMs);
}

function deliverableObligations(plan: Plan): Obligation[] {
  const phases = new Map(plan.template.phases.map((phase) => [phase.id, phase]));
  const result: Obligation[] = [];
  for (const window of plan.windows) {
    for (const deliverable of phases.get(window.phaseId)?.deliverables ?? []) {
      result.push(deliverableObligation(plan, window, deliverable));
    }
  }
  return result;
}

function deliverableObligation(plan: Plan, window: Window, deliverable: PhaseDeliverable): Obligation {
  return {
    id: deliverableObligationId(deliverable.id),
    kind: 'deliverable',
    refId: deliverable.id,
    name: deliverable.name,
    phaseId: window.phaseId,
    dueAt: new Date(deliverableDue(plan, window, deliverable)).toISOString(),
    zeroReportAllowed: false,
  };
}

function activityObligation(plan: Plan, activity: CampaignActivity): Obligation {
  const base = {
    id: activityObligationId(activity.id),
    kind: 'activity' as const,
    refId: activity.id,
    name: activity.name,
    zeroReportAllowed: false,
  };
  if (activity.onDay === undefined) return { ...base, dueAt: plan.schedule.endsAt };
  const heldOn = addSpan(new Date(plan.startMs), days(activity.onDay), plan.calendar);
  const dueMs = Math.min(addSpan(heldOn, days(1), plan.calendar).getTime(), plan.endMs);
  const phase = phaseAt(plan.schedule, heldOn);
  return { ...base, ...(phase ? { phaseId: phase.phaseId } : {}), dueAt: new Date(dueMs).toISOString() };
}

const activityObligations = (plan: Plan) => plan.template.activities.filter((a) => a.reportRequired).map((a) => activityObligation(plan, a));

const byDueThenId = (a: Obligation, b: Obligation) => {
  const diff = Date.parse(a.dueAt) - Date.parse(b.dueAt);
  if (diff !== 0) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** Every obligation due in (after, until], by due time then id. */
export function obligationsBetween(
  template: CampaignTemplate,
  schedule: CampaignSchedule,
  after: Date,
  until: Date,
  calendar: WorkCalendar = WEEKDAY_CALENDAR,
): Obligation[] {
  const plan = planOf(template, schedule, calendar);
  const afterMs = after.getTime();
  const untilMs = until.getTime();
  if (!(afterMs < untilMs)) return [];
  const inRange = (o: Obligation) => {
    const ms = Date.parse(o.dueAt);
    return afterMs < ms && ms <= untilMs;
  };
  const result: Obligation[] = [];
  for (const req of template.reports) {
    for (const obligation of reportDues(plan, req, afterMs)) {
      if (Date.parse(obligation.dueAt) > untilMs) break;
      result.push(obligation);
    }
  }
  result.push(...deliverableObligations(plan).filter(inRange), ...activityObligations(plan).filter(inRange));
  return result.sort(byDueThenId);
}

/** The first obligation due strictly after `after` (ties broken by id); undefined when none is left. */
export function nextObligationAfter(
  template: CampaignTemplate,
  schedule: CampaignSchedule,
  after: Date,
  calendar: WorkCalendar = WEEKDAY_CALENDAR,
): Obligation | undefined {
  const plan = planOf(template, schedule, calendar);
  const afterMs = after.getTime();
  const candidates: Obligation[] = [];
  for (const req of template.reports) {
    const first = reportDues(plan, req, afterMs).next();
    if (!first.done) candidates.push(first.value);
  }
  for (const obligation of [...deliverableObligations(plan), ...activityObligations(plan)]) {
    if (Date.parse(obligation.dueAt) > afterMs) candidates.push(obligation);
  }
  return candidates.sort(byDueThenId)[0];
}

/** Parses 'YYYY-MM-DD' into a CST day number; undefined unless it is a real date. */
function parseCstDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== text) return undefined;
  return ms / DAY_MS;
}

/** The obligation with this id, if the campaign has one: parsed from the id, not found by scanning. */
export function findObligation(
  template: CampaignTemplate,
  schedule: CampaignSchedule,
  id: string,
  calendar: WorkCalendar = WEEKDAY_CALENDAR,
): Obligation | undefined {
  const plan = planOf(template, schedule, calendar);
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  switch (kind) {
    case 'report': {
      const last = rest.lastIndexOf(':');
      if (last < 0) return undefined;
      const req = template.reports.find((r) => r.id === rest.slice(0, last));
      const day = parseCstDay(rest.slice(last + 1));
      const minutes = req && parseCutoff(req.cutoff);
      if (!req || day === undefined || minutes === undefined) return undefined;
      if (req.cadence === 'weekly' && isoWeekday(day) !== req.weekday) return undefined;
      const dueMs = cutoffOn(day, minutes);
      if (!(plan.startMs < dueMs && dueMs <= plan.endMs)) return undefined;
      const window = plan.windows[windowIndexOfDue(plan, dueMs)];
      return window && requiredIn(req, window.phaseId) ? reportObligation(req, dueMs, window.phaseId) : undefined;
    }
    case 'deliverable': {
      for (const window of plan.windows) {
        const deliverable = template.phases.find((p) => p.id === window.phaseId)?.deliverables.find((d) => d.id === rest);
        if (deliverable) return deliverableObligation(plan, window, deliverable);
      }
      return undefined;
    }
    case 'activity': {
      const activity = template.activities.find((a) => a.id === rest && a.reportRequired);
      return activity && activityObligation(plan, activity);
    }
    default:
      return undefined;
  }
}

import { WEEKDAY_CALENDAR } from '../time/work-calendar';
import { phaseAt } from './build-campaign-schedule';
import { findObligation, nextObligationAfter, obligationsBetween } from './campaign-obligations';
import type { CampaignSchedule } from './campaign-schedule';
import type { UnitTask } from './campaign-task';
import type { UnitContext } from './decide-unit';
import type { Obligation } from './obligation';
import { taskObligationId } from './obligation-id';

/**
 * What one unit owes: its template's obligations (campaign-obligations.ts) and the tasks offices
 * added for it (比照落实), each owed like a deliverable at its own deadline. Every rule on a unit
 * (submission, missed, timers, open list) reads its obligations through these.
 */

/** A task as the obligation a unit owes: kind deliverable, id `deliverable:task:<taskId>`. */
export function taskObligation(task: UnitTask, schedule: CampaignSchedule): Obligation {
  const phase = phaseAt(schedule, new Date(task.dueAt));
  return {
    id: taskObligationId(task.taskId),
    kind: 'deliverable',
    refId: `task:${task.taskId}`,
    name: task.title,
    ...(phase ? { phaseId: phase.phaseId } : {}),
    dueAt: task.dueAt,
    zeroReportAllowed: false,
  };
}

type Tasks = readonly UnitTask[] | undefined;

const byDueThenId = (a: Obligation, b: Obligation) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every obligation of the unit due in (after, until], by due time then id. */
export function unitObligationsBetween(ctx: UnitContext, tasks: Tasks, after: Date, until: Date): Obligation[] {
  const own = obligationsBetween(ctx.template, ctx.schedule, after, until, ctx.calendar ?? WEEKDAY_CALENDAR);
  if (!tasks || tasks.length === 0) return own;
  const due = tasks.map((t) => taskObligation(t, ctx.schedule)).filter((o) => after < new Date(o.dueAt) && new Date(o.dueAt) <= until);
  return [...own, ...due].sort(byDueThenId);
}

/** The unit's first obligation due strictly after `after`. */
export function nextUnitObligationAfter(ctx: UnitContext, tasks: Tasks, after: Date): Obligation | undefined {
  const own = nextObligationAfter(ctx.template, ctx.schedule, after, ctx.calendar ?? WEEKDAY_CALENDAR);
  const later = (tasks ?? []).map((t) => taskObligation(t, ctx.schedule)).filter((o) => new Date(o.dueAt) > after);
  return [...(own ? [own] : []), ...later].sort(byDueThenId)[0];
}

/** The unit's obligation with this id: a task of its own, or the template's. */
export function findUnitObligation(ctx: UnitContext, tasks: Tasks, id: string): Obligation | undefined {
  const task = (tasks ?? []).find((t) => taskObligationId(t.taskId) === id);
  return task ? taskObligation(task, ctx.schedule) : findObligation(ctx.template, ctx.schedule, id, ctx.calendar ?? WEEKDAY_CALENDAR);
}

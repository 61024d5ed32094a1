import type { Actor } from '../actor';
import { conflict, invalid } from '../rejection';
import { authorizeTerritory, coversRegion } from '../scope/territory';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { isValidId } from '../hazard/hazard-report';
import { addSpan } from '../time/add-span';
import type { TimeSpan } from '../time/time-span';
import { calendarOrWeekdays, calendarStamp } from '../time/work-calendar';
import type { CampaignCommand } from './campaign-commands';
import type { CampaignSchedule } from './campaign-schedule';
import type { CampaignState, NewCampaignEvent } from './campaign-state';
import type { CampaignTask, CampaignTaskSpec, TaskDeadline, TaskTargetUnit } from './campaign-task';
import { taskObligationId } from './obligation-id';

type AddTask = Extract<CampaignCommand, { type: 'add_task' }>;
type Base = { at: string; actor: Actor; reason: string };

/** The spec as it is compared for idempotency: the same taskId with another body is a conflict. */
const bodyOf = (spec: CampaignTaskSpec, reason: string) =>
  JSON.stringify({ ...spec, unitIds: spec.unitIds === undefined ? null : [...spec.unitIds].sort(), reason });

/**
 * Targets outside the actor's territory are refused naming the unit (属地管理); a unit the roster
 * knows no region path for lies outside every territory but an unscoped actor's.
 */
export function authorizeTargets(actor: Actor, units: readonly TaskTargetUnit[]): void {
  for (const unit of units) {
    const where = unit.regionPath
      ? `unit ${unit.unitId} is in ${unit.regionPath.join('/')}`
      : `unit ${unit.unitId} has no region in the registry (单位库)`;
    authorizeTerritory(actor, unit.regionPath ?? null, where);
  }
}

/** The unit ids of the targets: a non-empty list of valid, distinct ids. */
export function targetUnitIds(units: readonly TaskTargetUnit[] | undefined, field: string): string[] {
  if (!Array.isArray(units)) throw invalid('input.not_a_list', field, `${field} must be a list`);
  if (units.length === 0) throw invalid('campaign.task.no_units', field, 'no roster unit within your territory to apply it to');
  const ids = units.map((u) => u?.unitId);
  const bad = ids.find((id) => !isValidId(id));
  if (bad !== undefined) throw invalid('input.malformed_id', field, `unit id ${JSON.stringify(bad)} is not a valid id`);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) throw invalid('input.duplicate_id', field, `unit ${dup} is listed twice`);
  return ids;
}

function dueAtOf(state: CampaignState, schedule: CampaignSchedule, deadline: TaskDeadline | undefined, now: Date) {
  const calendar = calendarOrWeekdays(state.calendar);
  const given = (deadline ?? {}) as { dueAt?: unknown; within?: TimeSpan };
  if (given.dueAt !== undefined && given.within !== undefined)
    throw invalid('input.malformed', 'deadline', 'deadline takes either dueAt or within, not both');
  let dueAt: Date;
  let counted = false;
  if (typeof given.dueAt === 'string') {
    dueAt = new Date(given.dueAt);
    if (Number.isNaN(dueAt.getTime())) throw invalid('input.malformed', 'deadline.dueAt', 'deadline.dueAt must be an ISO date-time');
  } else if (given.within) {
    const { amount, unit } = given.within;
    if (!['hours', 'days', 'workdays'].includes(unit))
      throw invalid('input.not_one_of', 'deadline.within.unit', 'deadline.within.unit must be hours, days or workdays');
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0)
      throw invalid('input.out_of_range', 'deadline.within.amount', 'deadline.within.amount must be a positive number');
    if (unit === 'workdays' && !Number.isInteger(amount))
      throw invalid('time_span.workdays_not_whole', 'deadline.within.amount', 'working days must be whole');
    dueAt = addSpan(now, { amount, unit }, calendar);
    counted = unit === 'workdays';
  } else {
    throw invalid('input.required', 'deadline', 'deadline is required: { dueAt } or { within: { amount, unit } }');
  }
  if (dueAt <= now) throw invalid('campaign.task.deadline_past', 'deadline', `the deadline ${dueAt.toISOString()} has passed`);
  if (dueAt > new Date(schedule.endsAt))
    throw invalid('campaign.task.after_end', 'deadline', `the deadline ${dueAt.toISOString()} is after the campaign ends (${schedule.endsAt})`);
  return { dueAt: dueAt.toISOString(), ...(counted ? calendarStamp(calendar) : {}) };
}

/**
 * 下达本级任务: an office adds its own task for roster units within its territory. Idempotent by
 * taskId: the same body again decides nothing (the task stands as recorded); another body is a
 * conflict. Pure, for the update's validator.
 */
export function decideAddTask(state: CampaignState, schedule: CampaignSchedule, command: AddTask, base: Base, now: Date): NewCampaignEvent[] {
  const spec = command.task;
  if (!spec || !isValidId(spec.taskId)) throw invalid('input.malformed_id', 'taskId', 'taskId must be 1–100 letters, digits, _ . : -');
  const existing = (state.tasks ?? []).find((t) => t.spec.taskId === spec.taskId);
  if (existing) {
    if (bodyOf(existing.spec, existing.reason) === bodyOf(spec, base.reason)) return [];
    throw conflict('campaign.task.id_taken', `task ${spec.taskId} was already added with another body at ${existing.addedAt}`);
  }
  if (templateDeliverableIds(state).includes(taskObligationId(spec.taskId)))
    throw conflict('campaign.task.id_taken', `task ${spec.taskId} would clash with the template's deliverable of the same id`);
  const title = requiredText(spec.title, 'title', TEXT_LIMITS.title);
  const evidence = requiredText(spec.evidence, 'evidence');
  const unitIds = targetUnitIds(command.units, spec.unitIds === undefined ? 'unitIds (your territory)' : 'unitIds');
  authorizeTargets(command.actor, command.units);
  const task: CampaignTask = {
    spec: { ...spec, title, evidence },
    ...dueAtOf(state, schedule, spec.deadline, now),
    unitIds,
    addedBy: command.actor,
    regionId: command.actor.regionId ?? null,
    addedAt: base.at,
    reason: base.reason,
  };
  return [{ ...base, type: 'task_added', data: { task } }];
}

/** The obligation ids the template's own deliverables (and a cascade's set-up items) take. */
function templateDeliverableIds(state: CampaignState): string[] {
  const ids = state.template.phases.flatMap((p) => p.deliverables.map((d) => `deliverable:${d.id}`));
  return [...ids, ...(state.template.cascade?.setup ?? []).map((s) => `deliverable:${s.id}`)];
}

/**
 * The roster units an office's task or assignment targets: the listed ones (each must be on the
 * roster; whether it lies within the territory the decider checks), or, when none are listed,
 * every roster unit within the actor's territory.
 */
export function selectTargetUnits(roster: readonly TaskTargetUnit[], unitIds: readonly string[] | undefined, actor: Actor): TaskTargetUnit[] {
  const pick = ({ unitId, regionPath }: TaskTargetUnit): TaskTargetUnit => ({ unitId, ...(regionPath ? { regionPath } : {}) });
  if (unitIds === undefined) return roster.filter((u) => coversRegion(actor, u.regionPath ?? null)).map(pick);
  const byId = new Map(roster.map((u) => [u.unitId, u]));
  return unitIds.map((unitId) => {
    const unit = byId.get(unitId);
    if (!unit) throw invalid('campaign.task.unit_not_on_roster', 'unitIds', `unit ${unitId} is not on the campaign's roster (or was removed)`);
    return pick(unit);
  });
}

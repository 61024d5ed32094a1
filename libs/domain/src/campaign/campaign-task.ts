import type { Actor } from '../actor';
import type { TimeSpan } from '../time/time-span';

/**
 * 比照落实 (seed 002 篇一: "a county can add its own units and tasks below"): an office adds its
 * own task (任务) to a running campaign for the roster units in its territory. Each targeted unit
 * then owes it like a template deliverable (阶段材料): submitted with its evidence, missed and
 * escalated on the unit's ladder, counted in its score.
 */

/** When the task is due: an absolute instant, or a span counted from when it is added on the campaign's work calendar. */
export type TaskDeadline = { dueAt: string } | { within: TimeSpan };

/** What the office asks for (the request body without who and why). */
export interface CampaignTaskSpec {
  taskId: string;
  title: string;
  /** What evidence the unit must hand in (e.g. 县级实施方案文本、领导小组名单). */
  evidence: string;
  deadline: TaskDeadline;
  /** The roster units it applies to; absent: every roster unit within the actor's territory. */
  unitIds?: string[];
}

/** A roster unit a task may target, as the roster records it (the API reads it from the ledger). */
export interface TaskTargetUnit {
  unitId: string;
  /** The unit's region path (root first) when the roster came from the registry; absent: outside every territory. */
  regionPath?: string[];
}

/** A task as the campaign records it: what was asked, when it is due, whom it binds, and who added it where, when and why. */
export interface CampaignTask {
  spec: CampaignTaskSpec;
  dueAt: string;
  /** The work calendar a working-day deadline was counted on. */
  calendarVersion?: string;
  unitIds: string[];
  addedBy: Actor;
  /** The adding office's region (属地), null for an office bound by no territory. */
  regionId: string | null;
  addedAt: string;
  reason: string;
}

/** What one unit keeps of a task it owes. */
export interface UnitTask {
  taskId: string;
  title: string;
  evidence: string;
  dueAt: string;
  calendarVersion?: string;
  addedBy: Actor;
  regionId: string | null;
}

export function unitTaskOf(task: CampaignTask): UnitTask {
  return {
    taskId: task.spec.taskId,
    title: task.spec.title,
    evidence: task.spec.evidence,
    dueAt: task.dueAt,
    ...(task.calendarVersion ? { calendarVersion: task.calendarVersion } : {}),
    addedBy: task.addedBy,
    regionId: task.regionId,
  };
}

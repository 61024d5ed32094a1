import type { DataSource } from 'typeorm';
import type { TaskDeadline, TaskTargetUnit } from '@duban/domain';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, type Raw } from '../sql/row-values';
import { CampaignInspectionAssignmentRecord } from './campaign-inspection-assignment.entity';
import { CampaignTaskRecord } from './campaign-task-record.entity';

/** An office's task below a campaign (下达本级任务), as the lists show it. */
export interface CampaignTaskRow {
  campaignId: string;
  taskId: string;
  title: string;
  evidence: string;
  deadline: TaskDeadline;
  dueAt: string;
  calendarVersion: string | null;
  unitIds: string[];
  /** false: the task went to every roster unit within the office's territory. */
  unitsListed: boolean;
  addedBy: { id: string; name: string };
  /** The adding office's region (属地); null: an office bound by no territory. */
  regionId: string | null;
  addedAt: string;
  reason: string;
}

/** One inspector assigned to one unit (检查组分工). */
export interface InspectionAssignmentRow {
  campaignId: string;
  unitId: string;
  inspectorId: string;
  inspectorName: string;
  assignedBy: { id: string; name: string };
  assignedAt: string;
  reason: string;
}

/** A roster unit an office may give a task or an inspector: not removed, with its region path when the registry gave one. */
export type TargetableUnit = TaskTargetUnit & { status: string };

const columns = perDataSource((dataSource) => ({
  tasks: selectColumns(EntityTable.of(dataSource, CampaignTaskRecord).columns),
  assignments: selectColumns(EntityTable.of(dataSource, CampaignInspectionAssignmentRecord).columns),
}));

function toTaskRow(r: CampaignTaskRecord): CampaignTaskRow {
  return {
    campaignId: r.campaignId,
    taskId: r.taskId,
    title: r.title,
    evidence: r.evidence,
    deadline: r.deadline,
    dueAt: iso(r.dueAt),
    calendarVersion: r.calendarVersion,
    unitIds: r.unitIds,
    unitsListed: r.unitsListed,
    addedBy: { id: r.addedById, name: r.addedByName },
    regionId: r.regionId,
    addedAt: iso(r.addedAt),
    reason: r.reason,
  };
}

function toAssignmentRow(r: CampaignInspectionAssignmentRecord): InspectionAssignmentRow {
  return {
    campaignId: r.campaignId,
    unitId: r.unitId,
    inspectorId: r.inspectorId,
    inspectorName: r.inspectorName,
    assignedBy: { id: r.assignedById, name: r.assignedByName },
    assignedAt: iso(r.assignedAt),
    reason: r.reason,
  };
}

/**
 * Read side of what offices add below a campaign: their tasks (比照落实) and inspector
 * assignments (检查组分工), and the roster units they may target. Never writes.
 */
export class CampaignTaskReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The campaign's tasks in the order they were added. */
  async tasks(campaignId: string): Promise<CampaignTaskRow[]> {
    const rows: CampaignTaskRecord[] = await this.dataSource.query(
      `SELECT ${columns(this.dataSource).tasks} FROM campaign_task WHERE campaign_id = $1 ORDER BY seq`,
      [campaignId],
    );
    return rows.map(toTaskRow);
  }

  /** Assignments of the campaign (or of one unit), by unit then inspector. */
  async assignments(campaignId: string, unitId?: string): Promise<InspectionAssignmentRow[]> {
    const rows: CampaignInspectionAssignmentRecord[] = await this.dataSource.query(
      `SELECT ${columns(this.dataSource).assignments} FROM campaign_inspection_assignment
        WHERE campaign_id = $1 AND ($2::varchar IS NULL OR unit_id = $2) ORDER BY unit_id, inspector_id`,
      [campaignId, unitId ?? null],
    );
    return rows.map(toAssignmentRow);
  }

  /** The roster units not removed from the campaign, in roster order. */
  async targetableUnits(campaignId: string): Promise<TargetableUnit[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT unit_id, region_path, status FROM campaign_unit WHERE campaign_id = $1 AND status <> 'removed' ORDER BY roster_index, unit_id`,
      [campaignId],
    );
    return rows.map((r) => ({ unitId: r.unit_id, status: r.status, ...(r.region_path ? { regionPath: r.region_path } : {}) }));
  }
}

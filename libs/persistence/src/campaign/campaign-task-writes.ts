import type { EntityManager } from 'typeorm';
import type { CampaignEvent } from '@duban/domain';
import { columnNames, EntityTable, perDataSource, type ColumnValues, type PropertyOf } from '../sql/entity-table';
import { batches, batchSize, bulkValues } from '../sql/bulk-values';
import { CampaignInspectionAssignmentRecord } from './campaign-inspection-assignment.entity';
import { CampaignTaskRecord } from './campaign-task-record.entity';

type TaskValues = ColumnValues<CampaignTaskRecord, PropertyOf<CampaignTaskRecord>>;
type AssignmentValues = ColumnValues<CampaignInspectionAssignmentRecord, PropertyOf<CampaignInspectionAssignmentRecord>>;

const statements = perDataSource((dataSource) => {
  const tasks = EntityTable.of(dataSource, CampaignTaskRecord);
  const assignments = EntityTable.of(dataSource, CampaignInspectionAssignmentRecord);
  const taskColumns = tasks.except();
  const assignmentColumns = assignments.except();
  return {
    taskColumns,
    insertTasks: (values: string) =>
      `INSERT INTO ${tasks.name} (${columnNames(taskColumns)}) VALUES ${values} ON CONFLICT (${columnNames(tasks.only('campaignId', 'taskId'))}) DO NOTHING`,
    assignmentColumns,
    assignmentBatch: batchSize(assignmentColumns),
    insertAssignments: (values: string) =>
      `INSERT INTO ${assignments.name} (${columnNames(assignmentColumns)}) VALUES ${values}
       ON CONFLICT (${columnNames(assignments.only('campaignId', 'unitId', 'inspectorId'))}) DO NOTHING`,
    deleteAssignments: `DELETE FROM ${assignments.name} WHERE campaign_id = $1 AND inspector_id = $2 AND unit_id = ANY($3::varchar[])`,
  };
});

/**
 * Projects an office's tasks (task_added) and inspector assignments (inspector_assigned /
 * inspector_unassigned) from the campaign's events, in their order. A campaign workflow records
 * its batches one after another, so a retried batch only repeats what is already there: inserts
 * do nothing on conflict and a repeated delete finds nothing.
 */
export async function projectOfficeWork(manager: EntityManager, campaignId: string, events: readonly CampaignEvent[]): Promise<void> {
  const sql = statements(manager.connection);
  for (const event of events) {
    if (event.type === 'task_added') {
      const { task } = event.data;
      const row: TaskValues = {
        campaignId,
        taskId: task.spec.taskId,
        title: task.spec.title,
        evidence: task.spec.evidence,
        deadline: task.spec.deadline,
        dueAt: task.dueAt,
        calendarVersion: task.calendarVersion ?? null,
        unitIds: task.unitIds,
        unitsListed: task.spec.unitIds !== undefined,
        addedById: task.addedBy.id,
        addedByName: task.addedBy.name,
        regionId: task.regionId,
        addedAt: task.addedAt,
        reason: task.reason,
        seq: event.seq,
      };
      const values = bulkValues(sql.taskColumns, [row]);
      await manager.query(sql.insertTasks(values.sql), values.params);
    } else if (event.type === 'inspector_assigned') {
      const { inspectorId, inspectorName, unitIds } = event.data;
      for (const batch of batches(unitIds, sql.assignmentBatch)) {
        const rows = batch.items.map((unitId): AssignmentValues => ({
          campaignId,
          unitId,
          inspectorId,
          inspectorName,
          assignedById: event.actor.id,
          assignedByName: event.actor.name,
          assignedAt: event.at,
          reason: event.reason,
        }));
        const values = bulkValues(sql.assignmentColumns, rows);
        await manager.query(sql.insertAssignments(values.sql), values.params);
      }
    } else if (event.type === 'inspector_unassigned') {
      await manager.query(sql.deleteAssignments, [campaignId, event.data.inspectorId, event.data.unitIds]);
    }
  }
}

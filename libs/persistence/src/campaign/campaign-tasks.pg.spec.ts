import { describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY, type Actor, type CampaignTask } from '@duban/domain';
import { campaignThen, iso, launch, schedule, unit } from '../testing/campaign-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerWriter } from './campaign-ledger-writer';
import { CampaignTaskReader } from './campaign-task-reader';

// Offices' tasks and inspector assignments projected from the campaign's events (campaign_task,
// campaign_inspection_assignment), under retried batches, and the roster an office may target.

const eastOffice: Actor = { id: 'office-east', name: '东城区安委办', role: 'office', regionId: 'r-east' };
const task: CampaignTask = {
  spec: { taskId: 'east-plan', title: '实施方案', evidence: '方案文本', deadline: { within: { amount: 3, unit: 'workdays' } } },
  dueAt: iso(4),
  calendarVersion: 'cn-2026.1',
  unitIds: ['u-1', 'u-2'],
  addedBy: eastOffice,
  regionId: 'r-east',
  addedAt: iso(1),
  reason: '落实市级部署',
};
const base = { at: iso(1), actor: eastOffice, reason: '检查组分工' };

describe('campaign tasks and inspection assignments on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_tasks');

  it('records each task once (a retried batch changes nothing), lists it, and follows assignments and their removal', async () => {
    const writer = new CampaignLedgerWriter(db.dataSource);
    const reader = new CampaignTaskReader(db.dataSource);
    const units = [unit('u-1', 'r-east'), unit('u-2', 'r-east'), { ...unit('u-3', 'r-west'), regionPath: ['city', 'r-west'] }];
    const launched = launch('T-1', units);
    const record = (c: typeof launched) => writer.recordCampaign({ ...c, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
    await record(launched);
    await writer.saveRoster('T-1', units);

    const added = campaignThen(launched, { ...base, reason: task.reason, type: 'task_added', data: { task } });
    await record(added);
    await record(added);
    expect(await reader.tasks('T-1')).toEqual([
      {
        campaignId: 'T-1',
        taskId: 'east-plan',
        title: '实施方案',
        evidence: '方案文本',
        deadline: { within: { amount: 3, unit: 'workdays' } },
        dueAt: iso(4),
        calendarVersion: 'cn-2026.1',
        unitIds: ['u-1', 'u-2'],
        unitsListed: false,
        addedBy: { id: 'office-east', name: '东城区安委办' },
        regionId: 'r-east',
        addedAt: iso(1),
        reason: '落实市级部署',
      },
    ]);

    const assigned = campaignThen(added, {
      ...base,
      type: 'inspector_assigned',
      data: { inspectorId: 'i-zhang', inspectorName: '张工', unitIds: ['u-1', 'u-2'] },
    });
    await record(assigned);
    await record(assigned);
    expect((await reader.assignments('T-1')).map((a) => [a.unitId, a.inspectorId, a.inspectorName, a.assignedBy.id])).toEqual([
      ['u-1', 'i-zhang', '张工', 'office-east'],
      ['u-2', 'i-zhang', '张工', 'office-east'],
    ]);
    const removed = campaignThen(assigned, { ...base, type: 'inspector_unassigned', data: { inspectorId: 'i-zhang', unitIds: ['u-1'] } });
    await record(removed);
    expect((await reader.assignments('T-1', 'u-1')).length).toBe(0);
    expect((await reader.assignments('T-1', 'u-2')).map((a) => a.inspectorId)).toEqual(['i-zhang']);

    expect(await reader.targetableUnits('T-1')).toEqual([
      { unitId: 'u-1', status: 'pending' },
      { unitId: 'u-2', status: 'pending' },
      { unitId: 'u-3', status: 'pending', regionPath: ['city', 'r-west'] },
    ]);
  });
});

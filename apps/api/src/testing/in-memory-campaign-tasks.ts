import type { CampaignTask, InspectionAssignment } from '@duban/domain';
import type { CampaignTaskReader, CampaignTaskRow, InspectionAssignmentRow, TargetableUnit } from '@duban/persistence';
import type { FakeCampaignWorld } from './fake-campaign-world';

/**
 * The campaign task ledger of the HTTP specs: offices' tasks and inspector assignments read from
 * the fake world's campaign states (what the ledger writer would project), and the roster with
 * the region paths a spec gives its units (the fake roster has none: a registry launch would).
 */
export class InMemoryCampaignTasks implements Pick<CampaignTaskReader, 'tasks' | 'assignments' | 'targetableUnits'> {
  readonly regionPaths = new Map<string, string[]>();

  constructor(private readonly world: FakeCampaignWorld) {}

  async tasks(campaignId: string): Promise<CampaignTaskRow[]> {
    return (this.world.campaigns.get(campaignId)?.state.tasks ?? []).map((t) => taskRow(campaignId, t));
  }

  async assignments(campaignId: string, unitId?: string): Promise<InspectionAssignmentRow[]> {
    const all = this.world.campaigns.get(campaignId)?.state.inspectionAssignments ?? [];
    return all.filter((a) => unitId === undefined || a.unitId === unitId).map((a) => assignmentRow(campaignId, a));
  }

  async targetableUnits(campaignId: string): Promise<TargetableUnit[]> {
    const page = (await this.world.ledger.units?.(campaignId)) ?? { items: [] };
    return page.items
      .filter((r) => r.status !== 'removed')
      .map((r) => {
        const regionPath = this.regionPaths.get(r.unitId);
        return { unitId: r.unitId, status: r.status, ...(regionPath ? { regionPath } : {}) };
      });
  }
}

function taskRow(campaignId: string, t: CampaignTask): CampaignTaskRow {
  return {
    campaignId,
    taskId: t.spec.taskId,
    title: t.spec.title,
    evidence: t.spec.evidence,
    deadline: t.spec.deadline,
    dueAt: t.dueAt,
    calendarVersion: t.calendarVersion ?? null,
    unitIds: t.unitIds,
    unitsListed: t.spec.unitIds !== undefined,
    addedBy: { id: t.addedBy.id, name: t.addedBy.name },
    regionId: t.regionId,
    addedAt: t.addedAt,
    reason: t.reason,
  };
}

function assignmentRow(campaignId: string, a: InspectionAssignment): InspectionAssignmentRow {
  return {
    campaignId,
    unitId: a.unitId,
    inspectorId: a.inspectorId,
    inspectorName: a.inspectorName,
    assignedBy: { id: a.assignedBy.id, name: a.assignedBy.name },
    assignedAt: a.assignedAt,
    reason: a.reason,
  };
}

const standIns = new WeakMap<FakeCampaignWorld, InMemoryCampaignTasks>();

/** The world's one task ledger stand-in (the app's provider and the spec that sets region paths share it). */
export function campaignTasksOf(world: FakeCampaignWorld): InMemoryCampaignTasks {
  let tasks = standIns.get(world);
  if (!tasks) standIns.set(world, (tasks = new InMemoryCampaignTasks(world)));
  return tasks;
}

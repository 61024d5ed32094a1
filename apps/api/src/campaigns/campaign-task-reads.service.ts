import { Injectable } from '@nestjs/common';
import type { Actor, RegionLevel } from '@duban/domain';
import { CampaignTaskReader, RegistryReader, type CampaignTaskRow, type InspectionAssignmentRow } from '@duban/persistence';
import { CampaignAccess } from './campaign-access';

/** The level a task was added at: the adding office's region as the registry (单位库) names it now; null when unscoped or unknown. */
export type TaskRegion = { id: string; name: string; level: RegionLevel } | null;
export type CampaignTaskListItem = CampaignTaskRow & { region: TaskRegion };

/** What offices added below a campaign, the reads; a unit token sees only what binds its own unit. */
@Injectable()
export class CampaignTaskReadsService {
  constructor(
    private readonly access: CampaignAccess,
    private readonly tasks: CampaignTaskReader,
    private readonly registry: RegistryReader,
  ) {}

  async list(campaignId: string, actor: Actor): Promise<{ items: CampaignTaskListItem[] }> {
    await this.access.campaign(campaignId);
    const own = this.access.ownUnit(actor, undefined);
    const all = await this.tasks.tasks(campaignId);
    const items = own === undefined ? all : all.filter((t) => t.unitIds.includes(own)).map((t) => ({ ...t, unitIds: [own] }));
    const regions = new Map<string, TaskRegion>();
    for (const id of new Set(items.flatMap((t) => (t.regionId === null ? [] : [t.regionId])))) {
      const entry = await this.registry.get('region', id);
      regions.set(id, entry ? { id, name: entry.record.name, level: entry.record.level } : null);
    }
    return { items: items.map((t) => ({ ...t, region: t.regionId === null ? null : (regions.get(t.regionId) ?? null) })) };
  }

  async assignments(campaignId: string, actor: Actor): Promise<{ items: InspectionAssignmentRow[] }> {
    await this.access.campaign(campaignId);
    return { items: await this.tasks.assignments(campaignId, this.access.ownUnit(actor, undefined)) };
  }
}

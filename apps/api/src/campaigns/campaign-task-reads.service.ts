import { Injectable } from '@nestjs/common';
import { withinBounds, type Actor, type ListBounds, type RegionLevel } from '@duban/domain';
import { CampaignTaskReader, RegistryReader, type CampaignTaskRow, type InspectionAssignmentRow } from '@duban/persistence';
import { CampaignAccess } from './campaign-access';

/** The level a task was added at: the adding office's region as the registry (单位库) names it now; null when unscoped or unknown. */
export type TaskRegion = { id: string; name: string; level: RegionLevel } | null;
export type CampaignTaskListItem = CampaignTaskRow & { region: TaskRegion };

/** What offices added below a campaign, the reads: each names only the units within its reader's scope (a unit token: its own). */
@Injectable()
export class CampaignTaskReadsService {
  constructor(
    private readonly access: CampaignAccess,
    private readonly tasks: CampaignTaskReader,
    private readonly registry: RegistryReader,
  ) {}

  async list(campaignId: string, actor: Actor): Promise<{ items: CampaignTaskListItem[] }> {
    await this.access.readable(campaignId, actor);
    const all = await this.tasks.tasks(campaignId);
    const within = await this.withinScope(
      actor,
      await this.access.bounds(actor, undefined),
      all.flatMap((t) => t.unitIds),
    );
    const items = all.map((t) => ({ ...t, unitIds: t.unitIds.filter(within) })).filter((t) => t.unitIds.length > 0);
    const regions = new Map<string, TaskRegion>();
    for (const id of new Set(items.flatMap((t) => (t.regionId === null ? [] : [t.regionId])))) {
      const entry = await this.registry.get('region', id);
      regions.set(id, entry ? { id, name: entry.record.name, level: entry.record.level } : null);
    }
    return { items: items.map((t) => ({ ...t, region: t.regionId === null ? null : (regions.get(t.regionId) ?? null) })) };
  }

  async assignments(campaignId: string, actor: Actor): Promise<{ items: InspectionAssignmentRow[] }> {
    await this.access.readable(campaignId, actor);
    const bounds = await this.access.bounds(actor, undefined);
    const rows = await this.tasks.assignments(campaignId, bounds.unitId);
    const within = await this.withinScope(
      actor,
      bounds,
      rows.map((r) => r.unitId),
    );
    return { items: rows.filter((r) => within(r.unitId)) };
  }

  /** Whether a unit's rows are within the actor's read scope, `bounds` (listBounds, as every campaign list). */
  private async withinScope(actor: Actor, bounds: ListBounds, unitIds: readonly string[]): Promise<(unitId: string) => boolean> {
    const placeOf = await this.access.placesOf(actor, [...new Set(unitIds)]);
    return (unitId) => withinBounds(bounds, placeOf(unitId));
  }
}

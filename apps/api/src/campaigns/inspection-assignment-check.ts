import { Injectable } from '@nestjs/common';
import { authorizeAssignedInspector, type Actor } from '@duban/domain';
import { CampaignTaskReader } from '@duban/persistence';

/**
 * 检查组分工 at the door: an inspector records inspections and findings on a unit that has
 * assigned inspectors only when it is one of them (403 `permission.not_assigned_inspector`);
 * the unit's workflow checks it again against its own state.
 */
@Injectable()
export class InspectionAssignmentCheck {
  constructor(private readonly tasks: CampaignTaskReader) {}

  async authorize(campaignId: string, unitId: string, actor: Actor): Promise<void> {
    if (actor.role !== 'inspector') return;
    authorizeAssignedInspector(await this.tasks.assignments(campaignId, unitId), actor, unitId);
  }
}

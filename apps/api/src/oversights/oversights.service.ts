import { Injectable } from '@nestjs/common';
import {
  conflict,
  OVERSIGHT_PERMISSIONS,
  oversightsBefore,
  oversightWindow,
  STANDARD_OVERSIGHT_POLICY,
  type Actor,
  type Oversight,
  type OversightTrigger,
} from '@duban/domain';
import { SignedInspectionReader } from '@duban/persistence';
import { authorizeOn } from '../auth/authorize-on';
import { Places } from '../auth/places';

/** What the oversight list answers: the trigger, the window looked over, the policy, and the oversights, latest first. */
export interface OversightList {
  trigger: OversightTrigger;
  window: { from: string; until: string };
  policy: { id: string; source: string; lookBackDays: number };
  items: Oversight[];
}

/**
 * 疏漏追责: reads the signed inspections of a major hazard's or an accident's unit and keeps
 * those that recorded nothing there (the domain's oversightsBefore). The caller must be allowed
 * to read oversights on the trigger's unit (office or auditor, within its territory).
 */
@Injectable()
export class OversightsService {
  constructor(
    private readonly inspections: SignedInspectionReader,
    private readonly places: Places,
  ) {}

  async forHazard(hazardId: string, actor: Actor): Promise<OversightList> {
    const trigger = await this.authorized(actor, () => this.inspections.hazardTrigger(hazardId), `hazard ${hazardId} not found`);
    if (trigger.grade !== 'major')
      throw conflict(
        'oversight.trigger.not_major',
        `hazard ${hazardId} is a ${trigger.grade} hazard: oversights are traced for a major one (重大隐患)`,
      );
    const { grade: _grade, ...major } = trigger;
    return this.list(major);
  }

  async forAccident(accidentId: string, actor: Actor): Promise<OversightList> {
    return this.list(await this.authorized(actor, () => this.inspections.accidentTrigger(accidentId), `accident ${accidentId} not found`));
  }

  private authorized<T extends OversightTrigger>(actor: Actor, find: () => Promise<T | undefined>, missing: string): Promise<T> {
    return authorizeOn(OVERSIGHT_PERMISSIONS, 'read', actor, { find, unitOf: (t) => t.unitId, missing: () => missing }, this.places);
  }

  private async list(trigger: OversightTrigger): Promise<OversightList> {
    const policy = STANDARD_OVERSIGHT_POLICY;
    const { from, until } = oversightWindow(trigger, policy);
    const [inspections, hazards] = await Promise.all([
      this.inspections.inspections(trigger.unitId, from, until),
      this.inspections.hazardsFound(trigger.unitId, from, until),
    ]);
    return {
      trigger,
      window: { from: from.toISOString(), until: until.toISOString() },
      policy: { id: policy.id, source: policy.source, lookBackDays: policy.lookBackDays },
      items: oversightsBefore(trigger, inspections, hazards, policy),
    };
  }
}

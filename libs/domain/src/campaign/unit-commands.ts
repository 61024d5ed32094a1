import type { Actor } from '../actor';
import type { HazardReport } from '../hazard/hazard-report';

/** What people ask of a unit's campaign obligations. */
export type UnitCommand =
  | { type: 'submit_report'; actor: Actor; obligationId: string; zero: boolean; content: string; hazardsFound?: number; hazardsRectified?: number }
  | { type: 'record_inspection'; actor: Actor; tierId: string; checkItemIds: string[]; note: string }
  | { type: 'record_finding'; actor: Actor; hazardId: string; report: HazardReport };

import type { Actor } from '../actor';
import type { CommandInput } from '../decider';
import type { HazardReport } from '../hazard/hazard-report';

/** What a unit files against one obligation (填报): the command's fields and the recorded event's. */
export interface ReportFiling {
  obligationId: string;
  /** 零报告: nothing to report, where the obligation allows it. */
  zero: boolean;
  content: string;
  hazardsFound?: number;
  hazardsRectified?: number;
}

/** A finding as the inspector writes it; the unit, the source and the campaign come from the unit's workflow. */
export type FindingReport = Omit<HazardReport, 'unitId' | 'source' | 'campaignId'>;

/** What people ask of a unit's campaign obligations. */
export type UnitCommand =
  | ({ type: 'submit_report'; actor: Actor } & ReportFiling)
  | { type: 'record_inspection'; actor: Actor; tierId: string; checkItemIds: string[]; note: string }
  | { type: 'record_finding'; actor: Actor; hazardId: string; report: HazardReport };

// What a person fills in (the API's request bodies); the actor comes from the credentials.
export type SubmitReportArgs = CommandInput<UnitCommand, 'submit_report'>;
export type RecordInspectionArgs = CommandInput<UnitCommand, 'record_inspection'>;
/** A finding is filed flat; the unit's workflow draws the hazard id and completes the report. */
export type RecordFindingArgs = FindingReport;

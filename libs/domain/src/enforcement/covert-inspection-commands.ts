import type { Actor } from '../actor';
import type { CommandInput } from '../decider';
import type { TimeSpan } from '../time/time-span';
import type { FeedbackRecipient, FindingGrade } from './covert-inspection-plan';

/** Everything the team, the office or a recipient can ask of a covert inspection after it is planned. */
export type CovertInspectionCommand =
  | { type: 'record_finding'; actor: Actor; unitId: string; description: string; grade: FindingGrade }
  | {
      type: 'issue_rectification_order';
      actor: Actor;
      unitId: string;
      findingIds: string[];
      instruction: string;
      timeLimit: TimeSpan;
      /** The units told of the result: the unit's county government and its industry department (from the registry). */
      countyGovernmentUnitId: string;
      industryDepartmentUnitId: string;
    }
  | { type: 'acknowledge_feedback'; actor: Actor; orderId: string; recipient: FeedbackRecipient; acknowledgedBy: string }
  | { type: 'complete'; actor: Actor; summary: string };

export type CovertInspectionCommandType = CovertInspectionCommand['type'];

export type RecordCovertFindingArgs = CommandInput<CovertInspectionCommand, 'record_finding'>;
export type IssueRectificationOrderArgs = CommandInput<CovertInspectionCommand, 'issue_rectification_order'>;
export type AcknowledgeFeedbackArgs = CommandInput<CovertInspectionCommand, 'acknowledge_feedback'>;
export type CompleteCovertInspectionArgs = CommandInput<CovertInspectionCommand, 'complete'>;

import {
  ACCIDENT_EVENT_LABELS,
  CAMPAIGN_EVENT_LABELS,
  describeWorkflowId,
  ENFORCEMENT_EVENT_LABELS,
  HAZARD_EVENT_LABELS,
  parseWorkflowId,
  UNIT_EVENT_LABELS,
} from '@duban/domain';
import type { AuditLedgers, ExportedWorkflow } from './bundle-subject';
import { accidentEvents, campaignEvents, enforcementEvents, hazardEvents } from './ledger-event-pages';

/**
 * A workflow of an export, from its id alone: which ledger holds its events, and how its timeline
 * section is titled and labelled. Every subject is a list of workflow ids, so every kind of
 * workflow is exported one way.
 */
export function exportedWorkflow(ledgers: AuditLedgers, workflowId: string): ExportedWorkflow {
  const subject = parseWorkflowId(workflowId);
  const title = (zh: string) => `${zh} — ${describeWorkflowId(workflowId)}`;
  switch (subject?.kind) {
    case 'hazard':
      return { workflowId, title: title('隐患'), labels: HAZARD_EVENT_LABELS, ledgerEvents: () => hazardEvents(ledgers, subject.hazardId) };
    case 'accident':
      return { workflowId, title: title('事故'), labels: ACCIDENT_EVENT_LABELS, ledgerEvents: () => accidentEvents(ledgers, subject.accidentId) };
    case 'enforcement_case':
      return {
        workflowId,
        title: title('执法案件'),
        labels: ENFORCEMENT_EVENT_LABELS,
        ledgerEvents: () => enforcementEvents(ledgers, subject.caseId),
      };
    case 'campaign':
      return {
        workflowId,
        title: title('专项行动'),
        labels: CAMPAIGN_EVENT_LABELS,
        ledgerEvents: () => campaignEvents(ledgers, subject.campaignId, null),
      };
    case 'unit':
      return {
        workflowId,
        title: title('单位履职'),
        labels: UNIT_EVENT_LABELS,
        ledgerEvents: () => campaignEvents(ledgers, subject.campaignId, subject.unitId),
      };
    default:
      throw new Error(`cannot export workflow ${workflowId}: no ledger of its kind is exported`);
  }
}

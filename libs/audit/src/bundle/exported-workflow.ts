import {
  ACCIDENT_EVENT_LABELS,
  CAMPAIGN_EVENT_LABELS,
  COVERT_INSPECTION_EVENT_LABELS,
  describeWorkflowId,
  ENFORCEMENT_EVENT_LABELS,
  HAZARD_EVENT_LABELS,
  parseWorkflowId,
  TIP_OFF_EVENT_LABELS,
  UNIT_EVENT_LABELS,
} from '@duban/domain';
import { ACCOUNTABILITY_TIMELINE_LABELS, accountabilityOfRow, accountabilityTimeline } from './accountability-ledger';
import type { AuditLedgers, ExportedWorkflow } from './bundle-subject';
import { accidentEvents, campaignEvents, covertInspectionEvents, enforcementEvents, hazardEvents, tipOffEvents } from './ledger-event-pages';

/** An accountability action (问责): a ledger row, no events — the bundle carries the row's state and a timeline read from it. */
function accountabilityWorkflow(ledgers: AuditLedgers, workflowId: string, firingKey: string): ExportedWorkflow {
  return {
    workflowId,
    title: `问责 — accountability action ${firingKey}`,
    labels: ACCOUNTABILITY_TIMELINE_LABELS,
    ledgerEvents: async () => [],
    ledgerState: async () => {
      const row = await ledgers.accidentRecord.firing(firingKey);
      if (!row) throw new Error(`no accountability firing ${firingKey} in the ledger`);
      const state = accountabilityOfRow(row);
      return { state, timeline: accountabilityTimeline(state) };
    },
  };
}

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
    case 'tip_off':
      return { workflowId, title: title('举报'), labels: TIP_OFF_EVENT_LABELS, ledgerEvents: () => tipOffEvents(ledgers, subject.tipOffId) };
    case 'covert_inspection':
      return {
        workflowId,
        title: title('暗访'),
        labels: COVERT_INSPECTION_EVENT_LABELS,
        ledgerEvents: () => covertInspectionEvents(ledgers, subject.inspectionId),
      };
    case 'accountability_action':
      return accountabilityWorkflow(ledgers, workflowId, subject.firingKey);
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

/**
 * Workflow ids, built and read here only: `hazard-<hazardId>`, `accident-<accidentId>`, `tip-off-<tipOffId>`,
 * `enforcement-case-<caseId>`, `covert-inspection-<inspectionId>`, `accountability-action-<firingKey>`, `campaign-<campaignId>`, `campaign-<campaignId>-unit-<unitId>`. In the domain so that every layer builds the same ids
 * (the workflows start them, the ledger stores them, the API reads them back to say what an error
 * is about); the workflow contracts re-export them.
 */
export const hazardWorkflowId = (hazardId: string) => `hazard-${hazardId}`;
export const accidentWorkflowId = (accidentId: string) => `accident-${accidentId}`;
export const tipOffWorkflowId = (tipOffId: string) => `tip-off-${tipOffId}`;
export const enforcementCaseWorkflowId = (caseId: string) => `enforcement-case-${caseId}`;
export const covertInspectionWorkflowId = (inspectionId: string) => `covert-inspection-${inspectionId}`;
export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;
export const accountabilityActionWorkflowId = (firingKey: string) => `accountability-action-${firingKey}`;
export const unitObligationsWorkflowId = (campaignId: string, unitId: string) => `campaign-${campaignId}-unit-${unitId}`;

export type WorkflowSubject =
  | { kind: 'hazard'; hazardId: string }
  | { kind: 'accident'; accidentId: string }
  | { kind: 'tip_off'; tipOffId: string }
  | { kind: 'enforcement_case'; caseId: string }
  | { kind: 'covert_inspection'; inspectionId: string }
  | { kind: 'accountability_action'; firingKey: string }
  | { kind: 'campaign'; campaignId: string }
  | { kind: 'unit'; campaignId: string; unitId: string };

/**
 * What a workflow id stands for, or undefined for an id Duban does not mint. Campaign ids are
 * UUIDs (no '-unit-' inside), so the first '-unit-' separates campaign from unit.
 */
export function parseWorkflowId(workflowId: string): WorkflowSubject | undefined {
  if (workflowId.startsWith('hazard-') && workflowId.length > 'hazard-'.length)
    return { kind: 'hazard', hazardId: workflowId.slice('hazard-'.length) };
  if (workflowId.startsWith('accident-') && workflowId.length > 'accident-'.length)
    return { kind: 'accident', accidentId: workflowId.slice('accident-'.length) };
  if (workflowId.startsWith('tip-off-') && workflowId.length > 'tip-off-'.length)
    return { kind: 'tip_off', tipOffId: workflowId.slice('tip-off-'.length) };
  if (workflowId.startsWith('enforcement-case-') && workflowId.length > 'enforcement-case-'.length)
    return { kind: 'enforcement_case', caseId: workflowId.slice('enforcement-case-'.length) };
  if (workflowId.startsWith('covert-inspection-') && workflowId.length > 'covert-inspection-'.length)
    return { kind: 'covert_inspection', inspectionId: workflowId.slice('covert-inspection-'.length) };
  if (workflowId.startsWith('accountability-action-') && workflowId.length > 'accountability-action-'.length)
    return { kind: 'accountability_action', firingKey: workflowId.slice('accountability-action-'.length) };
  if (!workflowId.startsWith('campaign-')) return undefined;
  const rest = workflowId.slice('campaign-'.length);
  const unitAt = rest.indexOf('-unit-');
  if (unitAt > 0 && unitAt + '-unit-'.length < rest.length)
    return { kind: 'unit', campaignId: rest.slice(0, unitAt), unitId: rest.slice(unitAt + '-unit-'.length) };
  return rest === '' ? undefined : { kind: 'campaign', campaignId: rest };
}

/** A workflow id in words: `hazard <id>`, `campaign <id>`, `unit <unitId> in campaign <id>`. */
export function describeWorkflowId(workflowId: string): string {
  const subject = parseWorkflowId(workflowId);
  switch (subject?.kind) {
    case 'hazard':
      return `hazard ${subject.hazardId}`;
    case 'accident':
      return `accident ${subject.accidentId}`;
    case 'tip_off':
      return `tip-off ${subject.tipOffId}`;
    case 'enforcement_case':
      return `enforcement case ${subject.caseId}`;
    case 'covert_inspection':
      return `covert inspection ${subject.inspectionId}`;
    case 'accountability_action':
      return `accountability action ${subject.firingKey}`;
    case 'campaign':
      return `campaign ${subject.campaignId}`;
    case 'unit':
      return `unit ${subject.unitId} in campaign ${subject.campaignId}`;
    default:
      return `workflow ${workflowId}`;
  }
}

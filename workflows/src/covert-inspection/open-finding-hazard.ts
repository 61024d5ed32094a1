import { log, ParentClosePolicy, proxyActivities, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  covertFindingHazard,
  hazardRegisteredEvent,
  hazardWorkflowId,
  STANDARD_HAZARD_POLICY,
  validateHazardReport,
  workCalendarOf,
  type CovertInspectionState,
  type NewCovertInspectionEvent,
} from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import { LEDGER_ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { hazardWorkflow } from '../hazard/hazard.workflow';
import type { CovertInspectionActivities, CovertHazardUnit } from './covert-inspection.contract';

const { readUnitForCovertHazard } = proxyActivities<CovertInspectionActivities>({
  startToCloseTimeout: LEDGER_ACTIVITY_TIMEOUT,
  retry: ACTIVITY_RETRY,
});

/**
 * 暗访发现 → 隐患台账: each finding an on-site order names becomes a hazard, started as a child the
 * inspection abandons (the hazard outlives the inspection until its 销号), under the id the
 * finding's id fixes, so a second attempt finds the first (already started: opened). Answers the
 * inspection's events naming each hazard; a unit the registry no longer has opens none (logged).
 */
export async function openFindingHazards(state: CovertInspectionState, findingIds: string[]): Promise<NewCovertInspectionEvent[]> {
  const units = new Map<string, CovertHazardUnit | null>();
  const registered: NewCovertInspectionEvent[] = [];
  for (const findingId of findingIds) {
    const unitId = state.findings.find((f) => f.findingId === findingId)?.unitId;
    if (unitId === undefined) continue;
    if (!units.has(unitId)) units.set(unitId, await readUnitForCovertHazard({ unitId }));
    const unit = units.get(unitId);
    if (!unit) {
      log.warn('no hazard opened for a covert finding: the unit is not in the registry', { inspectionId: state.inspectionId, findingId, unitId });
      continue;
    }
    const opened = await openFindingHazard(state, findingId, unit);
    if (opened) registered.push(opened);
  }
  return registered;
}

async function openFindingHazard(
  state: CovertInspectionState,
  findingId: string,
  unit: CovertHazardUnit,
): Promise<NewCovertInspectionEvent | undefined> {
  const hazard = covertFindingHazard(state, findingId, unit.place);
  const now = new Date();
  try {
    validateHazardReport(hazard.report, hazard.reporter, STANDARD_HAZARD_POLICY, now, workCalendarOf(unit.calendar));
  } catch (error) {
    // The order's time limit was checked when it was issued: a refusal here means the report cannot be filed as it stands.
    log.warn('no hazard opened for a covert finding: its report was refused', { inspectionId: state.inspectionId, findingId, error: String(error) });
    return undefined;
  }
  const workflowId = hazardWorkflowId(hazard.hazardId);
  try {
    await startChild(hazardWorkflow, {
      workflowId,
      args: [
        {
          hazardId: hazard.hazardId,
          report: hazard.report,
          reporter: hazard.reporter,
          policy: STANDARD_HAZARD_POLICY,
          calendar: unit.calendar,
          ...(hazard.listing ? { listing: hazard.listing } : {}),
        },
      ],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      // A hazard that was filed and has been signed off is never filed again for the same finding.
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return hazardRegisteredEvent(hazard, workflowId, now);
}

import { log, ParentClosePolicy, proxyActivities, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  caseOpenedEvent,
  enforcementCaseWorkflowId,
  hazardCaseFiling,
  STANDARD_ENFORCEMENT_POLICY,
  SYSTEM_ACTOR,
  type HazardCaseOpening,
  type NewHazardEvent,
} from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import { LEDGER_ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { enforcementCaseWorkflow } from '../enforcement/enforcement-case.workflow';
import type { HazardActivities } from './hazard.contract';

const { readUnitForCase } = proxyActivities<HazardActivities>({ startToCloseTimeout: LEDGER_ACTIVITY_TIMEOUT, retry: ACTIVITY_RETRY });

/**
 * 逾期不整改或整改不合格 → 处罚: opens the case a hazard's trigger calls for, as a child the hazard
 * abandons (the case outlives the hazard's 销号), under the id the hazard's id fixes, so a second
 * attempt finds the first (already started: opened). Answers the hazard's event naming the case,
 * or undefined when the registry has no such unit (a case needs its region and respondents).
 */
export async function openHazardCase(opening: HazardCaseOpening): Promise<NewHazardEvent | undefined> {
  const unit = await readUnitForCase({ unitId: opening.unitId });
  if (!unit) {
    log.warn('no enforcement case opened: the unit is not in the registry', { hazardId: opening.sourceRef, unitId: opening.unitId });
    return undefined;
  }
  const filing = hazardCaseFiling(opening, unit);
  const workflowId = enforcementCaseWorkflowId(filing.caseId);
  try {
    await startChild(enforcementCaseWorkflow, {
      workflowId,
      args: [{ filing, opener: SYSTEM_ACTOR, policy: STANDARD_ENFORCEMENT_POLICY }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      // A case that was opened and has closed is never opened again for the same hazard.
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return caseOpenedEvent(opening, workflowId, new Date());
}

import { conflict } from '../rejection';
import { decideMeasures } from './decide-measures';
import { decideResumption } from './decide-resumption';
import type { EnforcementCommand } from './enforcement-commands';
import type { NewEnforcementEvent } from './enforcement-events';
import { authorizeEnforcementAction } from './enforcement-permissions';
import type { EnforcementCaseState } from './enforcement-state';

/**
 * Decides what a command does to an enforcement case: the events to record, or a rejection that
 * says why. Pure, so the workflow can run it in an update validator and again in the handler.
 */
export function decideEnforcement(s: EnforcementCaseState, command: EnforcementCommand, now: Date): NewEnforcementEvent[] {
  authorizeEnforcementAction(command.type, command.actor, s.unitId);
  if (s.status === 'closed') throw conflict('enforcement.case.closed', `case ${s.caseId} is closed (已结案); it takes nothing more`);
  switch (command.type) {
    case 'file_rectification':
    case 'record_resumption_inspection':
    case 'sign_resumption':
    case 'record_supervision_check':
      return decideResumption(s, command, now);
    default:
      return decideMeasures(s, command, now);
  }
}

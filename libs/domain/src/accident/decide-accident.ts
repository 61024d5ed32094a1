import { conflict } from '../rejection';
import type { AccidentCommand } from './accident-commands';
import type { NewAccidentEvent } from './accident-events';
import { authorizeAccidentAction } from './accident-permissions';
import type { AccidentState } from './accident-state';
import { decideAccidentReport } from './decide-accident-report';
import { decideGates } from './decide-gates';
import { decideInvestigation } from './decide-investigation';

/**
 * Decides what a command does to an accident: the events to record, or a rejection that says
 * why. Pure, so the workflow can run it in an update validator and again in the handler.
 */
export function decideAccident(state: AccidentState, command: AccidentCommand, now: Date): NewAccidentEvent[] {
  authorizeAccidentAction(command.type, command.actor, state.report.unitId);
  if (state.investigation?.status === 'closed')
    throw conflict('accident.investigation.closed', 'the investigation is closed (已结案); the record takes nothing more');
  switch (command.type) {
    case 'report_follow_up':
    case 'record_chain_report':
    case 'record_tip_off':
      return decideAccidentReport(state, command, now);
    case 'close_gate':
    case 'reopen_gate':
    case 'close_investigation':
      return decideGates(state, command, now);
    default:
      return decideInvestigation(state, command, now);
  }
}

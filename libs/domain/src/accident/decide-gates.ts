import { requireOneOf } from '../one-of';
import { conflict, DomainRejection } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import type { AccidentCommand } from './accident-commands';
import type { NewAccidentEvent } from './accident-events';
import type { AccidentState, InvestigationState } from './accident-state';
import { requireOpenInvestigation } from './decide-investigation';
import { describeGate, FOUR_GATE_LABELS, FOUR_GATES, type FourGate } from './four-gates';

type Cmd<T extends AccidentCommand['type']> = Extract<AccidentCommand, { type: T }>;

/** Why a gate cannot be closed yet, or undefined when the record holds what it needs. */
export function gateShortfall(i: InvestigationState, gate: FourGate): string | undefined {
  switch (gate) {
    case 'cause':
      return i.report ? undefined : 'no investigation report has been submitted';
    case 'responsibility':
      return i.responsibility.length > 0 ? undefined : 'no responsible person has been dealt with';
    case 'rectification': {
      const hazards = Object.entries(i.hazards);
      if (hazards.length === 0) return 'no rectification measure (hazard) is linked';
      const pending = hazards.filter(([, status]) => status !== 'signed_off').map(([id]) => id);
      return pending.length === 0 ? undefined : `hazards not yet signed off (未销号): ${pending.join(', ')}`;
    }
    case 'education':
      return i.education.length > 0 ? undefined : 'no education or warning session has been recorded';
  }
}

/** The gates not closed, in 四不放过 order. */
export function openGates(i: InvestigationState): FourGate[] {
  return FOUR_GATES.filter((gate) => !i.gates[gate].closed);
}

function gateOf(value: unknown): FourGate {
  return requireOneOf(value, FOUR_GATES, 'gate', { note: '四不放过' });
}

/** The events closing or reopening a gate, or closing the investigation, cause. */
export function decideGates(state: AccidentState, command: Cmd<'close_gate' | 'reopen_gate' | 'close_investigation'>, now: Date): NewAccidentEvent[] {
  const i = requireOpenInvestigation(state);
  const base = { at: now.toISOString(), actor: command.actor };
  switch (command.type) {
    case 'close_gate': {
      const gate = gateOf(command.gate);
      if (i.gates[gate].closed) throw conflict('accident.gate.already_closed', `${describeGate(gate)} is already closed`);
      const shortfall = gateShortfall(i, gate);
      if (shortfall) throw conflict('accident.gate.not_satisfied', `${describeGate(gate)} cannot be closed: ${shortfall}`);
      const evidence = requiredText(command.evidence, 'evidence');
      const person = requiredText(command.person, 'person', TEXT_LIMITS.shortText);
      return [{ ...base, type: 'gate_closed', data: { gate, evidence, person }, reason: `${FOUR_GATE_LABELS[gate].zh}: ${evidence} (${person})` }];
    }
    case 'reopen_gate': {
      const gate = gateOf(command.gate);
      if (!i.gates[gate].closed) throw conflict('accident.gate.not_closed', `${describeGate(gate)} is not closed`);
      const reason = requiredText(command.reason, 'reason');
      return [{ ...base, type: 'gate_reopened', data: { gate }, reason }];
    }
    case 'close_investigation': {
      const open = openGates(i);
      if (open.length > 0) {
        const named = open.map(describeGate).join('; ');
        throw new DomainRejection('accident.gate.open', `cannot close: 四不放过 not all met — open: ${named}`, undefined, {
          openGates: open.map((gate) => ({ gate, ...FOUR_GATE_LABELS[gate] })),
        });
      }
      const authority = requiredText(command.authority, 'authority', TEXT_LIMITS.shortText);
      return [{ ...base, type: 'investigation_closed', data: { authority }, reason: `结案 on the authority of ${authority}` }];
    }
  }
}

import type { NewTipOffEvent } from './tip-off-events';
import type { TipOffState } from './tip-off-state';

type Received = Extract<NewTipOffEvent, { type: 'received' }>;

/** The state a tip's stream starts from: its intake. */
export function initialTipOffState(received: Received): TipOffState {
  const { tip, policy, deadline } = received.data;
  return { tipOffId: tip.tipOffId, tip, policy, receivedBy: received.actor, status: 'awaiting_verification', deadline, overdue: false, lastSeq: 0 };
}

export function evolveTipOff(state: TipOffState, event: NewTipOffEvent): TipOffState {
  switch (event.type) {
    case 'received':
      return state;
    case 'verification_overdue':
      return { ...state, overdue: true };
    case 'verified':
      return {
        ...state,
        status: 'verified',
        verification: event.data.verification,
        verifiedOnTime: event.data.onTime,
        accident: { accidentId: event.data.accidentId, kind: event.data.link, report: event.data.report, verifiedBy: event.actor },
      };
    case 'not_verified':
      return { ...state, status: 'not_verified', verification: event.data.verification, verifiedOnTime: event.data.onTime };
    case 'accident_linked':
      return {
        ...state,
        accident: state.accident && { ...state.accident, linkedAt: event.at, concealment: event.data.concealment },
      };
  }
}

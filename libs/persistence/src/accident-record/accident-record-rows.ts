import type {
  AccidentKind,
  AccountabilityActionStatus,
  AccountabilityRule,
  Actor,
  ControlIndicator,
  EscalationInstrument,
  IndicatorStatus,
} from '@duban/domain';

/** A cap as set, with who set it, when and why. */
export interface ControlIndicatorRow extends ControlIndicator {
  setBy: Pick<Actor, 'id' | 'name' | 'role'>;
  setAt: string;
  reason: string;
}

/** One set of caps as an office put it for a region and year. */
export interface ControlIndicatorRevisionRow {
  regionId: string;
  year: number;
  revision: number;
  indicators: ControlIndicator[];
  setBy: Pick<Actor, 'id' | 'name' | 'role'>;
  setAt: string;
  reason: string;
}

export interface ControlIndicatorCheckRow {
  indicatorId: string;
  regionId: string;
  month: string;
  indicator: ControlIndicator;
  used: number;
  share: number | null;
  status: IndicatorStatus;
  warningAt: number | null;
  breach: { instrument: EscalationInstrument; veto: boolean } | null;
  accidentIds: string[];
  checkedAt: string;
}

export interface AccountabilityFiringRow {
  firingKey: string;
  ruleId: string;
  rule: AccountabilityRule;
  territoryId: string;
  period: string;
  kind: AccidentKind | null;
  instrument: EscalationInstrument;
  accidentIds: string[];
  firedOn: string;
  workflowId: string;
  status: AccountabilityActionStatus;
  openedAt: string;
  due: string;
  overdueAt: string | null;
  heldAt: string | null;
  minutes: string | null;
  recordedBy: Pick<Actor, 'id' | 'name' | 'role'> | null;
  recordedAt: string | null;
}

import type { EntityManager } from 'typeorm';
import {
  type AccidentState,
  type EnforcementCaseState,
  type EnforcementEvent,
  type HazardState,
  type ReconciliationKind,
  type TipOffState,
} from '@duban/domain';
import { AccidentEventRecord } from '../accident/accident-event-record.entity';
import { AccidentLedgerEntry } from '../accident/accident-ledger-entry.entity';
import { ledgerValues as accidentRow } from '../accident/accident-ledger-writer';
import { upsertRectificationLinks } from '../accident/accident-rectification-links';
import { EnforcementCaseLedgerEntry } from '../enforcement/enforcement-case-ledger-entry.entity';
import { EnforcementEventRecord } from '../enforcement/enforcement-event-record.entity';
import { enforcementEventColumns, ledgerValues as enforcementRow } from '../enforcement/enforcement-ledger-writer';
import type { RecordedLedgerEvent } from '../events/ledger-event-columns';
import { HazardEventRecord } from '../hazard/hazard-event-record.entity';
import { HazardLedgerEntry } from '../hazard/hazard-ledger-entry.entity';
import { ledgerValues as hazardRow } from '../hazard/hazard-ledger-writer';
import { TipOffEventRecord } from '../tip-off/tip-off-event-record.entity';
import { TipOffLedgerEntry } from '../tip-off/tip-off-ledger-entry.entity';
import { ledgerValues as tipOffRow } from '../tip-off/tip-off-ledger-writer';

/**
 * How one kind of aggregate is projected into PostgreSQL, as its ledger writer does it: the row's
 * entity and key, the event log's entity and key, the row from a state (the writer's own
 * ledgerValues) and an event's own columns. States arrive decoded from workflow history, untyped.
 */
export interface LedgerProjection {
  ledger: new () => object;
  events: new () => object;
  /** The aggregate's key property, the same in the row and the event log. */
  key: string;
  /** The id of the aggregate a state is of. */
  idOf(state: unknown): string;
  row(state: unknown, workflowId: string): Record<string, unknown>;
  eventColumns?(event: RecordedLedgerEvent): Record<string, unknown>;
  /** Further projections the writer keeps in the same transaction (an accident's rectification links). */
  alsoWrite?(manager: EntityManager, state: unknown): Promise<void>;
}

/** Every kind reconciliation knows, as its writer projects it. */
export const LEDGER_PROJECTIONS: Readonly<Record<ReconciliationKind, LedgerProjection>> = {
  hazard: {
    ledger: HazardLedgerEntry,
    events: HazardEventRecord,
    key: 'hazardId',
    idOf: (state) => (state as HazardState).hazardId,
    row: (state, workflowId) => hazardRow(state as HazardState, workflowId),
  },
  enforcement_case: {
    ledger: EnforcementCaseLedgerEntry,
    events: EnforcementEventRecord,
    key: 'caseId',
    idOf: (state) => (state as EnforcementCaseState).caseId,
    row: (state) => enforcementRow(state as EnforcementCaseState),
    eventColumns: (event) => enforcementEventColumns(event as EnforcementEvent),
  },
  accident: {
    ledger: AccidentLedgerEntry,
    events: AccidentEventRecord,
    key: 'accidentId',
    idOf: (state) => (state as AccidentState).accidentId,
    row: (state) => accidentRow(state as AccidentState),
    alsoWrite: (manager, state) => upsertRectificationLinks(manager, state as AccidentState),
  },
  tip_off: {
    ledger: TipOffLedgerEntry,
    events: TipOffEventRecord,
    key: 'tipOffId',
    idOf: (state) => (state as TipOffState).tipOffId,
    row: (state) => tipOffRow(state as TipOffState),
  },
};

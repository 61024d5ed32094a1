import type { EntityManager } from 'typeorm';
import {
  type AccidentState,
  type CovertInspectionState,
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
import { CovertInspectionEventRecord } from '../covert-inspection/covert-inspection-event-record.entity';
import { CovertInspectionLedgerEntry } from '../covert-inspection/covert-inspection-ledger-entry.entity';
import { ledgerValues as covertInspectionRow } from '../covert-inspection/covert-inspection-ledger-writer';
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
import { CAMPAIGN_PROJECTION, CAMPAIGN_UNIT_PROJECTION } from './campaign-ledger-projections';

/** What a workflow projected: its events (every record activity's input, in seq order) and its state now. */
export interface WorkflowProjection {
  workflowId: string;
  state: unknown;
  events: RecordedLedgerEvent[];
  /** The last input of its record activity, for what the row takes beyond the state (a campaign's hazard policy). */
  lastRecordInput?: Readonly<Record<string, unknown>>;
}

/**
 * How one kind of aggregate is projected into PostgreSQL, as its ledger writer does it: the row's
 * entity and key, the event log's entity and key, the row from a state (the writer's own
 * ledgerValues) and an event's own columns. States arrive decoded from workflow history, untyped.
 */
export interface LedgerProjection {
  ledger: new () => object;
  events: new () => object;
  /** The row's key properties; the event log has them too. */
  rowKey: readonly string[];
  /** The event log's key properties (the row's, or more: a campaign's own events have unit_id ''). */
  eventKey: readonly string[];
  /** The values of every property of `eventKey` (a superset of `rowKey`) for the aggregate a state is of. */
  keyOf(state: unknown): Record<string, string>;
  /** The id of the aggregate a state is of, as the report names it. */
  idOf(state: unknown): string;
  row(projection: WorkflowProjection): Record<string, unknown>;
  /** Row columns another write keeps (a unit's roster position): neither compared nor rewritten. */
  rowKept?: readonly string[];
  eventColumns?(event: RecordedLedgerEvent): Record<string, unknown>;
  /**
   * `seq_only`: the workflow records through a LOCAL activity, whose input is not in its history,
   * so only the log's seqs are compared with the state's lastSeq (ledger-drift.ts seqSetDrift) and
   * no event is rewritten. Full comparison needs the events replayed from the workflow's code.
   */
  eventComparison?: 'full' | 'seq_only';
  /** The writer's own insert of a missing row, when it fills a kept column (a unit's roster position). */
  insertRow?(manager: EntityManager, projection: WorkflowProjection): Promise<void>;
  /** Further projections the writer keeps in the same transaction (an accident's rectification links). */
  alsoWrite?(manager: EntityManager, projection: WorkflowProjection): Promise<void>;
  /** The workflow id of a row without one (SQL over its key columns); rows with `workflow_id` use it. */
  workflowIdOfRow?(key: Record<string, string>): string;
  /** Rows the orphan scan leaves out, as SQL (a roster row no unit workflow has written yet). */
  orphanScanExcludes?: string;
}

/** A kind whose state's key is one property, the same in the row and the log. */
function singleKey(key: string, idOf: (state: unknown) => string) {
  return { rowKey: [key], eventKey: [key], keyOf: (state: unknown) => ({ [key]: idOf(state) }), idOf };
}

/** Every kind reconciliation knows, as its writer projects it. */
export const LEDGER_PROJECTIONS: Readonly<Record<ReconciliationKind, LedgerProjection>> = {
  hazard: {
    ledger: HazardLedgerEntry,
    events: HazardEventRecord,
    ...singleKey('hazardId', (state) => (state as HazardState).hazardId),
    row: ({ state, workflowId }) => hazardRow(state as HazardState, workflowId),
  },
  enforcement_case: {
    ledger: EnforcementCaseLedgerEntry,
    events: EnforcementEventRecord,
    ...singleKey('caseId', (state) => (state as EnforcementCaseState).caseId),
    row: ({ state }) => enforcementRow(state as EnforcementCaseState),
    eventColumns: (event) => enforcementEventColumns(event as EnforcementEvent),
  },
  accident: {
    ledger: AccidentLedgerEntry,
    events: AccidentEventRecord,
    ...singleKey('accidentId', (state) => (state as AccidentState).accidentId),
    row: ({ state }) => accidentRow(state as AccidentState),
    alsoWrite: (manager, { state }) => upsertRectificationLinks(manager, state as AccidentState),
  },
  tip_off: {
    ledger: TipOffLedgerEntry,
    events: TipOffEventRecord,
    ...singleKey('tipOffId', (state) => (state as TipOffState).tipOffId),
    row: ({ state }) => tipOffRow(state as TipOffState),
  },
  // The writer keeps only the row and the log; the exposure lists (暗访曝光) are published by the
  // API from the ledger, never by the workflow, so they are no projection of it and not reconciled.
  covert_inspection: {
    ledger: CovertInspectionLedgerEntry,
    events: CovertInspectionEventRecord,
    ...singleKey('inspectionId', (state) => (state as CovertInspectionState).inspectionId),
    row: ({ state }) => covertInspectionRow(state as CovertInspectionState),
  },
  campaign: CAMPAIGN_PROJECTION,
  campaign_unit: CAMPAIGN_UNIT_PROJECTION,
};

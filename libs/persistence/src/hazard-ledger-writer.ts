import type { DataSource, EntityManager } from 'typeorm';
import type { HazardEvent, HazardState } from '@duban/domain';

export interface HazardLedgerRecordInput {
  /** Events to append; may repeat ones already recorded (retries) or be empty. */
  events: HazardEvent[];
  /** The state after those events (its `lastSeq` is the ledger row's version). */
  state: HazardState;
  /** Default `hazard-<hazardId>`, the id the hazard workflow runs under. */
  workflowId?: string;
}

// Postgres caps a statement at 65,535 parameters: 10 per event leaves ample room at 1,000.
const EVENT_BATCH = 1_000;

const EVENT_COLUMNS = ['hazard_id', 'seq', 'type', 'at', 'actor_id', 'actor_name', 'actor_role', 'actor_unit_id', 'reason', 'data'] as const;
const EVENT_CASTS: Partial<Record<(typeof EVENT_COLUMNS)[number], string>> = { at: '::timestamptz', data: '::jsonb' };

const LEDGER_COLUMNS = [
  'hazard_id', 'workflow_id', 'title', 'description', 'location', 'industry', 'unit_id', 'grade', 'source', 'finder',
  'status', 'deadline', 'original_deadline', 'reported_at', 'reported_by_id', 'reported_by_name', 'reported_by_role',
  'campaign_id', 'overdue', 'listed_for_supervision', 'under_monitoring', 'extensions_granted', 'rejection_count',
  'last_escalation_instrument', 'last_escalated_at', 'signed_off_at', 'policy_id', 'version', 'state',
] as const;
type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
const LEDGER_CASTS: Partial<Record<LedgerColumn, string>> = {
  deadline: '::timestamptz',
  original_deadline: '::timestamptz',
  reported_at: '::timestamptz',
  last_escalated_at: '::timestamptz',
  signed_off_at: '::timestamptz',
  state: '::jsonb',
};

// Built once: every column but the key follows the newer snapshot.
const UPSERT_LEDGER_SQL = `
  INSERT INTO hazard_ledger (${LEDGER_COLUMNS.join(', ')})
  VALUES (${LEDGER_COLUMNS.map((c, i) => `$${i + 1}${LEDGER_CASTS[c] ?? ''}`).join(', ')})
  ON CONFLICT (hazard_id) DO UPDATE SET
    ${LEDGER_COLUMNS.filter((c) => c !== 'hazard_id').map((c) => `${c} = EXCLUDED.${c}`).join(',\n    ')},
    updated_at = now()
  WHERE hazard_ledger.version < EXCLUDED.version`;

/**
 * Writes a hazard's new events and its ledger row in one transaction. Called from a Temporal
 * activity, so it must tolerate at-least-once delivery and reordering: events are keyed by
 * (hazard_id, seq) and inserted with DO NOTHING; the row only moves forward in `version`, so a
 * late, older snapshot cannot overwrite a newer one.
 */
export class HazardLedgerWriter {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: HazardLedgerRecordInput): Promise<void> {
    const { events, state } = input;
    // A mismatched batch is a caller bug: refuse it before anything is written.
    for (const event of events) {
      if (event.hazardId !== state.hazardId) {
        throw new Error(`HazardLedgerWriter: event seq ${event.seq} belongs to hazard ${event.hazardId}, not ${state.hazardId}`);
      }
      if (!Number.isInteger(event.seq) || event.seq < 1 || event.seq > state.lastSeq) {
        throw new Error(`HazardLedgerWriter: event seq ${event.seq} of hazard ${state.hazardId} is outside 1..${state.lastSeq} (state.lastSeq)`);
      }
    }
    const workflowId = input.workflowId ?? `hazard-${state.hazardId}`;
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < events.length; i += EVENT_BATCH) {
        await insertEvents(manager, events.slice(i, i + EVENT_BATCH));
      }
      await manager.query(UPSERT_LEDGER_SQL, ledgerParams(state, workflowId));
    });
  }
}

async function insertEvents(manager: EntityManager, events: HazardEvent[]): Promise<void> {
  const params: unknown[] = [];
  const rows = events.map((event) => {
    const values = [
      event.hazardId,
      event.seq,
      event.type,
      event.at,
      event.actor?.id,
      event.actor?.name,
      event.actor?.role,
      event.actor?.unitId ?? null,
      event.reason,
      // Always stringify: pg would turn a top-level array into a Postgres array, not JSON.
      event.data === undefined ? null : JSON.stringify(event.data),
    ];
    const placeholders = values.map((value, k) => {
      params.push(value ?? null);
      return `$${params.length}${EVENT_CASTS[EVENT_COLUMNS[k]!] ?? ''}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await manager.query(
    `INSERT INTO hazard_event (${EVENT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT (hazard_id, seq) DO NOTHING`,
    params,
  );
}

/** The ledger columns, derived from the snapshot (in LEDGER_COLUMNS order). */
function ledgerParams(state: HazardState, workflowId: string): unknown[] {
  const { report, reportedBy } = state;
  const lastEscalation = state.escalations.at(-1);
  const row: Record<LedgerColumn, unknown> = {
    hazard_id: state.hazardId,
    workflow_id: workflowId,
    title: report.title,
    description: report.description,
    location: report.location,
    industry: report.industry,
    unit_id: report.unitId,
    grade: report.grade,
    source: report.source,
    finder: report.finder,
    status: state.status,
    deadline: state.deadline,
    original_deadline: report.deadline,
    reported_at: state.reportedAt,
    reported_by_id: reportedBy.id,
    reported_by_name: reportedBy.name,
    reported_by_role: reportedBy.role,
    campaign_id: report.campaignId ?? null,
    overdue: state.overdue,
    listed_for_supervision: state.listedForSupervision,
    // Monitoring ends with the sign-off even though the snapshot keeps its record.
    under_monitoring: !!state.monitoring && state.status !== 'signed_off',
    extensions_granted: state.extensionsGranted,
    rejection_count: state.rejectionCount,
    last_escalation_instrument: lastEscalation?.instrument ?? null,
    last_escalated_at: lastEscalation?.at ?? null,
    signed_off_at: state.signedOff?.at ?? null,
    policy_id: state.policy.id,
    version: state.lastSeq,
    state: JSON.stringify(state),
  };
  return LEDGER_COLUMNS.map((column) => row[column] ?? null);
}

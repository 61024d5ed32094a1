import type { EntityManager } from 'typeorm';
import { parseObligationId, type ObligationKind, type UnitEvent, type UnitObligationsState } from '@duban/domain';
import { assignExcluded, columnNames, EntityTable, perDataSource, without, type ColumnValues, type PropertyOf } from '../sql/entity-table';
import { batches, batchSize, bulkValues } from '../sql/bulk-values';
import { CampaignSubmissionRecord } from './campaign-submission-record.entity';

export type ReportSubmitted = Extract<UnitEvent, { type: 'report_submitted' }>;

type SubmissionValues = ColumnValues<CampaignSubmissionRecord, PropertyOf<CampaignSubmissionRecord>>;

const KEY = ['campaignId', 'unitId', 'obligationId'] as const;

const statements = perDataSource((dataSource) => {
  const table = EntityTable.of(dataSource, CampaignSubmissionRecord);
  const columns = table.except();
  const key = table.only(...KEY);
  const insert = `INSERT INTO ${table.name} (${columnNames(columns)}) VALUES`;
  // Whatever order batches arrive in, the earliest event for an obligation is the one kept; the
  // same event written again replaces it (a lost workflow task decided again: see upsertUnitRow).
  const onConflict = `
    ON CONFLICT (${columnNames(key)}) DO UPDATE SET
      ${assignExcluded(without(columns, KEY))}
    WHERE ${table.name}.seq >= EXCLUDED.seq`;
  return { columns, batch: batchSize(columns), insert: (values: string) => `${insert} ${values} ${onConflict}` };
});

/**
 * The kind of a submitted obligation, read by the domain's parseObligationId: the SQL that picks
 * a kind or a report's day (campaign-report-reads) relies on every stored id parsing. Undefined:
 * not an obligation id (the writer refuses the batch).
 */
export function submittedKind(event: ReportSubmitted): ObligationKind | undefined {
  return parseObligationId(event.data.obligationId)?.kind;
}

/**
 * The batch's reports, the earliest per obligation: a second one in the same statement would make
 * its ON CONFLICT DO UPDATE touch one row twice, which Postgres refuses.
 */
export function reportsSubmitted(events: readonly UnitEvent[]): ReportSubmitted[] {
  const earliest = new Map<string, ReportSubmitted>();
  for (const event of events) {
    if (event.type !== 'report_submitted') continue;
    const kept = earliest.get(event.data.obligationId);
    if (!kept || event.seq < kept.seq) earliest.set(event.data.obligationId, event as ReportSubmitted);
  }
  return [...earliest.values()];
}

/** The unit's submissions from its `report_submitted` events (ids already checked). */
export async function insertSubmissions(manager: EntityManager, state: UnitObligationsState, reports: readonly ReportSubmitted[]): Promise<void> {
  const sql = statements(manager.connection);
  for (const batch of batches(reports, sql.batch)) {
    const rows = batch.items.map((event): SubmissionValues => ({
      campaignId: state.campaignId,
      unitId: state.unit.unitId,
      obligationId: event.data.obligationId,
      kind: submittedKind(event)!,
      submittedAt: event.at,
      onTime: event.data.onTime,
      zero: event.data.zero,
      content: event.data.content,
      actorId: event.actor?.id,
      seq: event.seq,
    }));
    const values = bulkValues(sql.columns, rows);
    await manager.query(sql.insert(values.sql), values.params);
  }
}

import type { DataSource } from 'typeorm';
import type { CampaignEscalationFilter, CampaignEscalationRow, CampaignEventFilter, CampaignEventRow } from './campaign-ledger-rows';
import { EVENT_FIELDS, eventFields, type EventRecordFields } from '../events/event-row';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { ESCALATIONS_DEFAULT, Where } from '../sql/where';
import { CAMPAIGN_LEVEL_UNIT_ID, CampaignEventRecord } from './campaign-event-record.entity';

type EventRecord = EventRecordFields & { unitId: string };

const columns = perDataSource((dataSource) => selectColumns(EntityTable.of(dataSource, CampaignEventRecord).only('unitId', ...EVENT_FIELDS), 'e'));

function toEventRow(r: EventRecord): CampaignEventRow {
  return { unitId: r.unitId === CAMPAIGN_LEVEL_UNIT_ID ? null : r.unitId, ...eventFields(r) } as CampaignEventRow;
}

/** Escalations of the campaign's units (督办升级 for missed obligations), newest first. */
export async function campaignEscalations(dataSource: DataSource, campaignId: string, filter: CampaignEscalationFilter): Promise<CampaignEscalationRow[]> {
  const where = new Where()
    .equals('e.campaign_id', campaignId)
    .equals('e.type', 'escalated')
    .notEquals('e.unit_id', CAMPAIGN_LEVEL_UNIT_ID)
    .equals('e.unit_id', filter.unitId);
  const limit = where.limit(filter.limit, ESCALATIONS_DEFAULT);
  const rows: EventRecord[] = await dataSource.query(
    `SELECT ${columns(dataSource)} FROM campaign_event e ${where} ORDER BY e.at DESC, e.unit_id, e.seq DESC LIMIT ${limit}`,
    where.params,
  );
  return rows.map((r) => toEventRow(r) as CampaignEscalationRow);
}

/** The audit trail: the campaign's own events first, then each unit's, each in seq order. */
export async function campaignEvents(dataSource: DataSource, campaignId: string, filter: CampaignEventFilter): Promise<CampaignEventRow[]> {
  const unitId = filter.unitId === null ? CAMPAIGN_LEVEL_UNIT_ID : filter.unitId;
  const where = new Where().equals('e.campaign_id', campaignId).equals('e.unit_id', unitId);
  const rows: EventRecord[] = await dataSource.query(`SELECT ${columns(dataSource)} FROM campaign_event e ${where} ORDER BY e.unit_id, e.seq`, where.params);
  return rows.map(toEventRow);
}

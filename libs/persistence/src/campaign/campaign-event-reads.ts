import type { DataSource } from 'typeorm';
import type {
  CampaignEscalationFilter,
  CampaignEscalationRow,
  CampaignEventFilter,
  CampaignEventKey,
  CampaignEventRow,
} from './campaign-ledger-rows';
import { eventPageSize, toEventPage, type EventPage } from '../events/event-page';
import { EVENT_FIELDS, eventFields, type EventRecordFields } from '../events/event-row';
import { eventsUpToReader } from '../events/events-up-to';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { unitWithinBounds } from '../registry/registry-bounds-sql';
import { ESCALATIONS_DEFAULT, Where } from '../sql/where';
import { CAMPAIGN_LEVEL_UNIT_ID, CampaignEventRecord } from './campaign-event-record.entity';

type EventRecord = EventRecordFields & { unitId: string };

const columns = perDataSource((dataSource) => selectColumns(EntityTable.of(dataSource, CampaignEventRecord).only('unitId', ...EVENT_FIELDS), 'e'));

const storedUnitId = (unitId: string | null): string => (unitId === null ? CAMPAIGN_LEVEL_UNIT_ID : unitId);
const rowUnitId = (stored: string): string | null => (stored === CAMPAIGN_LEVEL_UNIT_ID ? null : stored);

const eventsUpTo = eventsUpToReader(CampaignEventRecord, ['campaignId', 'unitId']);

function toEventRow(r: EventRecord): CampaignEventRow {
  return { unitId: rowUnitId(r.unitId), ...eventFields(r) } as CampaignEventRow;
}

/** Escalations of the campaign's units (督办升级 for missed obligations), newest first. */
export async function campaignEscalations(
  dataSource: DataSource,
  campaignId: string,
  filter: CampaignEscalationFilter,
): Promise<CampaignEscalationRow[]> {
  const where = new Where()
    .equals('e.campaign_id', campaignId)
    .equals('e.type', 'escalated')
    .notEquals('e.unit_id', CAMPAIGN_LEVEL_UNIT_ID)
    .equals('e.unit_id', filter.unitId)
    .withinBounds('e.unit_id', filter.bounds);
  const limit = where.limit(filter.limit, ESCALATIONS_DEFAULT);
  const rows: EventRecord[] = await dataSource.query(
    `SELECT ${columns(dataSource)} FROM campaign_event e ${where} ORDER BY e.at DESC, e.unit_id, e.seq DESC LIMIT ${limit}`,
    where.params,
  );
  return rows.map((r) => toEventRow(r) as CampaignEscalationRow);
}

/**
 * A page of the audit trail in (unit, seq) order: the campaign's own events first (their unit
 * id '' sorts before every other), then each unit's. Keyset on the (campaign_id, unit_id, seq)
 * unique index, so every page is one index range scan.
 */
export async function campaignEvents(
  dataSource: DataSource,
  campaignId: string,
  filter: CampaignEventFilter,
): Promise<EventPage<CampaignEventRow, CampaignEventKey>> {
  const size = eventPageSize(filter.limit);
  const units = filter.unitIds?.map(storedUnitId);
  const where = new Where().equals('e.campaign_id', campaignId);
  // One unit: an equality, the tightest range; several: one array condition.
  if (units?.length === 1) where.equals('e.unit_id', units[0]);
  else where.oneOf('e.unit_id', units);
  const bounded = unitWithinBounds('e.unit_id', filter.bounds, where);
  if (bounded !== undefined) where.add(`(e.unit_id = ${where.param(CAMPAIGN_LEVEL_UNIT_ID)} OR ${bounded})`);
  where.after(['e.unit_id', 'e.seq'], filter.after && [storedUnitId(filter.after.unitId), filter.after.seq]);
  const rows: EventRecord[] = await dataSource.query(
    `SELECT ${columns(dataSource)} FROM campaign_event e ${where} ORDER BY e.unit_id, e.seq LIMIT ${where.param(size + 1)}`,
    where.params,
  );
  return toEventPage(rows, size, toEventRow, (r) => ({ unitId: rowUnitId(r.unitId), seq: r.seq }));
}

/** The campaign's own events (unitId null) or one unit's that had happened by `asOf` (at ≤ asOf), in seq order. */
export async function campaignEventsUpTo(dataSource: DataSource, campaignId: string, unitId: string | null, asOf: Date): Promise<CampaignEventRow[]> {
  const events = await eventsUpTo(dataSource, { campaignId, unitId: storedUnitId(unitId) }, asOf);
  return events.map((e) => ({ unitId, ...e }) as CampaignEventRow);
}

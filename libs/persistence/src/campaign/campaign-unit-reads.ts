import type { DataSource } from 'typeorm';
import type { ScopeUnit, UnitCounters } from '@duban/domain';
import type { CampaignUnitFilter, CampaignUnitRow } from './campaign-ledger-rows';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, isoOrNull } from '../sql/row-values';
import { orderByOf, streamByKeyset, type OrderKey } from '../sql/keyset-stream';
import { selectPage, Where } from '../sql/where';
import { CampaignUnitEntry } from './campaign-unit-entry.entity';

/** loadRosterPage refuses larger pages rather than clamp them: a short page would read as the roster's end. */
export const ROSTER_PAGE_MAX = 5_000;

const SCOPE_UNIT = ['unitId', 'name', 'kind', 'regionId', 'industryId', 'regionPath'] as const;
type ScopeUnitRecord = Pick<CampaignUnitEntry, (typeof SCOPE_UNIT)[number]>;

/** The unit columns, aliased `u` (scores() joins them with the hazard ledger). */
export const unitColumns = perDataSource((dataSource) => {
  const table = EntityTable.of(dataSource, CampaignUnitEntry);
  return { all: selectColumns(table.columns, 'u'), scopeUnit: selectColumns(table.only(...SCOPE_UNIT)) };
});

export function countersOf(r: CampaignUnitEntry): UnitCounters {
  return {
    due: r.due,
    onTime: r.onTime,
    late: r.late,
    missed: r.missed,
    zeroReports: r.zeroReports,
    inspections: r.inspections,
    findings: r.findings,
  };
}

function toUnitRow(r: CampaignUnitEntry): CampaignUnitRow {
  return {
    campaignId: r.campaignId,
    unitId: r.unitId,
    rosterIndex: r.rosterIndex,
    name: r.name,
    kind: r.kind,
    regionId: r.regionId,
    industryId: r.industryId,
    status: r.status,
    enrolledAt: isoOrNull(r.enrolledAt),
    counters: countersOf(r),
    escalationCount: r.escalationCount,
    lastEscalationInstrument: r.lastEscalationInstrument,
    lastEscalatedAt: isoOrNull(r.lastEscalatedAt),
    hazardIds: r.hazardIds,
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}

/** As the domain's ScopeUnit: no industryId key when there is none. */
function toScopeUnit(r: ScopeUnitRecord): ScopeUnit {
  return {
    unitId: r.unitId,
    name: r.name,
    kind: r.kind,
    regionId: r.regionId,
    ...(r.industryId === null ? {} : { industryId: r.industryId }),
    ...(r.regionPath === null ? {} : { regionPath: r.regionPath }),
  };
}

/** A page of the roster in its stable order (roster_index, then unit id). */
export async function loadRosterPage(dataSource: DataSource, campaignId: string, offset: number, limit: number): Promise<ScopeUnit[]> {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`loadRosterPage: offset must be a whole number ≥ 0, not ${offset}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > ROSTER_PAGE_MAX) {
    throw new RangeError(`loadRosterPage: limit must be a whole number in 1..${ROSTER_PAGE_MAX}, not ${limit}`);
  }
  const rows: ScopeUnitRecord[] = await dataSource.query(
    `SELECT ${unitColumns(dataSource).scopeUnit} FROM campaign_unit
      WHERE campaign_id = $1 ORDER BY roster_index, unit_id LIMIT $2 OFFSET $3`,
    [campaignId, limit, offset],
  );
  return rows.map(toScopeUnit);
}

/** Units whose workflows may take a signal: all but removed and closed ones (pending included), in roster order. */
export async function signallableUnitIds(dataSource: DataSource, campaignId: string): Promise<string[]> {
  const rows: Array<{ unit_id: string }> = await dataSource.query(
    `SELECT unit_id FROM campaign_unit
      WHERE campaign_id = $1 AND status NOT IN ('removed', 'closed') ORDER BY roster_index, unit_id`,
    [campaignId],
  );
  return rows.map((r) => r.unit_id);
}

/** Roster order; the unit id orders units of one roster index. */
const UNIT_ORDER: readonly OrderKey[] = [{ column: 'u.roster_index' }, { column: 'u.unit_id' }];

/** The unit list's filters as a WHERE clause (shared by the paged list and the streamed export). */
function unitWhere(campaignId: string, filter: Omit<CampaignUnitFilter, 'limit' | 'offset'>): Where {
  return new Where()
    .equals('u.campaign_id', campaignId)
    .equals('u.status', filter.status)
    .equals('u.region_id', filter.regionId)
    .equals('u.industry_id', filter.industryId)
    .withinBounds('u.unit_id', filter.bounds);
}

/** Filtered page of the campaign's units in roster order, with the total. */
export function listUnits(
  dataSource: DataSource,
  campaignId: string,
  filter: CampaignUnitFilter,
): Promise<{ items: CampaignUnitRow[]; total: number }> {
  return selectPage(
    dataSource,
    {
      select: unitColumns(dataSource).all,
      from: 'campaign_unit u',
      where: unitWhere(campaignId, filter),
      orderBy: orderByOf(UNIT_ORDER),
      limit: filter.limit,
      offset: filter.offset,
    },
    toUnitRow,
  );
}

/** Every unit the filter matches, in roster order, a keyset page at a time (the export's read). */
export function streamUnits(
  dataSource: DataSource,
  campaignId: string,
  filter: Omit<CampaignUnitFilter, 'limit' | 'offset'>,
  pageSize?: number,
): AsyncGenerator<CampaignUnitRow> {
  return streamByKeyset(
    dataSource,
    { select: unitColumns(dataSource).all, from: 'campaign_unit u', where: () => unitWhere(campaignId, filter), order: UNIT_ORDER },
    toUnitRow,
    pageSize,
  );
}

export async function unitStatusCounts(dataSource: DataSource, campaignId: string): Promise<Record<string, number>> {
  const rows: Array<{ status: string; n: number }> = await dataSource.query(
    'SELECT status, count(*)::int AS n FROM campaign_unit WHERE campaign_id = $1 GROUP BY status',
    [campaignId],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function getUnit(dataSource: DataSource, campaignId: string, unitId: string): Promise<CampaignUnitRow | undefined> {
  const rows: CampaignUnitEntry[] = await dataSource.query(
    `SELECT ${unitColumns(dataSource).all} FROM campaign_unit u WHERE u.campaign_id = $1 AND u.unit_id = $2`,
    [campaignId, unitId],
  );
  return rows[0] ? toUnitRow(rows[0]) : undefined;
}

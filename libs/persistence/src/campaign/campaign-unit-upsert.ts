import type { EntityManager } from 'typeorm';
import type { UnitObligationsState } from '@duban/domain';
import {
  assignExcluded,
  columnNames,
  EntityTable,
  perDataSource,
  without,
  rowPlaceholders,
  type ColumnValues,
  type PropertyOf,
} from '../sql/entity-table';
import { CampaignUnitEntry } from './campaign-unit-entry.entity';

// Not from the snapshot: the roster position (kept; appended if new, below) and the write time.
const NOT_FROM_SNAPSHOT = ['rosterIndex', 'updatedAt'] as const;
type UnitValues = ColumnValues<CampaignUnitEntry, Exclude<PropertyOf<CampaignUnitEntry>, (typeof NOT_FROM_SNAPSHOT)[number]>>;

const KEY = ['campaignId', 'unitId'] as const;

const statements = perDataSource((dataSource) => {
  const table = EntityTable.of(dataSource, CampaignUnitEntry);
  const columns = table.except(...NOT_FROM_SNAPSHOT);
  const key = table.only(...KEY);
  // A unit added mid-campaign may report before anything put it on the roster: it is appended
  // (ties with a concurrent append are possible and harmless: paging orders by index, then unit id).
  const upsert = (values: string, campaignIdParam: string) => `
    INSERT INTO ${table.name} (roster_index, ${columnNames(columns)})
    VALUES ((SELECT coalesce(max(roster_index) + 1, 0) FROM ${table.name} WHERE campaign_id = ${campaignIdParam}), ${values})
    ON CONFLICT (${columnNames(key)}) DO UPDATE SET
      ${assignExcluded(without(columns, KEY))}, updated_at = now()
    WHERE ${table.name}.version <= EXCLUDED.version`;
  return { columns, upsert };
});

/**
 * The unit's row from its snapshot; never moves back in `version`. The same version written again
 * replaces it: recordUnitEvents is a local activity, and a lost workflow task's retry decides
 * its step again (a new time, other counters) under the same seq — the later write is history's.
 */
export async function upsertUnitRow(manager: EntityManager, state: UnitObligationsState): Promise<void> {
  const sql = statements(manager.connection);
  const params: unknown[] = [];
  const values = rowPlaceholders(sql.columns, unitValues(state), params);
  params.push(state.campaignId);
  await manager.query(sql.upsert(values, `$${params.length}`), params);
}

export function unitValues(state: UnitObligationsState): UnitValues {
  const { unit, counters } = state;
  const lastEscalation = state.escalations.at(-1);
  return {
    campaignId: state.campaignId,
    unitId: unit.unitId,
    name: unit.name,
    kind: unit.kind,
    regionId: unit.regionId,
    industryId: unit.industryId ?? null,
    regionPath: unit.regionPath ?? null,
    status: state.status,
    enrolledAt: state.enrolledAt,
    due: counters.due,
    onTime: counters.onTime,
    late: counters.late,
    missed: counters.missed,
    zeroReports: counters.zeroReports,
    inspections: counters.inspections,
    findings: counters.findings,
    escalationCount: state.escalations.length,
    lastEscalationInstrument: lastEscalation?.instrument ?? null,
    lastEscalatedAt: lastEscalation?.at ?? null,
    hazardIds: state.hazardIds,
    version: state.lastSeq,
  };
}

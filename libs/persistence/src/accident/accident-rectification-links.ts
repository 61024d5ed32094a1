import type { DataSource, EntityManager } from 'typeorm';
import type { AccidentState, HazardStatus } from '@duban/domain';
import { bulkValues } from '../sql/bulk-values';
import { assignExcluded, columnNames, EntityTable, perDataSource, without } from '../sql/entity-table';
import { AccidentRectificationLink } from './accident-rectification-link.entity';

const statements = perDataSource((dataSource) => {
  const link = EntityTable.of(dataSource, AccidentRectificationLink);
  const columns = link.except();
  return {
    columns,
    upsert: (values: string) => `
      INSERT INTO ${link.name} (${columnNames(columns)}) VALUES ${values}
      ON CONFLICT (${columnNames(link.only('accidentId', 'hazardId'))}) DO UPDATE SET
        ${assignExcluded(without(columns, ['accidentId', 'hazardId']))}
      WHERE ${link.name}.version < EXCLUDED.version`,
    accidentsOf: `SELECT accident_id AS "accidentId", status FROM ${link.name} WHERE hazard_id = $1 ORDER BY accident_id`,
  };
});

/** Projects the accident's linked hazards (state.investigation.hazards) inside the ledger's transaction. */
export async function upsertRectificationLinks(manager: EntityManager, state: AccidentState): Promise<void> {
  const linked = Object.entries(state.investigation?.hazards ?? {});
  if (linked.length === 0) return;
  const sql = statements(manager.connection);
  const rows = linked.map(([hazardId, status]) => ({ accidentId: state.accidentId, hazardId, status, version: state.lastSeq }));
  const values = bulkValues(sql.columns, rows);
  await manager.query(sql.upsert(values.sql), values.params);
}

/** The accidents a hazard is a rectification measure of, with the status each last heard. */
export async function accidentsLinkedToHazard(
  dataSource: DataSource,
  hazardId: string,
): Promise<Array<{ accidentId: string; status: HazardStatus }>> {
  return dataSource.query(statements(dataSource).accidentsOf, [hazardId]);
}

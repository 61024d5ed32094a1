import type { DataSource, EntityManager } from 'typeorm';
import type { AccidentState, HazardStatus } from '@duban/domain';
import { versionedRowUpsert } from '../events/versioned-row-upsert';
import { AccidentRectificationLink } from './accident-rectification-link.entity';

const upsertLink = versionedRowUpsert(AccidentRectificationLink, ['accidentId', 'hazardId'], ['updatedAt']);

/** Projects the accident's linked hazards (state.investigation.hazards) inside the ledger's transaction. */
export async function upsertRectificationLinks(manager: EntityManager, state: AccidentState): Promise<void> {
  for (const [hazardId, status] of Object.entries(state.investigation?.hazards ?? {})) {
    await upsertLink(manager, { accidentId: state.accidentId, hazardId, status, version: state.lastSeq });
  }
}

/** The accidents a hazard is a rectification measure of, with the status each last heard. */
export async function accidentsLinkedToHazard(
  dataSource: DataSource,
  hazardId: string,
): Promise<Array<{ accidentId: string; status: HazardStatus }>> {
  return dataSource.query('SELECT accident_id AS "accidentId", status FROM accident_rectification_link WHERE hazard_id = $1 ORDER BY accident_id', [
    hazardId,
  ]);
}

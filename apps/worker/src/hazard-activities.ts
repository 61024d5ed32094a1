import { log } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { SYSTEM_ACTOR, type AccidentEvent, type AccidentState, type HazardStatus, type UnitForCase } from '@duban/domain';
import { accidentsLinkedToHazard, RegistryReader, type HazardLedgerReader, type HazardLedgerWriter } from '@duban/persistence';
import { accidentWorkflowId, syncRectificationHazardUpdate, type HazardActivities } from '@duban/workflows';
import type { DataSource } from 'typeorm';

/**
 * The hazard workflow's only I/O: projecting its events into the PostgreSQL ledger (idempotent
 * writer), then telling each accident the hazard is a rectification measure of (整改措施) its new
 * status, so that gate 3 of 四不放过 follows the hazard to 销号 without anyone relaying it.
 */
export function createHazardActivities(deps: { writer: HazardLedgerWriter; dataSource: DataSource; client: Client }): HazardActivities {
  const { writer, dataSource, client } = deps;
  return {
    async recordHazardEvents(input) {
      await writer.record(input);
      const links = await accidentsLinkedToHazard(dataSource, input.state.hazardId);
      const hazard = { hazardId: input.state.hazardId, status: input.state.status, version: input.state.lastSeq };
      for (const link of links.filter((l) => l.status !== hazard.status)) await tellAccident(client, link.accidentId, hazard);
      return { events: input.events };
    },
    readUnitForCase: ({ unitId }) => readUnitForCase(new RegistryReader(dataSource), unitId),
  };
}

/**
 * The registry's word on the unit a hazard's case is against: its region and industry, the
 * enterprise and its 主要负责人 as respondents (一并处罚; the registry keeps no 法定代表人 apart).
 */
export async function readUnitForCase(registry: RegistryReader, unitId: string): Promise<UnitForCase | null> {
  const unit = await registry.get('unit', unitId);
  if (!unit || unit.retired) return null;
  const people = await registry.list('person', { unitId, limit: 500 });
  const principals = people.items.filter((p) => p.record.roles.includes('principal'));
  return {
    regionId: unit.record.regionId,
    industryId: unit.record.industryId,
    respondents: [
      { respondentId: unit.record.id, role: 'enterprise', name: unit.record.name },
      ...principals.map((p) => ({ respondentId: p.record.id, role: 'principal' as const, name: `${p.record.name} (${p.record.post})` })),
    ],
  };
}

/**
 * After an accident has recorded a link to a hazard: the hazard's status now, from its ledger, if
 * it moved since the link read it. A hazard that changed between that read and the link being
 * recorded found no link to tell; without this the accident would keep the old status (gate 3
 * waiting on a hazard long signed off). Whichever side comes second sees the other's write.
 */
export async function syncNewlyLinkedHazards(
  deps: { hazards: HazardLedgerReader; client: Client },
  input: { events: AccidentEvent[]; state: AccidentState },
): Promise<void> {
  const linked = input.events.flatMap((event) => (event.type === 'rectification_hazard_linked' ? [event.data.hazardId] : []));
  for (const hazardId of linked) {
    const row = await deps.hazards.get(hazardId);
    if (row && row.status !== input.state.investigation?.hazards[hazardId])
      await tellAccident(deps.client, input.state.accidentId, { hazardId, status: row.status, version: row.version });
  }
}

/** Tells one accident a linked hazard's status at one version of the hazard. */
async function tellAccident(client: Client, accidentId: string, hazard: { hazardId: string; status: HazardStatus; version: number }): Promise<void> {
  try {
    await client.workflow.getHandle(accidentWorkflowId(accidentId)).executeUpdate(syncRectificationHazardUpdate, {
      // The same hazard version twice (an activity retry, or both sides of a link telling it) is one update to the accident.
      updateId: `rectification:${hazard.hazardId}:${hazard.version}`,
      args: [{ actor: SYSTEM_ACTOR, hazardId: hazard.hazardId, status: hazard.status }],
    });
  } catch (error) {
    // An accident that has ended, or refuses (its investigation closed), needs no word: the
    // hazard's own record still holds. Anything else (the server unreachable) is retried.
    if (error instanceof WorkflowNotFoundError || error instanceof WorkflowUpdateFailedError) {
      log.info('linked accident not told of hazard status', { accidentId, hazardId: hazard.hazardId, error: String(error) });
      return;
    }
    throw error;
  }
}
